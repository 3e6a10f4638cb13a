import { DomainError } from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { inRegionScope, inUnitScope } from '../identity/scope.js';
import { regionFilterPrefix } from '../registry/establishment-record.js';

/**
 * Oversight scope: figures cover the actor's region subtree and, for department-owned records, the
 * actor's department (every department with identity.scope.all-departments). A region asked for
 * must lie inside the actor's region; one outside is refused, never silently replaced.
 */
export interface ScopedRegion {
  code: string;
  name: string;
  level: string;
  /** LIKE prefix of the region's subtree (370100 → 3701). */
  prefix: string;
  /** Department the figures are limited to, or null for every department. */
  departmentCode: string | null;
}

export async function scopedRegion(db: Executor, actor: Actor, asked?: string): Promise<ScopedRegion> {
  if (!actor.unit || actor.regionPrefix === null) {
    throw new DomainError('forbidden', '监管驾驶舱仅对工作人员开放', 'Oversight figures are for staff');
  }
  const code = asked ?? actor.unit.regionCode;
  const prefix = regionFilterPrefix(code);
  if (!prefix.startsWith(actor.regionPrefix)) {
    throw new DomainError(
      'forbidden',
      `地区 ${code} 不在您的管辖范围（${actor.unit.regionName}）内`,
      `Region ${code} is outside your scope (${actor.unit.regionCode})`,
    );
  }
  const region = await queryOne<{ name: string; level: string }>(
    db,
    sql`SELECT name, level FROM region WHERE code = ${code}`,
  );
  if (!region) throw new DomainError('not_found', `地区 ${code} 不存在`, `Region ${code} does not exist`);
  const departmentCode = actor.permissions.has('identity.scope.all-departments')
    ? null
    : actor.unit.departmentCode;
  return { code, name: region.name, level: region.level, prefix, departmentCode };
}

/** A deadline record (alias d of oversight_deadline) in the region asked for and the actor's scope. */
export function deadlineInScope(actor: Actor, region: ScopedRegion, alias = 'd'): SQL {
  const a = sql.raw(alias);
  return sql`(${a}.region_code LIKE ${`${region.prefix}%`} AND ${inUnitScope(actor, sql`${a}.region_code`, sql`${a}.department_code`)})`;
}

/** An establishment (alias e of oversight_establishment): region only, as in the registry. */
export function establishmentInScope(actor: Actor, region: ScopedRegion, alias = 'e'): SQL {
  const a = sql.raw(alias);
  return sql`(${a}.region_code LIKE ${`${region.prefix}%`} AND ${inRegionScope(actor, sql`${a}.region_code`)})`;
}
