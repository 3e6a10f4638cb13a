import { Route } from 'react-router';
import { MyApplicationPage } from './MyApplicationPage';
import { MyApplicationsPage, MyLicensePage, MyLicensesPage } from './MyListPages';
import { MyPermitPage, MyPermitsPage } from './MyPermitPages';
import '../../console/users/lists.css';
import '../../console/audit/audit.css';
import '../../console/registry/registry.css';
import '../../console/licensing/licensing.css';

/** The licensing pages of the institution portal, as <Route> elements for InstitutionFace's <Routes>. */
export function myLicensingRoutes() {
  return [
    <Route key="permits" path="permits" element={<MyPermitsPage />} />,
    <Route key="permit" path="permits/:code" element={<MyPermitPage />} />,
    <Route key="applications" path="applications" element={<MyApplicationsPage />} />,
    <Route key="application" path="applications/:id" element={<MyApplicationPage />} />,
    <Route key="licenses" path="licenses" element={<MyLicensesPage />} />,
    <Route key="license" path="licenses/:id" element={<MyLicensePage />} />,
  ];
}
