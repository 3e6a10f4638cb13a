import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { checkCampaignCoversGrid } from './campaign-coverage.js';
import { type GridRow, loadGrid } from './grid-scope.js';
import { claimPatrolPhotos } from './patrol-photos.js';
import { chinaDay } from './period.js';

export interface FieldPatrolInput {
  /** The establishment visited (in the grid's areas), or */
  establishmentId?: number | undefined;
  /** a free address when the place is not a registered establishment. */
  address?: string | undefined;
  patrolledAt: string;
  findings: string;
  problemFound: boolean;
  photos: string[];
  campaignId?: number | undefined;
}

/** The place of a patrol: an establishment of the grid's areas (its name) or the address given. */
async function placeOf(tx: Executor, grid: GridRow, input: FieldPatrolInput) {
  if (input.establishmentId === undefined) {
    const address = input.address?.trim() ?? '';
    if (!address) {
      throw new DomainError(
        'validation_failed',
        '请选择巡查的监管对象或填写巡查地址',
        'Choose the establishment patrolled or give the address',
        {
          errors: [
            { path: 'address', code: 'required', messageZh: '请填写巡查地址', messageEn: 'Give the address' },
          ],
        },
      );
    }
    return { establishmentId: null, place: address };
  }
  const e = await queryOne<{ name: string }>(
    tx,
    sql`SELECT e.name FROM oversight_establishment e JOIN oversight_grid_area a ON e.region_code LIKE a.area_code || '%'
        WHERE e.id = ${input.establishmentId} AND a.grid_id = ${grid.id} LIMIT 1`,
  );
  if (!e) {
    throw new DomainError(
      'validation_failed',
      `监管对象 ${input.establishmentId} 不在网格「${grid.name}」的区域内`,
      `Establishment ${input.establishmentId} is not in the areas of grid ${grid.code}`,
    );
  }
  return { establishmentId: input.establishmentId, place: e.name };
}

/** The time of a patrol: not in the future, and within the last 30 days (a record is made on the day). */
function checkTime(patrolledAt: string, now: Date) {
  const at = new Date(patrolledAt);
  if (at.getTime() > now.getTime() + 5 * 60_000) {
    throw new DomainError(
      'validation_failed',
      '巡查时间不能晚于现在',
      'The patrol time cannot be in the future',
    );
  }
  if (at.getTime() < now.getTime() - 30 * 86_400_000) {
    throw new DomainError(
      'validation_failed',
      '巡查时间不能早于 30 天前，请按实补录并说明',
      'The patrol time cannot be more than 30 days ago',
    );
  }
  return at;
}

/**
 * 日常巡查记录 in the field: an officer of the grid records a patrol done now (not planned before):
 * the place (an establishment of the grid or a free address), the time, the findings and the
 * photos uploaded for it. One transaction; audited.
 */
export async function recordFieldPatrol(opts: {
  ctx: AppContext;
  actor: Actor;
  gridId: number;
  input: FieldPatrolInput;
}) {
  const { ctx, actor, input } = opts;
  const at = checkTime(input.patrolledAt, ctx.now());
  return ctx.database.db.transaction(async (tx) => {
    const grid = await loadGrid(tx, actor, opts.gridId);
    const place = await placeOf(tx, grid, input);
    if (input.campaignId !== undefined) await checkCampaignCoversGrid(tx, grid, input.campaignId);
    const r = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO oversight_patrol (grid_id, campaign_id, establishment_id, place, planned_on, officer_user_id, status,
            patrolled_at, findings, problem_found, photos, created_at)
          VALUES (${grid.id}, ${input.campaignId ?? null}, ${place.establishmentId}, ${place.place}, ${chinaDay(at)},
            ${actor.userId}, 'done', ${at.toISOString()}, ${input.findings}, ${input.problemFound},
            ${JSON.stringify([...new Set(input.photos)])}::jsonb, ${ctx.now().toISOString()}) RETURNING id`,
    );
    const id = Number(r!.id);
    await claimPatrolPhotos(tx, actor, id, input.photos);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'oversight.patrol.record',
        entityType: 'oversight_patrol',
        entityId: String(id),
        diff: {
          grid: [null, grid.code],
          place: [null, place.place],
          establishmentId: [null, place.establishmentId],
          patrolledAt: [null, at.toISOString()],
          problemFound: [null, input.problemFound],
          photos: [null, input.photos.length],
        },
      },
      ctx.now(),
    );
    return id;
  });
}
