import { Button, Card, Descriptions, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CurrentUser } from '../api/auth';
import { MyNav } from './licensing/MyNav';

/** The institution user's name and establishment (the unit /auth/me reports for the account). */
export function InstitutionHome({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (user.kind === 'staff') {
    return (
      <Result
        status="info"
        title={t('my.staffNotice')}
        extra={
          <Button type="primary" onClick={() => navigate('/console')}>
            {t('my.goConsole')}
          </Button>
        }
      />
    );
  }
  return (
    <>
      <MyNav />
      <Typography.Title level={1} className="wj-page-title">
        {t('my.welcome', { name: user.displayName })}
      </Typography.Title>
      <Card>
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'establishment',
              label: t('my.establishment'),
              children: user.unit?.name ?? t('my.noEstablishment'),
            },
            ...(user.unit ? [{ key: 'region', label: t('my.region'), children: user.unit.regionName }] : []),
          ]}
        />
      </Card>
    </>
  );
}
