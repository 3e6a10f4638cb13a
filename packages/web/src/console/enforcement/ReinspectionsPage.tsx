import { useQueryClient } from '@tanstack/react-query';
import { Button, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission } from '../../api/auth';
import { ENFORCEMENT_KEY } from '../../api/enforcement';
import { completeReinspection, type Reinspection, useReinspections } from '../../api/enforcementFollowUp';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';
import { ActionForm } from './ActionForm';
import { DueTag } from './DueTag';
import { InboxList } from './InboxList';
import '../users/lists.css';
import './enforcement.css';

/**
 * 处罚后复查: the task each closed case leaves, by due date; the officer records what was found, and
 * a continuing violation comes back as a new lead (the server raises it).
 */
export default function ReinspectionsPage() {
  const { t } = useTranslation();
  const f = (k: string, o?: Record<string, unknown>) =>
    t(`enforcementFollowUp.${k}` as 'enforcementFollowUp.refer', o ?? {});
  const user = useConsoleUser();
  const canAct = hasPermission(user, 'enforcement.investigate');
  const queryClient = useQueryClient();
  const [query, setQuery] = useState<{ state?: string; page: number; pageSize: number }>({
    state: 'open',
    page: 1,
    pageSize: 20,
  });
  const [acting, setActing] = useState<Reinspection | null>(null);
  const list = useReinspections(query);
  const link = (r: Reinspection) => <Link to={`/console/enforcement/cases/${r.caseId}`}>{r.caseNumber}</Link>;
  const state = (r: Reinspection) => (
    <Tag color={r.state === 'open' ? 'blue' : r.outcome === 'compliant' ? 'green' : 'red'}>
      {r.outcome ? f(`outcomes.${r.outcome}`) : f(`reinspectionStates.${r.state}`)}
    </Tag>
  );
  const due = (r: Reinspection) =>
    r.state === 'open' ? (
      <DueTag dueOn={r.dueOn} overdue={r.overdue} />
    ) : (
      <span className="wj-stack">
        <span>{r.dueOn}</span>
        <span className="wj-muted wj-small">{f('doneOn', { date: r.doneOn ?? '—' })}</span>
      </span>
    );
  const button = (r: Reinspection) =>
    canAct && r.state === 'open' ? (
      <Button size="small" type="primary" onClick={() => setActing(r)}>
        {f('complete')}
      </Button>
    ) : null;
  return (
    <div className="wj-page wj-page-wide">
      <div className="wj-title-row">
        <Typography.Title level={1} className="wj-page-title">
          {f('reinspectionsTitle')}
        </Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{f('reinspectionsIntro')}</Typography.Paragraph>
      <div className="wj-list-filters">
        <Segmented
          value={query.state ?? 'all'}
          options={[
            { value: 'open', label: f('reinspectionStates.open') },
            { value: 'done', label: f('reinspectionStates.done') },
            { value: 'all', label: f('allDirections') },
          ]}
          onChange={(v) => setQuery((q) => ({ ...q, page: 1, state: v === 'all' ? undefined : String(v) }))}
        />
      </div>
      <ProblemAlert error={list.error} />
      <InboxList<Reinspection>
        items={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        page={query.page}
        pageSize={query.pageSize}
        loading={list.isFetching}
        onPage={(page, pageSize) => setQuery((q) => ({ ...q, page, pageSize }))}
        rowKey={(r) => r.id}
        columns={[
          { key: 'case', title: f('caseNumber'), render: (_, r) => link(r) },
          { key: 'due', title: f('dueOn'), render: (_, r) => due(r) },
          { key: 'state', title: t('enforcement.state'), render: (_, r) => state(r) },
          {
            key: 'note',
            title: f('note'),
            render: (_, r) => <span className="wj-clamp">{r.note ?? '—'}</span>,
          },
          { key: 'actions', title: '', render: (_, r) => button(r) },
        ]}
        card={(r) => ({
          title: link(r),
          extra: state(r),
          lines: [
            { key: 'due', label: f('dueOn'), value: due(r) },
            ...(r.note ? [{ key: 'note', label: f('note'), value: r.note }] : []),
            { key: 'actions', label: '', value: button(r) },
          ],
        })}
      />
      {acting && (
        <ActionForm
          open
          title={`${f('complete')} ${acting.caseNumber}`}
          fields={[
            {
              name: 'outcome',
              kind: 'select',
              required: true,
              label: f('outcome'),
              options: ['compliant', 'non_compliant'].map((o) => ({ value: o, label: f(`outcomes.${o}`) })),
            },
            { name: 'note', kind: 'textarea', required: true, max: 4000, label: f('note') },
          ]}
          onClose={() => setActing(null)}
          send={(v) => completeReinspection(acting.id, v)}
          onSent={() => void queryClient.invalidateQueries({ queryKey: ENFORCEMENT_KEY })}
          onDone={() => setActing(null)}
        />
      )}
    </div>
  );
}
