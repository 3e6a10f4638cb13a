import { Route, Routes } from 'react-router';
import { NotFoundResult } from '../../../ui/NotFoundResult';
import { EstablishmentDetailPage } from './EstablishmentDetailPage';
import { EstablishmentFormPage } from './EstablishmentFormPage';
import { EstablishmentSearchPage } from './EstablishmentSearchPage';
import '../../users/lists.css';
import '../../audit/audit.css';
import '../registry.css';

/** /console/registry/establishments: the search, /new, /:id (one establishment) and /:id/edit. */
export default function EstablishmentsPage() {
  return (
    <Routes>
      <Route index element={<EstablishmentSearchPage />} />
      <Route path="new" element={<EstablishmentFormPage />} />
      <Route path=":id" element={<EstablishmentDetailPage />} />
      <Route path=":id/edit" element={<EstablishmentFormPage />} />
      <Route path="*" element={<NotFoundResult home="/console/registry/establishments" />} />
    </Routes>
  );
}
