import { campaignTransition, DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { diffOf, recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { type CampaignInput, type ResolvedCampaign, resolveCampaign } from './campaign-input.js';
import { type CampaignRow, loadCampaign } from './campaign-queries.js';
import { dateText } from './dates.js';

/** The next public number of a region and year: 370112-2026-0001, 0002 … */
async function nextCampaignNo(tx: Executor, regionCode: string, year: string): Promise<string> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(72023)`);
  const prefix = `${regionCode}-${year}-`;
  const last = await queryOne<{ n: number }>(
    tx,
    sql`SELECT coalesce(max(split_part(campaign_no, '-', 3)::int), 0)::int AS n
        FROM campaign WHERE campaign_no LIKE ${`${prefix}%`}`,
  );
  return `${prefix}${String((last?.n ?? 0) + 1).padStart(4, '0')}`;
}

const snapshot = (v: ResolvedCampaign) => v as unknown as Record<string, unknown>;

/** Creates a draft plan (抽查计划) owned by the actor's unit. */
export async function createCampaign(opts: {
  ctx: AppContext;
  actor: Actor;
  input: CampaignInput;
}): Promise<number> {
  const { ctx, actor, input } = opts;
  const at = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const v = await resolveCampaign(tx, actor, input, at);
    const unit = actor.unit!;
    const no = await nextCampaignNo(tx, unit.regionCode, v.periodStart.slice(0, 4));
    const row = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO campaign (campaign_no, title, description, owner_unit_id, department_code, region_code, departments, kinds,
            region_codes, item_codes, item_list_version, period_start, period_end, sampling, team_size, workload_cap, cross_region,
            year_target, randomness_date, sources, status, policy_version, created_at, created_by, created_by_name, updated_at)
          VALUES (${no}, ${v.title}, ${v.description}, ${unit.id}, ${unit.departmentCode}, ${unit.regionCode},
            ${sql.param(v.departments)}::text[], ${sql.param(v.kinds)}::text[], ${sql.param(v.regionCodes)}::text[],
            ${sql.param(v.itemCodes)}::text[], ${v.itemListVersion}, ${v.periodStart}, ${v.periodEnd}, ${JSON.stringify(v.sampling)}::jsonb,
            ${v.teamSize}, ${v.workloadCap}, ${v.crossRegion}, ${v.yearTarget}, ${v.randomnessDate}, ${JSON.stringify(v.sources)}::jsonb,
            'draft', ${v.policyVersion}, ${at.toISOString()}, ${actor.userId}, ${actor.username}, ${at.toISOString()})
          RETURNING id`,
    );
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'inspection.campaign.create',
        entityType: 'campaign',
        entityId: row!.id,
        diff: diffOf(null, { campaignNo: no, ...snapshot(v) }),
      },
      at,
    );
    return Number(row!.id);
  });
}

function resolvedOf(r: CampaignRow): CampaignInput {
  return {
    title: r.title,
    description: r.description,
    departments: r.departments,
    kinds: r.kinds as CampaignInput['kinds'],
    regionCodes: r.region_codes,
    itemCodes: r.item_codes,
    periodStart: dateText(r.period_start)!,
    periodEnd: dateText(r.period_end)!,
    sampling: r.sampling as CampaignInput['sampling'],
    teamSize: r.team_size,
    workloadCap: r.workload_cap,
    crossRegion: r.cross_region,
    yearTarget: r.year_target,
    randomnessDate: dateText(r.randomness_date)!,
    sources: r.sources,
  };
}

/** Edits a draft plan; refused once the plan is approved (and always after the draw). */
export async function updateCampaign(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  patch: Partial<CampaignInput> & { expectedVersion?: number | undefined };
}): Promise<void> {
  const { ctx, actor, id, patch } = opts;
  const at = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    const cur = await loadCampaign(tx, actor, id, true);
    campaignTransition(cur.status, 'edit');
    if (patch.expectedVersion !== undefined && patch.expectedVersion !== cur.version) {
      throw new DomainError(
        'version_conflict',
        `该计划已被他人修改（当前版本 ${cur.version}）`,
        `The plan has changed (now version ${cur.version})`,
        {
          currentVersion: cur.version,
        },
      );
    }
    const { expectedVersion: _, ...fields } = patch;
    const before = resolvedOf(cur);
    const merged: CampaignInput = {
      ...before,
      ...(Object.fromEntries(
        Object.entries(fields).filter(([, v]) => v !== undefined),
      ) as Partial<CampaignInput>),
    };
    const v = await resolveCampaign(tx, actor, merged, at);
    const diff = diffOf({ ...before, itemListVersion: cur.item_list_version }, snapshot(v));
    delete diff.policyVersion;
    if (Object.keys(diff).length === 0) return;
    await tx.execute(sql`UPDATE campaign SET title = ${v.title}, description = ${v.description},
      departments = ${sql.param(v.departments)}::text[], kinds = ${sql.param(v.kinds)}::text[], region_codes = ${sql.param(v.regionCodes)}::text[],
      item_codes = ${sql.param(v.itemCodes)}::text[], item_list_version = ${v.itemListVersion}, period_start = ${v.periodStart},
      period_end = ${v.periodEnd}, sampling = ${JSON.stringify(v.sampling)}::jsonb, team_size = ${v.teamSize}, workload_cap = ${v.workloadCap},
      cross_region = ${v.crossRegion}, year_target = ${v.yearTarget}, randomness_date = ${v.randomnessDate},
      sources = ${JSON.stringify(v.sources)}::jsonb, policy_version = ${v.policyVersion}, version = version + 1, updated_at = ${at.toISOString()}
      WHERE id = ${id}`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      { action: 'inspection.campaign.update', entityType: 'campaign', entityId: id, diff },
      at,
    );
  });
}
