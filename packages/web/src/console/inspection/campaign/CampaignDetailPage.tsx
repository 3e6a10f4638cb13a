import { Breadcrumb, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCampaign } from '../../../api/inspection';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { CampaignActions } from './CampaignActions';
import { CampaignStatusTag } from './CampaignListPage';
import { DrawCard } from './DrawCard';
import { ForecastCard } from './ForecastCard';
import { PlanCard } from './PlanCard';
import { TargetsCard } from './TargetsCard';

/**
 * One campaign in the order things happen: the plan and the departments, the forecast, the
 * commitment and the frozen pools' hashes, the draw with its record and how to verify it, then the
 * targets with their teams and the progress of the inspections.
 */
export function CampaignDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const campaign = useCampaign(id);

  if (campaign.isPending) return <PageLoading />;
  if (campaign.isError)
    return (
      <div className="wj-page">
        <ProblemAlert error={campaign.error} />
      </div>
    );
  const c = campaign.data;
  return (
    <div className="wj-page wj-page-wide">
      <Breadcrumb
        className="wj-gap"
        items={[
          { title: <Link to="/console/inspection/campaigns">{t('inspection.campaignsTitle')}</Link> },
          { title: c.campaignNo },
        ]}
      />
      <div className="wj-title-row">
        <Typography.Title level={1} className="wj-page-title">
          {c.title} <CampaignStatusTag status={c.status} />
        </Typography.Title>
        <CampaignActions campaign={c} />
      </div>
      <PlanCard c={c} />
      {c.status !== 'cancelled' && c.status !== 'drawn' && <ForecastCard c={c} />}
      <DrawCard c={c} />
      {c.status === 'drawn' && <TargetsCard c={c} />}
    </div>
  );
}
