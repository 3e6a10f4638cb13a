import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleName } from '../../api/auth';
import type { User } from '../../api/users';

/** 启用/停用, 已锁定, 需改密码 and the second factor, as tags. */
export function UserStatusTags({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap>
      {user.status === 'active' ? (
        <Tag color="success">{t('users.statusActive')}</Tag>
      ) : (
        <Tag>{t('users.statusDisabled')}</Tag>
      )}
      {user.locked && <Tag color="error">{t('users.locked')}</Tag>}
      {user.mustChangePassword && <Tag color="warning">{t('users.mustChangePassword')}</Tag>}
      {user.secondFactorEnabled && <Tag color="blue">{t('users.totpOn')}</Tag>}
    </Space>
  );
}

export function UserRoleTags({ user }: { user: User }) {
  const { i18n } = useTranslation();
  if (user.roles.length === 0) return <span className="wj-muted">—</span>;
  return (
    <Space size={[4, 4]} wrap>
      {user.roles.map((r) => (
        <Tag key={r.code}>{roleName(r, i18n.language)}</Tag>
      ))}
    </Space>
  );
}
