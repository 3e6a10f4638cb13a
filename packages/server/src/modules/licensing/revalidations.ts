import {
  DEFERRAL_CITATION,
  DomainError,
  deferralUntil,
  guardTransition,
  REVALIDATION_WORKFLOW,
  type RevalidationAction,
  type RevalidationState,
} from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import { emitEvent } from '../../events/events.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { inUnitScope, ownEstablishment } from '../identity/scope.js';
import { establishmentFacts } from '../registry/queries.js';
import { assertVersion, legalToday, notFound, REVALIDATION, workflowRoles } from './access.js';
import { permitVersion } from './catalogue.js';
import { endLicense, scheduleRevalidation } from './license-effects.js';
import { licenseById, recordLicenseEvent } from './license-record.js';

/**
 * 校验 on each type's cycle: a notice before the due date, the institution's submission, the outcome
 * (pass, or 暂缓校验 with a rectification period of 1–6 months), the re-check, and deregistration of
 * a licence that still fails. A pass schedules the next cycle.
 */
export interface RevalidationRow {
  id: number;
  license_id: number;
  license_number: string;
  license_name_zh: string;
  permit_code: string;
  establishment_id: number;
  establishment_name: string;
  cycle_years: number;
  due_on: string;
  notice_on: string;
  state: RevalidationState;
  noticed_on: string | null;
  submitted_on: string | null;
  submission: { summary: string } | null;
  decided_on: string | null;
  deferred_until: string | null;
  reasons: string | null;
  unit_id: number;
  unit_region_code: string;
  department_code: string;
  handler_user_id: number | null;
  version: number;
  updated_at: Date | string;
}

export const REVALIDATION_COLUMNS =
  sql.raw(`r.id, r.license_id, l.number AS license_number, l.license_name_zh, l.permit_code,
  l.establishment_id, l.establishment_name, r.cycle_years, r.due_on::text AS due_on, r.notice_on::text AS notice_on, r.state,
  r.noticed_on::text AS noticed_on, r.submitted_on::text AS submitted_on, r.submission, r.decided_on::text AS decided_on,
  r.deferred_until::text AS deferred_until, r.reasons, r.unit_id, r.unit_region_code, r.department_code, r.handler_user_id,
  r.version, r.updated_at`);

export function revalidationInScope(actor: Actor): SQL {
  return sql`(${inUnitScope(actor, sql`r.unit_region_code`, sql`r.department_code`)} OR ${ownEstablishment(actor, sql`l.establishment_id`)})`;
}

export async function loadRevalidation(
  db: Executor,
  actor: Actor,
  id: number,
  forUpdate = false,
): Promise<RevalidationRow> {
  const row = await queryOne<RevalidationRow>(
    db,
    sql`SELECT ${REVALIDATION_COLUMNS} FROM licensing_revalidation r JOIN licensing_license l ON l.id = r.license_id
        WHERE r.id = ${id} AND ${revalidationInScope(actor)} ${forUpdate ? sql`FOR UPDATE OF r` : sql``}`,
  );
  if (!row) throw notFound(REVALIDATION, id);
  return row;
}

export interface RevalidationActionInput {
  action: RevalidationAction;
  expectedVersion: number;
  months?: number | undefined;
  reasons?: string | undefined;
  summary?: string | undefined;
}

