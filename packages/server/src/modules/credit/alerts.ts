import {
  type AlertState,
  allowedAlertActions,
  checkDisposition,
  DISPOSITION_NAMES,
  DomainError,
  escalationLevel,
  guardAlertAction,
  type WarningRuleCode,
} from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import { emitEvent } from '../../events/events.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/record-audit.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import { type Actor, auditActorOf, loadActor } from '../identity/actor.js';
import { inRegionScope } from '../identity/scope.js';
import { recordEntry } from './entries.js';
import { loadCreditPolicy } from './policy.js';
import { recomputeSubjects } from './recompute.js';
import type { alertActionSchema, alertListQuerySchema, alertSchema } from './schemas.js';
import { alertInScope, chinaDay, creditNotFound, iso } from './scope.js';
import { resolveSubject } from './subjects.js';

/** Warnings: the inbox, one warning with its history, the actions on it, and escalation. */
interface AlertRow {
  id: number;
  establishment_id: number;
  establishment_name: string | null;
  practitioner_id: number | null;
  region_code: string;
  department_code: string;
  rule_code: WarningRuleCode;
  severity: 'high' | 'medium' | 'low';
  summary_zh: string;
  summary_en: string;
  data: unknown;
  citation: unknown;
  status: AlertState;
  assignee_user_id: number | null;
  assignee_name: string | null;
  check_findings: string | null;
  confirmed: boolean | null;
  disposition: 'closed' | 'rectification_ordered' | 'lead' | null;
  disposition_note: string | null;
  raised_at: Date | string;
  raised_on: string;
  due_on: string;
  escalation_level: number;
  escalated_at: Date | string | null;
  next_escalation_on: string | null;
  handled_at: Date | string | null;
  version: number;
}

const COLUMNS =
  sql.raw(`a.id, a.establishment_id, p.name AS establishment_name, a.practitioner_id, a.region_code, a.department_code,
  a.rule_code, a.severity, a.summary_zh, a.summary_en, a.data, a.citation, a.status, a.assignee_user_id, a.assignee_name,
  a.check_findings, a.confirmed, a.disposition, a.disposition_note, a.raised_at, a.raised_on::text AS raised_on,
  a.due_on::text AS due_on, a.escalation_level, a.escalated_at, a.next_escalation_on::text AS next_escalation_on,
  a.handled_at, a.version`);
const FROM = sql.raw(
  `credit_alert a LEFT JOIN credit_profile p ON p.subject_type = 'establishment' AND p.subject_id = a.establishment_id`,
);

const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

async function ruleNames(db: Executor) {
  const { policy } = await loadCreditPolicy(db);
  return new Map(policy.warnings.rules.map((r) => [r.code, r]));
}

function present(
  r: AlertRow,
  names: Awaited<ReturnType<typeof ruleNames>>,
  today: string,
): z.infer<typeof alertSchema> {
  const rule = names.get(r.rule_code);
  return {
    id: Number(r.id),
    establishmentId: Number(r.establishment_id),
    establishmentName: r.establishment_name,
    practitionerId: r.practitioner_id === null ? null : Number(r.practitioner_id),
    regionCode: r.region_code,
    departmentCode: r.department_code,
    ruleCode: r.rule_code,
    ruleNameZh: rule?.nameZh ?? r.rule_code,
    ruleNameEn: rule?.nameEn ?? r.rule_code,
    severity: r.severity,
    summaryZh: r.summary_zh,
    summaryEn: r.summary_en,
    data: parse(r.data),
    citation: parse(r.citation),
    status: r.status,
    assignee:
      r.assignee_user_id === null
        ? null
        : { id: Number(r.assignee_user_id), username: r.assignee_name ?? '' },
    checkFindings: r.check_findings,
    confirmed: r.confirmed,
    disposition: r.disposition,
    dispositionNote: r.disposition_note,
    raisedAt: iso(r.raised_at)!,
    raisedOn: r.raised_on,
    dueOn: r.due_on,
    overdue: r.status !== 'handled' && r.due_on < today,
    escalationLevel: r.escalation_level,
    escalatedAt: iso(r.escalated_at),
    nextEscalationOn: r.status === 'handled' ? null : r.next_escalation_on,
    handledAt: iso(r.handled_at),
    version: r.version,
    allowedActions: allowedAlertActions(r.status),
  };
}

