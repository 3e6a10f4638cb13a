import { Card, Empty, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type PermitSummary, useCatalogue } from '../../../api/licensing';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useIsPhone } from '../../../ui/useIsPhone';
import { MODE_COLORS, useLicensingLabels } from '../labels';

/** The catalogue in force today: a table on wide screens, cards on phones; each row opens its page. */
export function CatalogueList({ pathOf }: { pathOf: (code: string) => string }) {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  const isPhone = useIsPhone();
  const q = useCatalogue();
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ProblemAlert error={q.error} />;
  const nameOf = (code: string) => {
    const p = q.data.items.find((x) => x.code === code);
    return p ? labels.name(p) : code;
  };
  const mode = (p: PermitSummary) => <Tag color={MODE_COLORS[p.mode]}>{labels.mode(p.mode)}</Tag>;
  const limits = (p: PermitSummary) =>
    p.mode === 'abolished'
      ? t('licensing.replacedBy', { name: p.replacedBy ? nameOf(p.replacedBy) : '—' })
      : `${t('licensing.committedLimit')} ${labels.days(p.committedLimitDays)} / ${t('licensing.statutoryLimit')} ${labels.days(p.statutoryLimitDays)}`;
  const head = <p className="wj-muted wj-small">{t('licensing.catalogueAsOf', { date: q.data.asOf })}</p>;
  if (isPhone)
    return (
      <>
        {head}
        <ul className="wj-cards">
          {q.data.items.map((p) => (
            <li key={p.code}>
              <Card size="small" title={<Link to={pathOf(p.code)}>{labels.name(p)}</Link>}>
                <span className="wj-stack">
                  <span>
                    {mode(p)} {labels.level(p.level)} · {labels.department(p.departmentCode)}
                  </span>
                  <span>{limits(p)}</span>
                  <span className="wj-muted wj-small">{labels.citation(p.citation)}</span>
                </span>
              </Card>
            </li>
          ))}
        </ul>
      </>
    );
  const columns: TableColumnsType<PermitSummary> = [
    {
      key: 'name',
      title: t('licensing.permit'),
      render: (_, p) => (
        <span className="wj-stack">
          <Link to={pathOf(p.code)}>{labels.name(p)}</Link>
          <span className="wj-muted wj-small">
            {t('licensing.version', { n: p.version })} · {p.effectiveFrom}
          </span>
        </span>
      ),
    },
    { key: 'mode', title: t('licensing.mode'), render: (_, p) => mode(p) },
    { key: 'level', title: t('licensing.level'), render: (_, p) => labels.level(p.level) },
    {
      key: 'department',
      title: t('licensing.department'),
      render: (_, p) => labels.department(p.departmentCode),
    },
    {
      key: 'committed',
      title: t('licensing.committedLimit'),
      render: (_, p) =>
        p.mode === 'abolished'
          ? t('licensing.replacedBy', { name: p.replacedBy ? nameOf(p.replacedBy) : '—' })
          : labels.days(p.committedLimitDays),
    },
    {
      key: 'statutory',
      title: t('licensing.statutoryLimit'),
      render: (_, p) => (p.mode === 'abolished' ? '—' : labels.days(p.statutoryLimitDays)),
    },
    {
      key: 'citation',
      title: t('licensing.citation'),
      render: (_, p) => <span className="wj-small">{labels.citation(p.citation)}</span>,
    },
  ];
  return (
    <>
      {head}
      <Table<PermitSummary>
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={q.data.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty /> }}
      />
    </>
  );
}
