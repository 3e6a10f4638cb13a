import { Link } from 'react-router';
import { type MessageKey, useT } from '../i18n';
import { Tag, text } from '../public-ui';
import type { PublicRecord } from '../publicApi';

export function InspectionList({ items }: { items: PublicRecord[] }) {
  const { t } = useT();
  if (items.length === 0) return <p>{t('pub.establishment.noInspections')}</p>;
  return (
    <ul className="wj-pub-cards">
      {items.map((i) => (
        <li key={`${i.campaignNo}-${i.inspectedOn}`}>
          <strong>{text(i.inspectedOn)}</strong>{' '}
          <Tag tone={i.outcome === 'compliant' ? 'green' : 'orange'}>
            {t(`pub.inspections.outcome.${String(i.outcome)}` as MessageKey)}
          </Tag>
          <div>
            <Link to={`/inspections/${encodeURIComponent(String(i.campaignNo))}`}>
              {text(i.campaignTitle)}
            </Link>
            {' · '}
            {text(i.departments)}
          </div>
          {i.findings && (
            <div>
              {t('pub.establishment.findings')}：{text(i.findings)}
            </div>
          )}
          {i.rectification && (
            <div>
              {t('pub.establishment.rectification')}：{text(i.rectification)}
            </div>
          )}
          <div className="wj-pub-muted">
            {t('pub.establishment.officers')}：{text(i.officers)}
          </div>
        </li>
      ))}
    </ul>
  );
}

export function PenaltyList({ items }: { items: PublicRecord[] }) {
  const { t } = useT();
  if (items.length === 0) return <p>{t('pub.establishment.noPenalties')}</p>;
  return (
    <ul className="wj-pub-cards">
      {items.map((p) => (
        <li key={String(p.decisionNo)}>
          <strong>{text(p.violationType)}</strong>
          <div className="wj-pub-code">{text(p.decisionNo)}</div>
          <div>{text(p.penaltyContent)}</div>
          <div>{text(p.facts)}</div>
          <div className="wj-pub-muted">
            {text(p.authority)} · {text(p.decidedOn)} ·{' '}
            {t('pub.establishment.penaltyUntil', { date: text(p.displayUntil) })}
          </div>
        </li>
      ))}
    </ul>
  );
}
