import { Card, Descriptions, Empty, Pagination, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../ui/useIsPhone';

interface Props<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  columns: TableColumnsType<T>;
  /** On phones: the card's title, its tag, and its lines. */
  card: (item: T) => {
    title: ReactNode;
    extra: ReactNode;
    lines: { key: string; label: string; value: ReactNode }[];
  };
  rowKey: (item: T) => number;
}

/** An inbox: a table on wider screens, cards on phones (nothing overflows 375 px). */
export function InboxList<T extends object>(props: Props<T>) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const { items, total, page, pageSize, loading, onPage } = props;
  const showTotal = (n: number) => t('common.total', { count: n });
  if (isPhone) {
    return (
      <div aria-busy={loading}>
        {items.length === 0 && !loading && <Empty description={t('enforcement.empty')} />}
        <ul className="wj-cards">
          {items.map((item) => {
            const c = props.card(item);
            return (
              <li key={props.rowKey(item)}>
                <Card size="small" title={c.title} extra={c.extra}>
                  <Descriptions
                    size="small"
                    column={1}
                    items={c.lines.map((l) => ({ key: l.key, label: l.label, children: l.value }))}
                  />
                </Card>
              </li>
            );
          })}
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
  return (
    <Table<T>
      rowKey={props.rowKey}
      size="middle"
      columns={props.columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('enforcement.empty')} /> }}
      pagination={{ current: page, pageSize, total, showTotal, onChange: onPage, showSizeChanger: true }}
    />
  );
}
