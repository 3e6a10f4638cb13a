import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Result, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { ME_KEY } from '../../api/auth';
import { useIsPhone } from '../../ui/useIsPhone';
import { useConsoleUser } from '../consoleUser';
import { ChangePasswordForm } from './ChangePasswordForm';
import { SecondFactorSetup } from './SecondFactorSetup';

type Step = 'password' | 'totp' | 'done';

/**
 * 首次登录设置: a new password (after an administrator set or reset it), then the TOTP second
 * factor (administrators, 等保 2.0), then on to the console. The steps shown are those the user
 * needed on arrival; the current one follows /auth/me.
 */
export default function OnboardingPage() {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const queryClient = useQueryClient();
  const [plan] = useState(() => ({
    password: user.mustChangePassword,
    totp: user.secondFactorSetupRequired,
  }));
  if (!plan.password && !plan.totp) return <Navigate to="/console" replace />;

  const refresh = () => queryClient.invalidateQueries({ queryKey: ME_KEY });
  const current: Step = user.mustChangePassword
    ? 'password'
    : user.secondFactorSetupRequired
      ? 'totp'
      : 'done';
  const steps: { key: Step; title: string }[] = [
    ...(plan.password ? [{ key: 'password' as const, title: t('onboarding.stepPassword') }] : []),
    ...(plan.totp ? [{ key: 'totp' as const, title: t('onboarding.stepTotp') }] : []),
    { key: 'done', title: t('onboarding.stepDone') },
  ];

  return (
    <div className="wj-page wj-narrow-page">
      <Typography.Title level={1} className="wj-page-title">
        {t('onboarding.title')}
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        className="wj-gap"
        title={t('onboarding.whyTitle')}
        description={
          <>
            {plan.password && <p className="wj-why">{t('onboarding.whyPassword')}</p>}
            {plan.totp && <p className="wj-why">{t('onboarding.whyTotp')}</p>}
          </>
        }
      />
      <Steps
        className="wj-gap"
        size="small"
        orientation={isPhone ? 'vertical' : 'horizontal'}
        current={steps.findIndex((s) => s.key === current)}
        items={steps.map((s) => ({ key: s.key, title: s.title }))}
      />
      <Card>
        {current === 'password' && (
          <>
            <Typography.Title level={2} className="wj-section-title">
              {t('onboarding.stepPassword')}
            </Typography.Title>
            <ChangePasswordForm name="onboarding-password" username={user.username} onChanged={refresh} />
          </>
        )}
        {current === 'totp' && (
          <>
            <Typography.Title level={2} className="wj-section-title">
              {t('onboarding.stepTotp')}
            </Typography.Title>
            <SecondFactorSetup username={user.username} onEnabled={refresh} />
          </>
        )}
        {current === 'done' && (
          <Result
            status="success"
            title={<h2 className="wj-result-title">{t('onboarding.doneTitle')}</h2>}
            subTitle={plan.totp ? t('onboarding.doneTotp') : t('onboarding.donePassword')}
            extra={
              <Button type="primary" size="large" onClick={() => navigate('/console', { replace: true })}>
                {t('onboarding.goConsole')}
              </Button>
            }
          />
        )}
      </Card>
    </div>
  );
}
