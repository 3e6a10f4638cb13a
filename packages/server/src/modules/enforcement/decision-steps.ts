import {
  benchmarkEntry,
  type CaseAction,
  DomainError,
  lateSurcharge,
  type PenaltyKind,
  paymentDue,
  penaltySeverity,
  reinspectionDue,
  serviceDue,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { queryOne } from '../../db/database.js';
import { emitEvent } from '../../events/events.js';
import { fieldRefusal, refuse } from './access.js';
import type { CaseDecision, CaseService } from './case-record.js';
import { type CaseStep, pastOrToday, type StepResult } from './case-step.js';
import { policyVersion } from './policy.js';
import { createPublication, withdrawPublications } from './publications.js';
import { nextDocumentNumber } from './sequences.js';

/** Steps from the decision on: decide, serve, pay, execute, close; change or revoke a decision. */
export type DecisionInput =
  | {
      action: 'decide';
      publicFacts?: string | undefined;
      namesToMask?: string[] | undefined;
      publishMinor?: boolean | undefined;
    }
  | {
      action: 'serve';
      servedOn?: string | undefined;
      method: 'in_person' | 'left_at_address' | 'mail' | 'electronic' | 'announcement';
      recipient: string;
      place?: string | undefined;
      lateReason?: string | undefined;
    }
  | { action: 'record_payment'; amount: number; paidOn?: string | undefined; receiptNo?: string | undefined }
  | { action: 'record_execution'; note: string; executedOn?: string | undefined }
  | { action: 'close'; report: string }
  | {
      action: 'close_without_penalty';
      outcome: 'no_violation' | 'not_punishable' | 'referred';
      reason: string;
    }
  | {
      action: 'change_decision';
      kinds: PenaltyKind[];
      fineAmount: number;
      confiscationAmount: number;
      reason: string;
    }
  | { action: 'revoke_decision'; reason: string };

const MONETARY: readonly PenaltyKind[] = ['warning', 'criticism', 'fine', 'confiscation'];

async function violation(s: CaseStep) {
  const table = (await policyVersion(s.tx, 'benchmark', s.c.benchmark_version!)).content;
  return benchmarkEntry(table, s.c.violation_code!);
}

function decidedPayload(s: CaseStep, d: CaseDecision) {
  return {
    caseId: s.c.id,
    establishmentId: s.c.establishment_id,
    practitionerId: s.c.practitioner_id,
    severity: d.severity,
    kinds: d.kinds,
    fineAmount: d.fineAmount,
    licenceRevoked: d.kinds.includes('revocation'),
    decidedOn: d.decidedOn,
    violationCode: s.c.violation_code,
    basis: d.basis,
  };
}

/** What is owed on `day`: the fine with its capped surcharge, and any sum confiscated. */
function amountOwed(s: CaseStep, day: string) {
  const d = s.c.decision!;
  const surcharge =
    d.fineAmount > 0 && s.c.payment_due ? lateSurcharge(d.fineAmount, s.c.payment_due, day) : null;
  return { surcharge, total: d.fineAmount + d.confiscationAmount + (surcharge?.amount ?? 0) };
}

export async function decisionStep(s: CaseStep, input: DecisionInput): Promise<StepResult> {
  const { c, today, calendar, tx, at } = s;
  switch (input.action) {
    case 'decide': {
      if (c.decide_due && today > c.decide_due) {
        refuse(
          'decision_deadline_passed',
          `已超过作出处罚决定的期限（${c.decide_due}）且未批准延长，不能作出决定`,
          `The time limit for the decision ended on ${c.decide_due} and no extension covers today`,
          { decideDue: c.decide_due, extensionDays: c.extension_days },
        );
      }
      const p = c.proposal;
      if (!p) refuse('proposal_required', '没有处理意见', 'There is no proposed decision');
      if (p!.major.major && c.legal_review?.outcome !== 'passed') {
        refuse(
          'legal_review_required',
          `重大执法决定须经法制审核通过后方可作出（${p!.major.reasons.join('、')}）`,
          `A major decision needs a passed legal review first (${p!.major.reasons.join(', ')})`,
          { reasons: p!.major.reasons, citation: p!.major.citation },
        );
      }
      const entry = await violation(s);
      const decisionNo = await nextDocumentNumber(
        tx,
        'decision',
        { id: c.unit_id, name: c.unit_name, departmentCode: c.department_code },
        today,
      );
      const decision: CaseDecision = {
        kinds: p!.kinds,
        fineAmount: p!.fineAmount,
        confiscationAmount: p!.confiscationAmount,
        outsideRangeReason: p!.outsideRangeReason,
        benchmark: p!.benchmark,
        decisionNo,
        decidedOn: today,
        decidedBy: s.actor.displayName,
        severity: penaltySeverity(p!, c.circumstance!),
        basis: entry.basis.zh,
        facts: c.facts ?? '',
        changes: [],
      };
      const publication = await createPublication(tx, {
        c,
        decision,
        decisionVersion: 1,
        violationName: entry.nameZh,
        calendar,
        at,
        namesToMask: input.namesToMask ?? [],
        publicFacts: input.publicFacts ?? null,
        publishMinor: input.publishMinor === true,
      });
      await emitEvent(
        tx,
        {
          type: 'enforcement.penalty.decided',
          aggregateType: 'enforcement_case',
          aggregateId: c.id,
          payload: decidedPayload(s, decision),
        },
        at,
      );
      const sDue = serviceDue(calendar, today).date;
      return {
        set: {
          decision,
          decision_no: decisionNo,
          decided_on: today,
          severity: decision.severity,
          service_due: sDue,
          fine_amount: decision.fineAmount,
          outcome: 'penalty',
        },
        details: {
          decisionNo,
          kinds: decision.kinds,
          fineAmount: decision.fineAmount,
          confiscationAmount: decision.confiscationAmount,
          severity: decision.severity,
          serviceDue: sDue,
          publication,
        },
      };
    }
    case 'serve': {
      const servedOn = pastOrToday(input.servedOn, today);
      if (servedOn < c.decided_on!)
        throw fieldRefusal('invalid_date', 'servedOn', '送达日期早于决定日期', 'Served before the decision');
      const onTime = servedOn <= c.service_due!;
      if (!onTime && !input.lateReason?.trim()) {
        throw fieldRefusal(
          'service_late_reason_required',
          'lateReason',
          `应于 ${c.service_due} 前送达，逾期送达须说明理由`,
          `Service was due by ${c.service_due}; state why it is late`,
          { serviceDue: c.service_due },
        );
      }
      const service: CaseService = {
        method: input.method,
        recipient: input.recipient,
        place: input.place ?? '',
        servedOn,
        onTime,
        lateReason: input.lateReason?.trim() || null,
      };
      const owes = c.decision!.fineAmount > 0 || c.decision!.confiscationAmount > 0;
      return {
        set: { served_on: servedOn, service, payment_due: owes ? paymentDue(calendar, servedOn).date : null },
        details: { ...service, paymentDue: owes ? paymentDue(calendar, servedOn).date : null },
      };
    }
    case 'record_payment': {
      const d = c.decision!;
      if (d.fineAmount <= 0 && d.confiscationAmount <= 0)
        refuse('nothing_to_pay', '本决定没有罚没款', 'The decision imposes no payment');
      const paidOn = pastOrToday(input.paidOn, today);
      const owed = amountOwed(s, paidOn);
      const paid = Math.round((c.paid_amount + input.amount) * 100) / 100;
      if (paid > owed.total + 0.005) {
        throw fieldRefusal(
          'payment_exceeds_due',
          'amount',
          `应缴合计 ${owed.total} 元，已缴 ${c.paid_amount} 元`,
          `${owed.total} yuan is owed, ${c.paid_amount} paid`,
          {
            owed: owed.total,
          },
        );
      }
      const complete = paid >= owed.total - 0.005;
      const onlyMoney = d.kinds.every((k) => MONETARY.includes(k));
      return {
        set: {
          paid_amount: paid,
          surcharge_amount: owed.surcharge?.amount ?? 0,
          ...(complete && onlyMoney ? { executed_on: paidOn } : {}),
        },
        details: {
          amount: input.amount,
          paidOn,
          receiptNo: input.receiptNo ?? null,
          paidTotal: paid,
          owed: owed.total,
          surcharge: owed.surcharge,
          complete,
        },
        ...(complete && onlyMoney ? { next: 'executed' as const } : {}),
      };
    }
    case 'record_execution': {
      const owed = amountOwed(s, today);
      if (c.paid_amount < owed.total - 0.005) {
        refuse(
          'payment_outstanding',
          `罚没款尚未缴清（应缴 ${owed.total} 元，已缴 ${c.paid_amount} 元）`,
          `Payment outstanding (${owed.total} owed, ${c.paid_amount} paid)`,
          {
            owed: owed.total,
            paid: c.paid_amount,
          },
        );
      }
      const executedOn = pastOrToday(input.executedOn, today);
      return { set: { executed_on: executedOn }, details: { executedOn, note: input.note } };
    }
    case 'close': {
      let reinspection: { id: number; dueOn: string } | null = null;
      if (c.establishment_id !== null) {
        const dueOn = reinspectionDue(calendar, today, s.settings);
        const row = await queryOne<{ id: number }>(
          tx,
          sql`INSERT INTO enforcement_reinspection (case_id, establishment_id, region_code, department_code, unit_id, due_on, state, created_at, updated_at)
              VALUES (${c.id}, ${c.establishment_id}, ${c.region_code}, ${c.department_code}, ${c.unit_id}, ${dueOn}, 'open',
                ${at.toISOString()}, ${at.toISOString()}) RETURNING id`,
        );
        reinspection = { id: Number(row!.id), dueOn };
        await emitEvent(
          tx,
          {
            type: 'enforcement.reinspection.scheduled',
            aggregateType: 'enforcement_case',
            aggregateId: c.id,
            payload: {
              reinspectionId: reinspection.id,
              caseId: c.id,
              establishmentId: c.establishment_id,
              dueOn,
            },
          },
          at,
        );
      }
      return { set: { closed_on: today }, details: { report: input.report, reinspection } };
    }
    case 'close_without_penalty': {
      if (input.outcome === 'referred') {
        const referral = await queryOne<{ id: number }>(
          tx,
          sql`SELECT id FROM enforcement_referral WHERE case_id = ${c.id} LIMIT 1`,
        );
        if (!referral) refuse('referral_required', '请先登记移送', 'Record the referral first');
      }
      return {
        set: { closed_on: today, outcome: input.outcome, outcome_reason: input.reason },
        details: { outcome: input.outcome, reason: input.reason },
      };
    }
    case 'change_decision': {
      const d = c.decision!;
      const kinds = [...new Set(input.kinds)];
      if (kinds.length === 0)
        throw fieldRefusal('kinds_required', 'kinds', '请选择处罚种类', 'Choose the kinds');
      if (kinds.includes('fine') !== input.fineAmount > 0) {
        throw fieldRefusal(
          'fine_amount_mismatch',
          'fineAmount',
          '罚款种类与金额不一致',
          'Fine kind and amount disagree',
        );
      }
      const changed: CaseDecision = {
        ...d,
        kinds,
        fineAmount: input.fineAmount,
        confiscationAmount: input.confiscationAmount,
        severity: penaltySeverity(
          { kinds, fineAmount: input.fineAmount, confiscationAmount: input.confiscationAmount },
          c.circumstance!,
        ),
        changes: [
          ...d.changes,
          {
            on: today,
            reason: input.reason,
            before: { kinds: d.kinds, fineAmount: d.fineAmount, confiscationAmount: d.confiscationAmount },
          },
        ],
      };
      const withdrawn = await withdrawPublications(tx, {
        caseId: c.id,
        reason: `处罚决定已变更：${input.reason}`,
        today,
        calendar,
        at,
      });
      const entry = await violation(s);
      const publication = await createPublication(tx, {
        c,
        decision: changed,
        decisionVersion: changed.changes.length + 1,
        violationName: entry.nameZh,
        calendar,
        at,
        namesToMask: [],
        publicFacts: null,
        publishMinor: false,
      });
      await emitEvent(
        tx,
        {
          type: 'enforcement.penalty.changed',
          aggregateType: 'enforcement_case',
          aggregateId: c.id,
          payload: { ...decidedPayload(s, changed), reason: input.reason, on: today },
        },
        at,
      );
      return {
        set: { decision: changed, severity: changed.severity, fine_amount: changed.fineAmount },
        details: {
          reason: input.reason,
          kinds,
          fineAmount: input.fineAmount,
          withdrawnPublications: withdrawn,
          publication,
        },
      };
    }
    case 'revoke_decision': {
      const withdrawn = await withdrawPublications(tx, {
        caseId: c.id,
        reason: `处罚决定已撤销：${input.reason}`,
        today,
        calendar,
        at,
      });
      await emitEvent(
        tx,
        {
          type: 'enforcement.penalty.withdrawn',
          aggregateType: 'enforcement_case',
          aggregateId: c.id,
          payload: { caseId: c.id, reason: input.reason, on: today },
        },
        at,
      );
      return {
        set: { outcome: 'revoked', outcome_reason: input.reason, closed_on: c.closed_on ?? today },
        details: { reason: input.reason, withdrawnPublications: withdrawn },
      };
    }
  }
}

export const DECISION_ACTIONS = new Set<CaseAction>([
  'decide',
  'serve',
  'record_payment',
  'record_execution',
  'close',
  'close_without_penalty',
  'change_decision',
  'revoke_decision',
]);

export const notImplemented = (action: string) =>
  new DomainError('invalid_transition', `未知操作 ${action}`, `Unknown action ${action}`, { action });
