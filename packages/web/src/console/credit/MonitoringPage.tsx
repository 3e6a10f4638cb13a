import {
  Alert,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Segmented,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../api/auth';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';
import {
  creditWrites,
  type Metric,
  type MonitoringBatch,
  type Reading,
  useBatches,
  useCreditMutation,
  useMetrics,
} from './creditApi';
import { type CsvProblem, readingsFromCsv } from './csv';
import { useBilingual, when } from './labels';
import '../users/lists.css';
import '../audit/audit.css';
import '../registry/registry.css';
import './credit.css';

/** 监测数据: batches as received (rejected ones with every error), a CSV upload, the metrics with their limits. */
export default function MonitoringPage() {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const [status, setStatus] = useState<'all' | 'accepted' | 'rejected'>('all');
  const [page, setPage] = useState(1);
  const batches = useBatches({ status: status === 'all' ? undefined : status, page, pageSize: 20 });
  return (
    <div className="wj-page wj-page-wide">
      <Typography.Title level={1} className="wj-page-title">
        {t('credit.monitoringTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('credit.monitoringIntro')}</Typography.Paragraph>
      {hasPermission(user, 'credit.monitoring.upload') && <UploadCard />}
      <Card className="wj-gap" title={<h2 className="wj-card-title">{t('credit.batches')}</h2>}>
        <div className="wj-toolbar">
          <Segmented
            value={status}
            onChange={(v) => {
              setStatus(v as typeof status);
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('credit.all') },
              { value: 'accepted', label: t('credit.accepted') },
              { value: 'rejected', label: t('credit.rejected') },
            ]}
          />
        </div>
        {batches.isError && <ProblemAlert error={batches.error} />}
        <BatchList
          items={batches.data?.items ?? []}
          loading={batches.isFetching}
          page={page}
          total={batches.data?.total ?? 0}
          onPage={setPage}
        />
      </Card>
      <MetricsCard />
    </div>
  );
}

function BatchErrors({ b }: { b: MonitoringBatch }) {
  const { pair } = useBilingual();
  if (b.errors.length === 0) return null;
  return (
    <ul className="wj-small">
      {b.errors.map((e) => (
        <li key={`${e.path}:${e.code}`}>
          <code>{e.path}</code> {pair(e.messageZh, e.messageEn)}
        </li>
      ))}
    </ul>
  );
}

function BatchList(props: {
  items: MonitoringBatch[];
  loading: boolean;
  page: number;
  total: number;
  onPage: (p: number) => void;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<MonitoringBatch> = [
    {
      key: 'id',
      title: t('credit.batchId'),
      render: (_, b) => <span className="wj-mono">{b.clientBatchId}</span>,
    },
    { key: 'at', title: t('credit.receivedAt'), render: (_, b) => when(b.receivedAt), width: 150 },
    { key: 'by', title: t('credit.receivedBy'), dataIndex: 'receivedBy' },
    {
      key: 'status',
      title: t('credit.status'),
      render: (_, b) => (
        <>
          <Tag color={b.status === 'accepted' ? 'green' : 'red'}>{t(`credit.${b.status}`)}</Tag>
          <BatchErrors b={b} />
        </>
      ),
    },
    { key: 'readings', title: t('credit.readings'), dataIndex: 'readings', align: 'end' },
    { key: 'flagged', title: t('credit.flagged'), dataIndex: 'flagged', align: 'end' },
  ];
  return (
    <Table<MonitoringBatch>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={props.items}
      loading={props.loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('credit.noBatches')} /> }}
      pagination={{ current: props.page, pageSize: 20, total: props.total, onChange: props.onPage }}
    />
  );
}

function UploadCard() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [batchId, setBatchId] = useState(() => `console-${Date.now()}`);
  const [parsed, setParsed] = useState<{ readings: Reading[]; problems: CsvProblem[] } | null>(null);
  const upload = useCreditMutation(creditWrites.uploadBatch);
  const result = upload.data;
  return (
    <Card className="wj-gap" title={<h2 className="wj-card-title">{t('credit.upload')}</h2>}>
      <Typography.Paragraph type="secondary">{t('credit.uploadIntro')}</Typography.Paragraph>
      <Form layout="vertical" className="wj-form-grid">
        <Form.Item label={t('credit.establishmentCode')} required>
          <Input value={code} onChange={(e) => setCode(e.target.value.trim())} />
        </Form.Item>
        <Form.Item label={t('credit.batchId')} required>
          <Input value={batchId} onChange={(e) => setBatchId(e.target.value.trim())} />
        </Form.Item>
        <Form.Item label={t('credit.chooseFile')}>
          <input
            type="file"
            accept=".csv,text/csv"
            aria-label={t('credit.chooseFile')}
            onChange={async (e) => {
              const file = e.target.files?.[0];
              upload.reset();
              setParsed(file ? readingsFromCsv(await file.text()) : null);
            }}
          />
        </Form.Item>
      </Form>
      {parsed && (
        <div className="wj-gap">
          <div>{t('credit.parsed', { count: parsed.readings.length })}</div>
          {parsed.problems.map((p) => (
            <div key={p.line} className="wj-small" role="alert">
              {t('credit.parseError', { line: p.line, message: p.message })}
            </div>
          ))}
        </div>
      )}
      <Button
        type="primary"
        disabled={!parsed || parsed.readings.length === 0 || parsed.problems.length > 0 || !code || !batchId}
        loading={upload.isPending}
        onClick={() =>
          parsed && upload.mutate({ batchId, establishmentCode: code, readings: parsed.readings })
        }
      >
        {t('credit.send')}
      </Button>
      <ProblemAlert error={upload.error} />
      {result && (
        <Alert
          className="wj-top-gap"
          type={result.status === 'accepted' ? 'success' : 'error'}
          showIcon
          title={
            result.status === 'accepted'
              ? `${t('credit.resultAccepted', { readings: result.readings, flagged: result.flagged, alerts: result.alerts.length })}${result.duplicate ? ` · ${t('credit.duplicate')}` : ''}`
              : t('credit.resultRejected')
          }
          description={<BatchErrors b={result} />}
        />
      )}
    </Card>
  );
}

