import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/problem';
import { useT } from '../i18n';
import { PubError, PubLoading, PubNotFound, PubSection, Tag } from '../public-ui';
import { useCampaign, useInspectionResults } from '../publicApi';
import { PublicLayout } from '../shell/PublicLayout';
import { ResultList } from './InspectionsPage';

/**
 * /inspections/:campaignNo — one plan and its draw record: commitment, sources, frozen hashes, draw
 * hash, the record once public, and a one-page explanation of how anyone can verify it.
 */
export default function CampaignPage() {
  const { t } = useT();
  const { campaignNo = '' } = useParams();
  const campaign = useCampaign(campaignNo);
  const results = useInspectionResults(campaignNo);
  if (campaign.isError) {
    const notFound = campaign.error instanceof ApiError && campaign.error.problem.status < 500;
    return (
      <PublicLayout>
        {notFound ? (
          <PubNotFound
            title={t('pub.inspections.notFound')}
            to="/inspections"
            action={t('pub.inspections.allCampaigns')}
          />
        ) : (
          <PubError error={campaign.error} />
        )}
      </PublicLayout>
    );
  }
  if (!campaign.data)
    return (
      <PublicLayout>
        <PubLoading />
      </PublicLayout>
    );
  const c = campaign.data;
  return (
    <PublicLayout>
      <p>
        <Link to="/inspections">{t('pub.inspections.allCampaigns')}</Link>
      </p>
      <h1 className="wj-pub-title">{c.title}</h1>
      <p>
        <Tag>{c.statusName}</Tag> <span className="wj-pub-code">{c.campaignNo}</span> ·{' '}
        {t('pub.inspections.period', { from: c.periodStart, to: c.periodEnd })}
      </p>
      <p>{c.description}</p>
      <PubSection id="draw-record" title={t('pub.inspections.record')}>
        <dl className="wj-pub-facts wj-pub-hashes">
          <dt>{t('pub.inspections.commitment')}</dt>
          <dd className="wj-pub-code">{c.commitment ?? '—'}</dd>
          <dt>{t('pub.inspections.sources')}</dt>
          <dd>
            {c.randomnessDate}：{c.sources.map((s) => s.description).join('；')}
          </dd>
          {c.frozen && (
            <>
              <dt>{t('pub.inspections.hashes')}</dt>
              <dd>
                {Object.entries(c.frozen.hashes).map(([k, v]) => (
                  <div key={k}>
                    {k}: <span className="wj-pub-code">{v}</span>
                  </div>
                ))}
                {c.frozen.strata.map((s) => (
                  <div key={s.id}>{t('pub.inspections.strata', s)}</div>
                ))}
              </dd>
            </>
          )}
          <dt>{t('pub.inspections.drawHash')}</dt>
          <dd className="wj-pub-code">{c.drawHash ?? '—'}</dd>
        </dl>
        {c.recordAvailable ? (
          <p>
            <a href={`/api/v1/public/campaigns/${encodeURIComponent(c.campaignNo)}/draw-record`} download>
              {t('pub.inspections.recordDownload')}
            </a>
            {c.recordSha256 && (
              <span className="wj-pub-muted">
                {' '}
                SHA-256 <span className="wj-pub-code">{c.recordSha256}</span>
              </span>
            )}
          </p>
        ) : (
          <p>{t('pub.inspections.recordFrom', { date: c.recordPublicFrom })}</p>
        )}
      </PubSection>
      <PubSection id="verify" title={t('pub.inspections.verifyTitle')}>
        <ol className="wj-pub-steps">
          <li>{t('pub.inspections.verifyStep1')}</li>
          <li>{t('pub.inspections.verifyStep2')}</li>
          <li>{t('pub.inspections.verifyStep3')}</li>
          <li>
            {t('pub.inspections.verifyStep4')}
            <pre className="wj-pub-command">
              <code>{t('pub.inspections.verifyCommand')}</code>
            </pre>
          </li>
        </ol>
        <p>{t('pub.inspections.verifyOk')}</p>
        <p className="wj-pub-muted">{t('pub.inspections.verifyMore')}</p>
      </PubSection>
      <PubSection id="campaign-results" title={t('pub.inspections.results')}>
        {results.data && <ResultList items={results.data.items} />}
      </PubSection>
    </PublicLayout>
  );
}
