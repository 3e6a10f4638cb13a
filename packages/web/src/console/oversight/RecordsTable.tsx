import { Card, List, Pagination, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useIsPhone } from '../../ui/useIsPhone';

export interface Column<T> {
  key: string;
  title: string;
  render: (row: T) => React.ReactNode;
}

/** A list behind a figure: a table on a desktop, cards on a phone. */
export function RecordsTable<T extends object>({
  rows,
  columns,
  rowKey,
  titleOf,
  linkOf,
  total,
  page,
  pageSize,
  loading,
  onPage,
}: {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  titleOf: (row: T) => string;
  linkOf: (row: T) => string;
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, size: number) => void;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const pager = (
    <Pagination
      className="wj-gap"
      current={page}
      pageSize={pageSize}
      total={total}
      showTotal={(n) => t('oversight.total', { total: n })}
      onChange={onPage}
      size={isPhone ? 'small' : 'medium'}
    />
  );
  if (isPhone) {
    return (
      <div aria-busy={loading}>
        <List
          dataSource={rows}
          locale={{ emptyText: t('oversight.recordsEmpty') }}
          renderItem={(row) => (
            <List.Item key={rowKey(row)}>
              <Card size="small" className="wj-full" title={<Link to={linkOf(row)}>{titleOf(row)}</Link>}>
                {columns.map((c) => (
                  <div key={c.key}>
                    <span className="wj-muted">{c.title}：</span>
                    {c.render(row)}
                  </div>
                ))}
              </Card>
            </List.Item>
          )}
        />
        {pager}
      </div>
    );
  }
  const cols: ColumnsType<T> = [
    {
      key: 'title',
      title: columns[0]?.title,
      render: (_, row) => <Link to={linkOf(row)}>{titleOf(row)}</Link>,
    },
    ...columns
      .slice(1)
      .map((c) => ({ key: c.key, title: c.title, render: (_: unknown, row: T) => c.render(row) })),
  ];
  return (
    <>
      <Table<T>
        rowKey={rowKey}
        columns={cols}
        dataSource={rows}
        loading={loading}
        pagination={false}
        size="small"
        locale={{ emptyText: t('oversight.recordsEmpty') }}
        scroll={{ x: true }}
      />
      {pager}
    </>
  );
}

export const yesNo = (v: boolean | null, yes: string, no: string) =>
  v === null ? '—' : <Tag color={v ? 'green' : 'red'}>{v ? yes : no}</Tag>;
