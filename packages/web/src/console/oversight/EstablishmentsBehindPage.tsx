import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type EstablishmentBehind, useEstablishmentsBehind } from '../../api/oversight';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useRegistryLabels } from '../registry/labels';
import { RecordsTable } from './RecordsTable';

/** The establishments behind the kind, credit-level and risk-level figures; each opens its credit file. */
export function EstablishmentsBehindPage() {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  const filter = {
    regionCode: params.get('regionCode') ?? undefined,
    kind: params.get('kind') ?? undefined,
    creditLevel: params.get('creditLevel') ?? undefined,
    riskLevel: params.get('riskLevel') ?? undefined,
  };
  const list = useEstablishmentsBehind({ ...filter, page, pageSize } as never);
  const columnNames = t('oversight.columns', { returnObjects: true }) as Record<string, string>;
  const c = (k: string) => columnNames[k] ?? k;
  const back = filter.regionCode ? `?regionCode=${filter.regionCode}` : '';
  return (
    <div className="wj-page">
      <Typography.Title level={1} className="wj-page-title">
        {t('oversight.establishmentsTitle')}
      </Typography.Title>
      <p className="wj-muted">{Object.values(filter).filter(Boolean).join(' · ')}</p>
      <Link to={`/console/oversight${back}`}>
        <Button className="wj-gap">{t('oversight.backToDashboard')}</Button>
      </Link>
      {list.error && <ProblemAlert error={list.error} />}
      <RecordsTable<EstablishmentBehind>
        rows={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        loading={list.isFetching}
        page={page}
        pageSize={pageSize}
        rowKey={(r) => String(r.id)}
        titleOf={(r) => r.name}
        linkOf={(r) => `/console/registry/establishments/${r.id}`}
        onPage={(p, s) => {
          const next = new URLSearchParams(params);
          next.set('page', String(p));
          next.set('pageSize', String(s));
          setParams(next);
        }}
        columns={[
          { key: 'name', title: c('name'), render: (r) => r.name },
          { key: 'kind', title: c('kind'), render: (r) => labels.kind(r.kind) },
          { key: 'region', title: c('region'), render: (r) => r.regionCode },
          { key: 'creditLevel', title: c('creditLevel'), render: (r) => r.creditLevel ?? '—' },
          { key: 'riskLevel', title: c('riskLevel'), render: (r) => r.riskLevel ?? '—' },
        ]}
      />
    </div>
  );
}
