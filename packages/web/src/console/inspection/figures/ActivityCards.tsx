import { Card, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InspectionFigures } from '../../../api/inspectionFigures';
import { percent, taskPath, useInspectionLabels } from '../labels';
import { FigureTable } from './FigureTable';

/** Findings rate per checklist item: how often an item is found not compliant where checked. */
export function FindingsCard({ f }: { f: InspectionFigures }) {
  const { t } = useTranslation();
  const rows = [...f.findingsByItem].sort((a, b) => b.rate - a.rate);
  return (
    <Card title={t('inspectionFigures.findingsTitle')} className="wj-gap">
      <FigureTable
        rows={rows}
        rowKey={(r) => r.itemCode}
        heading={(r) => r.what}
        columns={[
          { key: 'what', title: t('inspectionFigures.item'), render: (r) => r.what },
          { key: 'checked', title: t('inspectionFigures.checked'), render: (r) => r.checked, align: 'right' },
          {
            key: 'nc',
            title: t('inspectionFigures.nonCompliant'),
            render: (r) => r.nonCompliant,
            align: 'right',
          },
          { key: 'rate', title: t('inspectionFigures.rate'), render: (r) => percent(r.rate), align: 'right' },
        ]}
      />
    </Card>
  );
}

/** Officers' workloads of the year: tasks drawn for them, visits done, tasks still open. */
export function WorkloadCard({ f }: { f: InspectionFigures }) {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  return (
    <Card title={t('inspectionFigures.workloadTitle')} className="wj-gap">
      <FigureTable
        rows={f.workloads}
        rowKey={(r) => String(r.inspectorId)}
        heading={(r) => `${r.name}（${labels.department(r.departmentCode)}）`}
        columns={[
          { key: 'name', title: t('inspectionFigures.officer'), render: (r) => r.name },
          {
            key: 'dept',
            title: t('inspectionFigures.department'),
            render: (r) => labels.department(r.departmentCode),
          },
          { key: 'drawn', title: t('inspectionFigures.drawn'), render: (r) => r.drawn, align: 'right' },
          {
            key: 'done',
            title: t('inspectionFigures.completed'),
            render: (r) => r.completed,
            align: 'right',
          },
          { key: 'open', title: t('inspectionFigures.open'), render: (r) => r.open, align: 'right' },
        ]}
      />
    </Card>
  );
}

/** What is overdue: tasks past their campaign's period, rectifications past their deadline, unpublished results. */
export function OverdueCard({ f }: { f: InspectionFigures }) {
  const { t } = useTranslation();
  const o = f.overdue;
  const kind = (k: string) =>
    t(`inspectionFigures.overdueKinds.${k}` as 'inspectionFigures.overdueKinds.task');
  return (
    <Card title={t('inspectionFigures.overdueTitle')} className="wj-gap">
      <div className="wj-progress-stats wj-gap">
        <Statistic title={kind('task')} value={o.tasks} />
        <Statistic title={kind('rectification')} value={o.rectifications} />
        <Statistic title={kind('publication')} value={o.publications} />
      </div>
      <FigureTable
        rows={o.items}
        rowKey={(r) => `${r.kind}-${r.inspectionId}`}
        heading={(r) => (
          <Link to={taskPath(r.inspectionId)}>{r.establishmentName ?? `#${r.inspectionId}`}</Link>
        )}
        columns={[
          {
            key: 'who',
            title: t('inspectionFigures.establishment'),
            render: (r) => (
              <Link to={taskPath(r.inspectionId)}>{r.establishmentName ?? `#${r.inspectionId}`}</Link>
            ),
          },
          { key: 'kind', title: t('inspectionFigures.overdueKind'), render: (r) => kind(r.kind) },
          { key: 'due', title: t('inspectionFigures.dueOn'), render: (r) => r.dueOn },
        ]}
      />
    </Card>
  );
}
