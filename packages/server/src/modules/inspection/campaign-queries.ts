import {
  availableCampaignActions,
  CAMPAIGN_STATUS_NAMES,
  type CampaignStatus,
  type SamplingMatrix,
} from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import type { campaignListQuerySchema, campaignSchema } from './campaign-schemas.js';
import { dateText, recordPublicFrom } from './dates.js';
import { iso } from './reference-queries.js';
import { campaignInScope, notFound } from './scope.js';

export interface CampaignRow {
  id: number;
  campaign_no: string;
  title: string;
  description: string;
  owner_unit_id: number;
  owner_unit_name: string;
  department_code: string;
  region_code: string;
  departments: string[];
  kinds: string[];
  region_codes: string[];
  item_codes: string[];
  item_list_version: number;
  period_start: string;
  period_end: string;
  sampling: SamplingMatrix;
  team_size: number;
  workload_cap: number | null;
  cross_region: boolean;
  year_target: number;
  randomness_date: string;
  sources: { id: string; description: string }[];
  commitment: string | null;
  nonce_enc: string | null;
  status: CampaignStatus;
  policy_version: number;
  version: number;
  created_at: Date | string;
  created_by: number | null;
  created_by_name: string | null;
  approved_at: Date | string | null;
  approved_by_name: string | null;
  published_at: Date | string | null;
  frozen_at: Date | string | null;
  drawn_at: Date | string | null;
  cancelled_at: Date | string | null;
  cancel_reason: string | null;
}

const COLUMNS = sql`c.*, un.name AS owner_unit_name`;
const FROM = sql`FROM campaign c JOIN unit un ON un.id = c.owner_unit_id`;

/** A campaign the actor may see (404 otherwise); `forUpdate` locks it for the transaction. */
export async function loadCampaign(
  db: Executor,
  actor: Actor,
  id: number,
  forUpdate = false,
): Promise<CampaignRow> {
  const r = await queryOne<CampaignRow>(
    db,
    sql`SELECT ${COLUMNS} ${FROM} WHERE c.id = ${id} AND ${campaignInScope(actor)} ${forUpdate ? sql`FOR UPDATE OF c` : sql``}`,
  );
  if (!r) throw notFound('campaign', id);
  return r;
}

interface DrawRow {
  campaign_id: number;
  pool_hash: string;
  roster_hash: string;
  exclusions_hash: string;
  params_hash: string;
  strata: { id: string; ratio: string; qualification: string | null; population: number; sample: number }[];
  frozen_at: Date | string;
  sources_hash: string | null;
  seed: string | null;
  draw_hash: string | null;
  record_sha256: string | null;
  drawn_at: Date | string | null;
}

type Progress = z.infer<typeof campaignSchema>['progress'];

async function extras(db: Executor, ids: number[]) {
  if (ids.length === 0) return { draws: new Map<number, DrawRow>(), progress: new Map<number, Progress>() };
  const draws = await queryRows<DrawRow>(
    db,
    sql`SELECT campaign_id, pool_hash, roster_hash, exclusions_hash, params_hash, strata, frozen_at, sources_hash, seed,
          draw_hash, record_sha256, drawn_at FROM campaign_draw WHERE campaign_id = ANY(${sql.param(ids)}::bigint[])`,
  );
  const progress = await queryRows<Progress & { campaign_id: number }>(
    db,
    sql`SELECT campaign_id,
          count(*) FILTER (WHERE task_kind = 'random' AND status <> 'replaced')::int AS targets,
          count(*) FILTER (WHERE task_kind = 'random' AND status = 'completed')::int AS completed,
          count(*) FILTER (WHERE status = 'replaced')::int AS replaced,
          count(*) FILTER (WHERE task_kind = 'random' AND outcome = 'non_compliant')::int AS "nonCompliant",
          count(*) FILTER (WHERE published_at IS NOT NULL)::int AS published,
          count(*) FILTER (WHERE task_kind = 'reinspection')::int AS reinspections
        FROM inspection WHERE campaign_id = ANY(${sql.param(ids)}::bigint[]) GROUP BY campaign_id`,
  );
  return {
    draws: new Map(draws.map((d) => [Number(d.campaign_id), d])),
    progress: new Map(progress.map(({ campaign_id, ...p }) => [Number(campaign_id), p])),
  };
}

