import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client';
import { actOnTask, type Task } from '../../../api/licensing';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useLicensingLabels } from '../labels';
import { ActionButtons } from './ActionButtons';
import { TASK_FIELDS } from './LicenseView';

/**
 * One verification task (承诺核查 / 备案后检查) for the inspector: the supervision unit holds the
 * task but not the licence (issued by the approving unit), so the task has a page of its own.
 */
export function TaskPage() {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  const id = Number(useParams().id);
  const q = useQuery({
    queryKey: ['licensing', 'task', id],
    queryFn: ({ signal }) => api.get<Task>(`/licensing/tasks/${id}`, undefined, signal),
  });
  if (q.isPending) return <PageLoading />;
  if (q.isError)
    return (
      <div className="wj-page">
        <ProblemAlert error={q.error} />
      </div>
    );
  const k = q.data;
  return (
    <div className="wj-page wj-page-wide">
      <Breadcrumb
        className="wj-gap"
        items={[
          { title: <Link to="/console/licensing/applications">{t('licensing.inboxTitle')}</Link> },
          { title: labels.taskKind(k.kind) },
        ]}
      />
      <Typography.Title level={1} className="wj-page-title">
        {labels.taskKind(k.kind)} · {k.establishment.name}
      </Typography.Title>
      <Card size="small" className="wj-gap">
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'state',
              label: t('licensing.state'),
              children: <Tag color={k.overdue ? 'red' : 'blue'}>{labels.state(k)}</Tag>,
            },
            { key: 'establishment', label: t('licensing.establishment'), children: k.establishment.name },
            { key: 'due', label: t('licensing.due'), children: k.dueOn },
            ...(k.rectificationDue
              ? [{ key: 'rect', label: t('licensing.rectificationDue'), children: k.rectificationDue }]
              : []),
            ...(k.findings
              ? [{ key: 'findings', label: t('licensing.findings'), children: k.findings }]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('licensing.actions')} className="wj-gap">
        {k.availableActions.length === 0 && <p className="wj-muted">{t('licensing.noActions')}</p>}
        <ActionButtons
          actions={k.availableActions}
          subject={`${k.establishment.name} · ${labels.taskKind(k.kind)}`}
          fieldsOf={(a) => TASK_FIELDS[a] ?? []}
          run={(action, body) => actOnTask(k.id, { action, expectedVersion: k.version, ...body })}
        />
      </Card>
    </div>
  );
}
