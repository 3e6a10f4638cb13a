import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ME_KEY } from '../../api/auth';
import { signOutEverywhere } from '../../api/identity';
import { useProblemText } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';
import { ChangePasswordForm } from '../onboarding/ChangePasswordForm';
import { SecondFactorSetup } from '../onboarding/SecondFactorSetup';
import '../onboarding/account.css';

const cardTitle = (text: string) => <h2 className="wj-card-title">{text}</h2>;

/** 个人设置's security cards: change password, the second factor, sign out everywhere. */
export function ProfileSecurity() {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const { message, modal } = App.useApp();
  const problemText = useProblemText();
  const queryClient = useQueryClient();
  const everywhere = useMutation({
    mutationFn: signOutEverywhere,
    // Every session ends, this one too: a full load forgets the signed-out user's cached answers.
    onSuccess: () => window.location.assign('/console/login'),
    onError: (error) => void message.error(problemText(error)),
  });

  const askSignOutEverywhere = () =>
    modal.confirm({
      title: t('profile.signOutEverywhereConfirm'),
      content: t('profile.signOutEverywhereHelp'),
      okText: t('profile.signOutEverywhere'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => everywhere.mutateAsync().catch(() => undefined),
    });

  return (
    <Row gutter={[16, 16]} className="wj-gap">
      <Col xs={24} lg={12}>
        <Card title={cardTitle(t('profile.passwordCard'))}>
          <Typography.Paragraph className="wj-muted">{t('profile.passwordHelp')}</Typography.Paragraph>
          <ChangePasswordForm
            name="profile-password"
            username={user.username}
            onChanged={() => {
              void message.success(t('profile.passwordChanged'));
              void queryClient.invalidateQueries({ queryKey: ME_KEY });
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={cardTitle(t('profile.secondFactor'))} className="wj-gap">
          {user.secondFactorEnabled ? (
            <>
              <Tag color="success">{t('profile.enabled')}</Tag>
              <Typography.Paragraph className="wj-muted wj-top-gap">
                {t('profile.totpEnabledHelp')}
              </Typography.Paragraph>
            </>
          ) : (
            <>
              <Typography.Paragraph>
                <Tag color="warning">{t('profile.disabled')}</Tag> {t('profile.totpDisabledHelp')}
              </Typography.Paragraph>
              <SecondFactorSetup
                username={user.username}
                onEnabled={() => {
                  void message.success(t('profile.totpEnabledNow'));
                  void queryClient.invalidateQueries({ queryKey: ME_KEY });
                }}
              />
            </>
          )}
        </Card>
        <Card title={cardTitle(t('profile.sessionsCard'))}>
          <Typography.Paragraph className="wj-muted">
            {t('profile.signOutEverywhereHelp')}
          </Typography.Paragraph>
          <Button danger onClick={askSignOutEverywhere} loading={everywhere.isPending}>
            {t('profile.signOutEverywhere')}
          </Button>
        </Card>
      </Col>
    </Row>
  );
}
