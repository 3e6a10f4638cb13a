import { type RegionLevel, regionScopePrefix } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import type { AuditActor } from '../audit/record-audit.js';
import type { Permission } from './permissions.js';

/** The signed-in user as every use case sees it: who, where, and what they may do. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  kind: 'staff' | 'institution';
  unit: {
    id: number;
    name: string;
    departmentCode: string;
    departmentName: string;
    regionCode: string;
    regionName: string;
    regionLevel: RegionLevel;
  } | null;
  /** Region subtree the actor sees, as a GB/T 2260 code prefix; null for institution users. */
  regionPrefix: string | null;
  establishmentId: number | null;
  roles: { code: string; name: string; nameEn: string }[];
  permissions: Set<Permission>;
  secondFactorEnabled: boolean;
  mustChangePassword: boolean;
  sessionId: string | null;
  ip: string | null;
  requestId: string | null;
}

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  kind: 'staff' | 'institution';
  status: string;
  establishment_id: number | null;
  totp_enabled: boolean;
  must_change_password: boolean;
  unit_id: number | null;
  unit_name: string | null;
  department_code: string | null;
  department_name: string | null;
  region_code: string | null;
  region_name: string | null;
  region_level: RegionLevel | null;
}

export async function loadActor(
  db: Executor,
  userId: number,
  request: { sessionId: string | null; ip: string | null; requestId: string | null },
): Promise<Actor | undefined> {
  const u = await queryOne<UserRow>(
    db,
    sql`
    SELECT u.id, u.username, u.display_name, u.kind, u.status, u.establishment_id, u.totp_enabled, u.must_change_password,
           un.id AS unit_id, un.name AS unit_name, d.code AS department_code, d.name_zh AS department_name,
           r.code AS region_code, r.name AS region_name, r.level AS region_level
    FROM app_user u
    LEFT JOIN unit un ON un.id = u.unit_id
    LEFT JOIN department d ON d.code = un.department_code
    LEFT JOIN region r ON r.code = un.region_code
    WHERE u.id = ${userId}`,
  );
  if (u?.status !== 'active') return undefined;
  const roles = await queryRows<{ code: string; name_zh: string; name_en: string }>(
    db,
    sql`SELECT r.code, r.name_zh, r.name_en FROM user_role ur JOIN role r ON r.code = ur.role_code WHERE ur.user_id = ${userId} ORDER BY r.code`,
  );
  const perms = await queryRows<{ permission: Permission }>(
    db,
    sql`SELECT DISTINCT rp.permission FROM user_role ur JOIN role_permission rp ON rp.role_code = ur.role_code WHERE ur.user_id = ${userId}`,
  );
  const unit =
    u.unit_id !== null
      ? {
          id: u.unit_id,
          name: u.unit_name!,
          departmentCode: u.department_code!,
          departmentName: u.department_name!,
          regionCode: u.region_code!,
          regionName: u.region_name!,
          regionLevel: u.region_level!,
        }
      : null;
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    kind: u.kind,
    unit,
    regionPrefix: unit ? regionScopePrefix(unit.regionCode, unit.regionLevel) : null,
    establishmentId: u.establishment_id,
    roles: roles.map((r) => ({ code: r.code, name: r.name_zh, nameEn: r.name_en })),
    permissions: new Set(perms.map((p) => p.permission)),
    secondFactorEnabled: u.totp_enabled,
    mustChangePassword: u.must_change_password,
    ...request,
  };
}

export function auditActorOf(actor: Actor): AuditActor {
  return {
    userId: actor.userId,
    name: actor.username,
    roles: actor.roles.map((r) => r.code),
    unitId: actor.unit?.id ?? null,
    ip: actor.ip,
    requestId: actor.requestId,
  };
}
