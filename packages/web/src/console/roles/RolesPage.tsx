import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteRole, ROLES_KEY, type Role, roleLabel, useRoles } from '../../api/roles';
import { ProblemAlert, useProblemText } from '../../ui/ProblemAlert';
import { RoleFormModal } from './RoleFormModal';
import { RoleList } from './RoleList';
import '../users/lists.css';
import './roles.css';

/** 角色权限: roles as sets of permissions; built-in roles can be adjusted, custom ones created and deleted. */
export default function RolesPage() {
  const { t, i18n } = useTranslation();
  const roles = useRoles();
  const queryClient = useQueryClient();
  const { modal, message } = App.useApp();
  const problemText = useProblemText();
  const [editing, setEditing] = useState<Role | 'new' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ROLES_KEY });

  const askDelete = (role: Role) =>
    modal.confirm({
      title: t('roles.deleteConfirm', { name: roleLabel(role, i18n.language) }),
      content: t('roles.deleteHelp'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await deleteRole(role.code);
          void message.success(t('roles.deleted', { name: roleLabel(role, i18n.language) }));
        } catch (error) {
          modal.error({
            title: t('roles.deleteFailed'),
            content: problemText(error),
            okText: t('common.ok'),
          });
        }
        await refresh();
      },
    });

  return (
    <div className="wj-page">
      <div className="wj-title-row">
        <Typography.Title level={1} className="wj-page-title">
          {t('roles.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('roles.create')}
        </Button>
      </div>
      <Card>
        <Typography.Paragraph className="wj-muted">{t('roles.intro')}</Typography.Paragraph>
        {roles.isError && <ProblemAlert error={roles.error} />}
        <RoleList
          roles={roles.data ?? []}
          loading={roles.isPending}
          onEdit={setEditing}
          onDelete={askDelete}
        />
      </Card>
      {editing && (
        <RoleFormModal
          role={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(role) => {
            void message.success(t('roles.saved', { name: roleLabel(role, i18n.language) }));
            void refresh();
            setEditing(null);
          }}
        />
      )}
    </div>
  );
}
