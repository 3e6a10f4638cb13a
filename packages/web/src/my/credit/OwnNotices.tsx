import { Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type BlacklistProposal, useProposals } from '../../console/credit/creditApi';
import { DefenceForm } from '../../console/credit/DefenceForm';
import { Basis, useBilingual } from '../../console/credit/labels';
import { ProblemAlert } from '../../ui/ProblemAlert';

/**
 * 告知与陈述申辩: a proposal to list the institution (or to remove it) reaches it here with the
 * notice — grounds, basis, the right to state a defence and until when (行政处罚法 第四十四条、
 * 第四十五条, as the four-eyes rule in packages/domain/src/credit/blacklist-proposal.ts applies
 * them) — and the institution states or waives its defence itself. The server returns only the
 * proposals about its own establishment, without staff names.
 */
export function OwnNotices() {
  const { t } = useTranslation();
  const q = useProposals('pending');
  const items = q.data?.items ?? [];
  if (q.isError) return <ProblemAlert error={q.error} />;
  if (items.length === 0) return null;
  return (
    <Card
      className="wj-gap"
      data-testid="own-notices"
      title={<h2 className="wj-card-title">{t('credit.my.noticesTitle')}</h2>}
    >
      <p className="wj-muted">{t('credit.my.noticesIntro')}</p>
      {items.map((p) => (
        <OwnNotice key={p.id} p={p} />
      ))}
    </Card>
  );
}

function OwnNotice({ p }: { p: BlacklistProposal }) {
  const { t } = useTranslation();
  const { pick } = useBilingual();
  return (
    <section className="wj-top-gap" data-testid={`own-notice-${p.id}`}>
      <div className="wj-wrap">
        <Tag color={p.action === 'enter' ? 'red' : 'blue'}>{t(`credit.fourEyes.actions.${p.action}`)}</Tag>
        <Tag color={p.defenceStatus === 'awaiting' ? 'orange' : 'default'}>
          {t(`credit.fourEyes.defence.${p.defenceStatus}`, { date: p.defenceDueOn })}
        </Tag>
      </div>
      {p.notice && <p className="wj-top-gap">{pick(p.notice)}</p>}
      {p.defenceStatement && (
        <p>
          <strong>{t('credit.fourEyes.defenceStatement')}</strong>
          {'：'}
          {p.defenceStatement}
        </p>
      )}
      <Basis c={p.citation} />
      {p.allowedActions.includes('defend') && (
        <DefenceForm
          p={p}
          primary
          labels={{
            stated: t('credit.my.defenceKinds.stated'),
            waived: t('credit.my.defenceKinds.waived'),
            text: t('credit.my.defenceText'),
            submit: t('credit.my.sendDefence'),
            saved: t('credit.my.defenceSent'),
          }}
        />
      )}
    </section>
  );
}
