import { Button, Card, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Role, roleLabel } from '../../api/roles';
import { useIsPhone } from '../../ui/useIsPhone';
import { RolePermissions } from './RolePermissions';

interface Props {
  roles: Role[];
  loading: boolean;
  onEdit: (role: Role) => void;
  onDelete: (role: Role) => void;
}

/** A table on wider screens, one card per role on phones. */
export function RoleList({ roles, loading, onEdit, onDelete }: Props) {
  const { t, i18n } = useTranslation();
  const isPhone = useIsPhone();

  const name = (r: Role) => (
    <Space orientation="vertical" size={0}>
      <strong>{roleLabel(r, i18n.language)}</strong>
      <code className="wj-code">{r.code}</code>
    </Space>
  );
  const kind = (r: Role) => (
    <Space size={[4, 4]} wrap>
      {r.builtin ? <Tag color="blue">{t('roles.builtin')}</Tag> : <Tag>{t('roles.custom')}</Tag>}
      {r.forKind === 'institution' && <Tag color="purple">{t('roles.forInstitution')}</Tag>}
    </Space>
  );
  const actions = (r: Role, block?: boolean) => (
    <Space wrap className={block ? 'wj-card-actions' : undefined}>
      <Button size="small" onClick={() => onEdit(r)}>
        {t('roles.edit')}
      </Button>
      {!r.builtin && (
        <Button size="small" danger onClick={() => onDelete(r)}>
          {t('common.delete')}
        </Button>
      )}
    </Space>
  );

  if (isPhone) {
    return (
      <ul className="wj-cards" aria-busy={loading}>
        {roles.map((r) => (
          <li key={r.code}>
            <Card size="small" title={name(r)} extra={kind(r)}>
              <p className="wj-muted">
                {t('roles.userCount')}：{r.userCount}
              </p>
              <RolePermissions role={r} />
              {actions(r, true)}
            </Card>
          </li>
        ))}
      </ul>
    );
  }

  const columns: TableColumnsType<Role> = [
    { key: 'name', title: t('roles.name'), render: (_, r) => name(r), width: 150 },
    { key: 'kind', title: t('roles.type'), render: (_, r) => kind(r), width: 130 },
    { key: 'users', title: t('roles.userCount'), dataIndex: 'userCount', align: 'right', width: 80 },
    { key: 'permissions', title: t('roles.permissions'), render: (_, r) => <RolePermissions role={r} /> },
    { key: 'actions', title: t('common.actions'), width: 130, fixed: 'right', render: (_, r) => actions(r) },
  ];
  return (
    <Table<Role>
      rowKey="code"
      columns={columns}
      dataSource={roles}
      loading={loading}
      pagination={false}
      scroll={{ x: 900 }}
    />
  );
}
