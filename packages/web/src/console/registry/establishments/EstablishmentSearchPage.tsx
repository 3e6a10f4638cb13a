import { Button, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { hasPermission } from '../../../api/auth';
import {
  type EstablishmentFilter,
  type EstablishmentSort,
  exportUrl,
  useEstablishments,
} from '../../../api/registry';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useIsPhone } from '../../../ui/useIsPhone';
import { useConsoleUser } from '../../consoleUser';
import { EstablishmentFilters } from './EstablishmentFilters';
import { EstablishmentList, type SortState } from './EstablishmentList';

const FILTER_KEYS = ['q', 'code', 'kind', 'category', 'region', 'status', 'flags', 'ownership'] as const;
const DEFAULT_SORT: SortState = { sort: 'name', order: 'asc' };

/** 监管对象: the search; filters, page and sort live in the address, so a view can be shared. */
export function EstablishmentSearchPage() {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter: EstablishmentFilter = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) filter[k] = v;
  }
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  const sort: SortState = {
    sort: (params.get('sort') as EstablishmentSort | null) ?? DEFAULT_SORT.sort,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
  };
  const list = useEstablishments({ ...filter, page, pageSize, ...sort });

  const go = (next: EstablishmentFilter, nextPage = 1, nextSize = pageSize, nextSort = sort) => {
    const p = new URLSearchParams();
    for (const k of FILTER_KEYS) if (next[k]) p.set(k, next[k]);
    if (nextPage > 1) p.set('page', String(nextPage));
    if (nextSize !== 20) p.set('pageSize', String(nextSize));
    if (nextSort.sort !== DEFAULT_SORT.sort || nextSort.order !== DEFAULT_SORT.order) {
      p.set('sort', nextSort.sort);
      p.set('order', nextSort.order);
    }
    setParams(p);
  };
  const filters = (
    <EstablishmentFilters key={JSON.stringify(filter)} value={filter} onChange={(f) => go(f)} />
  );
  const active = Object.keys(filter).length;

  return (
    <div className="wj-page wj-page-wide">
      <div className="wj-title-row">
        <Typography.Title level={1} className="wj-page-title">
          {t('registry.establishmentsTitle')}
        </Typography.Title>
        <Space wrap className="wj-title-actions">
          {hasPermission(user, 'registry.edit') && (
            <Button type="primary" onClick={() => navigate('/console/registry/establishments/new')}>
              {t('registry.create')}
            </Button>
          )}
          {hasPermission(user, 'registry.import') && (
            <Button onClick={() => navigate('/console/registry/import')}>{t('registry.goImport')}</Button>
          )}
          {hasPermission(user, 'registry.export') && (
            <Button href={exportUrl(filter)} download>
              {t('registry.exportXlsx')}
            </Button>
          )}
        </Space>
      </div>
      <Card>
        {isPhone ? (
          <details className="wj-filter-details" open={active > 0}>
            <summary>
              {active > 0 ? t('registry.filtersActive', { count: active }) : t('registry.filters')}
            </summary>
            {filters}
          </details>
        ) : (
          filters
        )}
        {list.isError && <ProblemAlert error={list.error} />}
        <EstablishmentList
          items={list.data?.items ?? []}
          total={list.data?.total ?? 0}
          totalExact={list.data?.totalExact ?? true}
          loading={list.isFetching}
          page={page}
          pageSize={pageSize}
          sort={sort}
          onPage={(p, size) => go(filter, size === pageSize ? p : 1, size)}
          onSort={(s) => go(filter, 1, pageSize, s)}
        />
      </Card>
    </div>
  );
}
