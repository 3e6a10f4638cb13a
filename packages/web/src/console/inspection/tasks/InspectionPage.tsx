import { Alert, Breadcrumb, Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { hasPermission } from '../../../api/auth';
import { useInspection } from '../../../api/inspection';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useConsoleUser } from '../../consoleUser';
import { campaignPath, useInspectionLabels } from '../labels';
import { InspectionForm } from './InspectionForm';
import { InspectionResult } from './InspectionResult';
import { TaskTags } from './TaskList';

/** One inspection: where and who, then the field form while it is assigned, the result after. */
export function InspectionPage() {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  const user = useConsoleUser();
  const id = Number(useParams().id);
  const inspection = useInspection(id);

  if (inspection.isPending) return <PageLoading />;
  if (inspection.isError)
    return (
      <div className="wj-page">
        <ProblemAlert error={inspection.error} />
      </div>
    );
  const x = inspection.data;
  const canRecord =
    x.status === 'assigned' && !x.readOnly && hasPermission(user, 'inspection.inspection.record');
  return (
    <div className="wj-page">
      <Breadcrumb
        className="wj-gap"
        items={[
          { title: <Link to="/console/inspection/tasks">{t('inspection.tasksTitle')}</Link> },
          { title: x.establishment?.name ?? x.code },
        ]}
      />
      <Typography.Title level={1} className="wj-page-title">
        {x.establishment?.name ?? x.code}
      </Typography.Title>
      <p>
        <TaskTags task={x} />
      </p>
      {x.readOnly && <Alert type="info" showIcon className="wj-gap" message={t('inspection.readOnly')} />}
      <Card className="wj-gap" size="small">
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'c',
              label: t('inspection.campaign'),
              children: <Link to={campaignPath(x.campaign.id)}>{x.campaign.title}</Link>,
            },
            { key: 'code', label: t('inspection.code'), children: <span className="wj-mono">{x.code}</span> },
            { key: 'a', label: t('inspection.address'), children: x.establishment?.address ?? '—' },
            { key: 'd', label: t('inspection.departments'), children: labels.departments(x.departments) },
            { key: 'due', label: t('inspection.due'), children: x.dueOn },
            ...(x.parentRectification
              ? [
                  {
                    key: 'r',
                    label: t('inspection.rectificationTitle'),
                    children: t('inspection.rectificationLine', { ...x.parentRectification }),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {canRecord ? <InspectionForm inspection={x} /> : <InspectionResult inspection={x} />}
    </div>
  );
}
