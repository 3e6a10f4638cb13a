import { Alert, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleName } from '../../api/auth';
import { useConsoleUser } from '../consoleUser';
import { TodayCard } from './TodayCard';

/** 工作台: welcome, the user's unit and roles, and whether today is a working day. */
export default function HomePage() {
  const { t, i18n } = useTranslation();
  const user = useConsoleUser();
  return (
    <div className="wj-page">
      <Typography.Title level={1} className="wj-page-title">
        {t('home.welcome', { name: user.displayName })}
      </Typography.Title>
      {user.mustChangePassword && (
        <Alert type="warning" showIcon className="wj-gap" title={t('home.mustChangePassword')} />
      )}
      {user.secondFactorSetupRequired && (
        <Alert type="warning" showIcon className="wj-gap" title={t('home.secondFactorSetupRequired')} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10}>
          <TodayCard />
        </Col>
        <Col xs={24} md={14}>
          <Card title={<h2 className="wj-card-title">{t('home.unitAndRoles')}</h2>}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'unit', label: t('home.unit'), children: user.unit?.name ?? t('home.noUnit') },
                ...(user.unit
                  ? [
                      { key: 'department', label: t('home.department'), children: user.unit.departmentName },
                      { key: 'region', label: t('home.region'), children: user.unit.regionName },
                    ]
                  : []),
                {
                  key: 'roles',
                  label: t('home.roles'),
                  children:
                    user.roles.length > 0 ? (
                      <Space size={[4, 4]} wrap>
                        {user.roles.map((role) => (
                          <Tag key={role.code} color="blue">
                            {roleName(role, i18n.language)}
                          </Tag>
                        ))}
                      </Space>
                    ) : (
                      t('home.noRoles')
                    ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
