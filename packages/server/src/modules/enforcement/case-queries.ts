import {
  benchmarkEntry,
  CASE_WORKFLOW,
  type CaseState,
  CIRCUMSTANCE_NAMES,
  DECISION_LIMIT_DAYS,
  enforcementActions,
  fineRange,
  lateSurcharge,
  maskIdNumber,
  PENALTY_KIND_NAMES,
} from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import type { Actor } from '../identity/actor.js';
import { inRegionScope } from '../identity/scope.js';
import { likeEscape } from '../registry/establishment-record.js';
import { enforcementRoles, iso, isoOrNull, unitOwned } from './access.js';
import { type CaseRow, caseOfficers, loadCase, normaliseCase } from './case-record.js';
import { evidenceOf } from './evidence.js';
import { policyVersion } from './policy.js';
import { publicationsOfCase } from './publications.js';
import { contentOf, recordEntries } from './record-chain.js';

/** The date the case is waiting on in its state (the inbox sorts by it). */
export function caseDueOn(c: CaseRow): string | null {
  switch (c.state) {
    case 'notified':
      return c.hearing_available && c.hearing_request_due! > c.statement_due!
        ? c.hearing_request_due
        : c.statement_due;
    case 'hearing_scheduled':
      return c.hearing?.date ?? c.decide_due;
    case 'investigating':
    case 'hearing_requested':
    case 'heard':
    case 'pending_decision':
    case 'legal_review':
      return c.decide_due;
    case 'decided':
      return c.service_due;
    case 'served':
      return c.payment_due;
    default:
      return null;
  }
}

export function presentCaseSummary(c: CaseRow, today: string) {
  const due = caseDueOn(c);
  return {
    id: c.id,
    number: c.number,
    summary: c.summary,
    partyName: c.party_kind === 'person' ? `${[...c.party_name][0] ?? ''}*` : c.party_name,
    partyKind: c.party_kind,
    establishmentId: c.establishment_id,
    regionCode: c.region_code,
    departmentCode: c.department_code,
    unit: { id: c.unit_id, name: c.unit_name },
    state: c.state,
    stateLabel: CASE_WORKFLOW.states[c.state].labelZh,
    openedOn: c.opened_on,
    decideDue: c.decide_due,
    dueOn: due,
    overdue: due !== null && today > due && c.state !== 'notified',
    decidedOn: c.decided_on,
    severity: c.severity,
    version: c.version,
    updatedAt: iso(c.updated_at),
  };
}

export interface CaseListQuery {
  state?: string | undefined;
  q?: string | undefined;
  establishmentId?: number | undefined;
  page: number;
  pageSize: number;
}

