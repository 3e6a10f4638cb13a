import { Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { hasPermission } from '../api/auth';
import { NotFoundResult } from '../ui/NotFoundResult';
import { PageLoading } from '../ui/PageLoading';
import { ConsoleLayout } from './ConsoleLayout';
import { useConsoleUser } from './consoleUser';
import { consoleMenu } from './menu';
import { RequireStaff } from './RequireStaff';

/** /console/*: the staff console, one route per menu entry the user may open. */
export default function ConsoleFace() {
  return (
    <RequireStaff>
      <ConsoleLayout>
        <Suspense fallback={<PageLoading />}>
          <ConsoleRoutes />
        </Suspense>
      </ConsoleLayout>
    </RequireStaff>
  );
}

function ConsoleRoutes() {
  const user = useConsoleUser();
  return (
    <Routes>
      {consoleMenu
        .filter((entry) => hasPermission(user, entry.permission))
        .map(({ key, path, page: Page }) =>
          path ? (
            // `/*`: a page may route its own sub-pages (a list, then /:id for one record).
            <Route key={key} path={`${path}/*`} element={<Page />} />
          ) : (
            <Route key={key} index element={<Page />} />
          ),
        )}
      <Route path="*" element={<NotFoundResult home="/console" />} />
    </Routes>
  );
}
