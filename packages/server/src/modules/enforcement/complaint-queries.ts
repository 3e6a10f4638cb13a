import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_WORKFLOW,
  type ComplaintState,
  enforcementActions,
  normaliseQueryCode,
} from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { likeEscape } from '../registry/establishment-record.js';
import { enforcementRoles, iso, money, notFound, unitOwned } from './access.js';
import { COMPLAINT_COLUMNS, type ComplaintRow, loadComplaint } from './complaint-record.js';
import { departmentName } from './routing.js';

const categoryName = (code: string) => COMPLAINT_CATEGORIES.find((c) => c.code === code)?.nameZh ?? code;

export function presentComplaintSummary(c: ComplaintRow, today: string) {
  const due =
    c.state === 'received'
      ? c.accept_due
      : c.state === 'accepted'
        ? c.handle_due
        : c.state === 'concluded'
          ? c.reply_due
          : null;
  return {
    id: c.id,
    number: c.number,
    channel: c.channel,
    category: c.category,
    categoryName: categoryName(c.category),
    departmentCode: c.department_code,
    unit: { id: c.unit_id, name: c.unit_name },
    regionCode: c.region_code,
    establishmentId: c.establishment_id === null ? null : Number(c.establishment_id),
    establishmentText: c.establishment_text,
    needsTriage: c.needs_triage,
    state: c.state,
    stateLabel: COMPLAINT_WORKFLOW.states[c.state].labelZh,
    receivedOn: c.received_on,
    dueOn: due,
    overdue: due !== null && today > due,
    reporters: c.reporters,
    version: c.version,
    updatedAt: iso(c.updated_at),
  };
}

export interface ComplaintListQuery {
  state?: string | undefined;
  category?: string | undefined;
  q?: string | undefined;
  needsTriage?: 'true' | 'false' | undefined;
  overdue?: 'true' | 'false' | undefined;
  page: number;
  pageSize: number;
}

