import { Breadcrumb, Card, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../api/auth';
import { useApplications, useLicense } from '../../api/licensing';
import { StateTag } from '../../console/licensing/applications/ApplicationFacts';
import { MY_PATHS, useLicensingLabels } from '../../console/licensing/labels';
import { LicenseList } from '../../console/licensing/licenses/LicenseListPage';
import { LicenseView } from '../../console/licensing/licenses/LicenseView';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { MyNav } from './MyNav';

/** The institution's applications, newest change first, as cards with status and deadline. */
export function MyApplicationsPage() {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  const list = useApplications({ page: 1, pageSize: 100 });
  const items = list.data?.items ?? [];
  return (
    <>
      <MyNav />
      <Typography.Title level={1} className="wj-page-title">
        {t('licensing.myNav.applications')}
      </Typography.Title>
      {list.isError && <ProblemAlert error={list.error} />}
      {list.isPending && <PageLoading />}
      {!list.isPending && items.length === 0 && <Empty description={t('licensing.myApplicationsEmpty')} />}
      <ul className="wj-cards">
        {items.map((a) => (
          <li key={a.id}>
            <Card
              size="small"
              title={<Link to={MY_PATHS.application(a.id)}>{labels.name(a.permit)}</Link>}
              extra={<StateTag state={a.state} label={labels.state(a)} />}
            >
              <span className="wj-stack">
                <span className="wj-mono">{a.number ?? `#${a.id}`}</span>
                <span>
                  {labels.mode(a.permit.mode)} · {a.unit.name}
                </span>
                {(a.decideDue ?? a.acceptDue) && !a.decidedOn && (
                  <span>
                    {t('licensing.due')} {a.decideDue ?? a.acceptDue}{' '}
                    {a.overdue && <Tag color="red">{t('licensing.overdue')}</Tag>}
                    {a.clockStopped && <Tag color="gold">{t('licensing.stopped')}</Tag>}
                  </span>
                )}
                {a.decidedOn && (
                  <span>
                    {t('licensing.decidedOn')} {a.decidedOn}
                  </span>
                )}
              </span>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}

export function MyLicensesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <>
      <MyNav />
      <Typography.Title level={1} className="wj-page-title">
        {t('licensing.myNav.licenses')}
      </Typography.Title>
      <LicenseList
        paths={MY_PATHS}
        {...(me.data?.establishmentId ? { establishmentId: me.data.establishmentId } : {})}
      />
    </>
  );
}

/** One of the institution's licences: certificate download and revalidation submission. */
export function MyLicensePage() {
  const { t } = useTranslation();
  const q = useLicense(Number(useParams().id));
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ProblemAlert error={q.error} />;
  return (
    <>
      <MyNav />
      <Breadcrumb
        className="wj-gap"
        items={[
          { title: <Link to="/my/licenses">{t('licensing.myNav.licenses')}</Link> },
          { title: q.data.number },
        ]}
      />
      <LicenseView license={q.data} paths={MY_PATHS} staff={false} />
    </>
  );
}
