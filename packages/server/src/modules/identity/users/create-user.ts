import { hash } from '@node-rs/argon2';
import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { queryOne } from '../../../db/database.js';
import type { AppContext } from '../../../http/context.js';
import { diffOf, recordAudit } from '../../audit/record-audit.js';
import { type Actor, auditActorOf } from '../actor.js';
import { assertGrantableRoles } from '../roles/role-grants.js';
import { getUnit } from '../units/queries.js';
import { isUniqueViolation } from './db-errors.js';
import { chinaDate, oneTimePassword, type SealedValue, sealIdNumber, sealPhone } from './personal-data.js';
import { getUser, presentUser } from './queries.js';
import type { CreateUserBody, UserDto } from './schemas.js';

export const usernameTaken = (username: string) =>
  new DomainError('conflict', `用户名 ${username} 已被使用。`, `The username ${username} is taken.`, {
    errors: [
      {
        path: 'username',
        code: 'username_taken',
        messageZh: '用户名已被使用（不区分大小写）',
        messageEn: 'This username is taken (case-insensitively)',
      },
    ],
  });

/**
 * Creates a staff user in a unit of the actor's scope, with roles the actor may grant. The initial
 * password is generated, returned once and must be changed at first sign-in.
 */
export async function createUser({
  ctx,
  actor,
  input,
}: {
  ctx: AppContext;
  actor: Actor;
  input: CreateUserBody;
}): Promise<{ user: UserDto; oneTimePassword: string }> {
  if (input.kind === 'institution') {
    throw new DomainError(
      'institution_users_unavailable',
      '机构用户须绑定登记在册的机构；机构登记模块上线后方可创建。',
      'Institution users are bound to a registered establishment; they can be created once the registry module is in place.',
    );
  }
  const at = ctx.now();
  const phone: SealedValue | null = input.phone ? sealPhone(ctx.secrets, input.phone) : null;
  const idNumber: SealedValue | null = input.idNumber
    ? sealIdNumber(ctx.secrets, input.idNumber, chinaDate(at))
    : null;
  const password = oneTimePassword(input.username);
  const passwordHash = await hash(password);
  const roles = [...new Set(input.roles)].sort();

  try {
    const user = await ctx.database.db.transaction(async (tx) => {
      const unit = await getUnit(tx, actor, input.unitId, 'unitId');
      await assertGrantableRoles(tx, actor, roles, 'staff');
      const taken = await queryOne(
        tx,
        sql`SELECT 1 FROM app_user WHERE lower(username) = lower(${input.username})`,
      );
      if (taken) throw usernameTaken(input.username);
      const created = await queryOne<{ id: number }>(
        tx,
        sql`INSERT INTO app_user (kind, username, display_name, unit_id, password_hash, password_changed_at,
              must_change_password, phone_enc, phone_hash, id_number_enc, id_number_hash, created_at)
            VALUES ('staff', ${input.username}, ${input.displayName}, ${unit.id}, ${passwordHash}, ${at.toISOString()},
              true, ${phone?.enc ?? null}, ${phone?.hash ?? null}, ${idNumber?.enc ?? null}, ${idNumber?.hash ?? null},
              ${at.toISOString()})
            RETURNING id`,
      );
      const id = created!.id;
      for (const role of roles) {
        await tx.execute(sql`INSERT INTO user_role (user_id, role_code) VALUES (${id}, ${role})`);
      }
      await recordAudit(
        tx,
        auditActorOf(actor),
        {
          action: 'identity.user.create',
          entityType: 'user',
          entityId: id,
          diff: diffOf(null, {
            username: input.username,
            displayName: input.displayName,
            unitId: unit.id,
            roles,
            phone: phone?.masked,
            idNumber: idNumber?.masked,
            mustChangePassword: true,
          }),
        },
        at,
      );
      return getUser(tx, actor, id);
    });
    return { user: presentUser(user, ctx.secrets, at), oneTimePassword: password };
  } catch (e) {
    if (isUniqueViolation(e)) throw usernameTaken(input.username);
    throw e;
  }
}
