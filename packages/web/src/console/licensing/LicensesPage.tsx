import { useQuery } from '@tanstack/react-query';
import { Breadcrumb } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useParams } from 'react-router';
import { api } from '../../api/client';
import { useLicense } from '../../api/licensing';
import { NotFoundResult } from '../../ui/NotFoundResult';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { CONSOLE_PATHS } from './labels';
import { LicenseListPage } from './licenses/LicenseListPage';
import { LicenseView } from './licenses/LicenseView';
import { TaskPage } from './licenses/TaskPage';
import '../users/lists.css';
import '../audit/audit.css';
import '../registry/registry.css';
import './licensing.css';

function LicenseDetailPage() {
  const { t } = useTranslation();
  const q = useLicense(Number(useParams().id));
  if (q.isPending) return <PageLoading />;
  if (q.isError)
    return (
      <div className="wj-page">
        <ProblemAlert error={q.error} />
      </div>
    );
  return (
    <div className="wj-page wj-page-wide">
      <Breadcrumb
        className="wj-gap"
        items={[
          { title: <Link to="/console/licensing/licenses">{t('licensing.licensesTitle')}</Link> },
          { title: q.data.number },
        ]}
      />
      <LicenseView license={q.data} paths={CONSOLE_PATHS} staff />
    </div>
  );
}

/** A revalidation in the inbox opens on its licence. */
function ToLicense({ kind }: { kind: 'task' | 'revalidation' }) {
  const id = Number(useParams().id);
  const q = useQuery({
    queryKey: ['licensing', kind, id],
    queryFn: ({ signal }) =>
      kind === 'task'
        ? api.get<{ licenseId: number }>(`/licensing/tasks/${id}`, undefined, signal).then((r) => r.licenseId)
        : api
            .get<{ license: { id: number } }>(`/licensing/revalidations/${id}`, undefined, signal)
            .then((r) => r.license.id),
  });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ProblemAlert error={q.error} />;
  return <Navigate replace to={CONSOLE_PATHS.license(q.data)} />;
}

/** /console/licensing/licenses: the list, /:id, and the task/revalidation links of the inbox. */
export default function LicensesPage() {
  return (
    <Routes>
      <Route index element={<LicenseListPage paths={CONSOLE_PATHS} />} />
      <Route path=":id" element={<LicenseDetailPage />} />
      <Route path="task/:id" element={<TaskPage />} />
      <Route path="revalidation/:id" element={<ToLicense kind="revalidation" />} />
      <Route path="*" element={<NotFoundResult home="/console/licensing/licenses" />} />
    </Routes>
  );
}
