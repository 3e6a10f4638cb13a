import { Route, Routes } from 'react-router';
import { NotFoundResult } from '../../ui/NotFoundResult';
import { DashboardPage } from './DashboardPage';
import { EstablishmentsBehindPage } from './EstablishmentsBehindPage';
import { GridsPage } from './GridsPage';
import { RecordsPage } from './RecordsPage';
import { ReportsPage } from './ReportsPage';
import './oversight.css';

/** /console/oversight: the dashboard, /records (behind a deadline figure), /establishments (behind a count). */
export default function OversightPage() {
  return (
    <Routes>
      <Route index element={<DashboardPage />} />
      <Route path="records" element={<RecordsPage />} />
      <Route path="establishments" element={<EstablishmentsBehindPage />} />
      <Route path="reports" element={<ReportsPage />} />
      <Route path="grids" element={<GridsPage />} />
      <Route path="*" element={<NotFoundResult home="/console/oversight" />} />
    </Routes>
  );
}
