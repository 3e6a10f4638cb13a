import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../http/context.js';
import { recordAudit } from '../../audit/record-audit.js';
import { type Actor, auditActorOf } from '../actor.js';
import { assertNotMorePrivileged } from '../roles/role-grants.js';
import { getUser, presentUser } from './queries.js';
import type { UserDto } from './schemas.js';
import { invalidTransition } from './transitions.js';

/** Lifts a lock-out after repeated failed sign-ins before it ends by itself. */
export async function unlockUser({
  ctx,
  actor,
  userId,
}: {
  ctx: AppContext;
  actor: Actor;
  userId: number;
}): Promise<UserDto> {
  const at = ctx.now();
  const user = await ctx.database.db.transaction(async (tx) => {
    const before = await getUser(tx, actor, userId, { forUpdate: true });
    await assertNotMorePrivileged(tx, actor, userId);
    if (!before.locked_until || new Date(before.locked_until) <= at)
      throw invalidTransition('该账户未被锁定。', 'The account is not locked.');
    await tx.execute(sql`UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL WHERE id = ${userId}`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'identity.user.unlock',
        entityType: 'user',
        entityId: userId,
        diff: { lockedUntil: [new Date(before.locked_until).toISOString(), null] },
      },
      at,
    );
    return getUser(tx, actor, userId);
  });
  return presentUser(user, ctx.secrets, at);
}
