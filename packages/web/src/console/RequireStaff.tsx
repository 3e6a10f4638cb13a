import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '../api/auth';
import { isApiError } from '../api/problem';
import { PageLoading } from '../ui/PageLoading';
import { ProblemAlert } from '../ui/ProblemAlert';
import { ConsoleUserContext } from './consoleUser';

/** Asks GET /auth/me; nobody signed in → /console/login?next=…; institution users → a pointer to /my. */
export function RequireStaff({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useCurrentUser();

  if (me.isPending) return <PageLoading />;
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) {
      const next = encodeURIComponent(location.pathname + location.search);
      return <Navigate to={`/console/login?next=${next}`} replace />;
    }
    return (
      <main className="wj-page" id="main">
        <ProblemAlert
          error={me.error}
          action={<Button onClick={() => void me.refetch()}>{t('problem.retry')}</Button>}
        />
      </main>
    );
  }
  if (me.data.kind !== 'staff') {
    return (
      <main id="main">
        <Result
          status="info"
          title={t('console.staffOnly')}
          extra={
            <Button type="primary" onClick={() => navigate('/my')}>
              {t('console.goMy')}
            </Button>
          }
        />
      </main>
    );
  }
  return <ConsoleUserContext value={me.data}>{children}</ConsoleUserContext>;
}
