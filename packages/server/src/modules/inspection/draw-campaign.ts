import { campaignTransition, DomainError, runDraw } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { emitEvent } from '../../events/events.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { freezeCampaignChecklists } from './campaign-checklists.js';
import { loadCampaign } from './campaign-queries.js';
import { chinaDay, dateText } from './dates.js';
import { encodeRecord, loadSnapshot } from './record-store.js';
import { insertTasks } from './tasks.js';

/**
 * The draw (docs/draw-algorithm.md §5–§7), once: on or after day D, with the published values of
 * the named sources and the nonce (held by the platform or brought from escrow), over the frozen
 * snapshot. Creates one inspection task per target for its team, with the merged checklist of
 * every participating department, and stores the record.
 */
export async function drawCampaign(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: { sourceValues: { id: string; value: string }[]; nonce?: string | undefined };
}): Promise<void> {
  const { ctx, actor, id, input } = opts;
  const at = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    const c = await loadCampaign(tx, actor, id, true);
    const next = campaignTransition(c.status, 'draw');
    const day = dateText(c.randomness_date)!;
    if (chinaDay(at) < day) {
      throw new DomainError(
        'randomness_not_yet_known',
        `随机源将于 ${day} 公布，届时方可抽取`,
        `The sources become known on ${day}; draw on or after that day`,
        { randomnessDate: day },
      );
    }
    const given = new Map(input.sourceValues.map((s) => [s.id, s.value]));
    const missing = c.sources.filter((s) => !given.has(s.id)).map((s) => s.id);
    const unknown = [...given.keys()].filter((k) => !c.sources.some((s) => s.id === k));
    if (missing.length || unknown.length || given.size !== input.sourceValues.length) {
      throw new DomainError(
        'invalid_sources',
        `须逐一填写计划中公布的随机源的值（缺少：${missing.join('、') || '无'}；未知：${unknown.join('、') || '无'}）`,
        `Enter one value for each source named in the plan (missing: ${missing.join(', ') || 'none'}; unknown: ${unknown.join(', ') || 'none'})`,
        { missing, unknown },
      );
    }
    const sources = c.sources.map((s) => ({ id: s.id, description: s.description, value: given.get(s.id)! }));
    let nonce = input.nonce;
    if (c.nonce_enc !== null) nonce = ctx.secrets.decrypt(c.nonce_enc);
    if (!nonce) {
      throw new DomainError(
        'nonce_required',
        '随机数由公证机构保管：抽取时须提交随机数（nonce）',
        'The nonce is held in escrow: enter it to draw',
      );
    }
    const stored = await loadSnapshot(tx, id);
    const record = runDraw({
      campaign: c.campaign_no,
      commitment: c.commitment!,
      nonce,
      sources,
      snapshot: stored.snapshot,
    });

    await freezeCampaignChecklists(tx, c);
    const indexOf = new Map(stored.snapshot.pool.map((e, i) => [e.code, i]));
    const rosterId = new Map(stored.snapshot.roster.map((r, i) => [r.certificateNo, stored.rosterIds[i]!]));
    const due = dateText(c.period_end)!;
    await insertTasks(
      tx,
      record.targets.map((t) => {
        const i = indexOf.get(t.code)!;
        return {
          campaignId: id,
          establishmentId: stored.poolIds[i]!,
          code: t.code,
          kind: stored.poolKinds[i]!,
          region: stored.snapshot.pool[i]!.region,
          departments: c.departments,
          taskKind: 'random' as const,
          parentId: null,
          stratum: t.stratum,
          key: t.key,
          replacementSeq: null,
          understaffed: t.understaffed,
          dueOn: due,
          team: t.team.map((cert) => rosterId.get(cert)!),
        };
      }),
      at,
    );
    const encoded = encodeRecord(record);
    const when = at.toISOString();
    await tx.execute(sql`UPDATE campaign_draw SET sources_hash = ${record.hashes.sources}, seed = ${record.seed},
      draw_hash = ${record.drawHash}, record_gz = ${encoded.gz}, record_sha256 = ${encoded.sha256}, drawn_at = ${when}
      WHERE campaign_id = ${id}`);
    await tx.execute(
      sql`UPDATE campaign SET status = ${next}, drawn_at = ${when}, updated_at = ${when} WHERE id = ${id}`,
    );
    const summary = {
      seed: record.seed,
      drawHash: record.drawHash,
      targets: record.targets.length,
      understaffed: record.targets.filter((t) => t.understaffed).length,
    };
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'inspection.campaign.draw',
        entityType: 'campaign',
        entityId: id,
        diff: {
          status: [c.status, next],
          ...Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, [null, v]])),
        },
      },
      at,
    );
    await emitEvent(
      tx,
      {
        type: 'inspection.campaign.drawn',
        aggregateType: 'campaign',
        aggregateId: id,
        payload: { campaignNo: c.campaign_no, ...summary },
      },
      at,
    );
  });
}
