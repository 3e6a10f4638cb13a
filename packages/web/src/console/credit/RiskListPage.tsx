import {
  Button,
  Card,
  Empty,
  Input,
  Pagination,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useIsPhone } from '../../ui/useIsPhone';
import {
  type ProfileQuery,
  type ProfileSummary,
  type RiskLevel,
  useProfiles,
  useRiskCounts,
} from './creditApi';
import { CREDIT_LEVELS, CreditTag, MODES, ModeText, RISK_LEVELS, RiskTag } from './labels';

const FILTERS = ['q', 'creditLevel', 'riskLevel', 'mode', 'blacklisted'] as const;
export const filePath = (id: number) => `/console/credit/establishments/${id}`;

/** 风险分级: how many establishments are at each level, and the list (highest score first) with filters in the address. */
export function RiskListPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const filter: Partial<Record<(typeof FILTERS)[number], string>> = {};
  for (const k of FILTERS) {
    const v = params.get(k);
    if (v) filter[k] = v;
  }
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  const query = { ...filter, page, pageSize } as ProfileQuery;
  const list = useProfiles(query);
  const { riskLevel: _r, ...others } = filter;
  const counts = useRiskCounts(others as Omit<ProfileQuery, 'page' | 'pageSize'>);

  const go = (next: typeof filter, nextPage = 1, nextSize = pageSize) => {
    const p = new URLSearchParams();
    for (const k of FILTERS) if (next[k]) p.set(k, next[k]!);
    if (nextPage > 1) p.set('page', String(nextPage));
    if (nextSize !== 20) p.set('pageSize', String(nextSize));
    setParams(p);
  };
  const set = (k: (typeof FILTERS)[number], v: string | undefined) => go({ ...filter, [k]: v });
  const active = Object.keys(filter).length;

  const filters = (
    <div className="wj-toolbar">
      <Input.Search
        key={filter.q ?? ''}
        aria-label={t('credit.search')}
        placeholder={t('credit.searchPlaceholder')}
        defaultValue={filter.q}
        allowClear
        onSearch={(v) => set('q', v.trim() || undefined)}
      />
      <Select
        aria-label={t('credit.creditLevel')}
        placeholder={t('credit.creditLevel')}
        allowClear
        value={filter.creditLevel}
        onChange={(v) => set('creditLevel', v)}
        options={CREDIT_LEVELS.map((l) => ({ value: l, label: `${t('credit.creditLevel')} ${l}` }))}
      />
      <Select
        aria-label={t('credit.mode')}
        placeholder={t('credit.mode')}
        allowClear
        value={filter.mode}
        onChange={(v) => set('mode', v)}
        options={MODES.map((m) => ({ value: m, label: t(`credit.modes.${m}`) }))}
      />
      <Select
        aria-label={t('credit.blacklisted')}
        placeholder={t('credit.blacklisted')}
        allowClear
        value={filter.blacklisted}
        onChange={(v) => set('blacklisted', v)}
        options={[
          { value: 'true', label: t('credit.onBlacklist') },
          { value: 'false', label: t('credit.notOnBlacklist') },
        ]}
      />
      {active > 0 && <Button onClick={() => go({})}>{t('credit.reset')}</Button>}
    </div>
  );

  return (
    <div className="wj-page wj-page-wide">
      <Typography.Title level={1} className="wj-page-title">
        {t('credit.riskTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('credit.riskIntro')}</Typography.Paragraph>
      <Card>
        <h2 className="wj-card-title">{t('credit.distribution')}</h2>
        <p className="wj-muted wj-small">{t('credit.distributionHint')}</p>
        <div className="wj-risk-dist">
          {RISK_LEVELS.map((l) => (
            <button
              key={l}
              type="button"
              aria-pressed={filter.riskLevel === l}
              onClick={() => set('riskLevel', filter.riskLevel === l ? undefined : l)}
            >
              <RiskTag level={l} />
              <span className="wj-count">{counts.data?.[l] ?? '…'}</span>
            </button>
          ))}
        </div>
        {isPhone ? (
          <details className="wj-filter-details" open={active > 0}>
            <summary>
              {active > 0 ? t('credit.filtersActive', { count: active }) : t('credit.filters')}
            </summary>
            {filters}
          </details>
        ) : (
          filters
        )}
        {list.isError && <ProblemAlert error={list.error} />}
        <ProfileList
          items={list.data?.items ?? []}
          total={list.data?.total ?? 0}
          loading={list.isFetching}
          page={page}
          pageSize={pageSize}
          onPage={(p, size) => go(filter, size === pageSize ? p : 1, size)}
        />
      </Card>
    </div>
  );
}

interface ListProps {
  items: ProfileSummary[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, size: number) => void;
}

function ProfileList({ items, total, loading, page, pageSize, onPage }: ListProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const showTotal = (n: number) => t('common.total', { count: n });
  const frequency = (p: ProfileSummary) =>
    p.inspectionsPerYear === null ? '—' : t('credit.perYear', { n: p.inspectionsPerYear });
  const score = (p: ProfileSummary) => (
    <span>
      <strong>{p.riskScore ?? '—'}</strong> <RiskTag level={p.riskLevel as RiskLevel | null} />
      {p.overridden && <Tag>{t('credit.overridden')}</Tag>}
    </span>
  );

  if (isPhone) {
    return (
      <div aria-busy={loading}>
        {items.length === 0 && !loading && <Empty description={t('credit.empty')} />}
        <ul className="wj-cards">
          {items.map((p) => (
            <li key={p.establishmentId}>
              <Card
                size="small"
                title={<Link to={filePath(p.establishmentId)}>{p.name}</Link>}
                extra={<CreditTag level={p.creditLevel} />}
              >
                <div>{score(p)}</div>
                <div className="wj-muted wj-small">
                  {p.regionName} · <ModeText mode={p.mode} /> · {frequency(p)} · {t('credit.demeritPoints')}{' '}
                  {p.demeritPoints}
                </div>
                {p.blacklisted && <Tag color="black">{t('credit.onBlacklist')}</Tag>}
              </Card>
            </li>
          ))}
        </ul>
        <Pagination
          simple
          current={page}
          pageSize={pageSize}
          total={total}
          onChange={onPage}
          align="center"
        />
      </div>
    );
  }
  const columns: TableColumnsType<ProfileSummary> = [
    {
      key: 'name',
      title: t('credit.name'),
      render: (_, p) => <Link to={filePath(p.establishmentId)}>{p.name}</Link>,
    },
    {
      key: 'region',
      title: t('credit.region'),
      render: (_, p) => <span title={p.regionCode}>{p.regionName}</span>,
      width: 120,
    },
    {
      key: 'credit',
      title: t('credit.creditLevel'),
      render: (_, p) => <CreditTag level={p.creditLevel} />,
      width: 90,
    },
    { key: 'risk', title: t('credit.riskScore'), render: (_, p) => score(p) },
    { key: 'mode', title: t('credit.mode'), render: (_, p) => <ModeText mode={p.mode} /> },
    { key: 'frequency', title: t('credit.frequency'), render: (_, p) => frequency(p) },
    { key: 'points', title: t('credit.demeritPoints'), dataIndex: 'demeritPoints', align: 'end', width: 70 },
    {
      key: 'blacklist',
      title: t('credit.blacklisted'),
      width: 90,
      render: (_, p) => (p.blacklisted ? <Tag color="black">{t('credit.onBlacklist')}</Tag> : null),
    },
  ];
  return (
    <Table<ProfileSummary>
      rowKey="establishmentId"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('credit.empty')} /> }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal,
        onChange: onPage,
      }}
    />
  );
}