/** The handling unit's inbox: complaints in scope, most urgent due date first. */
export async function searchComplaints(db: Executor, actor: Actor, q: ComplaintListQuery, today: string) {
  const where: SQL[] = [unitOwned(actor, 'c')];
  if (q.state) where.push(sql`c.state = ANY(${sql.param(q.state.split(','))}::text[])`);
  if (q.category) where.push(sql`c.category = ${q.category}`);
  if (q.needsTriage) where.push(sql`c.needs_triage = ${q.needsTriage === 'true'}`);
  if (q.q) {
    const like = `%${likeEscape(q.q)}%`;
    where.push(
      sql`(c.number LIKE ${like} OR c.establishment_text LIKE ${like} OR c.description LIKE ${like})`,
    );
  }
  const due = sql`(CASE c.state WHEN 'received' THEN c.accept_due WHEN 'accepted' THEN c.handle_due WHEN 'concluded' THEN c.reply_due END)`;
  if (q.overdue === 'true') where.push(sql`${due} < ${today}`);
  const w = sql.join(where, sql` AND `);
  const rows = await queryRows<ComplaintRow>(
    db,
    sql`SELECT ${COMPLAINT_COLUMNS} FROM complaint c JOIN unit un ON un.id = c.unit_id WHERE ${w}
        ORDER BY ${due} ASC NULLS LAST, c.id DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const total = await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM complaint c WHERE ${w}`);
  return {
    items: rows.map((r) =>
      presentComplaintSummary({ ...r, id: Number(r.id), unit_id: Number(r.unit_id) }, today),
    ),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

interface NoteRow {
  id: number;
  visibility: 'public' | 'internal';
  from_state: string | null;
  to_state: string | null;
  action: string;
  text: string;
  on_date: string;
  at: Date | string;
  actor_name: string | null;
}

export async function complaintDetail(db: Executor, actor: Actor, id: number, today: string) {
  const c = await loadComplaint(db, actor, id);
  const reporters = await queryRows<{
    id: number;
    seq: number;
    channel: string;
    anonymous: boolean;
    name_enc: string | null;
    description: string;
    submitted_on: string;
  }>(
    db,
    sql`SELECT id, seq, channel, anonymous, name_enc, description, submitted_on FROM complaint_reporter WHERE complaint_id = ${id} ORDER BY seq`,
  );
  const notes = await queryRows<NoteRow>(
    db,
    sql`SELECT * FROM complaint_note WHERE complaint_id = ${id} ORDER BY id`,
  );
  const rewards = await queryRows<{
    id: number;
    reporter_id: number;
    amount: string;
    basis: string;
    decided_on: string;
    status: 'approved' | 'paid';
    paid_on: string | null;
  }>(db, sql`SELECT * FROM complaint_reward WHERE complaint_id = ${id} ORDER BY id`);
  const lead = c.lead_id
    ? await queryOne<{ id: number; number: string; state: string; case_id: number | null }>(
        db,
        sql`SELECT id, number, state, case_id FROM enforcement_lead WHERE id = ${c.lead_id}`,
      )
    : undefined;
  return {
    ...presentComplaintSummary(c, today),
    description: c.description,
    practitionerText: c.practitioner_text,
    locationText: c.location_text,
    transferredFrom: c.transferred_from,
    categorySource: c.category_source,
    categoryKeywords: c.category_keywords,
    departmentName: await departmentName(db, c.department_code),
    acceptDue: c.accept_due,
    acceptedOn: c.accepted_on,
    handleDue: c.handle_due,
    concludedOn: c.concluded_on,
    replyDue: c.reply_due,
    repliedOn: c.replied_on,
    substantiated: c.substantiated,
    conclusion: c.conclusion,
    lead: lead
      ? {
          id: Number(lead.id),
          number: lead.number,
          state: lead.state,
          caseId: lead.case_id === null ? null : Number(lead.case_id),
        }
      : null,
    reporters: reporters.map((r) => ({
      id: Number(r.id),
      seq: r.seq,
      channel: r.channel,
      anonymous: r.anonymous,
      identityOnFile: r.name_enc !== null,
      description: r.description,
      submittedOn: r.submitted_on,
    })),
    notes: notes.map((n) => ({
      id: Number(n.id),
      visibility: n.visibility,
      action: n.action,
      fromState: n.from_state,
      toState: n.to_state,
      text: n.text,
      onDate: n.on_date,
      at: iso(n.at),
      actorName: n.actor_name,
    })),
    rewards: rewards.map((r) => ({
      id: Number(r.id),
      reporterId: Number(r.reporter_id),
      amount: money(r.amount),
      basis: r.basis,
      decidedOn: r.decided_on,
      status: r.status,
      paidOn: r.paid_on,
    })),
    availableActions: enforcementActions(COMPLAINT_WORKFLOW, c.state, enforcementRoles(actor)),
  };
}

/**
 * What a reporter sees with the query code: the complaint's number, category, handling unit, state
 * and public notes, nothing internal, nobody's identity (neither theirs nor the staff's names).
 * An unknown code is "not found", the same answer as a wrong one.
 */
export async function trackComplaint(db: Executor, hashOf: (code: string) => string, queryCode: string) {
  const code = normaliseQueryCode(queryCode);
  const reporter = code
    ? await queryOne<{ complaint_id: number; seq: number; submitted_on: string }>(
        db,
        sql`SELECT complaint_id, seq, submitted_on FROM complaint_reporter WHERE query_code_hash = ${hashOf(code)}`,
      )
    : undefined;
  if (!reporter) throw notFound({ zh: '查询码', en: 'Query code' }, queryCode.slice(0, 20));
  const c = await queryOne<{
    id: number;
    number: string;
    category: string;
    state: ComplaintState;
    received_on: string;
    unit_name: string;
    department_code: string;
  }>(
    db,
    sql`SELECT c.id, c.number, c.category, c.state, c.received_on, un.name AS unit_name, c.department_code
        FROM complaint c JOIN unit un ON un.id = c.unit_id WHERE c.id = ${reporter.complaint_id}`,
  );
  const notes = await queryRows<{ action: string; to_state: string | null; text: string; on_date: string }>(
    db,
    sql`SELECT action, to_state, text, on_date FROM complaint_note WHERE complaint_id = ${reporter.complaint_id}
          AND visibility = 'public' ORDER BY id`,
  );
  return {
    number: c!.number,
    categoryName: categoryName(c!.category),
    state: c!.state,
    stateLabel: COMPLAINT_WORKFLOW.states[c!.state].labelZh,
    stateLabelEn: COMPLAINT_WORKFLOW.states[c!.state].labelEn,
    handlingUnit: c!.unit_name,
    receivedOn: c!.received_on,
    yourReportOn: reporter.submitted_on,
    history: notes.map((n) => ({ onDate: n.on_date, action: n.action, state: n.to_state, text: n.text })),
  };
}
