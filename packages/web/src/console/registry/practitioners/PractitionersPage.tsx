import { Route, Routes } from 'react-router';
import { NotFoundResult } from '../../../ui/NotFoundResult';
import { PractitionerDetailPage } from './PractitionerDetailPage';
import { PractitionerSearchPage } from './PractitionerSearchPage';
import '../../users/lists.css';
import '../../audit/audit.css';
import '../registry.css';

/** /console/registry/practitioners: the search and /:id (one practitioner). */
export default function PractitionersPage() {
  return (
    <Routes>
      <Route index element={<PractitionerSearchPage />} />
      <Route path=":id" element={<PractitionerDetailPage />} />
      <Route path="*" element={<NotFoundResult home="/console/registry/practitioners" />} />
    </Routes>
  );
}
