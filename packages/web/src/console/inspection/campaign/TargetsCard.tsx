import { Card, Statistic } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Campaign, useInspections } from '../../../api/inspection';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { TaskList } from '../tasks/TaskList';

const PAGE_SIZE = 50;

/** After the draw: the progress figures and every target with its team and task. */
export function TargetsCard({ c }: { c: Campaign }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const tasks = useInspections({ campaignId: c.id, page, pageSize: PAGE_SIZE });
  const p = c.progress;
  const stats: [string, number][] = [
    ['progressTargets', p.targets],
    ['progressCompleted', p.completed],
    ['progressNonCompliant', p.nonCompliant],
    ['progressReinspections', p.reinspections],
    ['progressReplaced', p.replaced],
    ['progressPublished', p.published],
  ];
  return (
    <>
      <Card title={<h2 className="wj-card-title">{t('inspection.progressTitle')}</h2>} className="wj-gap">
        <div className="wj-progress-stats">
          {stats.map(([key, value]) => (
            <Statistic
              key={key}
              title={t(`inspection.${key}` as 'inspection.progressTargets')}
              value={value}
            />
          ))}
        </div>
      </Card>
      <Card title={<h2 className="wj-card-title">{t('inspection.targetsTitle')}</h2>} className="wj-gap">
        <ProblemAlert error={tasks.error} />
        <TaskList
          items={tasks.data?.items ?? []}
          total={tasks.data?.total ?? 0}
          loading={tasks.isFetching}
          page={page}
          pageSize={PAGE_SIZE}
          onPage={setPage}
        />
      </Card>
    </>
  );
}
