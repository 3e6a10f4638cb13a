import { Route, Routes } from 'react-router';
import { NotFoundResult } from '../../ui/NotFoundResult';
import { CaseDetailPage } from './CaseDetailPage';
import { CaseInboxPage } from './CaseInboxPage';
import '../users/lists.css';
import './enforcement.css';

/** /console/enforcement/cases: the unit's cases and /:id (one case with its record). */
export default function CasesPage() {
  return (
    <Routes>
      <Route index element={<CaseInboxPage />} />
      <Route path=":id" element={<CaseDetailPage />} />
      <Route path="*" element={<NotFoundResult home="/console/enforcement/cases" />} />
    </Routes>
  );
}
