import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission } from '../../api/auth';
import { ENFORCEMENT_KEY } from '../../api/enforcement';
import {
  type PublicationRecord,
  publishPublication,
  repairPublication,
  usePublications,
} from '../../api/enforcementFollowUp';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';
import { ActionForm } from './ActionForm';
import { InboxList } from './InboxList';
import { useEnforcementLabels } from './labels';
import '../users/lists.css';
import './enforcement.css';

const STATUS_COLORS: Record<string, string> = {
  pending: 'orange',
  published: 'green',
  withheld: 'default',
  withdrawn: 'default',
  expired: 'default',
};
const STATUSES = ['pending', 'published', 'withheld', 'withdrawn'];

/**
 * 执法公示: the unit's penalty publications, the pending ones first by their 7-working-day due date.
 * A leader publishes after checking the masked content; the display ends by itself at the end of
 * the period (shown as 公示期满), or earlier by credit repair (信用修复) or a changed decision.
 */
export default function PublicationsPage() {
  const { t } = useTranslation();
  const f = (k: string, o?: Record<string, unknown>) =>
    t(`enforcementFollowUp.${k}` as 'enforcementFollowUp.publish', o ?? {});
  const labels = useEnforcementLabels();
  const user = useConsoleUser();
  const canPublish = hasPermission(user, 'enforcement.publish');
  const queryClient = useQueryClient();
  const [query, setQuery] = useState<{ status?: string; page: number; pageSize: number }>({
    page: 1,
    pageSize: 20,
  });
  const [repair, setRepair] = useState<{ p: PublicationRecord; status: 'applied' | 'repaired' } | null>(null);
  const list = usePublications(query);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ENFORCEMENT_KEY });
  const publish = useMutation({ mutationFn: publishPublication, onSuccess: refresh });
  const status = (p: PublicationRecord) => (
    <Space wrap size={4}>
      <Tag color={STATUS_COLORS[p.effectiveStatus]}>{labels.publicationState(p.effectiveStatus)}</Tag>
      <Tag>{labels.severity(p.severity)}</Tag>
      {p.repairStatus !== 'none' && <Tag color="cyan">{f(`repairStates.${p.repairStatus}`)}</Tag>}
      {p.publishedOnTime === false && <Tag color="red">{f('late')}</Tag>}
    </Space>
  );
  const actions = (p: PublicationRecord) => {
    if (!canPublish) return null;
    if (p.effectiveStatus === 'pending')
      return (
        <Popconfirm
          title={f('publishConfirm')}
          description={f('publishConfirmBody', { date: p.maxUntil ?? '—' })}
          onConfirm={() => publish.mutate(p.id)}
        >
          <Button size="small" type="primary" loading={publish.isPending && publish.variables === p.id}>
            {f('publish')}
          </Button>
        </Popconfirm>
      );
    if (p.effectiveStatus === 'published')
      return (
        <span className="wj-stack">
          {p.repairStatus === 'none' && (
            <Button size="small" onClick={() => setRepair({ p, status: 'applied' })}>
              {f('applyRepair')}
            </Button>
          )}
          <Button size="small" onClick={() => setRepair({ p, status: 'repaired' })}>
            {f('grantRepair')}
          </Button>
        </span>
      );
    return null;
  };
  /** When it is (or was) on display: due, published until, or taken down. */
  const period = (p: PublicationRecord) =>
    p.withdrawnOn
      ? f('periodWithdrawn', { from: p.publishedOn ?? '—', on: p.withdrawnOn })
      : p.publishedOn
        ? f('periodShown', { from: p.publishedOn, until: p.maxUntil ?? '—' })
        : p.publishBy
          ? f('periodDue', { date: p.publishBy })
          : (p.withheldReason ?? '—');
  const caseLink = (p: PublicationRecord) => (
    <Link to={`/console/enforcement/cases/${p.caseId}`}>{p.content.decisionNo}</Link>
  );
  return (
    <div className="wj-page wj-page-wide">
      <div className="wj-title-row">
        <Typography.Title level={1} className="wj-page-title">
          {f('publicationsTitle')}
        </Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{f('publicationsIntro')}</Typography.Paragraph>
      <div className="wj-list-filters">
        <Select
          allowClear
          aria-label={f('status')}
          placeholder={f('allStatuses')}
          style={{ minWidth: 180 }}
          options={STATUSES.map((s) => ({ value: s, label: labels.publicationState(s) }))}
          onChange={(s?: string) => setQuery((q) => ({ ...q, page: 1, status: s }))}
        />
      </div>
      <ProblemAlert error={list.error ?? publish.error} />
      <InboxList<PublicationRecord>
        items={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        page={query.page}
        pageSize={query.pageSize}
        loading={list.isFetching}
        onPage={(page, pageSize) => setQuery((q) => ({ ...q, page, pageSize }))}
        rowKey={(p) => p.id}
        columns={[
          { key: 'no', title: f('decisionNo'), render: (_, p) => caseLink(p) },
          { key: 'party', title: f('party'), render: (_, p) => p.content.party.name },
          {
            key: 'penalty',
            title: f('penalty'),
            render: (_, p) => <span className="wj-clamp wj-cell-wide">{p.content.penaltyContent}</span>,
          },
          { key: 'status', title: f('status'), render: (_, p) => status(p) },
          { key: 'period', title: f('period'), render: (_, p) => period(p) },
          { key: 'actions', title: '', render: (_, p) => actions(p) },
        ]}
        card={(p) => ({
          title: caseLink(p),
          extra: status(p),
          lines: [
            { key: 'party', label: f('party'), value: p.content.party.name },
            { key: 'penalty', label: f('penalty'), value: p.content.penaltyContent },
            { key: 'period', label: f('period'), value: period(p) },
            { key: 'actions', label: '', value: actions(p) },
          ],
        })}
      />
      {repair && (
        <ActionForm
          open
          title={repair.status === 'applied' ? f('applyRepair') : f('grantRepair')}
          fields={[{ name: 'note', kind: 'textarea', required: true, max: 1000, label: f('repairNote') }]}
          onClose={() => setRepair(null)}
          send={(v) => repairPublication(repair.p.id, { status: repair.status, ...v })}
          onSent={() => void refresh()}
          onDone={() => setRepair(null)}
        />
      )}
    </div>
  );
}
