import { Card, Descriptions, Empty, Pagination, Select, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EstablishmentSort, EstablishmentSummary } from '../../../api/registry';
import { useIsPhone } from '../../../ui/useIsPhone';
import { beijing, STATUS_COLORS, useRegistryLabels } from '../labels';

export interface SortState {
  sort: EstablishmentSort;
  order: 'asc' | 'desc';
}

interface Props {
  items: EstablishmentSummary[];
  total: number;
  totalExact: boolean;
  loading: boolean;
  page: number;
  pageSize: number;
  sort: SortState;
  onPage: (page: number, pageSize: number) => void;
  onSort: (sort: SortState) => void;
}

const SORTABLE: EstablishmentSort[] = ['name', 'categoryCode', 'regionCode', 'beds', 'updatedAt'];
export const detailPath = (id: number) => `/console/registry/establishments/${id}`;

export function StatusTag({ status }: { status: string }) {
  const labels = useRegistryLabels();
  return <Tag color={STATUS_COLORS[status]}>{labels.status(status)}</Tag>;
}

export function FlagTags({ flags }: { flags: string[] }) {
  const labels = useRegistryLabels();
  return (
    <>
      {flags.map((f) => (
        <Tag key={f} color="purple" className="wj-flag-tag">
          {labels.flag(f)}
        </Tag>
      ))}
    </>
  );
}

/** The search result: a sortable table on wider screens, cards (with a sort choice) on phones. */
export function EstablishmentList(props: Props) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const labels = useRegistryLabels();
  const { items, total, totalExact, loading, page, pageSize, sort, onPage, onSort } = props;
  const showTotal = (n: number) => (totalExact ? t('common.total', { count: n }) : t('registry.totalCapped'));
  const sortLabel = (s: EstablishmentSort) => t(`registry.sortBy.${s}`);

  if (isPhone) {
    return (
      <div aria-busy={loading}>
        <Select<string>
          className="wj-full wj-gap"
          aria-label={t('registry.sortLabel')}
          value={`${sort.sort}:${sort.order}`}
          onChange={(v) => {
            const [s, o] = v.split(':') as [EstablishmentSort, 'asc' | 'desc'];
            onSort({ sort: s, order: o });
          }}
          options={SORTABLE.flatMap((s) => [
            { value: `${s}:asc`, label: `${sortLabel(s)} ↑` },
            { value: `${s}:desc`, label: `${sortLabel(s)} ↓` },
          ])}
        />
        {items.length === 0 && !loading && <Empty description={t('registry.empty')} />}
        <ul className="wj-cards">
          {items.map((e) => (
            <li key={e.id}>
              <Card
                size="small"
                title={<Link to={detailPath(e.id)}>{e.name}</Link>}
                extra={<StatusTag status={e.status} />}
              >
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'uscc', label: t('registry.uscc'), children: e.uscc ?? '—' },
                    {
                      key: 'category',
                      label: t('registry.category'),
                      children: `${labels.kind(e.kind)} · ${e.categoryName}`,
                    },
                    { key: 'region', label: t('registry.region'), children: e.regionName },
                    { key: 'address', label: t('registry.address'), children: e.address },
                  ]}
                />
                <FlagTags flags={e.flags} />
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
          showTotal={showTotal}
          align="center"
        />
      </div>
    );
  }

  const sorted = (key: EstablishmentSort) =>
    ({
      sorter: true,
      sortOrder: sort.sort === key ? (sort.order === 'asc' ? 'ascend' : 'descend') : null,
    }) as const;
  const columns: TableColumnsType<EstablishmentSummary> = [
    {
      key: 'name',
      title: t('registry.name'),
      ...sorted('name'),
      render: (_, e) => (
        <span className="wj-stack">
          <Link to={detailPath(e.id)}>{e.name}</Link>
          <span className="wj-code">{e.uscc ?? t('registry.noUscc')}</span>
        </span>
      ),
    },
    {
      key: 'categoryCode',
      title: t('registry.category'),
      ...sorted('categoryCode'),
      render: (_, e) => (
        <span className="wj-stack">
          <span>{e.categoryName}</span>
          <span className="wj-muted wj-small">{labels.kind(e.kind)}</span>
        </span>
      ),
    },
    { key: 'regionCode', title: t('registry.region'), dataIndex: 'regionName', ...sorted('regionCode') },
    { key: 'beds', title: t('registry.beds'), dataIndex: 'beds', align: 'end', width: 90, ...sorted('beds') },
    {
      key: 'status',
      title: t('registry.status'),
      render: (_, e) => <StatusTag status={e.status} />,
      width: 90,
    },
    { key: 'flags', title: t('registry.flags'), render: (_, e) => <FlagTags flags={e.flags} /> },
    {
      key: 'updatedAt',
      title: t('registry.updatedAt'),
      ...sorted('updatedAt'),
      width: 150,
      render: (_, e) => <time dateTime={e.updatedAt}>{beijing(e.updatedAt)}</time>,
    },
  ];
  return (
    <Table<EstablishmentSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('registry.empty')} /> }}
      onChange={(_p, _f, sorter, extra) => {
        if (extra.action !== 'sort' || Array.isArray(sorter)) return;
        const key = sorter.columnKey as EstablishmentSort | undefined;
        if (!key || !sorter.order) onSort({ sort: 'name', order: 'asc' });
        else onSort({ sort: key, order: sorter.order === 'ascend' ? 'asc' : 'desc' });
      }}
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
