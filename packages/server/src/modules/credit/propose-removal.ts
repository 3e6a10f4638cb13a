import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { presentProposal } from './proposal-queries.js';
import { blacklistEntry } from './queries.js';
import { chinaDay, creditNotFound } from './scope.js';

/**
 * 提议移出黑名单 (e.g. the listing's grounds were revoked, 《市场监督管理严重违法失信名单管理办法》 on
 * revoked penalties): an officer proposes to end a listing with a reason; another officer decides.
 * The subject need not be heard (the removal is in its favour). Audited; the listing stays until
 * approval.
 */
export async function proposeRemoval(opts: {
  ctx: AppContext;
  actor: Actor;
  blacklistId: number;
  reason: string;
}) {
  const { ctx, actor, blacklistId, reason } = opts;
  const at = ctx.now();
  const id = await ctx.database.db.transaction(async (tx) => {
    if (actor.kind !== 'staff') throw creditNotFound('blacklist', blacklistId);
    const l = await blacklistEntry(tx, actor, blacklistId, true);
    if (l.status !== 'listed') {
      throw new DomainError('invalid_transition', '已移出黑名单', 'No longer listed', { allowedActions: [] });
    }
    const pending = await queryOne(
      tx,
      sql`SELECT 1 FROM credit_blacklist_proposal WHERE blacklist_id = ${blacklistId} AND action = 'remove' AND status = 'pending'`,
    );
    if (pending) {
      throw new DomainError('conflict', '已有待审核的移出提议', 'A removal proposal is already pending');
    }
    const row = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO credit_blacklist_proposal (action, subject_type, subject_id, establishment_id, region_code, name, blacklist_id, reason,
            noticed_on, defence_status, proposed_at, proposed_by, proposed_by_name)
          VALUES ('remove', ${l.subjectType}, ${l.subjectId}, ${l.establishmentId}, ${l.regionCode}, ${l.name}, ${blacklistId}, ${reason},
            ${chinaDay(at)}, 'not_required', ${at.toISOString()}, ${actor.userId}, ${actor.username})
          RETURNING id`,
    );
    const id = Number(row!.id);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'credit.blacklist.propose',
        entityType: 'credit_blacklist_proposal',
        entityId: id,
        diff: { action: [null, 'remove'], blacklistId: [null, blacklistId], reason: [null, reason] },
      },
      at,
    );
    return id;
  });
  return (await presentProposal(ctx.database.db, actor, id, at))!;
}
