import { App, Button, Card, Empty, Input, Radio, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../api/auth';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';
import { type BlacklistProposal, creditWrites, useCreditMutation, useProposals } from './creditApi';
import { DefenceForm } from './DefenceForm';
import { Basis, useBilingual, when } from './labels';

const STATUS_COLOR = { pending: 'gold', approved: 'green', rejected: 'default' } as const;

/**
 * 列入与移出提议 (four-eyes): each proposal with its notice to the subject, the defence, and for an
 * officer other than the proposer with the approval permission, approve or reject with reasons.
 */
export function ProposalsPanel() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'pending' | 'approved' | 'rejected'>('pending');
  const q = useProposals(status);
  return (
    <div data-testid="proposals">
      <Radio.Group
        className="wj-gap"
        optionType="button"
        value={status}
        onChange={(e) => setStatus(e.target.value)}
        options={(['pending', 'approved', 'rejected'] as const).map((s) => ({
          value: s,
          label: t(`credit.fourEyes.statuses.${s}`),
        }))}
      />
      {q.isError && <ProblemAlert error={q.error} />}
      {q.isPending && <PageLoading />}
      {q.data && q.data.items.length === 0 && <Empty description={t('credit.fourEyes.noProposals')} />}
      <ul className="wj-cards">
        {q.data?.items.map((p) => (
          <li key={p.id}>
            <ProposalCard p={p} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function ProposalCard({ p }: { p: BlacklistProposal }) {
  const { t } = useTranslation();
  const { pick, en } = useBilingual();
  const colon = en ? ': ' : '：';
  const user = useConsoleUser();
  const canApprove = hasPermission(user, 'credit.blacklist.approve');
  const own = p.proposedBy === user.username;
  return (
    <Card
      size="small"
      data-testid={`proposal-${p.id}`}
      title={
        <span className="wj-wrap">
          <Tag color={p.action === 'enter' ? 'red' : 'blue'}>{t(`credit.fourEyes.actions.${p.action}`)}</Tag>
          {p.name}
        </span>
      }
      extra={<Tag color={STATUS_COLOR[p.status]}>{t(`credit.fourEyes.statuses.${p.status}`)}</Tag>}
    >
      {p.ruleName && (
        <div>
          <strong>{t('credit.rule')}</strong>
          {colon}
          {pick(p.ruleName)}
        </div>
      )}
      <div>
        <strong>{t('credit.reason')}</strong>
        {colon}
        {p.reason}
      </div>
      {p.source && (
        <div className="wj-muted wj-small">
          {t('credit.source')}: {p.source.module}/{p.source.type}/{p.source.id}
        </div>
      )}
      <div className="wj-muted wj-small">
        {t('credit.fourEyes.proposedBy', { by: p.proposedBy ?? '—', at: when(p.proposedAt) })}
      </div>
      {p.notice && (
        <details className="wj-top-gap">
          <summary>{t('credit.fourEyes.notice')}</summary>
          <p>{pick(p.notice)}</p>
        </details>
      )}
      <div className="wj-top-gap">
        <Tag color={p.defenceStatus === 'awaiting' ? 'orange' : 'default'}>
          {t(`credit.fourEyes.defence.${p.defenceStatus}`, { date: p.defenceDueOn })}
        </Tag>
        {p.defenceStatement && <span>{p.defenceStatement}</span>}
        {p.defenceBy && (
          <span className="wj-muted wj-small">
            {' '}
            {t('credit.fourEyes.defenceRecorded', { by: p.defenceBy, at: when(p.defenceAt) })}
          </span>
        )}
      </div>
      {p.decisionReason && (
        <div className="wj-top-gap">
          {t('credit.fourEyes.decided', {
            by: p.decidedBy ?? '—',
            at: when(p.decidedAt),
            reason: p.decisionReason,
          })}
        </div>
      )}
      <Basis c={p.citation} />
      {p.status === 'pending' && p.allowedActions.includes('defend') && (
        <DefenceForm
          p={p}
          labels={{
            title: t('credit.fourEyes.recordDefence'),
            stated: t('credit.fourEyes.defenceKinds.stated'),
            waived: t('credit.fourEyes.defenceKinds.waived'),
            text: t('credit.fourEyes.defenceText'),
            submit: t('credit.fourEyes.recordDefence'),
            saved: t('credit.fourEyes.defenceSaved'),
          }}
        />
      )}
      {p.status === 'pending' && canApprove && own && (
        <p className="wj-muted wj-top-gap">{t('credit.fourEyes.ownProposal')}</p>
      )}
      {p.status === 'pending' && p.allowedActions.includes('reject') && <DecisionForm p={p} />}
    </Card>
  );
}

function DecisionForm({ p }: { p: BlacklistProposal }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const decide = useCreditMutation((decision: 'approve' | 'reject') =>
    creditWrites.decideProposal(p.id, { decision, reason }),
  );
  const canApprove = p.allowedActions.includes('approve');
  return (
    <div className="wj-top-gap">
      {!canApprove && p.defenceDueOn && (
        <p className="wj-muted">{t('credit.fourEyes.waitDefence', { date: p.defenceDueOn })}</p>
      )}
      <Input.TextArea
        aria-label={t('credit.fourEyes.decisionReason')}
        placeholder={t('credit.fourEyes.decisionReason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={2}
      />
      <ProblemAlert error={decide.error} />
      <Space wrap className="wj-top-gap">
        <Button
          type="primary"
          disabled={!canApprove}
          loading={decide.isPending}
          onClick={() =>
            decide.mutate('approve', { onSuccess: () => message.success(t('credit.fourEyes.approved')) })
          }
        >
          {t('credit.fourEyes.approve')}
        </Button>
        <Button
          danger
          loading={decide.isPending}
          onClick={() =>
            decide.mutate('reject', { onSuccess: () => message.success(t('credit.fourEyes.rejected')) })
          }
        >
          {t('credit.fourEyes.reject')}
        </Button>
      </Space>
    </div>
  );
}
