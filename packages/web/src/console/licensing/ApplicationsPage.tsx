import { Route, Routes } from 'react-router';
import { NotFoundResult } from '../../ui/NotFoundResult';
import { ApplicationPage } from './applications/ApplicationPage';
import { InboxPage } from './applications/InboxPage';
import '../users/lists.css';
import '../audit/audit.css';
import '../registry/registry.css';
import './licensing.css';

/** /console/licensing/applications: the inbox and /:id (one application). */
export default function ApplicationsPage() {
  return (
    <Routes>
      <Route index element={<InboxPage />} />
      <Route path=":id" element={<ApplicationPage />} />
      <Route path="*" element={<NotFoundResult home="/console/licensing/applications" />} />
    </Routes>
  );
}
