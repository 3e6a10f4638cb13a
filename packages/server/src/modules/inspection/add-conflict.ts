import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { establishmentFactsOf } from '../registry/pool-queries.js';
import { loadInspector } from './roster-queries.js';
import { notFound } from './scope.js';

/**
 * Records a conflict of interest (回避): by a supervisor with inspection.roster.manage for any
 * officer in scope ("recorded"), or by officers for themselves ("declared"). The establishment may
 * lie anywhere (a former employer in another county still counts).
 */
export async function addConflict(opts: {
  ctx: AppContext;
  actor: Actor;
  inspectorId: number;
  input: { establishmentId: number; reason: 'former_employer' | 'relative' | 'other'; note: string };
}): Promise<number> {
  const { ctx, actor, inspectorId, input } = opts;
  const at = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const own = await queryOne<{ id: number }>(
      tx,
      sql`SELECT id FROM inspector WHERE id = ${inspectorId} AND user_id = ${actor.userId}`,
    );
    if (actor.permissions.has('inspection.roster.manage')) await loadInspector(tx, actor, inspectorId);
    else if (!own || !actor.permissions.has('inspection.conflict.declare'))
      throw notFound('inspector', inspectorId);
    if (!(await establishmentFactsOf(tx, [input.establishmentId])).has(input.establishmentId)) {
      throw new DomainError(
        'not_found',
        `监管对象 ${input.establishmentId} 不存在`,
        `No establishment ${input.establishmentId}`,
        {
          errors: [
            {
              path: 'establishmentId',
              code: 'not_found',
              messageZh: '监管对象不存在',
              messageEn: 'No such establishment',
            },
          ],
        },
      );
    }
    const existing = await queryOne<{ id: number }>(
      tx,
      sql`SELECT id FROM inspector_conflict WHERE inspector_id = ${inspectorId} AND establishment_id = ${input.establishmentId} AND ended_at IS NULL`,
    );
    if (existing) {
      throw new DomainError('conflict', '该回避关系已登记', 'This conflict is already on record', {
        id: Number(existing.id),
      });
    }
    const source = own ? 'declared' : 'recorded';
    const row = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO inspector_conflict (inspector_id, establishment_id, reason, note, source, created_at, created_by, created_by_name)
          VALUES (${inspectorId}, ${input.establishmentId}, ${input.reason}, ${input.note}, ${source}, ${at.toISOString()},
            ${actor.userId}, ${actor.username}) RETURNING id`,
    );
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'inspection.conflict.add',
        entityType: 'inspector',
        entityId: inspectorId,
        diff: {
          establishmentId: [null, input.establishmentId],
          reason: [null, input.reason],
          source: [null, source],
        },
      },
      at,
    );
    return Number(row!.id);
  });
}

/** Ends a conflict link (kept for history): supervisors only. */
export async function endConflict(opts: {
  ctx: AppContext;
  actor: Actor;
  inspectorId: number;
  conflictId: number;
  reason: string;
}): Promise<void> {
  const { ctx, actor, inspectorId, conflictId, reason } = opts;
  const at = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    await loadInspector(tx, actor, inspectorId);
    const row = await queryOne<{ id: number; ended_at: string | null }>(
      tx,
      sql`SELECT id, ended_at FROM inspector_conflict WHERE id = ${conflictId} AND inspector_id = ${inspectorId} FOR UPDATE`,
    );
    if (!row) throw notFound('conflict', conflictId);
    if (row.ended_at !== null)
      throw new DomainError('conflict', '该回避关系已结束', 'This conflict has already ended');
    await tx.execute(sql`UPDATE inspector_conflict SET ended_at = ${at.toISOString()}, ended_by = ${actor.userId}, end_reason = ${reason}
      WHERE id = ${conflictId}`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'inspection.conflict.end',
        entityType: 'inspector',
        entityId: inspectorId,
        diff: { conflictId: [conflictId, null], reason: [null, reason] },
      },
      at,
    );
  });
}
