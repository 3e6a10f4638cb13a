import { Breadcrumb, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApplication } from '../../../api/licensing';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { CONSOLE_PATHS, useLicensingLabels } from '../labels';
import { ActionPanel } from './ActionPanel';
import { ApplicationFacts } from './ApplicationFacts';
import { ClocksCard } from './ClockView';
import { MaterialsCard } from './MaterialsCard';
import { TimelineCard } from './TimelineCard';

/** One application as staff see it: facts, legal clocks, the actions allowed now, materials and history. */
export function ApplicationPage() {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  const id = Number(useParams().id);
  const q = useApplication(id);
  if (q.isPending) return <PageLoading />;
  if (q.isError)
    return (
      <div className="wj-page">
        <ProblemAlert error={q.error} />
      </div>
    );
  const a = q.data;
  return (
    <div className="wj-page wj-page-wide">
      <Breadcrumb
        className="wj-gap"
        items={[
          { title: <Link to="/console/licensing/applications">{t('licensing.inboxTitle')}</Link> },
          { title: a.number ?? `#${a.id}` },
        ]}
      />
      <Typography.Title level={1} className="wj-page-title">
        {labels.name(a.permit)} · {a.establishment.name}
      </Typography.Title>
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={15}>
          <ApplicationFacts application={a} paths={CONSOLE_PATHS} />
          <MaterialsCard application={a} editable={false} />
        </Col>
        <Col xs={24} xl={9}>
          <ActionPanel application={a} />
          <ClocksCard application={a} />
          <TimelineCard entries={a.timeline} />
        </Col>
      </Row>
    </div>
  );
}
