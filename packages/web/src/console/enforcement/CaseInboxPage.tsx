import { Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CaseSummary, useCases } from '../../api/enforcement';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { DueTag } from './DueTag';
import { InboxList } from './InboxList';
import { useEnforcementLabels } from './labels';
import { StateTag } from './StateTag';

const path = (id: number) => `/console/enforcement/cases/${id}`;
const OPEN =
  'proposed,investigating,notified,hearing_requested,hearing_scheduled,heard,legal_review,pending_decision,decided,served,executed';
const FILTERS = [
  'open',
  'proposed',
  'investigating',
  'notified',
  'legal_review',
  'pending_decision',
  'decided',
  'served',
  'closed',
];

/** The unit's cases, the nearest deadline first. */
export function CaseInboxPage() {
  const { t } = useTranslation();
  const labels = useEnforcementLabels();
  const [query, setQuery] = useState<{ state?: string; q?: string; page: number; pageSize: number }>({
    page: 1,
    pageSize: 20,
  });
  const list = useCases(query);
  const set = (patch: Partial<typeof query>) => setQuery((q) => ({ ...q, page: 1, ...patch }));
  return (
    <div className="wj-page wj-page-wide">
      <div className="wj-title-row">
        <Typography.Title level={1} className="wj-page-title">
          {t('enforcement.casesTitle')}
        </Typography.Title>
      </div>
      <div className="wj-list-filters">
        <Input.Search
          allowClear
          aria-label={t('enforcement.search')}
          placeholder={t('enforcement.searchPlaceholder')}
          onSearch={(q) => set({ q: q.trim() || undefined })}
        />
        <Select
          allowClear
          aria-label={t('enforcement.state')}
          placeholder={t('enforcement.allStates')}
          style={{ minWidth: 200 }}
          options={FILTERS.map((s) => ({
            value: s === 'open' ? OPEN : s,
            label: s === 'open' ? t('enforcement.leadStates.open') : labels.caseState(s),
          }))}
          onChange={(s?: string) => set({ state: s })}
        />
      </div>
      <ProblemAlert error={list.error} />
      <InboxList<CaseSummary>
        items={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        page={query.page}
        pageSize={query.pageSize}
        loading={list.isFetching}
        onPage={(page, pageSize) => setQuery((q) => ({ ...q, page, pageSize }))}
        rowKey={(c) => c.id}
        columns={[
          {
            key: 'number',
            title: t('enforcement.number'),
            render: (_, c) => (
              <span className="wj-stack">
                <Link to={path(c.id)}>{c.number}</Link>
                <span className="wj-muted wj-small wj-clamp">{c.summary}</span>
              </span>
            ),
          },
          { key: 'party', title: t('enforcement.party'), dataIndex: 'partyName' },
          {
            key: 'state',
            title: t('enforcement.state'),
            render: (_, c) => <StateTag state={c.state} label={labels.caseState(c.state)} />,
          },
          { key: 'opened', title: t('enforcement.openedOn'), render: (_, c) => c.openedOn ?? '—' },
          { key: 'decideDue', title: t('enforcement.decideDue'), render: (_, c) => c.decideDue ?? '—' },
          {
            key: 'due',
            title: t('enforcement.due'),
            render: (_, c) => <DueTag dueOn={c.dueOn} overdue={c.overdue} />,
          },
        ]}
        card={(c) => ({
          title: <Link to={path(c.id)}>{c.number}</Link>,
          extra: <StateTag state={c.state} label={labels.caseState(c.state)} />,
          lines: [
            { key: 'summary', label: t('enforcement.summary'), value: c.summary },
            { key: 'party', label: t('enforcement.party'), value: c.partyName },
            {
              key: 'due',
              label: t('enforcement.due'),
              value: <DueTag dueOn={c.dueOn} overdue={c.overdue} />,
            },
          ],
        })}
      />
    </div>
  );
}
