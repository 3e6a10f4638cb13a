import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type DeadlineRecord, type DeadlineSource, useDeadlineRecords } from '../../api/oversight';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { recordPage } from './links';
import { RecordsTable, yesNo } from './RecordsTable';

/** 指标明细: the deadline records behind one figure of the dashboard, with the same filters as the count. */
export function RecordsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const source = (params.get('source') ?? 'complaint') as DeadlineSource;
  const measure = params.get('measure') ?? 'started';
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  const q = {
    source,
    measure,
    category: params.get('category') ?? undefined,
    regionCode: params.get('regionCode') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    page,
    pageSize,
  };
  const records = useDeadlineRecords(q);
  const back = new URLSearchParams();
  for (const k of ['regionCode', 'from', 'to']) {
    const v = params.get(k);
    if (v) back.set(k, v);
  }
  const names = (key: 'columns' | 'sources' | 'measures') =>
    t(`oversight.${key}`, { returnObjects: true }) as Record<string, string>;
  const columnNames = names('columns');
  const c = (k: string) => columnNames[k] ?? k;
  return (
    <div className="wj-page">
      <Typography.Title level={1} className="wj-page-title">
        {t('oversight.recordsTitle', {
          source: names('sources')[source] ?? source,
          measure: names('measures')[measure] ?? measure,
        })}
        {q.category ? ` · ${q.category}` : ''}
      </Typography.Title>
      <p className="wj-muted">
        {[q.regionCode, q.from && `${q.from} – ${q.to ?? ''}`].filter(Boolean).join(' · ')}
      </p>
      <Link to={`/console/oversight?${back}`}>
        <Button className="wj-gap">{t('oversight.backToDashboard')}</Button>
      </Link>
      {records.error && <ProblemAlert error={records.error} />}
      <RecordsTable<DeadlineRecord>
        rows={records.data?.items ?? []}
        total={records.data?.total ?? 0}
        loading={records.isFetching}
        page={page}
        pageSize={pageSize}
        rowKey={(r) => `${r.source}-${r.recordId}`}
        titleOf={(r) => r.reference || r.label}
        linkOf={(r) => recordPage(r.source, r.recordId)}
        onPage={(p, s) => {
          const next = new URLSearchParams(params);
          next.set('page', String(p));
          next.set('pageSize', String(s));
          setParams(next);
        }}
        columns={[
          { key: 'reference', title: c('reference'), render: (r) => r.reference || '—' },
          { key: 'label', title: c('label'), render: (r) => r.label },
          { key: 'region', title: c('region'), render: (r) => r.regionCode },
          { key: 'category', title: c('category'), render: (r) => r.category || '—' },
          { key: 'state', title: c('state'), render: (r) => r.state },
          { key: 'startedOn', title: c('startedOn'), render: (r) => r.startedOn ?? '—' },
          { key: 'dueOn', title: c('dueOn'), render: (r) => r.dueOn ?? '—' },
          { key: 'doneOn', title: c('doneOn'), render: (r) => r.doneOn ?? '—' },
          {
            key: 'onTime',
            title: c('onTime'),
            render: (r) => yesNo(r.onTime, t('oversight.yes'), t('oversight.no')),
          },
        ]}
      />
    </div>
  );
}
