import { Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Lead, useLeads } from '../../api/enforcement';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { InboxList } from './InboxList';
import { useEnforcementLabels } from './labels';
import { StateTag } from './StateTag';

const path = (id: number) => `/console/enforcement/leads/${id}`;

/** Leads from complaints, inspections, alerts, referrals and officers, open ones first. */
export function LeadInboxPage() {
  const { t } = useTranslation();
  const labels = useEnforcementLabels();
  const [query, setQuery] = useState<{ state?: string; q?: string; page: number; pageSize: number }>({
    page: 1,
    pageSize: 20,
  });
  const list = useLeads(query);
  const set = (patch: Partial<typeof query>) => setQuery((q) => ({ ...q, page: 1, ...patch }));
  return (
    <div className="wj-page wj-page-wide">
      <div className="wj-title-row">
        <Typography.Title level={1} className="wj-page-title">
          {t('enforcement.leadsTitle')}
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
          style={{ minWidth: 160 }}
          options={['open', 'rectification', 'case', 'no_action'].map((s) => ({
            value: s,
            label: labels.leadState(s),
          }))}
          onChange={(s?: string) => set({ state: s })}
        />
      </div>
      <ProblemAlert error={list.error} />
      <InboxList<Lead>
        items={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        page={query.page}
        pageSize={query.pageSize}
        loading={list.isFetching}
        onPage={(page, pageSize) => setQuery((q) => ({ ...q, page, pageSize }))}
        rowKey={(l) => l.id}
        columns={[
          {
            key: 'number',
            title: t('enforcement.number'),
            render: (_, l) => <Link to={path(l.id)}>{l.number}</Link>,
          },
          { key: 'source', title: t('enforcement.source'), render: (_, l) => labels.leadSource(l.source) },
          {
            key: 'summary',
            title: t('enforcement.summary'),
            render: (_, l) => <span className="wj-clamp">{l.summary}</span>,
          },
          {
            key: 'state',
            title: t('enforcement.state'),
            render: (_, l) => <StateTag state={l.state} label={labels.leadState(l.state)} />,
          },
          { key: 'received', title: t('enforcement.received'), dataIndex: 'receivedOn' },
        ]}
        card={(l) => ({
          title: <Link to={path(l.id)}>{l.number}</Link>,
          extra: <StateTag state={l.state} label={labels.leadState(l.state)} />,
          lines: [
            { key: 'source', label: t('enforcement.source'), value: labels.leadSource(l.source) },
            {
              key: 'summary',
              label: t('enforcement.summary'),
              value: <span className="wj-clamp">{l.summary}</span>,
            },
            { key: 'received', label: t('enforcement.received'), value: l.receivedOn },
          ],
        })}
      />
    </div>
  );
}
