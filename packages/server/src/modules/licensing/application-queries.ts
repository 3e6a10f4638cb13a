import { availableActions, WORKFLOWS } from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import type { Actor } from '../identity/actor.js';
import { inUnitScope, ownEstablishment } from '../identity/scope.js';
import { applicationReadable, iso, JOINT, notFound, workflowRoles } from './access.js';
import {
  APPLICATION_COLUMNS,
  APPLICATION_FROM,
  type ApplicationRow,
  clockStopsOf,
  loadApplication,
  timelineOf,
} from './application-record.js';
import { permitVersion } from './catalogue.js';
import { applicationClocks } from './clocks.js';
import { materialsOf } from './materials.js';
import type {
  applicationDetailSchema,
  applicationListQuerySchema,
  applicationSummarySchema,
  jointApplicationSchema,
} from './schemas/application.js';
import { dataLookups } from './submission-checks.js';

type Summary = z.infer<typeof applicationSummarySchema>;

const NAMES = new Map<string, { nameZh: string; nameEn: string }>();

async function permitNames(db: Executor, code: string, version: number) {
  const key = `${code}@${version}`;
  let names = NAMES.get(key);
  if (!names) {
    const d = (await permitVersion(db, code, version)).definition;
    names = { nameZh: d.nameZh, nameEn: d.nameEn };
    NAMES.set(key, names);
  }
  return names;
}

