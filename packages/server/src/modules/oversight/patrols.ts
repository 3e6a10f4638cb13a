import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { checkCampaignCoversGrid } from './campaign-coverage.js';
import { gridInScope, loadGrid } from './grid-scope.js';
import { claimPatrolPhotos } from './patrol-photos.js';

export interface PatrolPlan {
  place: string;
  plannedOn: string;
  officerUserId?: number | undefined;
  campaignId?: number | undefined;
}

/** 日常巡查: plans a patrol of a grid (optionally counting towards a special campaign). */
export async function planPatrol(opts: { ctx: AppContext; actor: Actor; gridId: number; input: PatrolPlan }) {
  const { ctx, actor, input } = opts;
  return ctx.database.db.transaction(async (tx) => {
    const grid = await loadGrid(tx, actor, opts.gridId);
    if (input.officerUserId !== undefined) {
      const member = await queryOne(
        tx,
        sql`SELECT 1 AS ok FROM oversight_grid_staff WHERE grid_id = ${grid.id} AND user_id = ${input.officerUserId}`,
      );
      if (!member) {
        throw new DomainError(
          'validation_failed',
          '巡查人员须为该网格的人员',
          'The patrolling officer must be one of the grid’s staff',
        );
      }
    }
    if (input.campaignId !== undefined) await checkCampaignCoversGrid(tx, grid, input.campaignId);
    const r = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO oversight_patrol (grid_id, campaign_id, place, planned_on, officer_user_id, status, created_at)
          VALUES (${grid.id}, ${input.campaignId ?? null}, ${input.place}, ${input.plannedOn}, ${input.officerUserId ?? null},
            'planned', ${ctx.now().toISOString()}) RETURNING id`,
    );
    const id = Number(r!.id);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'oversight.patrol.plan',
        entityType: 'oversight_patrol',
        entityId: String(id),
        diff: { grid: [null, grid.code], place: [null, input.place], plannedOn: [null, input.plannedOn] },
      },
      ctx.now(),
    );
    return id;
  });
}

export interface PatrolRecord {
  findings: string;
  problemFound: boolean;
  photos: string[];
}

/** Records a planned patrol as done: findings, whether a problem was found, the photos uploaded for it. */
export async function recordPatrol(opts: {
  ctx: AppContext;
  actor: Actor;
  patrolId: number;
  input: PatrolRecord;
}) {
  const { ctx, actor, input } = opts;
  return ctx.database.db.transaction(async (tx) => {
    const p = await queryOne<{ id: number; status: string }>(
      tx,
      sql`SELECT p.id, p.status FROM oversight_patrol p JOIN oversight_grid g ON g.id = p.grid_id
          WHERE p.id = ${opts.patrolId} AND ${gridInScope(actor)} FOR UPDATE OF p`,
    );
    if (!p)
      throw new DomainError(
        'not_found',
        `巡查 ${opts.patrolId} 不存在`,
        `Patrol ${opts.patrolId} does not exist`,
      );
    if (p.status !== 'planned') {
      throw new DomainError(
        'invalid_transition',
        '该巡查已记录或已取消',
        'The patrol is already recorded or cancelled',
      );
    }
    // Who patrolled: the planned officer, else the one who records it.
    await tx.execute(sql`UPDATE oversight_patrol SET status = 'done', patrolled_at = ${ctx.now().toISOString()},
        officer_user_id = COALESCE(officer_user_id, ${actor.userId}),
        findings = ${input.findings}, problem_found = ${input.problemFound}, photos = ${JSON.stringify([...new Set(input.photos)])}::jsonb
      WHERE id = ${opts.patrolId}`);
    // Only photos the actor uploaded and no record holds yet (a bare hash proves nothing).
    await claimPatrolPhotos(tx, actor, opts.patrolId, input.photos);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'oversight.patrol.record',
        entityType: 'oversight_patrol',
        entityId: String(opts.patrolId),
        diff: { status: ['planned', 'done'], problemFound: [null, input.problemFound] },
      },
      ctx.now(),
    );
  });
}
