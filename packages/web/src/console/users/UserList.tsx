import { Card, Descriptions, Empty, Pagination, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/users';
import { useIsPhone } from '../../ui/useIsPhone';
import { UserActionsMenu } from './UserActionsMenu';
import { UserRoleTags, UserStatusTags } from './UserStatusTags';
import type { UserCommand } from './useUserActions';

interface Props {
  items: User[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  commandsFor: (user: User) => UserCommand[];
  onCommand: (command: UserCommand, user: User) => void;
}

/** A table on wider screens, a stack of cards on phones; paged by the server. */
export function UserList(props: Props) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const { items, total, loading, page, pageSize, onPage, commandsFor, onCommand } = props;
  const showTotal = (n: number) => t('common.total', { count: n });

  if (isPhone) {
    return (
      <div aria-busy={loading}>
        {items.length === 0 && !loading && <Empty description={t('users.empty')} />}
        <ul className="wj-cards">
          {items.map((u) => (
            <li key={u.id}>
              <Card size="small" title={`${u.displayName}（${u.username}）`}>
                <UserStatusTags user={u} />
                <Descriptions
                  className="wj-top-gap"
                  size="small"
                  column={1}
                  items={[
                    { key: 'unit', label: t('users.unit'), children: u.unit?.name ?? '—' },
                    { key: 'roles', label: t('users.roles'), children: <UserRoleTags user={u} /> },
                    { key: 'phone', label: t('users.phone'), children: u.phoneMasked ?? '—' },
                  ]}
                />
                <UserActionsMenu user={u} commands={commandsFor(u)} onCommand={onCommand} block />
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

  const columns: TableColumnsType<User> = [
    { key: 'username', title: t('users.username'), dataIndex: 'username', width: 140 },
    { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName', width: 100 },
    { key: 'unit', title: t('users.unit'), render: (_, u) => u.unit?.name ?? '—' },
    { key: 'roles', title: t('users.roles'), render: (_, u) => <UserRoleTags user={u} /> },
    { key: 'status', title: t('users.status'), render: (_, u) => <UserStatusTags user={u} /> },
    { key: 'phone', title: t('users.phone'), render: (_, u) => u.phoneMasked ?? '—', width: 130 },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      width: 100,
      render: (_, u) => <UserActionsMenu user={u} commands={commandsFor(u)} onCommand={onCommand} />,
    },
  ];
  return (
    <Table<User>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('users.empty')} /> }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        showTotal,
        onChange: onPage,
      }}
    />
  );
}
