import { Card, Descriptions, Empty, Pagination, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InspectionSummary } from '../../../api/inspection';
import { useIsPhone } from '../../../ui/useIsPhone';
import { TASK_STATUS_COLORS, taskPath, useInspectionLabels } from '../labels';

interface Props {
  items: InspectionSummary[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  /** Show the campaign column (the task list across campaigns). */
  showCampaign?: boolean;
}

export function TaskTags({ task }: { task: InspectionSummary }) {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  return (
    <>
      <Tag color={TASK_STATUS_COLORS[task.status]}>{labels.taskStatus(task.status)}</Tag>
      {task.taskKind === 'reinspection' && <Tag color="cyan">{t('inspection.reinspection')}</Tag>}
      {task.overdue && <Tag color="red">{t('inspection.overdue')}</Tag>}
      {task.understaffed && <Tag color="orange">{t('inspection.understaffed')}</Tag>}
      {task.outcome && (
        <Tag color={task.outcome === 'compliant' ? 'green' : 'volcano'}>{labels.outcome(task.outcome)}</Tag>
      )}
      {task.publishedAt && <Tag>{t('inspection.published')}</Tag>}
    </>
  );
}

const teamText = (task: InspectionSummary, department: (c: string) => string) =>
  task.team.map((m) => `${m.name}（${department(m.departmentCode)}）`).join('、');

/** Inspection tasks: a table on wider screens, cards on phones (the officer's list in the field). */
export function TaskList({ items, total, loading, page, pageSize, onPage, showCampaign }: Props) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const labels = useInspectionLabels();
  const name = (task: InspectionSummary) => (
    <Link to={taskPath(task.id)}>{task.establishment?.name ?? task.code}</Link>
  );

  if (isPhone) {
    return (
      <div aria-busy={loading}>
        {items.length === 0 && !loading && <Empty description={t('inspection.noTasks')} />}
        <ul className="wj-cards">
          {items.map((task) => (
            <li key={task.id}>
              <Card size="small" title={name(task)}>
                <TaskTags task={task} />
                <Descriptions
                  size="small"
                  column={1}
                  className="wj-top-gap"
                  items={[
                    ...(showCampaign
                      ? [{ key: 'c', label: t('inspection.campaign'), children: task.campaign.title }]
                      : []),
                    {
                      key: 'a',
                      label: t('inspection.address'),
                      children: task.establishment?.address ?? '—',
                    },
                    { key: 'due', label: t('inspection.due'), children: task.dueOn },
                    { key: 'team', label: t('inspection.team'), children: teamText(task, labels.department) },
                  ]}
                />
              </Card>
            </li>
          ))}
        </ul>
        {total > pageSize && (
          <Pagination
            simple
            current={page}
            pageSize={pageSize}
            total={total}
            onChange={onPage}
            align="center"
          />
        )}
      </div>
    );
  }

  const columns: TableColumnsType<InspectionSummary> = [
    { key: 'e', title: t('inspection.establishment'), render: (_, task) => name(task) },
    ...(showCampaign
      ? [
          {
            key: 'c',
            title: t('inspection.campaign'),
            render: (_: unknown, x: InspectionSummary) => x.campaign.title,
          },
        ]
      : []),
    {
      key: 's',
      title: t('inspection.stratum'),
      render: (_, task) => <span className="wj-mono">{task.stratum ?? '—'}</span>,
    },
    { key: 'team', title: t('inspection.team'), render: (_, task) => teamText(task, labels.department) },
    { key: 'due', title: t('inspection.due'), dataIndex: 'dueOn' },
    { key: 'st', title: t('inspection.taskStatus'), render: (_, task) => <TaskTags task={task} /> },
  ];
  return (
    <Table<InspectionSummary>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('inspection.noTasks') }}
      pagination={{ current: page, pageSize, total, onChange: onPage, hideOnSinglePage: true }}
    />
  );
}
