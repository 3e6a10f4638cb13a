import {
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  Row,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { hasPermission } from '../../api/auth';
import {
  type PermitReportQuery,
  type PermitReportRow,
  permitReportXlsxUrl,
  usePermitReport,
} from '../../api/licensingCatalogue';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useIsPhone } from '../../ui/useIsPhone';
import { useConsoleUser } from '../consoleUser';
import { MODE_COLORS, useLicensingLabels } from './labels';
import { byMode, percent, sum, type Totals } from './report/reportFigures';
import '../users/lists.css';
import '../registry/registry.css';
import './licensing.css';
import './catalogue/editor.css';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function useCells() {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  const rate = (n: number, d: number) =>
    d ? `${t('licensingReport.rateOf', { n, d })} (${percent(n, d)})` : '—';
  return {
    mode: (m: string) => <Tag color={MODE_COLORS[m]}>{labels.mode(m)}</Tag>,
    limits: (r: PermitReportRow) =>
      `${labels.days(r.statutoryLimitDays)} / ${labels.days(r.committedLimitDays)}`,
    committed: (x: Totals) => rate(x.withinCommitted, x.timed),
    statutory: (x: Totals) => rate(x.withinStatutory, x.timed),
    outcome: (x: Totals) => `${x.granted}/${x.refused}`,
    commitments: (x: Totals) => `${x.verified} · ${x.foundFalse} · ${x.withdrawn}`,
  };
}

