import { Link } from 'react-router';
import { useT } from '../i18n';
import { PubError, PubLoading, PubSection, Tag } from '../public-ui';
import { type InspectionResult, useCampaigns, useInspectionResults } from '../publicApi';
import { PublicLayout } from '../shell/PublicLayout';

export function ResultList({ items }: { items: InspectionResult[] }) {
  const { t } = useT();
  return (
    <ul className="wj-pub-cards">
      {items.map((r) => (
        <li key={r.id}>
          <Link to={`/e/${encodeURIComponent(r.publication.establishment.code)}`}>
            <strong>{r.publication.establishment.name}</strong>
          </Link>{' '}
          <Tag tone={r.publication.outcome === 'compliant' ? 'green' : 'orange'}>
            {t(`pub.inspections.outcome.${r.publication.outcome}` as const)}
          </Tag>
          <div className="wj-pub-muted">
            {r.publication.inspectedOn} · {r.publication.campaignTitle}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** /inspections — 双随机、一公开: the published plans and the latest results. */
export default function InspectionsPage() {
  const { t } = useT();
  const campaigns = useCampaigns();
  const results = useInspectionResults();
  return (
    <PublicLayout>
      <h1 className="wj-pub-title">{t('pub.inspections.title')}</h1>
      <p>{t('pub.inspections.intro')}</p>
      <PubSection id="campaigns" title={t('pub.inspections.campaigns')}>
        {campaigns.isPending && <PubLoading />}
        {campaigns.isError && <PubError error={campaigns.error} />}
        <ul className="wj-pub-cards">
          {campaigns.data?.items.map((c) => (
            <li key={c.campaignNo}>
              <Link to={`/inspections/${encodeURIComponent(c.campaignNo)}`}>
                <strong>{c.title}</strong>
              </Link>{' '}
              <Tag>{c.statusName}</Tag>
              <div>{t('pub.inspections.period', { from: c.periodStart, to: c.periodEnd })}</div>
              <div className="wj-pub-muted">
                {c.campaignNo} · {c.departments.map((d) => d.name).join('、')}
              </div>
            </li>
          ))}
        </ul>
      </PubSection>
      <PubSection id="results" title={t('pub.inspections.results')}>
        {results.isPending && <PubLoading />}
        {results.isError && <PubError error={results.error} />}
        {results.data && <ResultList items={results.data.items} />}
      </PubSection>
    </PublicLayout>
  );
}
