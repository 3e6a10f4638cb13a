import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { gridInScope, loadGrid } from './grid-scope.js';

export interface RecheckInput {
  establishmentId: number;
  source: 'penalty' | 'rectification' | 'campaign' | 'manual';
  sourceRef: string;
  dueOn: string;
}

/** 回头看: a re-check of an establishment in the grid's areas, after a penalty, rectification or campaign. */
export async function createRecheck(opts: {
  ctx: AppContext;
  actor: Actor;
  gridId: number;
  input: RecheckInput;
}) {
  const { ctx, actor, input } = opts;
  return ctx.database.db.transaction(async (tx) => {
    const grid = await loadGrid(tx, actor, opts.gridId);
    const inArea = await queryOne(
      tx,
      sql`SELECT 1 AS ok FROM oversight_establishment e JOIN oversight_grid_area a ON e.region_code LIKE a.area_code || '%'
          WHERE e.id = ${input.establishmentId} AND a.grid_id = ${grid.id}`,
    );
    if (!inArea) {
      throw new DomainError(
        'validation_failed',
        `监管对象 ${input.establishmentId} 不在网格「${grid.name}」的区域内`,
        `Establishment ${input.establishmentId} is not in the areas of grid ${grid.code}`,
      );
    }
    const r = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO oversight_recheck_task (grid_id, establishment_id, source, source_ref, due_on, status, created_at)
          VALUES (${grid.id}, ${input.establishmentId}, ${input.source}, ${input.sourceRef}, ${input.dueOn}, 'open', ${ctx.now().toISOString()})
          RETURNING id`,
    );
    const id = Number(r!.id);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'oversight.recheck.create',
        entityType: 'oversight_recheck_task',
        entityId: String(id),
        diff: {
          grid: [null, grid.code],
          establishmentId: [null, input.establishmentId],
          dueOn: [null, input.dueOn],
        },
      },
      ctx.now(),
    );
    return id;
  });
}

/** Closes a re-check with what it found. */
export async function completeRecheck(opts: {
  ctx: AppContext;
  actor: Actor;
  recheckId: number;
  input: { doneOn: string; result: string };
}) {
  const { ctx, actor, input } = opts;
  return ctx.database.db.transaction(async (tx) => {
    const r = await queryOne<{ status: string }>(
      tx,
      sql`SELECT r.status FROM oversight_recheck_task r JOIN oversight_grid g ON g.id = r.grid_id
          WHERE r.id = ${opts.recheckId} AND ${gridInScope(actor)} FOR UPDATE OF r`,
    );
    if (!r)
      throw new DomainError(
        'not_found',
        `回头看任务 ${opts.recheckId} 不存在`,
        `Re-check ${opts.recheckId} does not exist`,
      );
    if (r.status !== 'open')
      throw new DomainError('invalid_transition', '该任务已完成', 'The re-check is already done');
    await tx.execute(
      sql`UPDATE oversight_recheck_task SET status = 'done', done_on = ${input.doneOn}, result = ${input.result} WHERE id = ${opts.recheckId}`,
    );
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'oversight.recheck.complete',
        entityType: 'oversight_recheck_task',
        entityId: String(opts.recheckId),
        diff: { status: ['open', 'done'], result: [null, input.result] },
      },
      ctx.now(),
    );
  });
}
