import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../db/database.js';
import type { Actor } from '../actor.js';
import { userScope } from '../users/queries.js';
import type { RoleDto } from './schemas.js';

/**
 * Roles are global (one catalogue for the deployment); the user count of each is of the users the
 * actor can see, so it says nothing about other regions or departments.
 */
export async function listRoles(db: Executor, actor: Actor, code?: string): Promise<RoleDto[]> {
  return queryRows<RoleDto>(
    db,
    sql`SELECT r.code, r.name_zh AS "nameZh", r.name_en AS "nameEn", r.description, r.builtin, r.for_kind AS "forKind",
          coalesce((SELECT array_agg(rp.permission ORDER BY rp.permission) FROM role_permission rp
                    WHERE rp.role_code = r.code), '{}') AS permissions,
          (SELECT count(*)::int FROM user_role ur JOIN app_user u ON u.id = ur.user_id JOIN unit un ON un.id = u.unit_id
            WHERE ur.role_code = r.code AND ${userScope(actor)}) AS "userCount"
        FROM role r ${code === undefined ? sql`` : sql`WHERE r.code = ${code}`}
        ORDER BY r.builtin DESC, r.code`,
  );
}

export async function getRole(db: Executor, actor: Actor, code: string): Promise<RoleDto> {
  const [role] = await listRoles(db, actor, code);
  if (!role) throw roleNotFound(code);
  return role;
}

export const roleNotFound = (code: string) =>
  new DomainError('not_found', `角色 ${code} 不存在。`, `There is no role ${code}.`);
