import { DomainError, maskIdNumber, maskPhone } from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../../db/database.js';
import type { Actor } from '../actor.js';
import { inUnitScope } from '../scope.js';
import type { SecretBox } from '../secret-box.js';
import type { UserDto, UserListQuery } from './schemas.js';

/**
 * Reads of users. A staff user is a department-owned record of its unit's region: an actor sees
 * users whose unit lies in their region subtree and (unless they may cross departments) in their
 * department. Anything else is "not found".
 */
export interface UserRow {
  id: number;
  kind: 'staff' | 'institution';
  username: string;
  display_name: string;
  status: 'active' | 'disabled';
  unit_id: number | null;
  unit_name: string | null;
  department_code: string | null;
  department_name: string | null;
  region_code: string | null;
  region_name: string | null;
  establishment_id: number | null;
  phone_enc: string | null;
  phone_hash: string | null;
  id_number_enc: string | null;
  id_number_hash: string | null;
  totp_enabled: boolean;
  must_change_password: boolean;
  locked_until: string | null;
  created_at: string;
  password_changed_at: string;
  roles: { code: string; name: string; nameEn: string }[];
}

const columns = sql`u.id, u.kind, u.username, u.display_name, u.status, u.unit_id, un.name AS unit_name,
  un.department_code, d.name_zh AS department_name, un.region_code, r.name AS region_name, u.establishment_id,
  u.phone_enc, u.phone_hash, u.id_number_enc, u.id_number_hash, u.totp_enabled, u.must_change_password,
  u.locked_until, u.created_at, u.password_changed_at,
  coalesce((SELECT json_agg(json_build_object('code', ro.code, 'name', ro.name_zh, 'nameEn', ro.name_en) ORDER BY ro.code)
            FROM user_role ur JOIN role ro ON ro.code = ur.role_code WHERE ur.user_id = u.id), '[]'::json) AS roles`;

const from = sql`FROM app_user u
  JOIN unit un ON un.id = u.unit_id
  JOIN department d ON d.code = un.department_code
  JOIN region r ON r.code = un.region_code`;

/** The scope filter of users, for this module and any other that joins `app_user u` and `unit un`. */
export function userScope(actor: Actor): SQL {
  return inUnitScope(actor, sql`un.region_code`, sql`un.department_code`);
}

export const userNotFound = (id: number) =>
  new DomainError('not_found', `用户 ${id} 不存在或不在您的管理范围内。`, `User ${id} not found.`);

/** One user in the actor's scope, or undefined. `forUpdate` locks the row for the transaction. */
export async function findUser(
  db: Executor,
  actor: Actor,
  id: number,
  opts: { forUpdate?: boolean } = {},
): Promise<UserRow | undefined> {
  return queryOne<UserRow>(
    db,
    sql`SELECT ${columns} ${from} WHERE u.id = ${id} AND ${userScope(actor)} ${opts.forUpdate ? sql`FOR UPDATE OF u` : sql``}`,
  );
}

export async function getUser(
  db: Executor,
  actor: Actor,
  id: number,
  opts: { forUpdate?: boolean } = {},
): Promise<UserRow> {
  const row = await findUser(db, actor, id, opts);
  if (!row) throw userNotFound(id);
  return row;
}

export const likePattern = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;

export async function listUsers(
  db: Executor,
  actor: Actor,
  query: UserListQuery,
): Promise<{ rows: UserRow[]; total: number }> {
  const where = [userScope(actor)];
  if (query.q)
    where.push(
      sql`(u.username ILIKE ${likePattern(query.q)} OR u.display_name ILIKE ${likePattern(query.q)})`,
    );
  if (query.unitId !== undefined) where.push(sql`u.unit_id = ${query.unitId}`);
  if (query.status) where.push(sql`u.status = ${query.status}`);
  if (query.role)
    where.push(
      sql`EXISTS (SELECT 1 FROM user_role f WHERE f.user_id = u.id AND f.role_code = ${query.role})`,
    );
  const condition = sql.join(where, sql` AND `);
  const total = await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n ${from} WHERE ${condition}`);
  const rows = await queryRows<UserRow>(
    db,
    sql`SELECT ${columns} ${from} WHERE ${condition}
        ORDER BY lower(u.username) LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
  );
  return { rows, total: total?.n ?? 0 };
}

/** Permissions a user holds through their roles. */
export async function permissionsOfUser(db: Executor, userId: number): Promise<Set<string>> {
  const rows = await queryRows<{ permission: string }>(
    db,
    sql`SELECT DISTINCT rp.permission FROM user_role ur JOIN role_permission rp ON rp.role_code = ur.role_code
        WHERE ur.user_id = ${userId}`,
  );
  return new Set(rows.map((r) => r.permission));
}

const iso = (v: string | null) => (v === null ? null : new Date(v).toISOString());

/** A user as the API shows it: phone and ID number masked, never in full. */
export function presentUser(row: UserRow, secrets: SecretBox, at: Date): UserDto {
  const lockedUntil = row.locked_until && new Date(row.locked_until) > at ? iso(row.locked_until) : null;
  return {
    id: row.id,
    kind: row.kind,
    username: row.username,
    displayName: row.display_name,
    status: row.status,
    unit:
      row.unit_id !== null
        ? {
            id: row.unit_id,
            name: row.unit_name!,
            departmentCode: row.department_code!,
            departmentName: row.department_name!,
            regionCode: row.region_code!,
            regionName: row.region_name!,
          }
        : null,
    establishmentId: row.establishment_id,
    roles: row.roles,
    phoneMasked: row.phone_enc ? maskPhone(secrets.decrypt(row.phone_enc)) : null,
    idNumberMasked: row.id_number_enc ? maskIdNumber(secrets.decrypt(row.id_number_enc)) : null,
    secondFactorEnabled: row.totp_enabled,
    mustChangePassword: row.must_change_password,
    locked: lockedUntil !== null,
    lockedUntil,
    createdAt: iso(row.created_at)!,
    passwordChangedAt: iso(row.password_changed_at)!,
  };
}
