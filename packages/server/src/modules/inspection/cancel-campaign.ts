import { campaignTransition } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { emitEvent } from '../../events/events.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { loadCampaign } from './campaign-queries.js';

/** Cancels a plan before its draw (a published plan stays on the portal, marked cancelled, with the reason). */
export async function cancelCampaign(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  reason: string;
}): Promise<void> {
  const { ctx, actor, id, reason } = opts;
  const at = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    const c = await loadCampaign(tx, actor, id, true);
    const next = campaignTransition(c.status, 'cancel');
    const when = at.toISOString();
    await tx.execute(sql`UPDATE campaign SET status = ${next}, cancelled_at = ${when}, cancel_reason = ${reason}, updated_at = ${when}
      WHERE id = ${id}`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'inspection.campaign.cancel',
        entityType: 'campaign',
        entityId: id,
        diff: { status: [c.status, next], reason: [null, reason] },
      },
      at,
    );
    await emitEvent(
      tx,
      {
        type: 'inspection.campaign.cancelled',
        aggregateType: 'campaign',
        aggregateId: id,
        payload: { campaignNo: c.campaign_no, reason },
      },
      at,
    );
  });
}
