import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../http/context.js';
import { recordAudit } from '../../audit/record-audit.js';
import { type Actor, auditActorOf } from '../actor.js';
import { assertAdministrationRemains, lockAdministration } from '../roles/last-administrator.js';
import { assertNotMorePrivileged } from '../roles/role-grants.js';
import { revokeAllSessions } from '../sessions.js';
import { getUser, presentUser } from './queries.js';
import type { UserDto } from './schemas.js';
import { invalidTransition, notOnYourself } from './transitions.js';

/** Disables an account: sign-in is refused and every session ends at once. Never the last administrator. */
export async function disableUser({
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
    await lockAdministration(tx);
    const before = await getUser(tx, actor, userId, { forUpdate: true });
    if (userId === actor.userId)
      throw notOnYourself('不能停用自己的账户。', 'You cannot disable your own account.');
    await assertNotMorePrivileged(tx, actor, userId);
    if (before.status === 'disabled')
      throw invalidTransition('该账户已停用。', 'The account is already disabled.');
    await tx.execute(sql`UPDATE app_user SET status = 'disabled' WHERE id = ${userId}`);
    const revoked = await revokeAllSessions(tx, userId, at);
    await assertAdministrationRemains(tx);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'identity.user.disable',
        entityType: 'user',
        entityId: userId,
        diff: { status: ['active', 'disabled'], sessionsRevoked: revoked },
      },
      at,
    );
    return getUser(tx, actor, userId);
  });
  return presentUser(user, ctx.secrets, at);
}
