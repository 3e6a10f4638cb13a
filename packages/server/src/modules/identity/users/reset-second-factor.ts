import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../http/context.js';
import { recordAudit } from '../../audit/record-audit.js';
import { type Actor, auditActorOf } from '../actor.js';
import { assertNotMorePrivileged } from '../roles/role-grants.js';
import { revokeAllSessions } from '../sessions.js';
import { getUser, presentUser } from './queries.js';
import type { UserDto } from './schemas.js';
import { invalidTransition, notOnYourself } from './transitions.js';

/**
 * Clears a user's TOTP second factor (lost phone): every session ends, and an administrator must
 * enrol a new one at the next sign-in before doing anything else.
 */
export async function resetSecondFactor({
  ctx,
  actor,
  userId,
}: {
  ctx: AppContext;
  actor: Actor;
  userId: number;
}): Promise<UserDto> {
  const at = ctx.now();
  if (userId === actor.userId) {
    throw notOnYourself(
      '不能重置自己的动态口令，请联系其他管理员。',
      'You cannot reset your own second factor; ask another administrator.',
    );
  }
  const user = await ctx.database.db.transaction(async (tx) => {
    const before = await getUser(tx, actor, userId, { forUpdate: true });
    await assertNotMorePrivileged(tx, actor, userId);
    if (!before.totp_enabled)
      throw invalidTransition('该用户尚未绑定动态口令。', 'The user has no second factor to reset.');
    await tx.execute(sql`UPDATE app_user SET totp_secret_enc = NULL, totp_enabled = false, totp_last_step = NULL
                         WHERE id = ${userId}`);
    const revoked = await revokeAllSessions(tx, userId, at);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'identity.user.reset-second-factor',
        entityType: 'user',
        entityId: userId,
        diff: { secondFactorEnabled: [true, false], sessionsRevoked: revoked },
      },
      at,
    );
    return getUser(tx, actor, userId);
  });
  return presentUser(user, ctx.secrets, at);
}
