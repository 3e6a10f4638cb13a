import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../http/context.js';
import { recordAudit } from '../../audit/record-audit.js';
import { type Actor, auditActorOf } from '../actor.js';
import { assertNotMorePrivileged } from '../roles/role-grants.js';
import { getUser, presentUser } from './queries.js';
import type { UserDto } from './schemas.js';
import { invalidTransition } from './transitions.js';

/** Enables a disabled account again (its password and second factor are unchanged). */
export async function enableUser({
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
    if (before.status === 'active')
      throw invalidTransition('该账户已启用。', 'The account is already active.');
    await tx.execute(sql`UPDATE app_user SET status = 'active' WHERE id = ${userId}`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'identity.user.enable',
        entityType: 'user',
        entityId: userId,
        diff: { status: ['disabled', 'active'] },
      },
      at,
    );
    return getUser(tx, actor, userId);
  });
  return presentUser(user, ctx.secrets, at);
}