export async function searchCases(db: Executor, actor: Actor, q: CaseListQuery, today: string) {
  const where: SQL[] = [unitOwned(actor, 'k')];
  if (q.state) where.push(sql`k.state = ANY(${sql.param(q.state.split(','))}::text[])`);
  if (q.establishmentId) where.push(sql`k.establishment_id = ${q.establishmentId}`);
  if (q.q) {
    const like = `%${likeEscape(q.q)}%`;
    where.push(sql`(k.number LIKE ${like} OR k.party_name LIKE ${like} OR k.summary LIKE ${like})`);
  }
  const w = sql.join(where, sql` AND `);
  const rows = await queryRows<CaseRow>(
    db,
    sql`SELECT k.* FROM enforcement_case k WHERE ${w} ORDER BY k.decide_due ASC NULLS LAST, k.id DESC
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM enforcement_case k WHERE ${w}`,
  );
  return {
    items: rows.map((r) => presentCaseSummary(normaliseCase(r), today)),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

const DOCUMENT_STATES: Record<string, readonly CaseState[]> = {
  filing: [
    'investigating',
    'notified',
    'hearing_requested',
    'hearing_scheduled',
    'heard',
    'pending_decision',
    'legal_review',
    'decided',
    'served',
    'executed',
    'closed',
    'revoked',
  ],
  inspection_record: [
    'investigating',
    'notified',
    'hearing_requested',
    'hearing_scheduled',
    'heard',
    'pending_decision',
    'legal_review',
    'decided',
    'served',
    'executed',
    'closed',
    'revoked',
  ],
  notice: [
    'notified',
    'hearing_requested',
    'hearing_scheduled',
    'heard',
    'pending_decision',
    'legal_review',
    'decided',
    'served',
    'executed',
    'closed',
    'revoked',
  ],
  decision: ['decided', 'served', 'executed', 'closed', 'revoked'],
  service: ['served', 'executed', 'closed', 'revoked'],
  closure: ['closed'],
};
const DOCUMENT_TITLES: Record<string, string> = {
  filing: '立案审批表',
  inspection_record: '现场检查笔录',
  notice: '行政处罚事先告知书',
  decision: '行政处罚决定书',
  service: '送达回证',
  closure: '结案报告',
};

export async function caseDetail(ctx: AppContext, actor: Actor, id: number, today: string) {
  const db = ctx.database.db;
  const c = await loadCase(db, actor, id);
  const officers = await caseOfficers(db, id);
  let benchmark = null;
  if (c.violation_code && c.circumstance && c.benchmark_version !== null) {
    const entry = benchmarkEntry(
      (await policyVersion(db, 'benchmark', c.benchmark_version)).content,
      c.violation_code,
    );
    const tier = entry.tiers[c.circumstance];
    benchmark = {
      version: c.benchmark_version,
      violationCode: entry.code,
      violationName: entry.nameZh,
      basis: entry.basis,
      circumstance: c.circumstance,
      circumstanceName: CIRCUMSTANCE_NAMES[c.circumstance].zh,
      suggestedKinds: tier.kinds,
      suggestedFine: tier.fine ? fineRange(tier.fine, c.illegal_income) : null,
      statutoryKinds: entry.statutory.kinds,
      statutoryFine: entry.statutory.fine ? fineRange(entry.statutory.fine, c.illegal_income) : null,
      tierDescription: tier.descriptionZh,
    };
  }
  const d = c.decision;
  const surcharge =
    d && d.fineAmount > 0 && c.payment_due ? lateSurcharge(d.fineAmount, c.payment_due, today) : null;
  const owedToday = d ? d.fineAmount + d.confiscationAmount + (surcharge?.amount ?? 0) : 0;
  const referrals = await queryRows<{ id: number; number: string; to_body_name: string; state: string }>(
    db,
    sql`SELECT id, number, to_body_name, state FROM enforcement_referral WHERE case_id = ${id} ORDER BY id`,
  );
  const reinspection = await queryOne<{ id: number; due_on: string; state: string; outcome: string | null }>(
    db,
    sql`SELECT id, due_on, state, outcome FROM enforcement_reinspection WHERE case_id = ${id}`,
  );
  return {
    ...presentCaseSummary(c, today),
    filingNo: c.filing_no,
    noticeNo: c.notice_no,
    decisionNo: c.decision_no,
    leadId: c.lead_id,
    practitionerId: c.practitioner_id,
    party: {
      kind: c.party_kind,
      name: c.party_name,
      creditCode: c.party_credit_code,
      representative: c.party_representative,
      address: c.party_address,
      idNumberMasked: c.party_id_number_enc ? maskIdNumber(ctx.secrets.decrypt(c.party_id_number_enc)) : null,
      isMinor: c.party_is_minor,
    },
    flaggedComplex: c.flagged_complex,
    officers,
    activeOfficers: officers.filter((o) => o.recusedOn === null).length,
    violation: benchmark,
    facts: c.facts,
    illegalIncome: c.illegal_income,
    proposedOn: c.proposed_on,
    deadlines: {
      decisionLimitDays: DECISION_LIMIT_DAYS,
      extensionDays: c.extension_days,
      decideDue: c.decide_due,
      statementDue: c.statement_due,
      hearingAvailable: c.hearing_available,
      hearingRequestDue: c.hearing_request_due,
      rightsWaived: c.rights_waived,
      serviceDue: c.service_due,
      paymentDue: c.payment_due,
    },
    notice: c.notice,
    hearing: c.hearing,
    proposal: c.proposal,
    legalReview: c.legal_review,
    decision: d ? { ...d, kindNames: d.kinds.map((k) => PENALTY_KIND_NAMES[k].zh) } : null,
    service: c.service,
    payment: {
      fineAmount: c.fine_amount,
      confiscationAmount: d?.confiscationAmount ?? 0,
      paidAmount: c.paid_amount,
      surchargeToday: surcharge,
      owedToday,
      outstandingToday: Math.max(0, Math.round((owedToday - c.paid_amount) * 100) / 100),
    },
    executedOn: c.executed_on,
    closedOn: c.closed_on,
    outcome: c.outcome,
    outcomeReason: c.outcome_reason,
    evidence: await evidenceOf(db, id),
    documents: Object.entries(DOCUMENT_STATES)
      .filter(([, states]) => states.includes(c.state))
      // A case closed without a penalty from investigation has no notice, decision or service to print.
      .filter(([kind]) =>
        kind === 'notice'
          ? c.notice !== null
          : kind === 'decision'
            ? c.decision !== null
            : kind === 'service'
              ? c.service !== null
              : true,
      )
      .map(([kind]) => ({
        kind,
        title: DOCUMENT_TITLES[kind]!,
        number:
          kind === 'filing'
            ? c.filing_no
            : kind === 'notice'
              ? c.notice_no
              : kind === 'closure'
                ? c.number
                : c.decision_no,
        href: `/api/v1/enforcement/cases/${id}/documents/${kind}`,
      })),
    publications: await publicationsOfCase(db, id, today),
    referrals: referrals.map((r) => ({
      id: Number(r.id),
      number: r.number,
      toBodyName: r.to_body_name,
      state: r.state,
    })),
    reinspection: reinspection
      ? {
          id: Number(reinspection.id),
          dueOn: reinspection.due_on,
          state: reinspection.state,
          outcome: reinspection.outcome,
        }
      : null,
    record: { length: c.record_length, headHash: c.record_head },
    availableActions: enforcementActions(CASE_WORKFLOW, c.state, enforcementRoles(actor)),
  };
}

/** The enforcement record as one timeline (exportable for review). */
export async function caseRecord(db: Executor, actor: Actor, id: number) {
  const c = await loadCase(db, actor, id);
  const entries = await recordEntries(db, id);
  return {
    caseId: id,
    number: c.number,
    headHash: c.record_head,
    entries: entries.map((e) => {
      const content = contentOf(e);
      return {
        ...content,
        details: content.details as Record<string, unknown>,
        prevHash: e.prev_hash,
        hash: e.hash,
      };
    }),
  };
}

/**
 * Decided penalties, shared read-only with every department of the region (the house rule: penalties
 * are shared across departments): the decision's facts, not the case file.
 */
export async function sharedPenalties(
  db: Executor,
  actor: Actor,
  q: { establishmentId?: number | undefined; page: number; pageSize: number },
) {
  const where: SQL[] = [inRegionScope(actor, sql`k.region_code`), sql`k.decision IS NOT NULL`];
  if (q.establishmentId) where.push(sql`k.establishment_id = ${q.establishmentId}`);
  const w = sql.join(where, sql` AND `);
  const rows = await queryRows<CaseRow>(
    db,
    sql`SELECT k.* FROM enforcement_case k WHERE ${w} ORDER BY k.decided_on DESC, k.id DESC
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM enforcement_case k WHERE ${w}`,
  );
  return {
    items: rows.map((raw) => {
      const c = normaliseCase(raw);
      const d = c.decision!;
      return {
        caseId: c.id,
        decisionNo: d.decisionNo,
        establishmentId: c.establishment_id,
        practitionerId: c.practitioner_id,
        partyName: c.party_kind === 'person' ? `${[...c.party_name][0] ?? ''}*` : c.party_name,
        authority: c.unit_name,
        departmentCode: c.department_code,
        violationCode: c.violation_code,
        kinds: d.kinds,
        fineAmount: d.fineAmount,
        severity: d.severity,
        decidedOn: d.decidedOn,
        revoked: c.state === 'revoked',
        updatedAt: isoOrNull(c.updated_at)!,
      };
    }),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
