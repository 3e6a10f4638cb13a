import { Checkbox, Input, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission } from '../../api/auth';
import { type ComplaintQuery, type ComplaintSummary, useComplaints } from '../../api/enforcement';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';
import { DueTag } from './DueTag';
import { HotlineEntry } from './HotlineEntry';
import { InboxList } from './InboxList';
import { useEnforcementLabels } from './labels';
import { StateTag } from './StateTag';

const path = (id: number) => `/console/enforcement/complaints/${id}`;
const STATES = ['received', 'accepted', 'concluded', 'not_accepted', 'closed'];

/** The unit's complaints, the nearest due date first, with their routing and deadlines. */
export function ComplaintInboxPage() {
  const { t } = useTranslation();
  const labels = useEnforcementLabels();
  const user = useConsoleUser();
  const [query, setQuery] = useState<ComplaintQuery>({ page: 1, pageSize: 20 });
  const list = useComplaints(query);
  const set = (patch: Partial<ComplaintQuery>) => setQuery((q) => ({ ...q, page: 1, ...patch }));
  const what = (c: ComplaintSummary) =>
    c.needsTriage ? <Tag color="warning">{t('enforcement.unknownEstablishment')}</Tag> : c.establishmentText;
  return (
    <div className="wj-page wj-page-wide">
      <div className="wj-title-row">
        <Typography.Title level={1} className="wj-page-title">
          {t('enforcement.complaintsTitle')}
        </Typography.Title>
        {hasPermission(user, 'complaint.handle') && user.unit && (
          <HotlineEntry regionCode={user.unit.regionCode} />
        )}
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
          className="wj-filter-select"
          aria-label={t('enforcement.state')}
          placeholder={t('enforcement.allStates')}
          options={STATES.map((s) => ({ value: s, label: labels.complaintState(s) }))}
          onChange={(s?: string) => set({ state: s })}
          style={{ minWidth: 180 }}
        />
        <Checkbox onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}>
          {t('enforcement.onlyOverdue')}
        </Checkbox>
        <Checkbox onChange={(e) => set({ needsTriage: e.target.checked ? 'true' : undefined })}>
          {t('enforcement.onlyTriage')}
        </Checkbox>
      </div>
      <ProblemAlert error={list.error} />
      <InboxList<ComplaintSummary>
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
                <span className="wj-muted wj-small">{labels.channel(c.channel)}</span>
              </span>
            ),
          },
          { key: 'category', title: t('enforcement.category'), dataIndex: 'categoryName' },
          { key: 'what', title: t('enforcement.establishment'), render: (_, c) => what(c) },
          { key: 'unit', title: t('enforcement.unit'), render: (_, c) => c.unit.name },
          {
            key: 'state',
            title: t('enforcement.state'),
            render: (_, c) => <StateTag state={c.state} label={labels.complaintState(c.state)} />,
          },
          { key: 'received', title: t('enforcement.received'), dataIndex: 'receivedOn' },
          {
            key: 'due',
            title: t('enforcement.due'),
            render: (_, c) => <DueTag dueOn={c.dueOn} overdue={c.overdue} />,
          },
          { key: 'reporters', title: t('enforcement.reporters'), dataIndex: 'reporters', align: 'end' },
        ]}
        card={(c) => ({
          title: <Link to={path(c.id)}>{c.number}</Link>,
          extra: <StateTag state={c.state} label={labels.complaintState(c.state)} />,
          lines: [
            { key: 'category', label: t('enforcement.category'), value: c.categoryName },
            { key: 'what', label: t('enforcement.establishment'), value: what(c) },
            { key: 'unit', label: t('enforcement.unit'), value: c.unit.name },
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
