import { Button, Card, Descriptions, Empty, Pagination, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../api/units';
import { useIsPhone } from '../../ui/useIsPhone';

interface Props {
  units: Unit[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  onRename: (unit: Unit) => void;
}

/** A table on wider screens, one card per unit on phones; paged by the server. */
export function UnitList({ units, total, loading, page, pageSize, onPage, onRename }: Props) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const region = (u: Unit) => (
    <>
      {u.regionName} <code className="wj-code">{u.regionCode}</code>
    </>
  );
  const rename = (u: Unit, block?: boolean) => (
    <Button size="small" block={block} onClick={() => onRename(u)}>
      {t('units.rename')}
    </Button>
  );
  const showTotal = (n: number) => t('common.total', { count: n });

  if (isPhone) {
    return (
      <div aria-busy={loading}>
        {units.length === 0 && !loading && <Empty />}
        <ul className="wj-cards">
          {units.map((u) => (
            <li key={u.id}>
              <Card size="small" title={u.name}>
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'department', label: t('units.department'), children: u.departmentName },
                    { key: 'region', label: t('units.region'), children: region(u) },
                    { key: 'level', label: t('units.level'), children: t(`regions.level.${u.regionLevel}`) },
                    { key: 'users', label: t('units.userCount'), children: u.userCount },
                  ]}
                />
                {rename(u, true)}
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

  const columns: TableColumnsType<Unit> = [
    { key: 'name', title: t('units.name'), dataIndex: 'name' },
    { key: 'department', title: t('units.department'), dataIndex: 'departmentName' },
    { key: 'region', title: t('units.region'), render: (_, u) => region(u) },
    { key: 'level', title: t('units.level'), render: (_, u) => t(`regions.level.${u.regionLevel}`) },
    { key: 'users', title: t('units.userCount'), dataIndex: 'userCount', align: 'right' },
    { key: 'actions', title: t('common.actions'), render: (_, u) => rename(u) },
  ];
  return (
    <Table<Unit>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={units}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={{ current: page, pageSize, total, showTotal, onChange: onPage, showSizeChanger: true }}
    />
  );
}
