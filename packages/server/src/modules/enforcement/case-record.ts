import {
  type BenchmarkCheck,
  type CaseState,
  type Circumstance,
  HANDLING_ACTIONS,
  type MajorDecision,
  type PartyKind,
  type PenaltyKind,
  type PenaltySeverity,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { CASE, money, notFound, unitOwned } from './access.js';

export interface PenaltyTerms {
  kinds: PenaltyKind[];
  fineAmount: number;
  confiscationAmount: number;
  outsideRangeReason: string | null;
  benchmark: BenchmarkCheck | null;
}

export interface CaseNotice extends PenaltyTerms {
  noticeNo: string;
  noticedOn: string;
  hearingReasons: string[];
  statements: { receivedOn: string; text: string }[];
}

export interface CaseHearing {
  requestedOn: string;
  notifiedOn?: string;
  date?: string;
  place?: string;
  hostUserId?: number | null;
  hostName?: string;
  heldOn?: string;
  record?: string;
  partyAttended?: boolean;
  withdrawnOn?: string;
}

export interface CaseProposal extends PenaltyTerms {
  proposedOn: string;
  proposedBy: string;
  major: MajorDecision;
}

export interface CaseLegalReview {
  required: boolean;
  reasons: string[];
  submittedOn?: string;
  reviewerUserId?: number;
  reviewerName?: string;
  opinion?: string;
  outcome?: 'passed' | 'returned';
  reviewedOn?: string;
}

export interface CaseDecision extends PenaltyTerms {
  decisionNo: string;
  decidedOn: string;
  decidedBy: string;
  severity: PenaltySeverity;
  basis: string;
  facts: string;
  changes: {
    on: string;
    reason: string;
    before: { kinds: PenaltyKind[]; fineAmount: number; confiscationAmount: number };
  }[];
}

export interface CaseService {
  method: string;
  recipient: string;
  place: string;
  servedOn: string;
  onTime: boolean;
  lateReason: string | null;
}

export interface CaseRow {
  id: number;
  number: string;
  filing_no: string | null;
  notice_no: string | null;
  decision_no: string | null;
  lead_id: number | null;
  establishment_id: number | null;
  practitioner_id: number | null;
  party_kind: PartyKind;
  party_name: string;
  party_credit_code: string | null;
  party_representative: string | null;
  party_address: string;
  party_id_number_enc: string | null;
  party_is_minor: boolean;
  region_code: string;
  department_code: string;
  unit_id: number;
  unit_name: string;
  summary: string;
  state: CaseState;
  flagged_complex: boolean;
  violation_code: string | null;
  circumstance: Circumstance | null;
  benchmark_version: number | null;
  facts: string | null;
  illegal_income: number;
  proposed_on: string;
  opened_on: string | null;
  extension_days: number;
  decide_due: string | null;
  notice: CaseNotice | null;
  noticed_on: string | null;
  statement_due: string | null;
  hearing_available: boolean;
  hearing_request_due: string | null;
  rights_waived: boolean;
  hearing: CaseHearing | null;
  proposal: CaseProposal | null;
  legal_review: CaseLegalReview | null;
  decision: CaseDecision | null;
  decided_on: string | null;
  severity: PenaltySeverity | null;
  service_due: string | null;
  served_on: string | null;
  service: CaseService | null;
  fine_amount: number;
  payment_due: string | null;
  paid_amount: number;
  surcharge_amount: number;
  executed_on: string | null;
  closed_on: string | null;
  outcome: 'penalty' | 'no_violation' | 'not_punishable' | 'referred' | 'revoked' | null;
  outcome_reason: string | null;
  record_head: string;
  record_length: number;
  version: number;
  created_at: Date | string;
  created_by: number | null;
  updated_at: Date | string;
}

const JSON_FIELDS = ['notice', 'hearing', 'proposal', 'legal_review', 'decision', 'service'] as const;
export const CASE_JSON_COLUMNS = new Set<string>(JSON_FIELDS);

export function normaliseCase(r: CaseRow): CaseRow {
  const out = { ...r } as Record<string, unknown>;
  for (const f of JSON_FIELDS) if (typeof out[f] === 'string') out[f] = JSON.parse(out[f] as string);
  return {
    ...(out as unknown as CaseRow),
    id: Number(r.id),
    unit_id: Number(r.unit_id),
    lead_id: r.lead_id === null ? null : Number(r.lead_id),
    establishment_id: r.establishment_id === null ? null : Number(r.establishment_id),
    practitioner_id: r.practitioner_id === null ? null : Number(r.practitioner_id),
    illegal_income: money(r.illegal_income),
    fine_amount: money(r.fine_amount),
    paid_amount: money(r.paid_amount),
    surcharge_amount: money(r.surcharge_amount),
  };
}

export async function loadCase(db: Executor, actor: Actor, id: number, forUpdate = false): Promise<CaseRow> {
  const row = await queryOne<CaseRow>(
    db,
    sql`SELECT k.* FROM enforcement_case k WHERE k.id = ${id} AND ${unitOwned(actor, 'k')} ${forUpdate ? sql`FOR UPDATE OF k` : sql``}`,
  );
  if (!row) throw notFound(CASE, id);
  return normaliseCase(row);
}

export interface CaseOfficer {
  inspectorId: number;
  userId: number | null;
  name: string;
  certificateNo: string;
  assignedOn: string;
  recusedOn: string | null;
  recusalReason: string | null;
  recusalSource: string | null;
}

export async function caseOfficers(db: Executor, caseId: number): Promise<CaseOfficer[]> {
  const rows = await queryRows<{
    inspector_id: number;
    user_id: number | null;
    name: string;
    certificate_no: string;
    assigned_on: string;
    recused_on: string | null;
    recusal_reason: string | null;
    recusal_source: string | null;
  }>(
    db,
    sql`SELECT * FROM enforcement_case_officer WHERE case_id = ${caseId} ORDER BY assigned_on, inspector_id`,
  );
  return rows.map((r) => ({
    inspectorId: Number(r.inspector_id),
    userId: r.user_id === null ? null : Number(r.user_id),
    name: r.name,
    certificateNo: r.certificate_no,
    assignedOn: r.assigned_on,
    recusedOn: r.recused_on,
    recusalReason: r.recusal_reason,
    recusalSource: r.recusal_source,
  }));
}

/**
 * Everyone who handled the case: its officers (recused ones too), whoever proposed it, and whoever
 * took a handling step (violation, notice, statements, hearing request, proposal). None of them may
 * review its legality or chair its hearing (行政处罚法 §58, §64).
 */
export async function caseHandlers(db: Executor, c: CaseRow): Promise<Set<number>> {
  const ids = new Set<number>();
  for (const o of await caseOfficers(db, c.id)) if (o.userId !== null) ids.add(o.userId);
  if (c.created_by !== null) ids.add(Number(c.created_by));
  const steps = await queryRows<{ actor_user_id: number | null }>(
    db,
    sql`SELECT DISTINCT actor_user_id FROM enforcement_record_entry WHERE case_id = ${c.id}
          AND action = ANY(${sql.param([...HANDLING_ACTIONS, 'evidence'])}::text[]) AND actor_user_id IS NOT NULL`,
  );
  for (const s of steps) ids.add(Number(s.actor_user_id));
  return ids;
}
