import { Segmented, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../../api/auth';
import { useInspections } from '../../../api/inspection';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useConsoleUser } from '../../consoleUser';
import { useInspectionLabels } from '../labels';
import { TaskList } from './TaskList';

const PAGE_SIZE = 20;

/** 检查任务: an officer sees their own tasks first; planners and leaders see every task in scope. */
export function TaskListPage() {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  const user = useConsoleUser();
  const [mine, setMine] = useState(hasPermission(user, 'inspection.inspection.record'));
  const [status, setStatus] = useState<string | undefined>('assigned');
  const [page, setPage] = useState(1);
  const tasks = useInspections({ mine: mine ? 'true' : undefined, status, page, pageSize: PAGE_SIZE });
  return (
    <div className="wj-page wj-page-wide">
      <Typography.Title level={1} className="wj-page-title">
        {t('inspection.tasksTitle')}
      </Typography.Title>
      <div className="wj-toolbar">
        <Segmented<string>
          value={mine ? 'mine' : 'all'}
          onChange={(v) => {
            setMine(v === 'mine');
            setPage(1);
          }}
          options={[
            { value: 'mine', label: t('inspection.mine') },
            { value: 'all', label: t('inspection.all') },
          ]}
        />
        <Select<string>
          allowClear
          aria-label={t('inspection.taskStatus')}
          placeholder={t('inspection.taskStatus')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={['assigned', 'completed', 'replaced'].map((s) => ({
            value: s,
            label: labels.taskStatus(s),
          }))}
        />
      </div>
      <ProblemAlert error={tasks.error} />
      <TaskList
        items={tasks.data?.items ?? []}
        total={tasks.data?.total ?? 0}
        loading={tasks.isFetching}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        showCampaign
      />
    </div>
  );
}
