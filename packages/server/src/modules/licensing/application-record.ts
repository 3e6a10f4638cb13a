import type { ApplicationState, ClockStop, ReformMode } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { APPLICATION, applicationReadable, notFound, recordInScope } from './access.js';

export type Purpose = 'new' | 'change' | 'renewal' | 'deregistration';

export interface ApplicationForm {
  clinicType?: 'general' | 'specialty';
  doctorIds?: number[];
  doctorPracticeSince?: { practitionerId: number; since: string }[];
  plannedLevel?: 'level1' | 'level2' | 'level3' | 'unrated';
  beds?: number;
  foreignInvestment?: 'none' | 'sino_foreign' | 'hk_macao_taiwan';
  scope?: string;
  changes?: string;
}

export interface SignedCommitment {
  conditions: { code: string; textZh: string; textEn: string }[];
  signerName: string;
  signedOn: string;
  signedAt: string;
  signedBy: number;
}

export interface ApplicationRow {
  id: number;
  number: string | null;
  joint_id: number | null;
  establishment_id: number;
  establishment_name: string;
  establishment_region: string;
  permit_code: string;
  permit_version: number;
  mode: Exclude<ReformMode, 'abolished'>;
  purpose: Purpose;
  license_id: number | null;
  unit_id: number;
  unit_name: string;
  unit_region_code: string;
  department_code: string;
  state: ApplicationState;
  version: number;
  form: ApplicationForm;
  applicant_note: string | null;
  commitment: SignedCommitment | null;
  received_on: string | null;
  last_received_on: string | null;
  accepted_on: string | null;
  deemed_accepted: boolean;
  correction_used: boolean;
  correction_items: string[] | null;
  accept_due: string | null;
  decide_due: string | null;
  accept_on_time: boolean | null;
  decide_on_time: boolean | null;
  public_notice_from: string | null;
  public_notice_until: string | null;
  public_notice_done: boolean;
  disclose_by: string | null;
  decided_on: string | null;
  decision_reasons: string | null;
  decision_no: string | null;
  delay_reason: string | null;
  publish_by: string | null;
  handler_user_id: number | null;
  created_at: Date | string;
  updated_at: Date | string;
}

export const APPLICATION_COLUMNS =
  sql.raw(`a.id, a.number, a.joint_id, a.establishment_id, a.establishment_name,
  a.establishment_region, a.permit_code, a.permit_version, a.mode, a.purpose, a.license_id, a.unit_id, un.name AS unit_name,
  a.unit_region_code, a.department_code, a.state, a.version, a.form, a.applicant_note, a.commitment,
  a.received_on::text AS received_on, a.last_received_on::text AS last_received_on, a.accepted_on::text AS accepted_on,
  a.deemed_accepted, a.correction_used, a.correction_items, a.accept_due::text AS accept_due, a.decide_due::text AS decide_due,
  a.accept_on_time, a.decide_on_time, a.public_notice_from::text AS public_notice_from,
  a.public_notice_until::text AS public_notice_until, a.public_notice_done, a.disclose_by::text AS disclose_by,
  a.decided_on::text AS decided_on, a.decision_reasons, a.decision_no, a.delay_reason, a.publish_by::text AS publish_by,
  a.handler_user_id, a.created_at, a.updated_at`);

export const APPLICATION_FROM = sql.raw('licensing_application a JOIN unit un ON un.id = a.unit_id');

/**
 * One application the actor may see: `read` includes the joint window's view of other departments'
 * parts; `act` is the actor's own scope (staff: their department's unit; institutions: their own).
 */
export async function loadApplication(
  db: Executor,
  actor: Actor,
  id: number,
  opts: { forUpdate?: boolean; mode?: 'read' | 'act' } = {},
): Promise<ApplicationRow> {
  const scope = opts.mode === 'act' ? recordInScope(actor, 'a') : applicationReadable(actor, 'a');
  const row = await queryOne<ApplicationRow>(
    db,
    sql`SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM}
        WHERE a.id = ${id} AND ${scope} ${opts.forUpdate ? sql`FOR UPDATE OF a` : sql``}`,
  );
  if (!row) throw notFound(APPLICATION, id);
  return row;
}

export async function clockStopsOf(db: Executor, applicationId: number): Promise<ClockStop[]> {
  return queryRows<ClockStop>(
    db,
    sql`SELECT kind, from_on::text AS "from", to_on::text AS "to" FROM licensing_clock_stop
        WHERE application_id = ${applicationId} ORDER BY from_on, id`,
  );
}

export interface TimelineEntry {
  action: string;
  fromState: string | null;
  toState: string;
  onDate: string;
  at: string;
  actorName: string | null;
  details: Record<string, unknown>;
}

export async function timelineOf(db: Executor, applicationId: number): Promise<TimelineEntry[]> {
  const rows = await queryRows<{
    action: string;
    from_state: string | null;
    to_state: string;
    on_date: string;
    at: Date | string;
    actor_name: string | null;
    details: Record<string, unknown>;
  }>(
    db,
    sql`SELECT action, from_state, to_state, on_date::text AS on_date, at, actor_name, details
        FROM licensing_application_event WHERE application_id = ${applicationId} ORDER BY id`,
  );
  return rows.map((r) => ({
    action: r.action,
    fromState: r.from_state,
    toState: r.to_state,
    onDate: r.on_date,
    at: new Date(r.at).toISOString(),
    actorName: r.actor_name,
    details: r.details,
  }));
}

/** Appends an event to the application's timeline. */
export async function recordApplicationEvent(
  tx: Executor,
  e: {
    applicationId: number;
    action: string;
    fromState: string | null;
    toState: string;
    onDate: string;
    at: Date;
    actor: Actor | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.execute(sql`INSERT INTO licensing_application_event (application_id, action, from_state, to_state, on_date, at,
      actor_user_id, actor_name, details)
    VALUES (${e.applicationId}, ${e.action}, ${e.fromState}, ${e.toState}, ${e.onDate}, ${e.at.toISOString()},
      ${e.actor?.userId ?? null}, ${e.actor?.username ?? 'system'}, ${JSON.stringify(e.details ?? {})}::jsonb)`);
}