export async function searchAlerts(
  db: Executor,
  actor: Actor,
  q: z.infer<typeof alertListQuerySchema>,
  today: string,
) {
  const where: SQL[] = [alertInScope(actor)];
  const states = (q.status ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (states.length)
    where.push(
      sql`a.status IN (${sql.join(
        states.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (q.ruleCode) where.push(sql`a.rule_code = ${q.ruleCode}`);
  if (q.establishmentId) where.push(sql`a.establishment_id = ${q.establishmentId}`);
  if (q.overdue === 'true') where.push(sql`(a.status <> 'handled' AND a.due_on < ${today})`);
  if (q.overdue === 'false') where.push(sql`NOT (a.status <> 'handled' AND a.due_on < ${today})`);
  if (q.escalated === 'true') where.push(sql`a.escalation_level > 0`);
  if (q.escalated === 'false') where.push(sql`a.escalation_level = 0`);
  if (q.mine === 'true') where.push(sql`a.assignee_user_id = ${actor.userId}`);
  const w = sql.join(where, sql` AND `);
  const rows = await queryRows<AlertRow>(
    db,
    sql`SELECT ${COLUMNS} FROM ${FROM} WHERE ${w}
        ORDER BY (a.status = 'handled'), a.escalation_level DESC, a.due_on, a.id
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM credit_alert a WHERE ${w}`,
  );
  const names = await ruleNames(db);
  return {
    items: rows.map((r) => present(r, names, today)),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

async function loadAlert(db: Executor, actor: Actor, id: number, forUpdate = false): Promise<AlertRow> {
  const row = await queryOne<AlertRow>(
    db,
    sql`SELECT ${COLUMNS} FROM ${FROM} WHERE a.id = ${id} AND ${alertInScope(actor)} ${forUpdate ? sql`FOR UPDATE OF a` : sql``}`,
  );
  if (!row) throw creditNotFound('alert', id);
  return row;
}

export async function alertDetail(db: Executor, actor: Actor, id: number, today: string) {
  const row = await loadAlert(db, actor, id);
  const history = await queryRows<{
    action: string;
    from_status: string | null;
    to_status: string;
    note: string;
    at: Date | string;
    by_name: string;
  }>(
    db,
    sql`SELECT action, from_status, to_status, note, at, by_name FROM credit_alert_action WHERE alert_id = ${id} ORDER BY id`,
  );
  return {
    ...present(row, await ruleNames(db), today),
    history: history.map((h) => ({
      action: h.action,
      fromStatus: h.from_status,
      toStatus: h.to_status,
      note: h.note,
      at: iso(h.at)!,
      by: h.by_name,
    })),
  };
}

/**
 * One action on a warning, guarded by the state table (409 lists the allowed actions): assign to a
 * staff member who may handle it, check (核查) with findings, dispose (处置) with what was done.
 * A confirmed check goes into the establishment's credit file; each step is audited and told.
 */
export async function actOnAlert(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: z.infer<typeof alertActionSchema>;
}) {
  const { ctx, actor, id, input } = opts;
  const at = ctx.now();
  const today = chinaDay(at);
  await ctx.database.db.transaction(async (tx) => {
    const a = await loadAlert(tx, actor, id, true);
    if (input.expectedVersion !== undefined && input.expectedVersion !== a.version) {
      throw new DomainError(
        'version_conflict',
        '预警已被他人处理，请刷新后重试',
        'The warning changed meanwhile; reload and retry',
        { currentVersion: a.version },
      );
    }
    const to = guardAlertAction(a.status, input.action);
    let note = '';
    if (input.action === 'assign') {
      const assignee = await loadActor(tx, input.assigneeUserId, {
        sessionId: null,
        ip: null,
        requestId: null,
      });
      const fits =
        assignee?.kind === 'staff' &&
        assignee.permissions.has('credit.alert.handle') &&
        (
          await queryOne<{ ok: boolean }>(
            tx,
            sql`SELECT ${alertInScope(assignee)} AS ok FROM credit_alert a WHERE a.id = ${id}`,
          )
        )?.ok === true;
      if (!assignee || !fits) {
        throw new DomainError(
          'invalid_assignee',
          '只能分派给有权处置该预警的本辖区、本部门人员',
          'Assign only to staff of the region and department who may handle warnings',
          {
            errors: [
              {
                path: 'assigneeUserId',
                code: 'invalid_assignee',
                messageZh: 'assigneeUserId：该人员不能处置此预警',
                messageEn: 'assigneeUserId: this user cannot handle the warning',
              },
            ],
          },
        );
      }
      note = `${assignee.username}${input.note ? `：${input.note}` : ''}`;
      await tx.execute(sql`UPDATE credit_alert SET status = ${to}, assignee_user_id = ${assignee.userId}, assignee_name = ${assignee.username},
        version = version + 1 WHERE id = ${id}`);
    } else if (input.action === 'check') {
      note = `${input.confirmed ? '属实' : '不属实'}：${input.findings}`;
      await tx.execute(sql`UPDATE credit_alert SET status = ${to}, check_findings = ${input.findings}, confirmed = ${input.confirmed},
        version = version + 1 WHERE id = ${id}`);
      if (input.confirmed) {
        const s = await resolveSubject(tx, { type: 'establishment', id: Number(a.establishment_id) });
        if (s) {
          await recordEntry(
            tx,
            {
              subject: s,
              kind: 'warning_confirmed',
              occurredOn: today,
              summaryZh: `风险预警经核查属实：${a.summary_zh}`,
              summaryEn: `Warning confirmed: ${a.summary_en}`,
              citation: parse(a.citation),
              source: { module: 'credit', type: 'alert', id },
              data: { ruleCode: a.rule_code },
              recordedBy: { userId: actor.userId, name: actor.username },
            },
            at,
          );
        }
      }
    } else {
      checkDisposition(a.confirmed, input.disposition);
      note = `${DISPOSITION_NAMES[input.disposition].zh}：${input.note}`;
      await tx.execute(sql`UPDATE credit_alert SET status = ${to}, disposition = ${input.disposition}, disposition_note = ${input.note},
        handled_at = ${at.toISOString()}, handled_on = ${today}, version = version + 1 WHERE id = ${id}`);
      await emitEvent(
        tx,
        {
          type: 'credit.alert.handled',
          aggregateType: 'credit_alert',
          aggregateId: id,
          payload: {
            alertId: id,
            establishmentId: Number(a.establishment_id),
            practitionerId: a.practitioner_id === null ? null : Number(a.practitioner_id),
            ruleCode: a.rule_code,
            disposition: input.disposition,
            confirmed: a.confirmed,
            findings: a.check_findings,
            note: input.note,
            handledOn: today,
            onTime: today <= a.due_on,
            departmentCode: a.department_code,
          },
        },
        at,
      );
    }
    await tx.execute(sql`INSERT INTO credit_alert_action (alert_id, action, from_status, to_status, note, at, by_user_id, by_name)
      VALUES (${id}, ${input.action}, ${a.status}, ${to}, ${note}, ${at.toISOString()}, ${actor.userId}, ${actor.username})`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: `credit.alert.${input.action}`,
        entityType: 'credit_alert',
        entityId: id,
        diff: { status: [a.status, to], note: [null, note] },
      },
      at,
    );
    if (input.action !== 'assign')
      await recomputeSubjects(tx, [{ type: 'establishment', id: Number(a.establishment_id) }], at);
  });
  return alertDetail(ctx.database.db, actor, id, today);
}

/**
 * Escalates unanswered warnings past their deadline: the level rises the day after the deadline and
 * again every `escalationWorkingDays`; each step is recorded, audited and told
 * (`credit.alert.escalated`), and the warning rises to the top of the inbox and of the units above.
 */
export async function escalateOverdue(opts: { ctx: AppContext; actor: Actor | null }): Promise<number> {
  const { ctx, actor } = opts;
  const at = ctx.now();
  const today = chinaDay(at);
  return ctx.database.db.transaction(async (tx) => {
    const names = await ruleNames(tx);
    const calendar = await loadCalendar(tx);
    const rows = await queryRows<AlertRow>(
      tx,
      sql`SELECT ${COLUMNS} FROM ${FROM} WHERE a.status <> 'handled' AND a.next_escalation_on <= ${today}
            ${actor ? sql`AND ${inRegionScope(actor, sql`a.region_code`)}` : sql``}
          ORDER BY a.id FOR UPDATE OF a`,
    );
    let n = 0;
    for (const a of rows) {
      const rule = names.get(a.rule_code);
      const { level, nextOn } = escalationLevel(calendar, a.due_on, today, {
        escalationWorkingDays: rule?.escalationWorkingDays ?? 5,
      });
      if (level <= a.escalation_level) {
        await tx.execute(sql`UPDATE credit_alert SET next_escalation_on = ${nextOn} WHERE id = ${a.id}`);
        continue;
      }
      n++;
      await tx.execute(sql`UPDATE credit_alert SET escalation_level = ${level}, escalated_at = ${at.toISOString()}, next_escalation_on = ${nextOn},
        version = version + 1 WHERE id = ${a.id}`);
      const note = `逾期未处置（期限 ${a.due_on}），升级至第 ${level} 级`;
      const by = actor ? { id: actor.userId, name: actor.username } : { id: null, name: 'system' };
      await tx.execute(sql`INSERT INTO credit_alert_action (alert_id, action, from_status, to_status, note, at, by_user_id, by_name)
        VALUES (${a.id}, 'escalate', ${a.status}, ${a.status}, ${note}, ${at.toISOString()}, ${by.id}, ${by.name})`);
      await recordAudit(
        tx,
        actor ? auditActorOf(actor) : SYSTEM_ACTOR,
        {
          action: 'credit.alert.escalate',
          entityType: 'credit_alert',
          entityId: Number(a.id),
          diff: { escalationLevel: [a.escalation_level, level] },
        },
        at,
      );
      await emitEvent(
        tx,
        {
          type: 'credit.alert.escalated',
          aggregateType: 'credit_alert',
          aggregateId: Number(a.id),
          payload: {
            alertId: Number(a.id),
            establishmentId: Number(a.establishment_id),
            ruleCode: a.rule_code,
            level,
            dueOn: a.due_on,
            status: a.status,
            regionCode: a.region_code,
            departmentCode: a.department_code,
            assigneeUserId: a.assignee_user_id === null ? null : Number(a.assignee_user_id),
          },
        },
        at,
      );
    }
    return n;
  });
}
