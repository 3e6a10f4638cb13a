import { useQueryClient } from '@tanstack/react-query';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { ME_KEY, signOut, useCurrentUser } from '../api/auth';
import { isApiError } from '../api/problem';
import { SignInForm } from '../auth/SignInForm';
import { PortalLayout } from '../portal/PortalLayout';
import { NotFoundResult } from '../ui/NotFoundResult';
import { PageLoading } from '../ui/PageLoading';
import { ProblemAlert } from '../ui/ProblemAlert';
import { MyCreditPage } from './credit/MyCreditPage';
import { InstitutionHome } from './InstitutionHome';
import { myLicensingRoutes } from './licensing/routes';

/** /my: the institution portal. Signs institution users in on the spot, then shows their home. */
export default function InstitutionFace() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useCurrentUser();

  const leave = async () => {
    try {
      await signOut();
    } catch {
      // Already signed out or unreachable.
    }
    window.location.assign('/my');
  };

  let body: React.ReactNode;
  if (me.isPending) body = <PageLoading />;
  else if (me.isError && isApiError(me.error) && me.error.status === 401)
    body = (
      <Card
        className="wj-sign-in-card"
        title={<h1 className="wj-card-title">{t('signIn.institutionTitle')}</h1>}
      >
        <SignInForm
          name="institution-sign-in"
          onSignedIn={() => void queryClient.resetQueries({ queryKey: ME_KEY })}
        />
      </Card>
    );
  else if (me.isError)
    body = (
      <ProblemAlert
        error={me.error}
        action={<Button onClick={() => void me.refetch()}>{t('problem.retry')}</Button>}
      />
    );
  else
    body = (
      <Routes>
        <Route index element={<InstitutionHome user={me.data} />} />
        {myLicensingRoutes()}
        <Route path="credit" element={<MyCreditPage />} />
        <Route path="*" element={<NotFoundResult home="/my" />} />
      </Routes>
    );

  return (
    <PortalLayout
      subtitle={t('my.title')}
      staffLink={false}
      actions={
        me.data && (
          <Button type="text" onClick={() => void leave()}>
            {t('console.signOut')}
          </Button>
        )
      }
    >
      {body}
    </PortalLayout>
  );
}
