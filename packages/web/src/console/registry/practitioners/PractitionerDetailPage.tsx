import { Breadcrumb, Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { hasPermission } from '../../../api/auth';
import { useHistory } from '../../../api/registry';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useIsPhone } from '../../../ui/useIsPhone';
import { useConsoleUser } from '../../consoleUser';
import { HistoryTimeline } from '../HistoryTimeline';
import { beijing, useRegistryLabels } from '../labels';
import { RevealButton } from '../RevealButton';
import { FilingsCard } from './FilingsCard';
import { usePracticeText } from './PractitionerList';
import { revealIdNumber, usePractitioner } from './practitionerApi';

/** One practitioner: identity (ID masked), certificates, practice, primary institution, filings, history. */
export function PractitionerDetailPage() {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const isPhone = useIsPhone();
  const labels = useRegistryLabels();
  const practice = usePracticeText();
  const id = Number(useParams().id);
  const record = usePractitioner(id);
  const history = useHistory('practitioners', id);

  if (record.isPending) return <PageLoading />;
  if (record.isError)
    return (
      <div className="wj-page">
        <ProblemAlert error={record.error} />
      </div>
    );
  const p = record.data;
  const canReveal = hasPermission(user, 'identity.person.read-sensitive');
  return (
    <div className="wj-page wj-page-wide">
      <Breadcrumb
        className="wj-gap"
        items={[
          { title: <Link to="/console/registry/practitioners">{t('practitioners.title')}</Link> },
          { title: p.name },
        ]}
      />
      <Typography.Title level={1} className="wj-page-title">
        {p.name}{' '}
        {p.status === 'active' ? (
          <Tag color="green">{t('practitioners.active')}</Tag>
        ) : (
          <Tag>{t('practitioners.inactive')}</Tag>
        )}
      </Typography.Title>
      {hasPermission(user, 'credit.read') && (
        // The practitioner's credit file and points (credit module's page).
        <p>
          <Link to={`/console/credit/establishments/practitioners/${id}`}>
            {t('credit.practitionerFileLink')}
          </Link>
        </p>
      )}
      <Card title={<h2 className="wj-card-title">{t('registry.factsTitle')}</h2>} className="wj-gap">
        <Descriptions
          bordered
          size="small"
          column={isPhone ? 1 : 2}
          items={[
            {
              key: 'id',
              label: t('practitioners.idNumber'),
              children: (
                <span>
                  <span className="wj-mono">{p.idNumberMasked}</span>
                  {canReveal && (
                    <RevealButton
                      what={t('practitioners.idNumber')}
                      whose={p.name}
                      reveal={() => revealIdNumber(p.id).then((r) => r.idNumber)}
                    />
                  )}
                </span>
              ),
            },
            {
              key: 'profession',
              label: t('practitioners.profession'),
              children: labels.profession(p.profession),
            },
            { key: 'title', label: t('practitioners.titleName'), children: p.titleName ?? '—' },
            { key: 'practice', label: t('practitioners.practice'), children: practice(p) },
            {
              key: 'qualification',
              label: t('practitioners.qualificationCertNo'),
              children: p.qualificationCertNo ?? '—',
            },
            {
              key: 'practising',
              label: t('practitioners.practisingCertNo'),
              children: p.practisingCertNo ?? '—',
            },
            {
              key: 'primary',
              label: t('practitioners.primary'),
              children: (
                <Link to={`/console/registry/establishments/${p.primaryEstablishment.id}`}>
                  {p.primaryEstablishment.name}
                </Link>
              ),
            },
            {
              key: 'updated',
              label: t('registry.updatedAt'),
              children: `${beijing(p.updatedAt)}（${t('registry.versionN', { n: p.version })}）`,
            },
          ]}
        />
      </Card>
      <FilingsCard practitioner={p} />
      <Card title={<h2 className="wj-card-title">{t('registry.historyTitle')}</h2>} className="wj-gap">
        {history.isError && <ProblemAlert error={history.error} />}
        {history.data ? <HistoryTimeline items={history.data} /> : history.isPending && <PageLoading />}
      </Card>
    </div>
  );
}
