import { useQueryClient } from '@tanstack/react-query';
import { Button, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission } from '../../api/auth';
import { ENFORCEMENT_KEY } from '../../api/enforcement';
import { actOnReferral, type Referral, useReferrals } from '../../api/enforcementFollowUp';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';
import { ActionForm, type FieldSpec } from './ActionForm';
import { InboxList } from './InboxList';
import '../users/lists.css';
import './enforcement.css';

const STATE_COLORS: Record<string, string> = { sent: 'orange', acknowledged: 'blue', concluded: 'green' };
type Step = 'acknowledge' | 'record_result';

/**
 * 移送: referrals the unit sent and received. The receiving department acknowledges (签收) what it
 * received — it is already a lead in its own inbox; for the judiciary, outside the system, the
 * sender records the receipt (回执). Either side then records the result.
 */
export default function ReferralsPage() {
  const { t } = useTranslation();
  const f = (k: string) => t(`enforcementFollowUp.${k}` as 'enforcementFollowUp.refer');
  const user = useConsoleUser();
  const canAct = hasPermission(user, 'enforcement.investigate') || hasPermission(user, 'enforcement.approve');
  const queryClient = useQueryClient();
  const [query, setQuery] = useState<{ direction?: string; page: number; pageSize: number }>({
    direction: 'received',
    page: 1,
    pageSize: 20,
  });
  const [acting, setActing] = useState<{ r: Referral; step: Step } | null>(null);
  const list = useReferrals(query);
  const state = (r: Referral) => <Tag color={STATE_COLORS[r.state]}>{f(`referralStates.${r.state}`)}</Tag>;
  const mayAcknowledge = (r: Referral) =>
    r.state === 'sent' && (r.direction === 'received' || r.toKind === 'judiciary');
  const buttons = (r: Referral) =>
    canAct && r.state !== 'concluded' ? (
      <Space wrap size={4}>
        {mayAcknowledge(r) && (
          <Button size="small" type="primary" onClick={() => setActing({ r, step: 'acknowledge' })}>
            {f('acknowledge')}
          </Button>
        )}
        {r.state === 'acknowledged' && (
          <Button size="small" onClick={() => setActing({ r, step: 'record_result' })}>
            {f('recordResult')}
          </Button>
        )}
      </Space>
    ) : null;
  const origin = (r: Referral) =>
    r.direction === 'sent' && r.caseId ? (
      <Link to={`/console/enforcement/cases/${r.caseId}`}>{r.number}</Link>
    ) : r.receivedLeadId ? (
      <Link to={`/console/enforcement/leads/${r.receivedLeadId}`}>{r.number}</Link>
    ) : (
      r.number
    );
  const receipt = (r: Referral) =>
    r.acknowledgedOn ? (
      <span className="wj-stack">
        <span>{r.receiptNo}</span>
        <span className="wj-muted wj-small">
          {r.acknowledgedOn} · {r.acknowledgedBy}
        </span>
      </span>
    ) : (
      '—'
    );
  const reason = (r: Referral) => (
    <span className="wj-stack wj-cell-wide">
      <span className="wj-clamp">{r.reason}</span>
      {r.suspectedCrime && (
        <span>
          <Tag color="red">{f('suspectedCrime')}</Tag>
        </span>
      )}
    </span>
  );
  const fields: Record<Step, FieldSpec[]> = {
    acknowledge: [
      { name: 'receiptNo', kind: 'text', required: true, max: 100, label: f('receiptNo') },
      ...(acting?.r.direction === 'sent'
        ? [
            { name: 'acknowledgedBy', kind: 'text', max: 100, label: f('acknowledgedBy') } as FieldSpec,
            { name: 'acknowledgedOn', kind: 'date', label: f('acknowledgedOn') } as FieldSpec,
          ]
        : []),
    ],
    record_result: [{ name: 'result', kind: 'textarea', required: true, max: 4000, label: f('result') }],
  };
  return (
    <div className="wj-page wj-page-wide">
      <div className="wj-title-row">
        <Typography.Title level={1} className="wj-page-title">
          {f('referralsTitle')}
        </Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{f('referralsIntro')}</Typography.Paragraph>
      <div className="wj-list-filters">
        <Segmented
          value={query.direction ?? 'all'}
          options={[
            { value: 'received', label: f('received') },
            { value: 'sent', label: f('sent') },
            { value: 'all', label: f('allDirections') },
          ]}
          onChange={(v) =>
            setQuery((q) => ({ ...q, page: 1, direction: v === 'all' ? undefined : String(v) }))
          }
        />
      </div>
      <ProblemAlert error={list.error} />
      <InboxList<Referral>
        items={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        page={query.page}
        pageSize={query.pageSize}
        loading={list.isFetching}
        onPage={(page, pageSize) => setQuery((q) => ({ ...q, page, pageSize }))}
        rowKey={(r) => r.id}
        columns={[
          { key: 'number', title: f('number'), render: (_, r) => origin(r) },
          // The unit's own side is not repeated: received ones show the sender, sent ones the receiver.
          ...(query.direction === 'sent'
            ? []
            : [{ key: 'from', title: f('from'), render: (_: unknown, r: Referral) => r.from.unitName }]),
          ...(query.direction === 'received' ? [] : [{ key: 'to', title: f('to'), dataIndex: 'toBodyName' }]),
          { key: 'reason', title: f('reason'), width: 260, render: (_, r) => reason(r) },
          { key: 'sentOn', title: f('sentOn'), dataIndex: 'sentOn' },
          { key: 'state', title: t('enforcement.state'), render: (_, r) => state(r) },
          { key: 'receipt', title: f('receiptNo'), render: (_, r) => receipt(r) },
          { key: 'actions', title: '', render: (_, r) => buttons(r) },
        ]}
        card={(r) => ({
          title: origin(r),
          extra: state(r),
          lines: [
            { key: 'from', label: f('from'), value: r.from.unitName },
            { key: 'to', label: f('to'), value: r.toBodyName },
            { key: 'reason', label: f('reason'), value: reason(r) },
            { key: 'sentOn', label: f('sentOn'), value: r.sentOn },
            { key: 'receipt', label: f('receiptNo'), value: receipt(r) },
            ...(r.result ? [{ key: 'result', label: f('result'), value: r.result }] : []),
            { key: 'actions', label: '', value: buttons(r) },
          ],
        })}
      />
      {acting && (
        <ActionForm
          open
          title={`${acting.step === 'acknowledge' ? f('acknowledge') : f('recordResult')} ${acting.r.number}`}
          fields={fields[acting.step]}
          onClose={() => setActing(null)}
          send={(v) =>
            actOnReferral(acting.r.id, { action: acting.step, expectedVersion: acting.r.version, ...v })
          }
          onSent={() => void queryClient.invalidateQueries({ queryKey: ENFORCEMENT_KEY })}
          onDone={() => setActing(null)}
        />
      )}
    </div>
  );
}
