import { Breadcrumb, Button, Card, Col, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { hasPermission } from '../../../api/auth';
import { useEstablishment, useHistory } from '../../../api/registry';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useConsoleUser } from '../../consoleUser';
import { HistoryTimeline } from '../HistoryTimeline';
import { CodeCard } from './CodeCard';
import { EstablishmentFacts } from './EstablishmentFacts';
import { StatusTag } from './EstablishmentList';
import { LicensesCard } from './LicensesCard';
import { PractitionersAtCard } from './PractitionersAtCard';

/** One establishment: all its fields, its code (一码), licences, practitioners and change history. */
export function EstablishmentDetailPage() {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const record = useEstablishment(id, id > 0);
  const history = useHistory('establishments', id);

  if (record.isPending) return <PageLoading />;
  if (record.isError)
    return (
      <div className="wj-page">
        <ProblemAlert error={record.error} />
      </div>
    );
  const e = record.data;
  return (
    <div className="wj-page wj-page-wide">
      <Breadcrumb
        className="wj-gap"
        items={[
          { title: <Link to="/console/registry/establishments">{t('registry.establishmentsTitle')}</Link> },
          { title: e.name },
        ]}
      />
      <div className="wj-title-row">
        <Typography.Title level={1} className="wj-page-title">
          {e.name} <StatusTag status={e.status} />
        </Typography.Title>
        {hasPermission(user, 'registry.edit') && (
          <Space wrap>
            <Button type="primary" onClick={() => navigate('edit')}>
              {t('registry.edit')}
            </Button>
          </Space>
        )}
      </div>
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={16}>
          <Card title={<h2 className="wj-card-title">{t('registry.factsTitle')}</h2>} className="wj-gap">
            <EstablishmentFacts e={e} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <CodeCard e={e} />
        </Col>
      </Row>
      <LicensesCard establishmentId={e.id} />
      <PractitionersAtCard establishmentId={e.id} />
      <Card title={<h2 className="wj-card-title">{t('registry.historyTitle')}</h2>} className="wj-gap">
        {history.isError && <ProblemAlert error={history.error} />}
        {history.data ? <HistoryTimeline items={history.data} /> : history.isPending && <PageLoading />}
      </Card>
    </div>
  );
}
