import { Descriptions, Empty, Table } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../ui/useIsPhone';

export interface FigureColumn<T> {
  key: string;
  title: string;
  render: (row: T) => ReactNode;
  align?: 'right';
}

/** A table of figures on a desktop; on a phone each row is a small card of label–value pairs. */
export function FigureTable<T>({
  rows,
  columns,
  rowKey,
  heading,
}: {
  rows: T[];
  columns: FigureColumn<T>[];
  rowKey: (row: T) => string;
  /** The column that titles a row's card on a phone. */
  heading: (row: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  if (isPhone) {
    if (rows.length === 0) return <Empty description={t('inspectionFigures.none')} />;
    return (
      <ul className="wj-figure-cards">
        {rows.map((r) => (
          <li key={rowKey(r)}>
            <strong>{heading(r)}</strong>
            <Descriptions
              size="small"
              column={2}
              items={columns.slice(1).map((c) => ({ key: c.key, label: c.title, children: c.render(r) }))}
            />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table<T>
      size="small"
      rowKey={rowKey}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: t('inspectionFigures.none') }}
      columns={columns.map((c) => ({
        key: c.key,
        title: c.title,
        align: c.align,
        render: (_, r) => c.render(r),
      }))}
    />
  );
}
