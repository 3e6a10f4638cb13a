import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { USERS_KEY, type UserListQuery, useUsers } from '../../api/users';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { OneTimePasswordModal } from './OneTimePasswordModal';
import { SensitiveInfoModal } from './SensitiveInfoModal';
import { UserFilters } from './UserFilters';
import { UserFormModal } from './UserFormModal';
import { UserList } from './UserList';
import { useUserActions } from './useUserActions';
import './lists.css';

/** 用户管理: users in the administrator's scope, with creation and the account actions. */
export default function UsersPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState<UserListQuery>({ page: 1, pageSize: 20 });
  const users = useUsers(query);
  const { available, run, dialog, setDialog, canManage } = useUserActions();
  const refresh = () => queryClient.invalidateQueries({ queryKey: USERS_KEY });

  return (
    <div className="wj-page">
      <div className="wj-title-row">
        <Typography.Title level={1} className="wj-page-title">
          {t('users.title')}
        </Typography.Title>
        {canManage && (
          <Button type="primary" onClick={() => setDialog({ kind: 'create' })}>
            {t('users.create')}
          </Button>
        )}
      </div>
      <Card>
        <UserFilters
          value={query}
          onChange={(filters) => setQuery({ ...filters, page: 1, pageSize: query.pageSize })}
        />
        {users.isError && <ProblemAlert error={users.error} />}
        <UserList
          items={users.data?.items ?? []}
          total={users.data?.total ?? 0}
          loading={users.isFetching}
          page={query.page}
          pageSize={query.pageSize}
          onPage={(page, pageSize) => setQuery({ ...query, page, pageSize })}
          commandsFor={available}
          onCommand={run}
        />
      </Card>
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <UserFormModal
          user={dialog.kind === 'edit' ? dialog.user : null}
          onClose={() => setDialog(null)}
          onCreated={(result) => {
            void refresh();
            setDialog({ kind: 'password', result, reason: 'created' });
          }}
          onSaved={() => {
            void refresh();
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'password' && (
        <OneTimePasswordModal result={dialog.result} reason={dialog.reason} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'sensitive' && (
        <SensitiveInfoModal user={dialog.user} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
