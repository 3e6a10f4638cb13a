import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';

// One chunk per face: the public portal never downloads the console. The staff faces' i18n, Ant Design
// and query cache come with StaffFace, a layout route around /console and /my.
const StaffFace = lazy(() => import('./StaffFace'));
const PortalHome = lazy(() => import('../portal/HomePage'));
const StaffSignInPage = lazy(() => import('../console/SignInPage'));
const ConsoleFace = lazy(() => import('../console/ConsoleFace'));
// Until a staff user has changed an administrator-set password and (administrators) enrolled the
// second factor, the console sends them to /console/onboarding.
const OnboardingFace = lazy(() => import('../console/onboarding/OnboardingFace'));
const OnboardingGate = lazy(() => import('../console/onboarding/OnboardingGate'));
const InstitutionFace = lazy(() => import('../my/InstitutionFace'));
const NotFoundPage = lazy(() => import('../portal/NotFoundPage'));
// Public pages (一公开): each its own small chunk, none of them pulls in the console.
const EstablishmentPage = lazy(() => import('../portal/establishment/EstablishmentPage'));
const SearchPage = lazy(() => import('../portal/search/SearchPage'));
const CataloguePage = lazy(() => import('../portal/catalogue/CataloguePage'));
const GuidePage = lazy(() => import('../portal/catalogue/GuidePage'));
const InspectionsPage = lazy(() => import('../portal/inspections/InspectionsPage'));
const CampaignPage = lazy(() => import('../portal/inspections/CampaignPage'));
const ListsPage = lazy(() => import('../portal/lists/ListsPage'));
const OpenDataPage = lazy(() => import('../portal/open-data/OpenDataPage'));
const ComplaintFormPage = lazy(() => import('../portal/complaints/ComplaintFormPage'));
const ComplaintTrackPage = lazy(() => import('../portal/complaints/ComplaintTrackPage'));

/** While a face's first chunk loads: plain text (no library), in the page's language. */
function RouteLoading() {
  return (
    <p role="status" style={{ padding: 24, textAlign: 'center', color: '#595959' }}>
      {document.documentElement.lang === 'en' ? 'Loading…' : '正在加载…'}
    </p>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<RouteLoading />}>
        <Routes>
          <Route index element={<PortalHome />} />
          <Route path="e/:code" element={<EstablishmentPage />} />
          <Route path="search" element={<SearchPage />} />
          <Route path="catalogue" element={<CataloguePage />} />
          <Route path="catalogue/:code" element={<GuidePage />} />
          <Route path="inspections" element={<InspectionsPage />} />
          <Route path="inspections/:campaignNo" element={<CampaignPage />} />
          <Route path="lists" element={<ListsPage />} />
          <Route path="lists/:dataset" element={<ListsPage />} />
          <Route path="open-data" element={<OpenDataPage />} />
          <Route path="complaints" element={<ComplaintFormPage />} />
          <Route path="complaints/track" element={<ComplaintTrackPage />} />
          <Route element={<StaffFace />}>
            <Route path="console/login" element={<StaffSignInPage />} />
            <Route path="console/onboarding" element={<OnboardingFace />} />
            <Route
              path="console/*"
              element={
                <OnboardingGate>
                  <ConsoleFace />
                </OnboardingGate>
              }
            />
            <Route path="my/*" element={<InstitutionFace />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
