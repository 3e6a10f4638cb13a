import { Route, Routes } from 'react-router';
import { NotFoundResult } from '../../ui/NotFoundResult';
import { LeadDetailPage } from './LeadDetailPage';
import { LeadInboxPage } from './LeadInboxPage';
import '../users/lists.css';
import './enforcement.css';

/** /console/enforcement/leads: the unit's leads and /:id (one lead, triaged there). */
export default function LeadsPage() {
  return (
    <Routes>
      <Route index element={<LeadInboxPage />} />
      <Route path=":id" element={<LeadDetailPage />} />
      <Route path="*" element={<NotFoundResult home="/console/enforcement/leads" />} />
    </Routes>
  );
}