export async function actOnRevalidation(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: RevalidationActionInput;
}) {
  const { ctx, actor, id, input } = opts;
  const at = ctx.now();
  const today = legalToday(ctx);
  await ctx.database.db.transaction(async (tx) => {
    const r = await loadRevalidation(tx, actor, id, true);
    assertVersion(input.expectedVersion, r.version, REVALIDATION);
    const transition = guardTransition(
      REVALIDATION_WORKFLOW,
      r.state,
      input.action,
      workflowRoles(actor, r.establishment_id),
    );
    const license = await licenseById(tx, r.license_id, true);
    if (license.status !== 'valid') {
      throw new DomainError(
        'license_not_applicable',
        '许可证已失效，无需校验',
        'The licence is no longer valid',
        { status: license.status },
      );
    }
    const reasons = input.reasons?.trim() || null;
    const set: Record<string, unknown> = {};
    const staff = transition.roles.includes('approver');
    switch (input.action) {
      case 'send_notice':
        set.noticed_on = today;
        break;
      case 'submit':
        set.submitted_on = today;
        set.submission = JSON.stringify({ summary: input.summary ?? '' });
        break;
      case 'pass':
      case 'recheck_pass':
        set.decided_on = today;
        break;
      case 'defer': {
        if (!reasons) throw reasonsRequired();
        set.deferred_until = deferralUntil(today, input.months ?? 0);
        set.decided_on = today;
        break;
      }
      case 'recheck_fail': {
        if (!reasons) throw reasonsRequired();
        if (r.deferred_until && today <= r.deferred_until) {
          throw new DomainError(
            'deferral_running',
            `暂缓校验整改期至 ${r.deferred_until}，期满仍不合格的方可注销`,
            `The rectification period runs until ${r.deferred_until}; a licence is deregistered only after it`,
            { deferredUntil: r.deferred_until, citation: DEFERRAL_CITATION },
          );
        }
        set.decided_on = today;
        break;
      }
    }
    if (reasons) set.reasons = reasons;
    if (staff) set.handler_user_id = r.handler_user_id ?? actor.userId;
    const parts = Object.entries(set).map(([k, v]) =>
      k === 'submission' ? sql`${sql.identifier(k)} = ${v}::jsonb` : sql`${sql.identifier(k)} = ${v}`,
    );
    await tx.execute(
      sql`UPDATE licensing_revalidation SET ${sql.join(
        [
          ...parts,
          sql`state = ${transition.to}`,
          sql`version = version + 1`,
          sql`updated_at = ${at.toISOString()}`,
        ],
        sql`, `,
      )} WHERE id = ${id}`,
    );
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: `licensing.revalidation.${input.action}`,
        entityType: 'licensing_revalidation',
        entityId: id,
        diff: {
          state: [r.state, transition.to],
          ...(reasons ? { reasons: [null, reasons] } : {}),
          ...(set.deferred_until ? { deferredUntil: [null, set.deferred_until] } : {}),
        },
      },
      at,
    );
    if (transition.to === 'passed' || transition.to === 'deferred') {
      await recordLicenseEvent(tx, {
        licenseId: license.id,
        action: transition.to === 'passed' ? 'revalidation_passed' : 'revalidation_deferred',
        onDate: today,
        at,
        actor,
        diff: {
          revalidationId: [null, id],
          ...(set.deferred_until ? { deferredUntil: [null, set.deferred_until] } : {}),
        },
      });
    }
    if (transition.to === 'passed' || transition.to === 'deferred' || transition.to === 'failed') {
      await emitEvent(
        tx,
        {
          type: 'licensing.revalidation.decided',
          aggregateType: 'licensing_revalidation',
          aggregateId: id,
          payload: {
            licenseId: license.id,
            establishmentId: license.establishment_id,
            outcome: transition.to,
            decidedOn: today,
            deferredUntil: (set.deferred_until as string | undefined) ?? null,
            reasons,
          },
        },
        at,
      );
    }
    if (transition.to === 'passed') {
      const def = (await permitVersion(tx, license.permit_code, license.permit_version)).definition;
      const facts = await establishmentFacts(tx, license.establishment_id);
      await scheduleRevalidation(tx, license, def, facts?.beds ?? null, r.due_on, at);
    }
    if (transition.to === 'failed') {
      await endLicense({
        tx,
        actor,
        today,
        at,
        license,
        status: 'deregistered',
        reason: `暂缓校验期满仍不能通过校验，依法注销：${reasons}`,
        decisionNo: null,
      });
    }
  });
}

const reasonsRequired = () =>
  new DomainError('reasons_required', '请写明理由', 'State the reasons', {
    errors: [{ path: 'reasons', code: 'required', messageZh: '请写明理由', messageEn: 'State the reasons' }],
  });

/**
 * Sends the notices due by today for the revalidations in the actor's scope (every one when the
 * nightly job runs it with no actor); returns how many.
 */
export async function sendDueNotices(opts: { ctx: AppContext; actor: Actor | null }): Promise<number> {
  const { ctx, actor } = opts;
  const at = ctx.now();
  const today = legalToday(ctx);
  return ctx.database.db.transaction(async (tx) => {
    const due = await queryRows<{ id: number; license_id: number; establishment_id: number; due_on: string }>(
      tx,
      sql`SELECT r.id, r.license_id, l.establishment_id, r.due_on::text AS due_on
          FROM licensing_revalidation r JOIN licensing_license l ON l.id = r.license_id
          WHERE r.state = 'scheduled' AND r.notice_on <= ${today} AND l.status = 'valid'
            AND ${actor ? inUnitScope(actor, sql`r.unit_region_code`, sql`r.department_code`) : sql`TRUE`}
          ORDER BY r.due_on, r.id FOR UPDATE OF r`,
    );
    for (const r of due) {
      await tx.execute(sql`UPDATE licensing_revalidation SET state = 'noticed', noticed_on = ${today}, version = version + 1,
        updated_at = ${at.toISOString()} WHERE id = ${r.id}`);
      await emitEvent(
        tx,
        {
          type: 'licensing.revalidation.noticed',
          aggregateType: 'licensing_revalidation',
          aggregateId: r.id,
          payload: { establishmentId: r.establishment_id, licenseId: r.license_id, dueOn: r.due_on },
        },
        at,
      );
    }
    if (due.length) {
      await recordAudit(
        tx,
        actor ? auditActorOf(actor) : SYSTEM_ACTOR,
        {
          action: 'licensing.revalidation.send-notices',
          entityType: 'licensing_revalidation',
          entityId: null,
          diff: { ids: [null, due.map((r) => r.id)] },
        },
        at,
      );
    }
    return due.length;
  });
}
