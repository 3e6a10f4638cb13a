import { type Calendar, DomainError, REVALIDATION_WORKFLOW, TASK_WORKFLOW, WORKFLOWS } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import type { Actor } from '../identity/actor.js';
import { inUnitScope, ownEstablishment } from '../identity/scope.js';
import { APPLICATION_COLUMNS, APPLICATION_FROM, type ApplicationRow } from './application-record.js';
import { permitVersion } from './catalogue.js';
import type { inboxItemSchema, inboxQuerySchema, inboxSchema, settingsSchema } from './schemas/reports.js';

/**
 * The licensing inbox: every step waiting for the user, sorted by its due date, with a warning
 * inside the configured margin; an overdue step is escalated to the unit's head, who sees it under
 * view=escalations (licensing.report.read).
 */
type Item = z.infer<typeof inboxItemSchema>;
const LIMIT = 500;

export const DEFAULT_SETTINGS: z.infer<typeof settingsSchema> = { warningMarginDays: 2 };

export async function licensingSettings(db: Executor): Promise<z.infer<typeof settingsSchema>> {
  const row = await queryOne<{ value: number }>(
    db,
    sql`SELECT value FROM licensing_setting WHERE key = 'warningMarginDays'`,
  );
  return {
    warningMarginDays: typeof row?.value === 'number' ? row.value : DEFAULT_SETTINGS.warningMarginDays,
  };
}

function timing(calendar: Calendar, today: string, due: string | null, margin: number) {
  if (due === null) return { remainingWorkingDays: null, warning: false, overdue: false, escalated: false };
  const remaining = calendar.workingDaysBetween(today, due).count;
  const overdue = today > due;
  return {
    remainingWorkingDays: remaining,
    warning: !overdue && remaining <= margin,
    overdue,
    escalated: overdue,
  };
}

