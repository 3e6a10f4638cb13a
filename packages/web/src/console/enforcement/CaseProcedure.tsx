import { Card, Descriptions, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../api/enforcement';
import { type EnforcementLabels, useEnforcementLabels, yuan } from './labels';

type Terms = {
  kinds: string[];
  fineAmount: number;
  confiscationAmount: number;
  outsideRangeReason: string | null;
};

function termsText(terms: Terms, labels: EnforcementLabels): string {
  return terms.kinds
    .map((k) =>
      k === 'fine'
        ? `${labels.penaltyKind(k)} ${yuan(terms.fineAmount)} 元`
        : k === 'confiscation'
          ? `${labels.penaltyKind(k)} ${yuan(terms.confiscationAmount)} 元`
          : labels.penaltyKind(k),
    )
    .join('；');
}

/**
 * The procedure so far, step by step: notice, hearing, proposal, legal review (法制审核), decision,
 * service, payment, publication (执法公示), referrals and the re-inspection after the penalty.
 */
export function CaseProcedure({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const labels = useEnforcementLabels();
  const rows: { key: string; label: string; children: ReactNode }[] = [];
  if (c.notice)
    rows.push({
      key: 'notice',
      label: t('enforcement.notice'),
      children: `${c.notice.noticeNo} · ${c.notice.noticedOn} · ${termsText(c.notice, labels)}`,
    });
  if (c.hearing)
    rows.push({
      key: 'hearing',
      label: t('enforcement.hearing'),
      children: [
        c.hearing.requestedOn,
        c.hearing.date && `${c.hearing.date} ${c.hearing.place ?? ''}`,
        c.hearing.hostName,
        c.hearing.heldOn && `✓ ${c.hearing.heldOn}`,
      ]
        .filter(Boolean)
        .join(' · '),
    });
  if (c.proposal)
    rows.push({
      key: 'proposal',
      label: t('enforcement.proposal'),
      children: (
        <span className="wj-stack">
          <span>{termsText(c.proposal, labels)}</span>
          {c.proposal.outsideRangeReason && (
            <span className="wj-muted wj-small">
              {t('enforcement.outsideReason')}：{c.proposal.outsideRangeReason}
            </span>
          )}
        </span>
      ),
    });
  if (c.legalReview)
    rows.push({
      key: 'review',
      label: t('enforcement.legalReview'),
      children: (
        <span className="wj-stack" data-testid="legal-review">
          <span>
            {c.legalReview.required
              ? t('enforcement.legalReviewRequired', { reasons: c.legalReview.reasons.join('、') })
              : t('enforcement.legalReviewNotRequired')}
          </span>
          {c.legalReview.outcome && (
            <span>
              <Tag color={c.legalReview.outcome === 'passed' ? 'green' : 'orange'}>
                {c.legalReview.outcome === 'passed'
                  ? t('enforcement.reviewPassed')
                  : t('enforcement.reviewReturned')}
              </Tag>
              {c.legalReview.reviewedOn} · {t('enforcement.reviewer')}：{c.legalReview.reviewerName}
            </span>
          )}
          {c.legalReview.opinion && <span className="wj-prewrap">{c.legalReview.opinion}</span>}
        </span>
      ),
    });
  if (c.decision)
    rows.push({
      key: 'decision',
      label: t('enforcement.decision'),
      children: (
        <span className="wj-stack" data-testid="decision">
          <strong>{c.decision.decisionNo}</strong>
          <span>
            {c.decision.decidedOn} · {c.decision.decidedBy} ·{' '}
            <Tag color={c.decision.severity === 'serious' ? 'red' : 'gold'}>
              {labels.severity(c.decision.severity)}
            </Tag>
          </span>
          <span>{termsText(c.decision, labels)}</span>
          <span className="wj-muted wj-small">{c.decision.basis}</span>
        </span>
      ),
    });
  if (c.service)
    rows.push({
      key: 'service',
      label: t('enforcement.service'),
      children: `${c.service.servedOn} · ${labels.option(c.service.method)} · ${c.service.recipient}`,
    });
  if (c.decision && (c.payment.fineAmount > 0 || c.payment.paidAmount > 0))
    rows.push({
      key: 'payment',
      label: t('enforcement.payment'),
      children: t('enforcement.paid', {
        paid: yuan(c.payment.paidAmount),
        owed: yuan(c.payment.owedToday),
        outstanding: yuan(c.payment.outstandingToday),
      }),
    });
  for (const p of c.publications)
    rows.push({
      key: `pub-${p.id}`,
      label: t('enforcement.publication'),
      children: (
        <span>
          <Tag color={p.visible ? 'green' : 'default'}>{labels.publicationState(p.effectiveStatus)}</Tag>
          {p.publishedOn
            ? t('enforcement.publishedOn', { date: p.publishedOn })
            : p.publishBy && t('enforcement.publishBy', { date: p.publishBy })}
          {p.maxUntil && p.visible && ` · ${t('enforcement.visibleUntil', { date: p.maxUntil })}`}
        </span>
      ),
    });
  for (const r of c.referrals)
    rows.push({
      key: `ref-${r.id}`,
      label: t('enforcement.referrals'),
      children: `${r.number} → ${r.toBodyName} · ${r.state}`,
    });
  if (c.reinspection)
    rows.push({
      key: 'reinspection',
      label: t('enforcement.reinspection'),
      children: `${t('enforcement.reinspectionDue', { date: c.reinspection.dueOn })} · ${c.reinspection.outcome ?? c.reinspection.state}`,
    });
  if (rows.length === 0) return null;
  return (
    <Card title={<h2 className="wj-card-title">{t('enforcement.decision')}</h2>} className="wj-gap">
      <Descriptions size="small" column={1} items={rows} />
    </Card>
  );
}
