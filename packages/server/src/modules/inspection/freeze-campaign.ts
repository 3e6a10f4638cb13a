import {
  campaignTransition,
  checkStaffing,
  DomainError,
  expectedCounts,
  sealSnapshot,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { emitEvent } from '../../events/events.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { loadCampaign } from './campaign-queries.js';
import { chinaDay, dateText } from './dates.js';
import { gzipJson } from './record-store.js';
import { currentPolicy } from './reference-queries.js';
import { buildSnapshot } from './snapshot.js';

/**
 * Closes the pool (封存名录) before day D: the pool, roster, exclusions and parameters are frozen and
 * their hashes published (docs/draw-algorithm.md §5.2), so nothing can be edited once the public
 * randomness is known. Refused, before anything is frozen, when a stratum to be sampled has no
 * eligible inspectors (naming it) or the workload cap is too low.
 */
export async function freezeCampaign(opts: { ctx: AppContext; actor: Actor; id: number }): Promise<void> {
  const { ctx, actor, id } = opts;
  const at = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    const c = await loadCampaign(tx, actor, id, true);
    const next = campaignTransition(c.status, 'freeze');
    if (chinaDay(at) >= dateText(c.randomness_date)!) {
      throw new DomainError(
        'randomness_date_passed',
        `随机源已于 ${dateText(c.randomness_date)} 公布，名录须在此之前封存；请撤销本计划后重新编制`,
        `The sources became known on ${dateText(c.randomness_date)}; the pool had to close before; cancel and plan again`,
      );
    }
    const policy = await currentPolicy(tx);
    const stored = await buildSnapshot(tx, c, {
      at,
      recentInspectionDays: policy.values.recentInspectionExclusionDays,
    });
    const hashes = sealSnapshot(stored.snapshot);
    const counts = expectedCounts(stored.snapshot);
    checkStaffing(stored.snapshot, counts);
    const byId = new Map(stored.snapshot.params.strata.map((h) => [h.id, h]));
    const strata = counts.map((h) => ({
      ...h,
      ratio: byId.get(h.id)!.ratio,
      qualification: byId.get(h.id)!.qualification,
    }));
    const when = at.toISOString();
    await tx.execute(sql`INSERT INTO campaign_draw (campaign_id, snapshot_gz, pool_hash, roster_hash, exclusions_hash, params_hash,
        strata, frozen_at)
      VALUES (${id}, ${gzipJson(stored)}, ${hashes.pool}, ${hashes.roster}, ${hashes.exclusions}, ${hashes.params},
        ${JSON.stringify(strata)}::jsonb, ${when})`);
    await tx.execute(
      sql`UPDATE campaign SET status = ${next}, frozen_at = ${when}, updated_at = ${when} WHERE id = ${id}`,
    );
    const summary = {
      pool: stored.snapshot.pool.length,
      roster: stored.snapshot.roster.length,
      exclusions: stored.snapshot.exclusions.length,
      expected: counts.reduce((n, h) => n + h.sample, 0),
    };
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'inspection.campaign.freeze',
        entityType: 'campaign',
        entityId: id,
        diff: {
          status: [c.status, next],
          ...Object.fromEntries(Object.entries({ ...hashes, ...summary }).map(([k, v]) => [k, [null, v]])),
        },
      },
      at,
    );
    await emitEvent(
      tx,
      {
        type: 'inspection.campaign.frozen',
        aggregateType: 'campaign',
        aggregateId: id,
        payload: { campaignNo: c.campaign_no, hashes, ...summary },
      },
      at,
    );
  });
}
