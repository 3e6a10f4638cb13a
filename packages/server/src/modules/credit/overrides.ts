import { CREDIT_LEVELS, DomainError, RISK_LEVELS, SUPERVISION_MODES } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { recordEntry } from './entries.js';
import { subjectInScope } from './queries.js';
import { recomputeSubjects } from './recompute.js';
import type { overrideInputSchema } from './schemas.js';
import { chinaDay, creditNotFound } from './scope.js';

const ALLOWED: Record<string, readonly string[]> = {
  mode: SUPERVISION_MODES,
  risk_level: RISK_LEVELS,
  credit_level: CREDIT_LEVELS,
};
const TARGET_ZH = { mode: '监管方式', risk_level: '风险等级', credit_level: '信用等级' } as const;

/**
 * A supervisor overrides an establishment's mode, risk level or credit level with a written reason
 * (refused without one), replacing any active override of the same target; audited, in the file,
 * and the profile is recomputed (so the change reaches the strata and the other modules).
 */
export async function setOverride(opts: {
  ctx: AppContext;
  actor: Actor;
  establishmentId: number;
  input: z.infer<typeof overrideInputSchema>;
}) {
  const { ctx, actor, establishmentId, input } = opts;
  const at = ctx.now();
  const today = chinaDay(at);
  if (!ALLOWED[input.target]!.includes(input.value)) {
    throw new DomainError(
      'invalid_override',
      `${TARGET_ZH[input.target]}取值无效：${input.value}`,
      `Invalid ${input.target}: ${input.value}`,
      {
        errors: [
          {
            path: 'value',
            code: 'invalid_override',
            messageZh: `value：应为 ${ALLOWED[input.target]!.join('、')}`,
            messageEn: `value: one of ${ALLOWED[input.target]!.join(', ')}`,
          },
        ],
      },
    );
  }
  if (input.inspectionsPerYear !== undefined && input.target !== 'mode') {
    throw new DomainError(
      'invalid_override',
      '只有调整监管方式时可设检查频次',
      'A frequency goes only with a mode override',
      {
        errors: [
          {
            path: 'inspectionsPerYear',
            code: 'invalid_override',
            messageZh: 'inspectionsPerYear：仅适用于监管方式',
            messageEn: 'inspectionsPerYear: only with target mode',
          },
        ],
      },
    );
  }
  if (input.validUntil !== undefined && input.validUntil < today) {
    throw new DomainError('invalid_override', '有效期不能早于今天', 'validUntil is in the past', {
      errors: [
        {
          path: 'validUntil',
          code: 'invalid_override',
          messageZh: 'validUntil：不能早于今天',
          messageEn: 'validUntil: in the past',
        },
      ],
    });
  }
  return ctx.database.db.transaction(async (tx) => {
    const s = await subjectInScope(tx, actor, { type: 'establishment', id: establishmentId });
    if (actor.kind !== 'staff') throw creditNotFound('establishment', establishmentId);
    const previous = await queryOne<{ id: number; value: string }>(
      tx,
      sql`SELECT id, value FROM credit_override WHERE establishment_id = ${establishmentId} AND target = ${input.target} AND status = 'active' FOR UPDATE`,
    );
    if (previous) {
      await tx.execute(sql`UPDATE credit_override SET status = 'revoked', revoked_at = ${at.toISOString()}, revoked_by = ${actor.userId},
        revoke_reason = ${`由新的调整替代：${input.reason}`} WHERE id = ${previous.id}`);
    }
    const row = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO credit_override (establishment_id, region_code, target, value, inspections_per_year, reason, valid_until, created_at, created_by, created_by_name)
          VALUES (${establishmentId}, ${s.regionCode}, ${input.target}, ${input.value}, ${input.inspectionsPerYear ?? null}, ${input.reason},
            ${input.validUntil ?? null}, ${at.toISOString()}, ${actor.userId}, ${actor.username}) RETURNING id`,
    );
    const id = Number(row!.id);
    await recordEntry(
      tx,
      {
        subject: s,
        kind: 'override_recorded',
        occurredOn: today,
        summaryZh: `人工调整${TARGET_ZH[input.target]}为 ${input.value}${input.validUntil ? `（至 ${input.validUntil}）` : ''}：${input.reason}`,
        summaryEn: `${input.target} overridden to ${input.value}: ${input.reason}`,
        source: { module: 'credit', type: 'override', id },
        data: { target: input.target, value: input.value },
        recordedBy: { userId: actor.userId, name: actor.username },
      },
      at,
    );
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'credit.override.set',
        entityType: 'credit_override',
        entityId: id,
        diff: {
          establishmentId: [null, establishmentId],
          target: [null, input.target],
          value: [previous?.value ?? null, input.value],
          reason: [null, input.reason],
          validUntil: [null, input.validUntil ?? null],
        },
      },
      at,
    );
    await recomputeSubjects(tx, [{ type: 'establishment', id: establishmentId }], at);
    return id;
  });
}

export async function revokeOverride(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  reason: string;
}): Promise<number> {
  const { ctx, actor, id, reason } = opts;
  const at = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const o = await queryOne<{ establishment_id: number; status: string; target: string; value: string }>(
      tx,
      sql`SELECT establishment_id, status, target, value FROM credit_override WHERE id = ${id} FOR UPDATE`,
    );
    if (!o || actor.kind !== 'staff') throw creditNotFound('override', id);
    const s = await subjectInScope(tx, actor, {
      type: 'establishment',
      id: Number(o.establishment_id),
    }).catch(() => {
      throw creditNotFound('override', id);
    });
    if (o.status !== 'active')
      throw new DomainError('invalid_transition', '该调整已撤销', 'The override is already revoked', {
        allowedActions: [],
      });
    await tx.execute(sql`UPDATE credit_override SET status = 'revoked', revoked_at = ${at.toISOString()}, revoked_by = ${actor.userId},
      revoke_reason = ${reason} WHERE id = ${id}`);
    await recordEntry(
      tx,
      {
        subject: s,
        kind: 'override_recorded',
        occurredOn: chinaDay(at),
        summaryZh: `撤销人工调整（${o.target} = ${o.value}）：${reason}`,
        summaryEn: `Override of ${o.target} revoked: ${reason}`,
        source: { module: 'credit', type: 'override', id },
        recordedBy: { userId: actor.userId, name: actor.username },
      },
      at,
    );
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'credit.override.revoke',
        entityType: 'credit_override',
        entityId: id,
        diff: { status: ['active', 'revoked'], reason: [null, reason] },
      },
      at,
    );
    await recomputeSubjects(tx, [{ type: 'establishment', id: s.id }], at);
    return s.id;
  });
}
