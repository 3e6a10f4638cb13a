import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../http/context.js';
import { diffOf, recordAudit } from '../../audit/record-audit.js';
import { type Actor, auditActorOf } from '../actor.js';
import { assertAdministrationRemains, lockAdministration } from './last-administrator.js';
import { getRole } from './queries.js';
import { assertPermissionsGrantable } from './role-permissions.js';
import type { RoleDto, UpdateRoleBody } from './schemas.js';

/**
 * Edits a role's names, description or permissions (the complete new set). Permissions added must
 * be the actor's own; the change may not leave the system without someone who can administer it.
 */
export async function updateRole({
  ctx,
  actor,
  code,
  input,
}: {
  ctx: AppContext;
  actor: Actor;
  code: string;
  input: UpdateRoleBody;
}): Promise<RoleDto> {
  const at = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    await lockAdministration(tx);
    const before = await getRole(tx, actor, code);
    const after = {
      nameZh: input.nameZh ?? before.nameZh,
      nameEn: input.nameEn ?? before.nameEn,
      description: input.description ?? before.description,
      permissions: input.permissions ? [...new Set(input.permissions)].sort() : before.permissions,
    };
    const diff = diffOf(
      {
        nameZh: before.nameZh,
        nameEn: before.nameEn,
        description: before.description,
        permissions: before.permissions,
      },
      after,
    );
    if (Object.keys(diff).length === 0) return before;
    const added = after.permissions.filter((p) => !before.permissions.includes(p));
    assertPermissionsGrantable(actor, before.forKind, added);

    await tx.execute(sql`UPDATE role SET name_zh = ${after.nameZh}, name_en = ${after.nameEn},
                         description = ${after.description} WHERE code = ${code}`);
    if (diff.permissions) {
      await tx.execute(sql`DELETE FROM role_permission WHERE role_code = ${code}`);
      for (const p of after.permissions) {
        await tx.execute(sql`INSERT INTO role_permission (role_code, permission) VALUES (${code}, ${p})`);
      }
      await assertAdministrationRemains(tx);
    }
    await recordAudit(
      tx,
      auditActorOf(actor),
      { action: 'identity.role.update', entityType: 'role', entityId: code, diff },
      at,
    );
    return getRole(tx, actor, code);
  });
}
