import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../db/database.js';
import type { Actor } from '../actor.js';
import { permissionsOfUser } from '../users/queries.js';

/**
 * No one hands out more than they hold: an administrator may grant a role, or manage a user, only
 * when every permission involved is one of their own. Otherwise a scoped administrator could give
 * someone (or themselves) cross-department or system-wide powers.
 */
export async function assertGrantableRoles(
  tx: Executor,
  actor: Actor,
  codes: string[],
  kind: 'staff' | 'institution',
): Promise<void> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return;
  const roles = await queryRows<{ code: string; for_kind: string; permissions: string[] }>(
    tx,
    sql`SELECT r.code, r.for_kind,
          coalesce(array_agg(rp.permission) FILTER (WHERE rp.permission IS NOT NULL), '{}') AS permissions
        FROM role r LEFT JOIN role_permission rp ON rp.role_code = r.code
        WHERE r.code IN (${sql.join(
          unique.map((c) => sql`${c}`),
          sql`, `,
        )})
        GROUP BY r.code, r.for_kind`,
  );
  const found = new Map(roles.map((r) => [r.code, r]));
  const errors = unique.flatMap((code) => {
    const i = codes.indexOf(code);
    const role = found.get(code);
    if (!role)
      return [
        {
          path: `roles.${i}`,
          code: 'unknown_role',
          messageZh: `角色 ${code} 不存在`,
          messageEn: `There is no role ${code}`,
        },
      ];
    if (role.for_kind !== kind)
      return [
        {
          path: `roles.${i}`,
          code: 'role_kind_mismatch',
          messageZh: `角色 ${code} 不适用于${kind === 'staff' ? '工作人员' : '机构用户'}`,
          messageEn: `Role ${code} is not for ${kind} users`,
        },
      ];
    return [];
  });
  if (errors.length > 0) {
    throw new DomainError('invalid_roles', '所选角色无效。', 'Some of the chosen roles are not valid.', {
      errors,
    });
  }
  const beyond = [...new Set(roles.flatMap((r) => r.permissions))].filter(
    (p) => !actor.permissions.has(p as never),
  );
  if (beyond.length > 0) throw beyondOwnPermissions(beyond);
}

/** The target user holds no permission the actor lacks. */
export async function assertNotMorePrivileged(tx: Executor, actor: Actor, userId: number): Promise<void> {
  const theirs = await permissionsOfUser(tx, userId);
  const beyond = [...theirs].filter((p) => !actor.permissions.has(p as never));
  if (beyond.length > 0) {
    throw new DomainError(
      'forbidden',
      '该用户拥有您不具备的权限，您不能管理该用户。',
      'This user holds permissions you do not have, so you cannot manage them.',
      { permissions: beyond.sort() },
    );
  }
}

export function beyondOwnPermissions(permissions: string[]): DomainError {
  return new DomainError(
    'forbidden',
    `不能授予您自己不具备的权限：${permissions.sort().join('、')}。`,
    `You cannot grant permissions you do not hold yourself: ${permissions.join(', ')}.`,
    { permissions },
  );
}
