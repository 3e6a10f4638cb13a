import { Alert, Breadcrumb, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApplication } from '../../api/licensing';
import { ActionPanel } from '../../console/licensing/applications/ActionPanel';
import { ApplicationFacts } from '../../console/licensing/applications/ApplicationFacts';
import { ClocksCard } from '../../console/licensing/applications/ClockView';
import { MaterialsCard } from '../../console/licensing/applications/MaterialsCard';
import { TimelineCard } from '../../console/licensing/applications/TimelineCard';
import { MY_PATHS, useLicensingLabels } from '../../console/licensing/labels';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { CommitmentForm } from './CommitmentForm';
import { MyNav } from './MyNav';

/** States in which the applicant may still add or replace materials (the server has the last word). */
const EDITABLE = new Set(['draft', 'signed', 'correction_requested']);

/** The institution's own application: sign the commitment, upload, submit, then follow status and deadline. */
export function MyApplicationPage() {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  const q = useApplication(Number(useParams().id));
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ProblemAlert error={q.error} />;
  const a = q.data;
  const signing = a.availableActions.some((x) => x.action === 'sign_commitment');
  return (
    <>
      <MyNav />
      <Breadcrumb
        className="wj-gap"
        items={[
          { title: <Link to="/my/applications">{t('licensing.myNav.applications')}</Link> },
          { title: a.number ?? `#${a.id}` },
        ]}
      />
      <Typography.Title level={1} className="wj-page-title">
        {labels.name(a.permit)}
      </Typography.Title>
      {a.state === 'draft' && (
        <Alert type="info" showIcon className="wj-gap" message={t('licensing.myDraftHint')} />
      )}
      {a.licenseId && a.state === 'granted' && (
        <Alert
          type="success"
          showIcon
          className="wj-gap"
          message={t('licensing.granted')}
          action={<Link to={MY_PATHS.license(a.licenseId)}>{t('licensing.goLicense')}</Link>}
        />
      )}
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={15}>
          {signing && <CommitmentForm application={a} />}
          <MaterialsCard application={a} editable={EDITABLE.has(a.state)} />
          <ApplicationFacts application={a} paths={MY_PATHS} />
        </Col>
        <Col xs={24} xl={9}>
          <ActionPanel application={a} />
          <ClocksCard application={a} />
          <TimelineCard entries={a.timeline} />
        </Col>
      </Row>
    </>
  );
}
