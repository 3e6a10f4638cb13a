import { Button, Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { signOut } from '../../api/auth';
import { AppHeader } from '../../ui/AppHeader';
import { SignOutIcon } from '../../ui/icons';
import { useIsPhone } from '../../ui/useIsPhone';
import { RequireStaff } from '../RequireStaff';
import OnboardingPage from './OnboardingPage';
import './account.css';

/** /console/onboarding: the console's header without its menu (nothing else is open yet). */
export default function OnboardingFace() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const leave = async () => {
    try {
      await signOut();
    } catch {
      // Already signed out or unreachable: leave anyway.
    }
    window.location.assign('/console/login');
  };
  return (
    <RequireStaff>
      <Layout className="wj-shell">
        <AppHeader subtitle={t('console.title')} home="/console">
          <Button
            type="text"
            icon={<SignOutIcon />}
            onClick={() => void leave()}
            {...(isPhone ? { 'aria-label': t('console.signOut') } : {})}
          >
            {!isPhone && t('console.signOut')}
          </Button>
        </AppHeader>
        <Layout.Content id="main" tabIndex={-1} className="wj-console-main">
          <OnboardingPage />
        </Layout.Content>
      </Layout>
    </RequireStaff>
  );
}
