import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../http/context.js';
import { recordAudit } from '../../audit/record-audit.js';
import { type Actor, auditActorOf } from '../actor.js';
import { assertNotMorePrivileged } from '../roles/role-grants.js';
import { revokeAllSessions } from '../sessions.js';
import { oneTimePassword } from './personal-data.js';
import { getUser, presentUser } from './queries.js';
import type { UserDto } from './schemas.js';
import { notOnYourself } from './transitions.js';

/**
 * An administrator resets a user's password: a one-time password is generated and returned once,
 * the user must change it at the next sign-in, every session ends, and a lock-out is lifted.
 */
export async function resetPassword({
  ctx,
  actor,
  userId,
}: {
  ctx: AppContext;
  actor: Actor;
  userId: number;
}): Promise<{ user: UserDto; oneTimePassword: string }> {
  const at = ctx.now();
  if (userId === actor.userId) {
    throw notOnYourself(
      '不能重置自己的密码，请在个人设置中修改密码。',
      'You cannot reset your own password; change it in your profile instead.',
    );
  }
  const user = await ctx.database.db.transaction(async (tx) => {
    const before = await getUser(tx, actor, userId, { forUpdate: true });
    await assertNotMorePrivileged(tx, actor, userId);
    const password = oneTimePassword(before.username);
    const passwordHash = await hash(password);
    await tx.execute(sql`UPDATE app_user SET password_hash = ${passwordHash}, password_changed_at = ${at.toISOString()},
                         must_change_password = true, failed_sign_ins = 0, locked_until = NULL WHERE id = ${userId}`);
    const revoked = await revokeAllSessions(tx, userId, at);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'identity.user.reset-password',
        entityType: 'user',
        entityId: userId,
        diff: { mustChangePassword: [before.must_change_password, true], sessionsRevoked: revoked },
      },
      at,
    );
    return { row: await getUser(tx, actor, userId), password };
  });
  return { user: presentUser(user.row, ctx.secrets, at), oneTimePassword: user.password };
}
