import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleName } from '../../api/auth';
import { useIsPhone } from '../../ui/useIsPhone';
import { useConsoleUser } from '../consoleUser';
import { ProfileSecurity } from './ProfileSecurity';

/** 个人设置: what the platform knows about the signed-in user; password, second factor, sessions. */
export default function ProfilePage() {
  const { t, i18n } = useTranslation();
  const user = useConsoleUser();
  const isPhone = useIsPhone();
  const tags = (values: string[], color?: string) =>
    values.length > 0 ? (
      <Space size={[4, 4]} wrap>
        {values.map((v) => (
          <Tag key={v} color={color}>
            {v}
          </Tag>
        ))}
      </Space>
    ) : (
      '—'
    );
  return (
    <div className="wj-page">
      <Typography.Title level={1} className="wj-page-title">
        {t('profile.title')}
      </Typography.Title>
      <Card title={<h2 className="wj-card-title">{t('profile.infoCard')}</h2>} className="wj-gap">
        <Descriptions
          bordered
          size="small"
          layout={isPhone ? 'vertical' : 'horizontal'}
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'displayName', label: t('profile.displayName'), children: user.displayName },
            { key: 'username', label: t('profile.username'), children: user.username },
            {
              key: 'kind',
              label: t('profile.kind'),
              children: user.kind === 'staff' ? t('profile.kindStaff') : t('profile.kindInstitution'),
            },
            { key: 'unit', label: t('profile.unit'), children: user.unit?.name ?? '—' },
            { key: 'department', label: t('profile.department'), children: user.unit?.departmentName ?? '—' },
            { key: 'region', label: t('profile.region'), children: user.unit?.regionName ?? '—' },
            {
              key: 'secondFactor',
              label: t('profile.secondFactor'),
              children: user.secondFactorEnabled ? t('profile.enabled') : t('profile.disabled'),
            },
            {
              key: 'password',
              label: t('profile.passwordStatus'),
              children: user.mustChangePassword ? (
                <Tag color="warning">{t('profile.mustChangePassword')}</Tag>
              ) : (
                t('profile.passwordOk')
              ),
            },
            {
              key: 'roles',
              label: t('profile.roles'),
              span: 'filled',
              children: tags(
                user.roles.map((r) => roleName(r, i18n.language)),
                'blue',
              ),
            },
            {
              key: 'permissions',
              label: t('profile.permissions'),
              span: 'filled',
              children: tags(user.permissions),
            },
          ]}
        />
      </Card>
      <ProfileSecurity />
    </div>
  );
}