function ReportTable({ rows }: { rows: PermitReportRow[] }) {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  const isPhone = useIsPhone();
  const c = useCells();
  const name = (r: PermitReportRow) => labels.name({ nameZh: r.permitNameZh, nameEn: r.permitNameEn });
  if (rows.length === 0) return <Empty description={t('licensingReport.empty')} />;
  if (isPhone)
    return (
      <ul className="wj-cards">
        {rows.map((r) => (
          <li key={`${r.permitCode}-${r.mode}`}>
            <Card size="small" title={name(r)} extra={c.mode(r.mode)}>
              <dl className="wj-report-facts">
                <dt>{t('licensingReport.limits')}</dt>
                <dd>{c.limits(r)}</dd>
                <dt>{t('licensingReport.received')}</dt>
                <dd>{r.received}</dd>
                <dt>{t('licensingReport.decided')}</dt>
                <dd>{r.decided}</dd>
                <dt>{t('licensingReport.withinCommitted')}</dt>
                <dd>{c.committed(r)}</dd>
                <dt>{t('licensingReport.withinStatutory')}</dt>
                <dd>{c.statutory(r)}</dd>
                <dt>{`${t('licensingReport.verified')} · ${t('licensingReport.foundFalse')} · ${t('licensingReport.withdrawn')}`}</dt>
                <dd>{c.commitments(r)}</dd>
              </dl>
            </Card>
          </li>
        ))}
      </ul>
    );
  const columns: TableColumnsType<PermitReportRow> = [
    {
      key: 'permit',
      title: t('licensingReport.permit'),
      render: (_, r) => name(r),
      fixed: 'left',
      width: 220,
    },
    { key: 'mode', title: t('licensingReport.mode'), render: (_, r) => c.mode(r.mode) },
    { key: 'limits', title: t('licensingReport.limits'), render: (_, r) => c.limits(r) },
    { key: 'received', title: t('licensingReport.received'), dataIndex: 'received', align: 'right' },
    { key: 'decided', title: t('licensingReport.decided'), dataIndex: 'decided', align: 'right' },
    {
      key: 'outcome',
      title: t('licensingReport.grantedRefused'),
      render: (_, r) => c.outcome(r),
      align: 'right',
    },
    { key: 'committed', title: t('licensingReport.withinCommitted'), render: (_, r) => c.committed(r) },
    { key: 'statutory', title: t('licensingReport.withinStatutory'), render: (_, r) => c.statutory(r) },
    {
      key: 'avg',
      title: t('licensingReport.averageDays'),
      render: (_, r) =>
        r.averageWorkingDays === null ? '—' : t('licensingReport.days', { n: r.averageWorkingDays }),
    },
    { key: 'verified', title: t('licensingReport.verified'), dataIndex: 'verified', align: 'right' },
    { key: 'false', title: t('licensingReport.foundFalse'), dataIndex: 'foundFalse', align: 'right' },
    { key: 'withdrawn', title: t('licensingReport.withdrawn'), dataIndex: 'withdrawn', align: 'right' },
  ];
  return (
    <Table<PermitReportRow>
      rowKey={(r) => `${r.permitCode}-${r.mode}`}
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}

function ModeTotals({ rows }: { rows: PermitReportRow[] }) {
  const { t } = useTranslation();
  const c = useCells();
  if (rows.length === 0) return null;
  const items = [
    ...byMode(rows).map((m) => ({ key: m.mode, label: c.mode(m.mode), x: m.totals })),
    {
      key: 'total',
      label: <strong>{t('licensingReport.total')}</strong>,
      x: sum(rows),
    },
  ];
  return (
    <Card size="small" title={t('licensingReport.byMode')} className="wj-gap">
      <ul className="wj-diff-list" data-testid="report-mode-totals">
        {items.map((i) => (
          <li key={i.key}>
            {i.label} {t('licensingReport.received')} {i.x.received} · {t('licensingReport.decided')}{' '}
            {i.x.decided} · {t('licensingReport.withinCommitted')} {c.committed(i.x)} ·{' '}
            {t('licensingReport.withinStatutory')} {c.statutory(i.x)}
            {i.key === 'commitment' || i.key === 'total'
              ? ` · ${t('licensingReport.verified')} ${i.x.verified} · ${t('licensingReport.foundFalse')} ${i.x.foundFalse}`
              : ''}
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** /console/licensing/report: 许可统计 per permit type and reform mode, with an Excel export. */
export default function ReportPage() {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  const user = useConsoleUser();
  const [params, setParams] = useSearchParams();
  const query: PermitReportQuery = {
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    regionCode: params.get('regionCode') ?? undefined,
  };
  const q = usePermitReport(query);
  const onFinish = (v: { from?: string; to?: string; regionCode?: string }) => {
    const next = new URLSearchParams();
    for (const [k, x] of Object.entries(v)) if (x) next.set(k, x.trim());
    setParams(next);
  };
  const dateRule = { pattern: DATE, message: 'YYYY-MM-DD' };
  return (
    <div className="wj-page wj-page-wide">
      <Typography.Title level={1} className="wj-page-title">
        {t('licensingReport.title')}
      </Typography.Title>
      <p className="wj-muted">
        {t('licensingReport.intro')}{' '}
        {hasPermission(user, 'oversight.report') && (
          <Link to="/console/oversight/reports">{t('licensingReport.evaluationLink')}</Link>
        )}
      </p>
      <Card size="small" className="wj-gap">
        <Form
          key={q.data ? `${q.data.from}-${q.data.to}` : 'loading'}
          layout="vertical"
          initialValues={{ ...query, from: query.from ?? q.data?.from, to: query.to ?? q.data?.to }}
          onFinish={onFinish}
        >
          <Row gutter={12} align="bottom">
            <Col xs={12} md={5}>
              <Form.Item name="from" label={t('licensingReport.period')} rules={[dateRule]}>
                <Input type="date" aria-label="from" />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item name="to" label=" " rules={[dateRule]}>
                <Input type="date" aria-label="to" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item
                name="regionCode"
                label={t('licensingReport.regionCode')}
                tooltip={t('licensingReport.regionHint')}
                rules={[{ pattern: /^\d{6}(\d{3}(\d{3})?)?$/, message: t('licensingReport.regionFormat') }]}
              >
                <Input placeholder={t('licensingReport.regionHint')} inputMode="numeric" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item>
                <div className="wj-edit-actions wj-report-actions">
                  <Button type="primary" htmlType="submit">
                    {t('licensingReport.query')}
                  </Button>
                  {q.data && (
                    <Button href={permitReportXlsxUrl(query)} download>
                      {t('licensingReport.exportXlsx')}
                    </Button>
                  )}
                </div>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {q.isPending ? (
        <PageLoading />
      ) : q.isError ? (
        <ProblemAlert error={q.error} />
      ) : (
        <>
          <p className="wj-muted" data-testid="report-scope">
            {t('licensingReport.scope', {
              region: q.data.region.name,
              code: q.data.region.code,
              from: q.data.from,
              to: q.data.to,
            })}
          </p>
          <ModeTotals rows={q.data.rows} />
          <ReportTable rows={q.data.rows} />
          <p className="wj-muted wj-small">{labels.citation(q.data.citation)}</p>
        </>
      )}
    </div>
  );
}