export function presentCampaign(
  r: CampaignRow,
  draw: DrawRow | undefined,
  progress: Progress | undefined,
): z.infer<typeof campaignSchema> {
  return {
    id: Number(r.id),
    campaignNo: r.campaign_no,
    title: r.title,
    description: r.description,
    status: r.status,
    statusName: CAMPAIGN_STATUS_NAMES[r.status],
    availableActions: availableCampaignActions(r.status),
    ownerUnit: { id: Number(r.owner_unit_id), name: r.owner_unit_name },
    departmentCode: r.department_code,
    regionCode: r.region_code,
    departments: r.departments,
    joint: r.departments.length > 1,
    kinds: r.kinds as never,
    regionCodes: r.region_codes,
    itemCodes: r.item_codes,
    itemListVersion: r.item_list_version,
    periodStart: dateText(r.period_start)!,
    periodEnd: dateText(r.period_end)!,
    sampling: r.sampling,
    teamSize: r.team_size,
    workloadCap: r.workload_cap,
    crossRegion: r.cross_region,
    yearTarget: r.year_target,
    randomnessDate: dateText(r.randomness_date)!,
    sources: r.sources,
    commitment: r.commitment,
    nonceHeldByPlatform: r.nonce_enc !== null,
    policyVersion: r.policy_version,
    version: r.version,
    createdAt: iso(r.created_at)!,
    createdBy: r.created_by_name,
    approvedAt: iso(r.approved_at),
    approvedBy: r.approved_by_name,
    publishedAt: iso(r.published_at),
    frozenAt: iso(r.frozen_at),
    drawnAt: iso(r.drawn_at),
    cancelledAt: iso(r.cancelled_at),
    cancelReason: r.cancel_reason,
    recordPublicFrom: recordPublicFrom(dateText(r.period_end)!),
    draw: draw
      ? {
          poolHash: draw.pool_hash,
          rosterHash: draw.roster_hash,
          exclusionsHash: draw.exclusions_hash,
          paramsHash: draw.params_hash,
          strata: draw.strata,
          frozenAt: iso(draw.frozen_at)!,
          sourcesHash: draw.sources_hash,
          seed: draw.seed,
          drawHash: draw.draw_hash,
          recordSha256: draw.record_sha256,
          drawnAt: iso(draw.drawn_at),
        }
      : null,
    progress: progress ?? {
      targets: 0,
      completed: 0,
      replaced: 0,
      nonCompliant: 0,
      published: 0,
      reinspections: 0,
    },
  };
}

export async function campaignDetail(db: Executor, actor: Actor, id: number) {
  const r = await loadCampaign(db, actor, id);
  const { draws, progress } = await extras(db, [Number(r.id)]);
  return presentCampaign(r, draws.get(Number(r.id)), progress.get(Number(r.id)));
}

export async function searchCampaigns(
  db: Executor,
  actor: Actor,
  q: z.infer<typeof campaignListQuerySchema>,
) {
  const where: SQL[] = [campaignInScope(actor)];
  if (q.status) where.push(sql`c.status = ${q.status}`);
  if (q.year) where.push(sql`extract(year FROM c.period_start) = ${q.year}`);
  const w = sql.join(where, sql` AND `);
  const rows = await queryRows<CampaignRow>(
    db,
    sql`SELECT ${COLUMNS} ${FROM} WHERE ${w} ORDER BY c.period_start DESC, c.id DESC
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const total = await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM campaign c WHERE ${w}`);
  const { draws, progress } = await extras(
    db,
    rows.map((r) => Number(r.id)),
  );
  return {
    items: rows.map((r) => presentCampaign(r, draws.get(Number(r.id)), progress.get(Number(r.id)))),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
