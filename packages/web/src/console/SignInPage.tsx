import { useQueryClient } from '@tanstack/react-query';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ME_KEY } from '../api/auth';
import { safeNextPath } from '../auth/nextPath';
import { SignInForm } from '../auth/SignInForm';
import { PortalLayout } from '../portal/PortalLayout';

/** /console/login: after sign-in, back to the page the user came from (?next=…) or /console. */
export default function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  return (
    <PortalLayout staffLink={false}>
      <Card className="wj-sign-in-card" title={<h1 className="wj-card-title">{t('signIn.staffTitle')}</h1>}>
        <SignInForm
          name="staff-sign-in"
          onSignedIn={(user) => {
            // Forget the earlier "not signed in" answer so the console asks /auth/me afresh.
            void queryClient.resetQueries({ queryKey: ME_KEY });
            const fallback = user.kind === 'institution' ? '/my' : '/console';
            navigate(user.kind === 'institution' ? fallback : safeNextPath(params.get('next'), fallback), {
              replace: true,
            });
          }}
        />
      </Card>
    </PortalLayout>
  );
}