export async function inbox(
  db: Executor,
  actor: Actor,
  q: z.infer<typeof inboxQuerySchema>,
  today: string,
): Promise<z.infer<typeof inboxSchema>> {
  if (q.view === 'escalations' && !actor.permissions.has('licensing.report.read')) {
    throw new DomainError(
      'forbidden',
      '只有单位负责人可以查看超期督办事项',
      'Only heads of unit see the escalated items',
      {
        permission: 'licensing.report.read',
      },
    );
  }
  const calendar = await loadCalendar(db);
  const margin = q.warnDays ?? (await licensingSettings(db)).warningMarginDays;
  const staff = actor.kind === 'staff';
  const approver = staff && actor.permissions.has('licensing.decide');
  const inspector = staff && actor.permissions.has('licensing.verify');
  const escalations = q.view === 'escalations';
  const unitScope = (alias: string) =>
    inUnitScope(actor, sql.raw(`${alias}.unit_region_code`), sql.raw(`${alias}.department_code`));
  const items: Item[] = [];

  if (approver || escalations || !staff) {
    const where = !staff
      ? sql`${ownEstablishment(actor, sql`a.establishment_id`)} AND a.state IN ('draft', 'signed', 'correction_requested')`
      : sql`${unitScope('a')} AND a.state IN ('submitted', 'under_review', 'public_notice', 'excluded_period')`;
    const rows = await queryRows<ApplicationRow>(
      db,
      sql`SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM} WHERE ${where}
          ORDER BY COALESCE(CASE WHEN a.state = 'submitted' AND a.mode = 'approval' THEN a.accept_due ELSE a.decide_due END, '9999-12-31'), a.id
          LIMIT ${LIMIT}`,
    );
    for (const a of rows) {
      const state = WORKFLOWS[a.mode].states[a.state];
      // A commitment is accepted and decided in one go (on the spot): it has no acceptance due day.
      const accepting = state.clock === 'accept' && a.accept_due !== null;
      const due = accepting
        ? a.accept_due
        : state.clock === 'accept' || state.clock === 'decide'
          ? a.decide_due
          : null;
      const def = (await permitVersion(db, a.permit_code, a.permit_version)).definition;
      items.push({
        kind: 'application',
        id: a.id,
        title: def.nameZh,
        establishmentName: a.establishment_name,
        state: a.state,
        stateLabelZh: state.labelZh,
        stateLabelEn: state.labelEn,
        step: !staff
          ? a.state === 'correction_requested'
            ? 'correct'
            : 'submit'
          : accepting
            ? 'accept'
            : 'decide',
        dueOn: due,
        clockStopped: state.clock === 'stopped',
        unitName: a.unit_name,
        ...timing(calendar, today, due, margin),
      });
    }
  }

  if (inspector || escalations) {
    const rows = await queryRows<{
      id: number;
      state: 'open' | 'rectifying';
      kind: string;
      establishment_name: string;
      due_on: string;
      rectification_due: string | null;
      unit_name: string;
    }>(
      db,
      sql`SELECT t.id, t.state, t.kind, t.establishment_name, t.due_on::text AS due_on, t.rectification_due::text AS rectification_due,
            un.name AS unit_name
          FROM licensing_task t JOIN unit un ON un.id = t.unit_id
          WHERE ${unitScope('t')} AND t.state IN ('open', 'rectifying') ORDER BY t.due_on, t.id LIMIT ${LIMIT}`,
    );
    for (const t of rows) {
      const due = t.state === 'rectifying' ? t.rectification_due : t.due_on;
      items.push({
        kind: 'task',
        id: t.id,
        title: t.kind === 'commitment_verification' ? '告知承诺核查' : '备案后核查',
        establishmentName: t.establishment_name,
        state: t.state,
        stateLabelZh: TASK_WORKFLOW.states[t.state].labelZh,
        stateLabelEn: TASK_WORKFLOW.states[t.state].labelEn,
        step: t.state === 'rectifying' ? 'rectification' : 'verify',
        dueOn: due,
        clockStopped: false,
        unitName: t.unit_name,
        ...timing(calendar, today, due, margin),
      });
    }
  }

  if (approver || escalations || !staff) {
    const where = !staff
      ? sql`${ownEstablishment(actor, sql`l.establishment_id`)} AND r.state IN ('scheduled', 'noticed') AND r.notice_on <= ${today}`
      : sql`${unitScope('r')} AND (r.state IN ('submitted', 'deferred') OR (r.state = 'scheduled' AND r.notice_on <= ${today}))`;
    const rows = await queryRows<{
      id: number;
      state: 'scheduled' | 'noticed' | 'submitted' | 'deferred';
      license_name_zh: string;
      establishment_name: string;
      due_on: string;
      notice_on: string;
      deferred_until: string | null;
      unit_name: string;
    }>(
      db,
      sql`SELECT r.id, r.state, l.license_name_zh, l.establishment_name, r.due_on::text AS due_on, r.notice_on::text AS notice_on,
            r.deferred_until::text AS deferred_until, un.name AS unit_name
          FROM licensing_revalidation r JOIN licensing_license l ON l.id = r.license_id JOIN unit un ON un.id = r.unit_id
          WHERE ${where} AND l.status = 'valid' ORDER BY r.due_on, r.id LIMIT ${LIMIT}`,
    );
    for (const r of rows) {
      const due =
        r.state === 'deferred' ? r.deferred_until : r.state === 'scheduled' && staff ? r.notice_on : r.due_on;
      items.push({
        kind: 'revalidation',
        id: r.id,
        title: `${r.license_name_zh}校验`,
        establishmentName: r.establishment_name,
        state: r.state,
        stateLabelZh: REVALIDATION_WORKFLOW.states[r.state].labelZh,
        stateLabelEn: REVALIDATION_WORKFLOW.states[r.state].labelEn,
        step: r.state === 'scheduled' && staff ? 'notice' : 'revalidate',
        dueOn: due,
        clockStopped: false,
        unitName: r.unit_name,
        ...timing(calendar, today, due, margin),
      });
    }
  }

  const shown = escalations ? items.filter((i) => i.escalated) : items;
  shown.sort(
    (a, b) =>
      (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31') ||
      a.kind.localeCompare(b.kind) ||
      a.id - b.id,
  );
  return { today, warningMarginDays: margin, items: shown };
}
