import { type MessageKey, useT } from '../i18n';
import { Tag, text } from '../public-ui';
import type { PublicRecord } from '../publicApi';

export function RevokedList({ items }: { items: PublicRecord[] }) {
  const { t } = useT();
  return (
    <ul className="wj-pub-cards">
      {items.map((l) => (
        <li key={String(l.number)}>
          <strong>{text(l.licenceName)}</strong> <span className="wj-pub-code">{text(l.number)}</span>
          <div>
            <Tag tone="red">{t(`pub.establishment.revokedStatus.${String(l.status)}` as MessageKey)}</Tag>{' '}
            {text(l.statusChangedOn)} · {text(l.decisionNo)}
          </div>
          <div>{text(l.reason)}</div>
        </li>
      ))}
    </ul>
  );
}

export function CommitmentList({ items }: { items: PublicRecord[] }) {
  const { t } = useT();
  return (
    <ul className="wj-pub-cards">
      {items.map((c) => (
        <li key={String(c.applicationNumber)}>
          <strong>{text(c.permitName)}</strong> · {text(c.decidedOn)}{' '}
          <Tag>{t(`pub.establishment.verification.${String(c.verification)}` as MessageKey)}</Tag>
          <div>{text(c.conditions)}</div>
        </li>
      ))}
    </ul>
  );
}
