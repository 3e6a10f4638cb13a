import { Route, Routes } from 'react-router';
import { NotFoundResult } from '../../ui/NotFoundResult';
import { CreditFilePage } from './CreditFilePage';
import { RiskListPage } from './RiskListPage';
import '../users/lists.css';
import '../audit/audit.css';
import '../registry/registry.css';
import './credit.css';

/** /console/credit/establishments: the risk list, /:id (an establishment's credit file), /practitioners/:id. */
export default function CreditRiskPage() {
  return (
    <Routes>
      <Route index element={<RiskListPage />} />
      <Route path=":id" element={<CreditFilePage type="establishment" />} />
      <Route path="practitioners/:id" element={<CreditFilePage type="practitioner" />} />
      <Route path="*" element={<NotFoundResult home="/console/credit/establishments" />} />
    </Routes>
  );
}
