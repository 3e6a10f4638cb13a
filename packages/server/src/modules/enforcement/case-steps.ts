import {
  assertBenchmarkRespected,
  assertEnoughOfficers,
  assertRecusalLeavesEnough,
  benchmarkEntry,
  type CaseAction,
  type Circumstance,
  checkAgainstBenchmark,
  DomainError,
  decisionDue,
  earliestHearingDate,
  hearingRequestDue,
  hearingRight,
  majorDecision,
  type PenaltyKind,
  rightsPeriodsOver,
  statementDue,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { fieldRefusal, refuse } from './access.js';
import {
  type CaseHearing,
  type CaseLegalReview,
  caseHandlers,
  caseOfficers,
  type PenaltyTerms,
} from './case-record.js';
import { type CaseStep, pastOrToday, type StepResult } from './case-step.js';
import { assignOfficer, rosterOfficer } from './officers.js';
import { policyInForce, policyVersion } from './policy.js';
import { nextDocumentNumber } from './sequences.js';

/** Steps before the decision: opening, officers, violation, notice, statements, hearing, proposal, legal review. */
export type PreDecisionInput =
  | { action: 'approve_opening'; opinion?: string | undefined }
  | { action: 'refuse_opening'; reason: string }
  | {
      action: 'record_violation';
      violationCode: string;
      circumstance: Circumstance;
      facts: string;
      illegalIncome?: number | undefined;
    }
  | { action: 'add_officer'; officerId: number }
  | {
      action: 'recuse_officer';
      officerId: number;
      reason: string;
      source: 'officer' | 'party' | 'leader';
      replacementOfficerId?: number | undefined;
    }
  | { action: 'extend_deadline'; days: number; reason: string }
  | {
      action: 'notify';
      kinds: PenaltyKind[];
      fineAmount: number;
      confiscationAmount: number;
      outsideRangeReason?: string | undefined;
      noticedOn?: string | undefined;
    }
  | { action: 'record_statement'; text: string; receivedOn?: string | undefined }
  | { action: 'waive_rights'; note: string }
  | { action: 'request_hearing'; requestedOn?: string | undefined }
  | { action: 'withdraw_hearing_request'; note: string }
  | {
      action: 'schedule_hearing';
      date: string;
      place: string;
      hostName: string;
      hostUserId?: number | undefined;
    }
  | { action: 'hold_hearing'; record: string; partyAttended: boolean; heldOn?: string | undefined }
  | {
      action: 'propose_decision';
      kinds: PenaltyKind[];
      fineAmount: number;
      confiscationAmount: number;
      outsideRangeReason?: string | undefined;
    }
  | { action: 'submit_legal_review'; note?: string | undefined }
  | { action: 'approve_legal_review'; opinion: string }
  | { action: 'return_legal_review'; opinion: string };

async function activeOfficerCount(s: CaseStep): Promise<number> {
  return (await caseOfficers(s.tx, s.c.id)).filter((o) => o.recusedOn === null).length;
}

async function benchmarkCheck(s: CaseStep, terms: Omit<PenaltyTerms, 'benchmark'>) {
  const { c } = s;
  if (!c.violation_code || !c.circumstance || c.benchmark_version === null) {
    refuse(
      'violation_required',
      '请先认定违法行为和情节',
      'Record the violation and its circumstances first',
    );
  }
  const table = (await policyVersion(s.tx, 'benchmark', c.benchmark_version!)).content;
  const entry = benchmarkEntry(table, c.violation_code!);
  const check = checkAgainstBenchmark(
    entry,
    c.circumstance!,
    { kinds: terms.kinds, fineAmount: terms.fineAmount, confiscationAmount: terms.confiscationAmount },
    c.illegal_income,
  );
  assertBenchmarkRespected(check, terms.outsideRangeReason);
  return check;
}

function terms(input: {
  kinds: PenaltyKind[];
  fineAmount: number;
  confiscationAmount: number;
  outsideRangeReason?: string | undefined;
}) {
  const kinds = [...new Set(input.kinds)];
  if (kinds.length === 0) {
    throw fieldRefusal('kinds_required', 'kinds', '请选择处罚种类', 'Choose at least one kind of penalty');
  }
  if (kinds.includes('fine') !== input.fineAmount > 0) {
    throw fieldRefusal(
      'fine_amount_mismatch',
      'fineAmount',
      '选择罚款时须填写罚款金额，未选择时金额应为0',
      'A fine needs an amount, and only a fine',
    );
  }
  if (kinds.includes('confiscation') !== input.confiscationAmount > 0 && input.confiscationAmount > 0) {
    throw fieldRefusal(
      'confiscation_mismatch',
      'confiscationAmount',
      '未选择没收时金额应为0',
      'An amount to confiscate needs the confiscation kind',
    );
  }
  return {
    kinds,
    fineAmount: input.fineAmount,
    confiscationAmount: input.confiscationAmount,
    outsideRangeReason: input.outsideRangeReason?.trim() || null,
  };
}

async function assertIndependent(
  s: CaseStep,
  userId: number,
  code: string,
  zh: string,
  en: string,
): Promise<void> {
  if ((await caseHandlers(s.tx, s.c)).has(userId)) {
    throw new DomainError(code, zh, en, { userId });
  }
}

export async function preDecisionStep(s: CaseStep, input: PreDecisionInput): Promise<StepResult> {
  const { c, today, calendar, settings } = s;
  switch (input.action) {
    case 'approve_opening': {
      assertEnoughOfficers(await activeOfficerCount(s));
      const filingNo = await nextDocumentNumber(
        s.tx,
        'filing',
        { id: c.unit_id, name: c.unit_name, departmentCode: c.department_code },
        today,
      );
      const due = decisionDue(calendar, today, 0);
      return {
        set: { opened_on: today, decide_due: due.date, filing_no: filingNo },
        details: {
          filingNo,
          openedOn: today,
          decideDue: due.date,
          opinion: input.opinion ?? null,
          approvedBy: s.actor.displayName,
          citation: due.citation.zh,
        },
      };
    }
    case 'refuse_opening':
      return { set: { closed_on: today, outcome_reason: input.reason }, details: { reason: input.reason } };
    case 'record_violation': {
      const bench = await policyInForce(s.tx, 'benchmark', today);
      const entry = benchmarkEntry(bench.content, input.violationCode);
      return {
        set: {
          violation_code: entry.code,
          circumstance: input.circumstance,
          benchmark_version: bench.version,
          facts: input.facts,
          illegal_income: input.illegalIncome ?? 0,
        },
        details: {
          violationCode: entry.code,
          violation: entry.nameZh,
          circumstance: input.circumstance,
          benchmarkVersion: bench.version,
          illegalIncome: input.illegalIncome ?? 0,
        },
      };
    }
    case 'add_officer': {
      const officers = await caseOfficers(s.tx, c.id);
      if (officers.some((o) => o.inspectorId === input.officerId)) {
        throw fieldRefusal(
          'officer_on_case',
          'officerId',
          '该执法人员已在本案中（或已回避）',
          'Already on the case (or recused)',
        );
      }
      const o = await rosterOfficer(s.tx, s.actor, input.officerId, c.establishment_id, 'officerId');
      await assignOfficer(s.tx, c.id, o, today);
      return {
        set: {},
        details: { officer: { inspectorId: o.inspectorId, name: o.name, certificateNo: o.certificateNo } },
      };
    }
    case 'recuse_officer': {
      const officers = await caseOfficers(s.tx, c.id);
      const target = officers.find((o) => o.inspectorId === input.officerId && o.recusedOn === null);
      if (!target)
        throw fieldRefusal(
          'unknown_officer',
          'officerId',
          '该执法人员不在本案办案人员中',
          'Not an active officer of the case',
        );
      const active = officers.filter((o) => o.recusedOn === null).length;
      assertRecusalLeavesEnough(active, input.replacementOfficerId !== undefined ? 1 : 0);
      let replacement = null;
      if (input.replacementOfficerId !== undefined) {
        if (officers.some((o) => o.inspectorId === input.replacementOfficerId)) {
          throw fieldRefusal(
            'officer_on_case',
            'replacementOfficerId',
            '替换人员已在本案中',
            'Already on the case',
          );
        }
        replacement = await rosterOfficer(
          s.tx,
          s.actor,
          input.replacementOfficerId,
          c.establishment_id,
          'replacementOfficerId',
        );
        await assignOfficer(s.tx, c.id, replacement, today);
      }
      await s.tx.execute(
        sql`UPDATE enforcement_case_officer SET recused_on = ${today}, recusal_reason = ${input.reason},
          recusal_source = ${input.source} WHERE case_id = ${c.id} AND inspector_id = ${input.officerId}`,
      );
      return {
        set: {},
        details: {
          recused: { inspectorId: target.inspectorId, name: target.name },
          reason: input.reason,
          source: input.source,
          replacement: replacement ? { inspectorId: replacement.inspectorId, name: replacement.name } : null,
        },
      };
    }
    case 'extend_deadline': {
      if (!Number.isInteger(input.days) || input.days < 1 || input.days > settings.maxExtensionDays) {
        throw fieldRefusal(
          'invalid_extension',
          'days',
          `每次延长 1 至 ${settings.maxExtensionDays} 日`,
          `An extension is 1 to ${settings.maxExtensionDays} days`,
        );
      }
      const days = c.extension_days + input.days;
      const due = decisionDue(calendar, c.opened_on!, days);
      return {
        set: { extension_days: days, decide_due: due.date },
        details: {
          days: input.days,
          totalDays: days,
          decideDue: [c.decide_due, due.date],
          reason: input.reason,
        },
      };
    }
    case 'notify': {
      assertEnoughOfficers(await activeOfficerCount(s));
      const t = terms(input);
      const check = await benchmarkCheck(s, t);
      const hearing = hearingRight(t, c.party_kind, settings);
      const noticedOn = pastOrToday(input.noticedOn, today);
      const noticeNo = await nextDocumentNumber(
        s.tx,
        'notice',
        { id: c.unit_id, name: c.unit_name, departmentCode: c.department_code },
        today,
      );
      const sDue = statementDue(calendar, noticedOn, settings).date;
      const hDue = hearing.available ? hearingRequestDue(calendar, noticedOn).date : null;
      const notice = {
        ...t,
        benchmark: check,
        noticeNo,
        noticedOn,
        hearingReasons: hearing.reasons,
        statements: [],
      };
      return {
        set: {
          notice,
          notice_no: noticeNo,
          noticed_on: noticedOn,
          statement_due: sDue,
          hearing_available: hearing.available,
          hearing_request_due: hDue,
          rights_waived: false,
          hearing: null,
          proposal: null,
          legal_review: null,
        },
        details: {
          noticeNo,
          ...t,
          noticedOn,
          statementDue: sDue,
          hearingAvailable: hearing.available,
          hearingRequestDue: hDue,
        },
      };
    }
    case 'record_statement': {
      const receivedOn = pastOrToday(input.receivedOn, today);
      const notice = {
        ...c.notice!,
        statements: [...(c.notice?.statements ?? []), { receivedOn, text: input.text }],
      };
      return { set: { notice }, details: { receivedOn, text: input.text } };
    }
    case 'waive_rights':
      return { set: { rights_waived: true }, details: { note: input.note } };
    case 'request_hearing': {
      if (!c.hearing_available) {
        refuse(
          'hearing_not_available',
          '拟作出的处罚不属于听证范围',
          'The intended penalty does not give a right to a hearing',
        );
      }
      const requestedOn = pastOrToday(input.requestedOn, today);
      if (c.hearing_request_due && requestedOn > c.hearing_request_due) {
        refuse(
          'hearing_request_late',
          `听证申请应在告知后五日内（${c.hearing_request_due} 前）提出`,
          `A hearing must be requested within 5 working days of the notice (by ${c.hearing_request_due})`,
          { hearingRequestDue: c.hearing_request_due },
        );
      }
      return { set: { hearing: { requestedOn } satisfies CaseHearing }, details: { requestedOn } };
    }
    case 'withdraw_hearing_request':
      return { set: { hearing: { ...c.hearing!, withdrawnOn: today } }, details: { note: input.note } };
    case 'schedule_hearing': {
      if (input.hostUserId !== undefined) {
        await assertIndependent(
          s,
          input.hostUserId,
          'host_not_independent',
          '听证主持人须由非本案调查人员担任',
          'The hearing must be chaired by someone who did not investigate the case',
        );
      }
      const earliest = earliestHearingDate(calendar, today);
      if (input.date < earliest.date) {
        throw fieldRefusal(
          'hearing_notice_too_short',
          'date',
          `应在举行听证的七日前通知，最早可定于 ${earliest.date}`,
          `The party is told 7 working days ahead; the earliest date is ${earliest.date}`,
          { earliest: earliest.date },
        );
      }
      const hearing: CaseHearing = {
        ...c.hearing!,
        notifiedOn: today,
        date: input.date,
        place: input.place,
        hostName: input.hostName,
        hostUserId: input.hostUserId ?? null,
      };
      return {
        set: { hearing },
        details: { date: input.date, place: input.place, hostName: input.hostName },
      };
    }
    case 'hold_hearing': {
      const heldOn = pastOrToday(input.heldOn, today);
      if (c.hearing?.date && heldOn < c.hearing.date) {
        throw fieldRefusal(
          'hearing_not_due',
          'heldOn',
          `听证定于 ${c.hearing.date}`,
          `The hearing is set for ${c.hearing.date}`,
        );
      }
      return {
        set: { hearing: { ...c.hearing!, heldOn, record: input.record, partyAttended: input.partyAttended } },
        details: { heldOn, partyAttended: input.partyAttended },
      };
    }
    case 'propose_decision': {
      if (c.state === 'notified') {
        const over = rightsPeriodsOver({
          today,
          statementDue: c.statement_due!,
          hearingRequestDue: c.hearing_available ? c.hearing_request_due : null,
          waived: c.rights_waived,
        });
        if (!over) {
          const until =
            c.hearing_available && c.hearing_request_due! > c.statement_due!
              ? c.hearing_request_due
              : c.statement_due;
          refuse(
            'rights_period_running',
            `当事人陈述申辩、要求听证的期限至 ${until} 届满，期满或当事人书面放弃后方可提出处理意见`,
            `The party’s periods for a statement or a hearing run until ${until}; propose after that or after a written waiver`,
            { until },
          );
        }
      }
      const t = terms(input);
      const notice = c.notice!;
      const heavier =
        t.fineAmount > notice.fineAmount ||
        t.confiscationAmount > notice.confiscationAmount ||
        t.kinds.some((k) => !notice.kinds.includes(k));
      if (heavier) {
        refuse(
          'heavier_than_notified',
          '拟作出的处罚重于事先告知的内容，须重新告知当事人（不得因陈述申辩加重处罚）',
          'The penalty is heavier than the notice; notify the party again (a statement never makes it heavier)',
          {
            notified: {
              kinds: notice.kinds,
              fineAmount: notice.fineAmount,
              confiscationAmount: notice.confiscationAmount,
            },
          },
        );
      }
      const check = await benchmarkCheck(s, t);
      const major = majorDecision(
        t,
        c.party_kind,
        { hearingHeld: Boolean(c.hearing?.heldOn), flaggedComplex: c.flagged_complex },
        settings,
      );
      const legalReview: CaseLegalReview = { required: major.major, reasons: major.reasons };
      return {
        set: {
          proposal: { ...t, benchmark: check, proposedOn: today, proposedBy: s.actor.username, major },
          legal_review: legalReview,
        },
        details: {
          ...t,
          withinBenchmark: check.withinBenchmark,
          legalReviewRequired: major.major,
          majorReasons: major.reasons,
        },
      };
    }
    case 'submit_legal_review':
      return {
        set: {
          legal_review: {
            ...(c.legal_review ?? { required: false, reasons: [] }),
            submittedOn: today,
            outcome: undefined,
          },
        },
        details: { note: input.note ?? null },
      };
    case 'approve_legal_review':
    case 'return_legal_review': {
      await assertIndependent(
        s,
        s.actor.userId,
        'reviewer_handled_case',
        '法制审核人员不得审核本人参与办理的案件',
        'A legal reviewer may not review a case they handled',
      );
      const outcome = input.action === 'approve_legal_review' ? 'passed' : 'returned';
      const review: CaseLegalReview = {
        ...(c.legal_review ?? { required: false, reasons: [] }),
        reviewerUserId: s.actor.userId,
        reviewerName: s.actor.displayName,
        opinion: input.opinion,
        outcome,
        reviewedOn: today,
      };
      return {
        set: { legal_review: review, ...(outcome === 'returned' ? { proposal: null } : {}) },
        details: { outcome, opinion: input.opinion },
      };
    }
  }
}

export const PRE_DECISION_ACTIONS = new Set<CaseAction>([
  'approve_opening',
  'refuse_opening',
  'record_violation',
  'add_officer',
  'recuse_officer',
  'extend_deadline',
  'notify',
  'record_statement',
  'waive_rights',
  'request_hearing',
  'withdraw_hearing_request',
  'schedule_hearing',
  'hold_hearing',
  'propose_decision',
  'submit_legal_review',
  'approve_legal_review',
  'return_legal_review',
]);
