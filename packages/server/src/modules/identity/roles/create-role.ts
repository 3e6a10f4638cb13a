import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { queryOne } from '../../../db/database.js';
import type { AppContext } from '../../../http/context.js';
import { diffOf, recordAudit } from '../../audit/record-audit.js';
import { type Actor, auditActorOf } from '../actor.js';
import { isUniqueViolation } from '../users/db-errors.js';
import { getRole } from './queries.js';
import { assertPermissionsGrantable } from './role-permissions.js';
import type { CreateRoleBody, RoleDto } from './schemas.js';

const roleCodeTaken = (code: string) =>
  new DomainError('conflict', `角色代码 ${code} 已存在。`, `A role with code ${code} exists.`, {
    errors: [
      { path: 'code', code: 'role_code_taken', messageZh: '角色代码已存在', messageEn: 'This code is taken' },
    ],
  });

/** A custom role: a named set of declared permissions, none beyond the actor's own. */
export async function createRole({
  ctx,
  actor,
  input,
}: {
  ctx: AppContext;
  actor: Actor;
  input: CreateRoleBody;
}): Promise<RoleDto> {
  const at = ctx.now();
  const permissions = [...new Set(input.permissions)].sort();
  assertPermissionsGrantable(actor, input.forKind, permissions);
  try {
    return await ctx.database.db.transaction(async (tx) => {
      if (await queryOne(tx, sql`SELECT 1 FROM role WHERE code = ${input.code}`))
        throw roleCodeTaken(input.code);
      await tx.execute(sql`INSERT INTO role (code, name_zh, name_en, description, builtin, for_kind)
        VALUES (${input.code}, ${input.nameZh}, ${input.nameEn}, ${input.description}, false, ${input.forKind})`);
      for (const p of permissions) {
        await tx.execute(
          sql`INSERT INTO role_permission (role_code, permission) VALUES (${input.code}, ${p})`,
        );
      }
      await recordAudit(
        tx,
        auditActorOf(actor),
        {
          action: 'identity.role.create',
          entityType: 'role',
          entityId: input.code,
          diff: diffOf(null, {
            nameZh: input.nameZh,
            nameEn: input.nameEn,
            description: input.description || null,
            forKind: input.forKind,
            permissions,
          }),
        },
        at,
      );
      return getRole(tx, actor, input.code);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw roleCodeTaken(input.code);
    throw e;
  }
}
