import { randomBytes } from 'node:crypto';
import { campaignTransition, commitmentOf, DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { emitEvent } from '../../events/events.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { loadCampaign } from './campaign-queries.js';
import { chinaDay, dateText } from './dates.js';

/**
 * Approves a plan and publishes it with the commitment to the draw's nonce (docs/draw-algorithm.md
 * §1, §5.1). The approver is never the planner (four eyes). Without a commitment from outside
 * (a nonce lodged with a notary), the platform generates the nonce and keeps it encrypted until the
 * draw.
 */
export async function approveCampaign(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  commitment?: string | undefined;
}): Promise<void> {
  const { ctx, actor, id } = opts;
  const at = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    const c = await loadCampaign(tx, actor, id, true);
    const next = campaignTransition(c.status, 'approve');
    if (c.created_by !== null && Number(c.created_by) === actor.userId) {
      throw new DomainError(
        'four_eyes_required',
        '抽查计划须由编制人以外的人员批准',
        'A plan must be approved by someone other than its planner',
      );
    }
    if (dateText(c.randomness_date)! <= chinaDay(at)) {
      throw new DomainError(
        'randomness_date_passed',
        '随机源公布日已到，无法在此之前封存名录；请修改计划的随机源公布日',
        'Day D has come: the pool can no longer close before it; change the plan’s day D',
      );
    }
    let commitment = opts.commitment;
    let nonceEnc: string | null = null;
    if (!commitment) {
      const nonce = randomBytes(32).toString('hex');
      commitment = commitmentOf(nonce);
      nonceEnc = ctx.secrets.encrypt(nonce);
    }
    const when = at.toISOString();
    await tx.execute(sql`UPDATE campaign SET status = ${next}, commitment = ${commitment}, nonce_enc = ${nonceEnc},
      approved_at = ${when}, approved_by = ${actor.userId}, approved_by_name = ${actor.username}, published_at = ${when},
      updated_at = ${when} WHERE id = ${id}`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'inspection.campaign.approve',
        entityType: 'campaign',
        entityId: id,
        diff: {
          status: [c.status, next],
          commitment: [null, commitment],
          nonceHeldByPlatform: [null, nonceEnc !== null],
        },
      },
      at,
    );
    await emitEvent(
      tx,
      {
        type: 'inspection.campaign.approved',
        aggregateType: 'campaign',
        aggregateId: id,
        payload: {
          campaignNo: c.campaign_no,
          commitment,
          departments: c.departments,
          regionCode: c.region_code,
        },
      },
      at,
    );
  });
}
