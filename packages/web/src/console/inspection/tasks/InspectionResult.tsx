import { Card, Descriptions, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Inspection, photoUrl } from '../../../api/inspection';
import { beijing } from '../../registry/labels';
import { taskPath, useInspectionLabels } from '../labels';

const RESULT_COLORS: Record<string, string> = {
  compliant: 'green',
  non_compliant: 'volcano',
  not_applicable: 'default',
};

/** A recorded inspection: each item's result with notes and photos, who was there, what followed. */
export function InspectionResult({ inspection: x }: { inspection: Inspection }) {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  const r = x.result;
  if (!r) return null;
  const what = new Map(x.checklist.map((i) => [i.code, i.what]));
  return (
    <>
      <Card
        title={<h2 className="wj-card-title">{t('inspection.resultTitle')}</h2>}
        className="wj-gap"
        size="small"
      >
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'at', label: t('inspection.inspectedAt'), children: beijing(r.inspectedAt) },
            {
              key: 'o',
              label: t('inspection.officersPresent'),
              children: r.officers
                .map((o) => `${o.name}（${labels.department(o.departmentCode)}）`)
                .join('、'),
            },
            { key: 'by', label: t('inspection.recordedBy'), children: r.recordedBy ?? '—' },
            ...(x.publicationDue
              ? [{ key: 'p', label: t('inspection.publicationDue'), children: x.publicationDue }]
              : []),
            ...(r.notes ? [{ key: 'n', label: t('inspection.notes'), children: r.notes }] : []),
          ]}
        />
        <List
          className="wj-top-gap"
          dataSource={r.items}
          renderItem={(i) => (
            <List.Item>
              <div>
                <Tag color={RESULT_COLORS[i.result]}>{labels.result(i.result)}</Tag>
                <strong>{i.itemCode}</strong> {what.get(i.itemCode)}
                {i.disposition && <Tag className="wj-inline-tag">{labels.disposition(i.disposition)}</Tag>}
                {i.note && <div className="wj-basis">{i.note}</div>}
                {i.photoIds.length > 0 && (
                  <div className="wj-photo-row">
                    {i.photoIds.map((p, n) => (
                      <a key={p} href={photoUrl(x.id, p)} target="_blank" rel="noreferrer">
                        <img
                          className="wj-photo-thumb"
                          src={photoUrl(x.id, p, 'thumb')}
                          loading="lazy"
                          alt={t('inspection.photoAlt', { n: n + 1 })}
                        />
                      </a>
                    ))}
                  </div>
                )}
              </div>
            </List.Item>
          )}
        />
      </Card>
      {x.rectification && (
        <Card
          title={<h2 className="wj-card-title">{t('inspection.rectificationTitle')}</h2>}
          className="wj-gap"
          size="small"
        >
          <p>
            {t('inspection.rectificationLine', { ...x.rectification })}{' '}
            <Tag>{labels.rectification(x.rectification.status)}</Tag>
            {x.rectification.overdue && <Tag color="red">{t('inspection.overdue')}</Tag>}
          </p>
          {x.rectification.reinspectionId && (
            <Link to={taskPath(x.rectification.reinspectionId)}>{t('inspection.openReinspection')}</Link>
          )}
        </Card>
      )}
      {x.leads.length > 0 && (
        <Card
          title={<h2 className="wj-card-title">{t('inspection.leadsTitle')}</h2>}
          className="wj-gap"
          size="small"
        >
          <ul className="wj-inspection-list">
            {x.leads.map((l) => (
              <li key={l.id}>
                {l.summary} <span className="wj-basis">({l.itemCodes.join('、')})</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
