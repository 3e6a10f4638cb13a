import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../api/enforcement';
import { BenchmarkHint } from './BenchmarkHint';

/** The party, the officers (with recusals) and the violation against the benchmark. */
export function CaseFacts({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const p = c.party;
  return (
    <Card title={<h2 className="wj-card-title">{t('enforcement.facts')}</h2>} className="wj-gap">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'summary', label: t('enforcement.summary'), children: c.summary },
          {
            key: 'party',
            label: t('enforcement.party'),
            children: (
              <span className="wj-stack">
                <span>{p.name}</span>
                {p.creditCode && <span className="wj-code">{p.creditCode}</span>}
                {p.representative && (
                  <span className="wj-muted wj-small">
                    {t('enforcement.representative')}：{p.representative}
                  </span>
                )}
                {p.address && <span className="wj-muted wj-small">{p.address}</span>}
              </span>
            ),
          },
          {
            key: 'officers',
            label: t('enforcement.officers'),
            children: (
              <span className="wj-stack">
                {c.officers.map((o) => (
                  <span key={o.inspectorId}>
                    {o.name} <span className="wj-code">{o.certificateNo}</span>
                    {o.recusedOn && (
                      <Tag className="wj-left-gap">{`回避 ${o.recusedOn}：${o.recusalReason ?? ''}`}</Tag>
                    )}
                  </span>
                ))}
              </span>
            ),
          },
          ...(c.facts
            ? [
                {
                  key: 'facts',
                  label: t('enforcement.fields.facts'),
                  children: <div className="wj-prewrap">{c.facts}</div>,
                },
              ]
            : []),
        ]}
      />
      {c.violation && (
        <>
          <h3 className="wj-subtitle">{t('enforcement.violation')}</h3>
          <BenchmarkHint c={c} />
        </>
      )}
    </Card>
  );
}

/** The deadlines of the case, each with the rule it comes from. */
export function CaseDeadlines({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const d = c.deadlines;
  const rows: { key: string; label: string; value: string | null }[] = [
    { key: 'opened', label: t('enforcement.openedOn'), value: c.openedOn },
    { key: 'decide', label: t('enforcement.decideDue'), value: d.decideDue },
    { key: 'statement', label: t('enforcement.statementDue'), value: d.statementDue },
    { key: 'hearing', label: t('enforcement.hearingRequestDue'), value: d.hearingRequestDue },
    { key: 'service', label: t('enforcement.serviceDue'), value: d.serviceDue },
    { key: 'payment', label: t('enforcement.paymentDue'), value: d.paymentDue },
  ];
  return (
    <Card title={<h2 className="wj-card-title">{t('enforcement.due')}</h2>} className="wj-gap">
      <Descriptions
        size="small"
        column={1}
        items={rows.filter((r) => r.value).map((r) => ({ key: r.key, label: r.label, children: r.value }))}
      />
      <p className="wj-muted wj-small">
        {t('enforcement.decisionLimit', { days: d.decisionLimitDays })}
        {d.extensionDays > 0 && ` · ${t('enforcement.extension', { days: d.extensionDays })}`}
      </p>
    </Card>
  );
}
