import { Route, Routes } from 'react-router';
import { NotFoundResult } from '../../ui/NotFoundResult';
import { ComplaintDetailPage } from './ComplaintDetailPage';
import { ComplaintInboxPage } from './ComplaintInboxPage';
import '../users/lists.css';
import './enforcement.css';

/** /console/enforcement/complaints: the unit's inbox and /:id (one complaint). */
export default function ComplaintsPage() {
  return (
    <Routes>
      <Route index element={<ComplaintInboxPage />} />
      <Route path=":id" element={<ComplaintDetailPage />} />
      <Route path="*" element={<NotFoundResult home="/console/enforcement/complaints" />} />
    </Routes>
  );
}
