import { hash, verify } from '@node-rs/argon2';
import { checkPasswordPolicy, DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Database, queryOne } from '../../db/database.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from './actor.js';

/** Refuses a password that breaks the policy, with every reason, field by field. */
export function assertPasswordPolicy(password: string, username: string, field = 'newPassword'): void {
  const problems = checkPasswordPolicy(password, username);
  if (problems.length === 0) return;
  throw new DomainError(
    'weak_password',
    '新密码不符合密码策略。',
    'The new password does not meet the password policy.',
    {
      errors: problems.map((p) => ({
        path: field,
        code: p.code,
        messageZh: p.messageZh,
        messageEn: p.messageEn,
      })),
    },
  );
}

/**
 * The user changes their own password: the current one is checked, the new one must meet the
 * policy and differ, and every other session ends (a stolen session does not survive the change).
 */
export async function changePassword(
  database: Database,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  at: Date,
): Promise<void> {
  const user = await queryOne<{ password_hash: string }>(
    database.db,
    sql`SELECT password_hash FROM app_user WHERE id = ${actor.userId}`,
  );
  if (!user || !(await verify(user.password_hash, input.currentPassword))) {
    throw new DomainError('invalid_credentials', '当前密码错误。', 'The current password is wrong.', {
      errors: [
        {
          path: 'currentPassword',
          code: 'wrong_password',
          messageZh: '当前密码错误',
          messageEn: 'The current password is wrong',
        },
      ],
    });
  }
  if (input.currentPassword === input.newPassword) {
    throw new DomainError(
      'password_unchanged',
      '新密码不能与当前密码相同。',
      'The new password must differ from the current one.',
    );
  }
  assertPasswordPolicy(input.newPassword, actor.username);
  const newHash = await hash(input.newPassword);
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE app_user SET password_hash = ${newHash}, password_changed_at = ${at.toISOString()},
                         must_change_password = false WHERE id = ${actor.userId}`);
    await tx.execute(sql`UPDATE user_session SET revoked_at = ${at.toISOString()}
                         WHERE user_id = ${actor.userId} AND revoked_at IS NULL AND id <> ${actor.sessionId ?? ''}`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      { action: 'identity.user.change-password', entityType: 'user', entityId: actor.userId },
      at,
    );
  });
}
