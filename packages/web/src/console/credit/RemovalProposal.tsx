import { App, Button, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../api/auth';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';
import { type BlacklistEntry, creditWrites, useCreditMutation, useProposals } from './creditApi';

/** 提议移出黑名单: a reason; another officer approves it under 提议审核 (four-eyes). */
export function RemovalProposal({ entry }: { entry: BlacklistEntry }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useConsoleUser();
  const [reason, setReason] = useState('');
  const pending = useProposals('pending');
  const propose = useCreditMutation(() => creditWrites.proposeRemoval(entry.id, reason));
  if (entry.status !== 'listed' || !hasPermission(user, 'credit.blacklist.propose')) return null;
  if (pending.data?.items.some((p) => p.action === 'remove' && p.blacklistId === entry.id))
    return <p className="wj-muted wj-top-gap">{t('credit.fourEyes.pendingRemoval')}</p>;
  return (
    <section className="wj-top-gap">
      <h3>{t('credit.fourEyes.proposeRemoval')}</h3>
      <Input.TextArea
        aria-label={t('credit.fourEyes.removalReason')}
        placeholder={t('credit.fourEyes.removalReason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={2}
      />
      <ProblemAlert error={propose.error} />
      <Button
        className="wj-top-gap"
        loading={propose.isPending}
        onClick={() =>
          propose.mutate(undefined, {
            onSuccess: () => message.success(t('credit.fourEyes.removalProposed')),
          })
        }
      >
        {t('credit.fourEyes.proposeRemoval')}
      </Button>
    </section>
  );
}