function MetricsCard() {
  const { t } = useTranslation();
  const { pair, pick } = useBilingual();
  const metrics = useMetrics();
  const range = (m: Metric['limit']) =>
    m
      ? [m.min !== undefined ? `≥ ${m.min}` : '', m.max !== undefined ? `≤ ${m.max}` : '']
          .filter(Boolean)
          .join(' ')
      : '—';
  const columns: TableColumnsType<Metric> = [
    {
      key: 'metric',
      title: t('credit.metric'),
      render: (_, m) => (
        <span className="wj-stack">
          <span>{pair(m.nameZh, m.nameEn)}</span>
          <code className="wj-small">{m.code}</code>
        </span>
      ),
    },
    { key: 'unit', title: t('credit.unit'), render: (_, m) => m.units.join(' / ') },
    {
      key: 'physical',
      title: t('credit.physical'),
      render: (_, m) => `${m.physical.min} – ${m.physical.max}`,
    },
    { key: 'limit', title: t('credit.limit'), render: (_, m) => range(m.limit) },
    {
      key: 'basis',
      title: t('credit.citation'),
      render: (_, m) => <span className="wj-small">{pick(m.citation)}</span>,
    },
  ];
  return (
    <Card className="wj-gap" title={<h2 className="wj-card-title">{t('credit.metrics')}</h2>}>
      {metrics.isError && <ProblemAlert error={metrics.error} />}
      <Table<Metric>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={metrics.data?.items ?? []}
        loading={metrics.isPending}
        scroll={{ x: 'max-content' }}
        pagination={false}
      />
    </Card>
  );
}