export async function presentSummary(db: Executor, a: ApplicationRow, today: string): Promise<Summary> {
  const state = WORKFLOWS[a.mode].states[a.state];
  const due = state.clock === 'accept' ? a.accept_due : state.clock === 'decide' ? a.decide_due : null;
  return {
    id: a.id,
    number: a.number,
    jointId: a.joint_id,
    establishment: { id: a.establishment_id, name: a.establishment_name, regionCode: a.establishment_region },
    permit: {
      code: a.permit_code,
      version: a.permit_version,
      mode: a.mode,
      ...(await permitNames(db, a.permit_code, a.permit_version)),
    },
    purpose: a.purpose,
    licenseId: a.license_id,
    unit: {
      id: a.unit_id,
      name: a.unit_name,
      regionCode: a.unit_region_code,
      departmentCode: a.department_code,
    },
    state: a.state,
    stateLabelZh: state.labelZh,
    stateLabelEn: state.labelEn,
    version: a.version,
    receivedOn: a.received_on,
    acceptDue: a.accept_due,
    decideDue: a.decide_due,
    decidedOn: a.decided_on,
    clockStopped: state.clock === 'stopped',
    overdue: due !== null && today > due,
    updatedAt: iso(a.updated_at),
  };
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function searchApplications(
  db: Executor,
  actor: Actor,
  q: z.infer<typeof applicationListQuerySchema>,
  today: string,
) {
  const where: SQL[] = [applicationReadable(actor, 'a')];
  const states = list(q.state);
  if (states.length)
    where.push(
      sql`a.state IN (${sql.join(
        states.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (q.permitCode) where.push(sql`a.permit_code = ${q.permitCode}`);
  if (q.mode) where.push(sql`a.mode = ${q.mode}`);
  if (q.establishmentId) where.push(sql`a.establishment_id = ${q.establishmentId}`);
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, '\\$&')}%`;
    where.push(sql`(a.establishment_name LIKE ${like} OR a.number LIKE ${like})`);
  }
  const filter = sql.join(where, sql` AND `);
  const rows = await queryRows<ApplicationRow>(
    db,
    sql`SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM} WHERE ${filter}
        ORDER BY a.updated_at DESC, a.id DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM licensing_application a WHERE ${filter}`,
  );
  return {
    items: await Promise.all(rows.map((r) => presentSummary(db, r, today))),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function applicationDetail(
  db: Executor,
  actor: Actor,
  id: number,
  today: string,
): Promise<z.infer<typeof applicationDetailSchema>> {
  const a = await loadApplication(db, actor, id);
  const def = (await permitVersion(db, a.permit_code, a.permit_version)).definition;
  const stops = await clockStopsOf(db, id);
  const clocks = applicationClocks(await loadCalendar(db), a, def, stops, today);
  const roles = workflowRoles(actor, a.establishment_id);
  // Staff act on their own department's parts only; the joint window follows the others.
  const own =
    actor.kind === 'institution' ||
    (actor.regionPrefix !== null &&
      a.unit_region_code.startsWith(actor.regionPrefix) &&
      (actor.permissions.has('identity.scope.all-departments') ||
        actor.unit?.departmentCode === a.department_code));
  const actions = availableActions(
    WORKFLOWS[a.mode],
    a.state,
    own ? roles : roles.filter((r) => r === 'applicant'),
  );
  return {
    ...(await presentSummary(db, a, today)),
    form: a.form,
    note: a.applicant_note,
    conditions: def.conditions,
    commitment: a.commitment,
    acceptedOn: a.accepted_on,
    deemedAccepted: a.deemed_accepted,
    correction: { used: a.correction_used, items: a.correction_items },
    publicNotice: { from: a.public_notice_from, until: a.public_notice_until, done: a.public_notice_done },
    discloseBy: a.disclose_by,
    publishBy: a.publish_by,
    decision: {
      reasons: a.decision_reasons,
      decisionNo: a.decision_no,
      delayReason: a.delay_reason,
      acceptOnTime: a.accept_on_time,
      decideOnTime: a.decide_on_time,
    },
    clocks,
    clockStops: stops,
    availableActions: actions,
    materialRequirements: def.materials,
    materials: await materialsOf(db, id),
    lookups: await dataLookups(db, a, def, today),
    timeline: await timelineOf(db, id),
    citation: def.citation,
  };
}

/** A joint application: visible to its window, the applicant, and the departments of its parts. */
export async function jointDetail(
  db: Executor,
  actor: Actor,
  id: number,
  today: string,
): Promise<z.infer<typeof jointApplicationSchema>> {
  const j = await queryOne<{
    id: number;
    establishment_id: number;
    window_unit_id: number;
    unit_name: string;
    window_region_code: string;
    window_department_code: string;
    note: string | null;
    created_at: Date | string;
  }>(
    db,
    sql`SELECT j.id, j.establishment_id, j.window_unit_id, un.name AS unit_name, j.window_region_code, j.window_department_code,
          j.note, j.created_at
        FROM licensing_joint_application j JOIN unit un ON un.id = j.window_unit_id
        WHERE j.id = ${id} AND (${inUnitScope(actor, sql`j.window_region_code`, sql`j.window_department_code`)}
          OR ${ownEstablishment(actor, sql`j.establishment_id`)}
          OR EXISTS (SELECT 1 FROM licensing_application a WHERE a.joint_id = j.id AND ${applicationReadable(actor, 'a')}))`,
  );
  if (!j) throw notFound(JOINT, id);
  const rows = await queryRows<ApplicationRow>(
    db,
    sql`SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM} WHERE a.joint_id = ${id} ORDER BY a.id`,
  );
  const parts = await Promise.all(rows.map((r) => presentSummary(db, r, today)));
  const open = parts.filter((p) => !WORKFLOWS[p.permit.mode].states[p.state].terminal);
  const stopped = open.some((p) => p.clockStopped);
  const dues = open
    .map((p) => {
      const clock = WORKFLOWS[p.permit.mode].states[p.state].clock;
      return clock === 'accept' ? p.acceptDue : clock === 'decide' ? p.decideDue : null;
    })
    .filter((d): d is string => d !== null);
  const combinedDue = stopped || dues.length === 0 ? null : [...dues].sort().at(-1)!;
  return {
    id: j.id,
    establishment: { id: j.establishment_id, name: rows[0]?.establishment_name ?? '' },
    window: {
      unitId: j.window_unit_id,
      unitName: j.unit_name,
      regionCode: j.window_region_code,
      departmentCode: j.window_department_code,
    },
    note: j.note,
    createdAt: iso(j.created_at),
    parts,
    combinedDue,
    clockStopped: stopped,
    allDecided: open.length === 0,
  };
}
