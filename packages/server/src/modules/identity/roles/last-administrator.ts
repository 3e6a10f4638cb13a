import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../../db/database.js';

/**
 * The system must always keep someone who can administer it (issue 3, "Bad input": a role edit that
 * would leave no administrator is refused). After a change to users' roles or status, or to roles'
 * permissions, and before its transaction commits, three things must still hold:
 *   - an active user holds the built-in `admin` role;
 *   - the `admin` role still grants identity.user.manage and identity.role.manage;
 *   - an active user holds a role granting identity.role.manage.
 * Changes that could break them take this lock first, so two concurrent changes cannot each
 * remove "the other" last administrator.
 */
const ADMINISTRATION_LOCK = 72_010;

export async function lockAdministration(tx: Executor): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${ADMINISTRATION_LOCK})`);
}

export async function assertAdministrationRemains(tx: Executor): Promise<void> {
  const r = await queryOne<{ admins: number; admin_permissions: number; role_managers: number }>(
    tx,
    sql`SELECT
      (SELECT count(*)::int FROM app_user u JOIN user_role ur ON ur.user_id = u.id
        WHERE ur.role_code = 'admin' AND u.status = 'active') AS admins,
      (SELECT count(*)::int FROM role_permission
        WHERE role_code = 'admin' AND permission IN ('identity.user.manage', 'identity.role.manage')) AS admin_permissions,
      (SELECT count(DISTINCT u.id)::int FROM app_user u JOIN user_role ur ON ur.user_id = u.id
        JOIN role_permission rp ON rp.role_code = ur.role_code
        WHERE rp.permission = 'identity.role.manage' AND u.status = 'active') AS role_managers`,
  );
  if (!r || r.admins === 0) {
    throw new DomainError(
      'last_administrator',
      '此操作将使系统中不再有启用状态的系统管理员。请先将系统管理员角色授予另一位用户。',
      'This would leave no active user with the administrator role; give the role to another user first.',
      { reason: 'no_active_administrator' },
    );
  }
  if (r.admin_permissions < 2) {
    throw new DomainError(
      'last_administrator',
      '系统管理员角色必须保留“管理用户”和“管理角色”权限，否则将无人能够管理系统。',
      'The administrator role must keep "manage users" and "manage roles"; otherwise nobody could administer the system.',
      { reason: 'admin_role_permissions' },
    );
  }
  if (r.role_managers === 0) {
    throw new DomainError(
      'last_administrator',
      '此操作将使系统中无人能够管理角色。',
      'This would leave no active user able to manage roles.',
      { reason: 'no_role_manager' },
    );
  }
}
