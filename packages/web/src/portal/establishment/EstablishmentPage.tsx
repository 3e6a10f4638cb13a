import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/problem';
import { type MessageKey, useT } from '../i18n';
import { PubError, PubLoading, PubNotFound, PubSection, Tag, text } from '../public-ui';
import { useEstablishmentPage } from '../publicApi';
import { PublicLayout } from '../shell/PublicLayout';
import { CreditSection } from './CreditSection';
import { LicenceList } from './LicenceList';
import { CommitmentList, RevokedList } from './OtherLists';
import { InspectionList, PenaltyList } from './RecordLists';
import { SupervisionMode } from './SupervisionMode';

const STATUS_TONE = { operating: 'green', deregistered: 'red' } as const;

/**
 * /e/:code — what the establishment code (一码) at the door opens: licences, commitments, inspection
 * results, penalties within their period and credit, as the disclosure rules allow today. The page a
 * patient opens on a phone: plain HTML, no component library (see the JavaScript budget in
 * portal.browser.test.ts).
 */
export default function EstablishmentPage() {
  const { t } = useT();
  const { code = '' } = useParams();
  const page = useEstablishmentPage(code);
  if (page.isError) {
    const notFound = page.error instanceof ApiError && page.error.problem.status === 404;
    return (
      <PublicLayout>
        {notFound ? (
          <PubNotFound
            title={t('pub.establishment.notFoundTitle')}
            body={t('pub.establishment.notFoundBody')}
            to="/search"
            action={t('pub.establishment.toSearch')}
          />
        ) : (
          <PubError error={page.error} />
        )}
      </PublicLayout>
    );
  }
  if (!page.data) {
    return (
      <PublicLayout>
        <PubLoading />
      </PublicLayout>
    );
  }
  const d = page.data;
  const e = d.establishment;
  const status = String(e.status);
  return (
    <PublicLayout>
      <article className="wj-pub-establishment" aria-labelledby="establishment-name">
        <header className="wj-pub-head">
          <h1 id="establishment-name" className="wj-pub-title">
            {text(e.name)}
          </h1>
          <Tag tone={STATUS_TONE[status as keyof typeof STATUS_TONE] ?? 'orange'}>
            {t(`pub.statuses.${status}` as MessageKey, { defaultValue: status })}
          </Tag>
          <dl className="wj-pub-facts">
            <dt>{t('pub.establishment.code')}</dt>
            <dd className="wj-pub-code">{text(e.publicCode)}</dd>
            {e.uscc && (
              <>
                <dt>{t('pub.establishment.uscc')}</dt>
                <dd className="wj-pub-code">{text(e.uscc)}</dd>
              </>
            )}
            <dt>{t('pub.establishment.kind')}</dt>
            <dd>{t(`pub.kinds.${String(e.kind)}` as MessageKey, { defaultValue: String(e.kind) })}</dd>
            <dt>{t('pub.establishment.address')}</dt>
            <dd>{text(e.address)}</dd>
            <dt>{t('pub.establishment.representative')}</dt>
            <dd>{text(e.legalRepresentative)}</dd>
          </dl>
          <p className="wj-pub-note">
            {d.lastUpdated && (
              <span>{t('pub.lastUpdated', { time: d.lastUpdated.slice(0, 16).replace('T', ' ') })} · </span>
            )}
            <span>{t('pub.asOf', { date: d.asOf })}</span> · <span>{t('pub.masked')}</span>
          </p>
        </header>
        <PubSection id="licences" title={t('pub.establishment.licences')}>
          <LicenceList licences={d.licences} asOf={d.asOf} />
        </PubSection>
        {d.revokedLicences.length > 0 && (
          <PubSection id="revoked" title={t('pub.establishment.revoked')}>
            <RevokedList items={d.revokedLicences} />
          </PubSection>
        )}
        {d.commitments.length > 0 && (
          <PubSection id="commitments" title={t('pub.establishment.commitments')}>
            <CommitmentList items={d.commitments} />
          </PubSection>
        )}
        <PubSection id="inspections" title={t('pub.establishment.inspections')}>
          <InspectionList items={d.inspections} />
        </PubSection>
        <PubSection id="penalties" title={t('pub.establishment.penalties')}>
          <PenaltyList items={d.penalties} />
        </PubSection>
        <PubSection id="credit" title={t('pub.establishment.credit')}>
          <CreditSection credit={d.credit} blacklist={d.blacklist} />
        </PubSection>
        {d.supervisionMode && <SupervisionMode mode={d.supervisionMode} />}
        <p>
          <Link to={`/complaints?establishment=${encodeURIComponent(String(e.publicCode))}`}>
            {t('pub.establishment.complain')}
          </Link>
        </p>
      </article>
    </PublicLayout>
  );
}
