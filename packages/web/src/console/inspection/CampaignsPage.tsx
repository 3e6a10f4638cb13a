import { Route, Routes } from 'react-router';
import { NotFoundResult } from '../../ui/NotFoundResult';
import { CampaignDetailPage } from './campaign/CampaignDetailPage';
import { CampaignListPage } from './campaign/CampaignListPage';
import { CampaignFormPage } from './plan/CampaignFormPage';
import '../users/lists.css';
import '../registry/registry.css';
import './inspection.css';
import './plan/plan.css';

/**
 * /console/inspection/campaigns: the list of campaigns, /new a new plan, /:id one campaign with
 * its draw and /:id/edit its plan while a draft.
 */
export default function CampaignsPage() {
  return (
    <Routes>
      <Route index element={<CampaignListPage />} />
      <Route path="new" element={<CampaignFormPage />} />
      <Route path=":id" element={<CampaignDetailPage />} />
      <Route path=":id/edit" element={<CampaignFormPage />} />
      <Route path="*" element={<NotFoundResult home="/console/inspection/campaigns" />} />
    </Routes>
  );
}
