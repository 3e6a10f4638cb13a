import { DomainError } from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../identity/actor.js';
import { inRegionScope, inUnitScope } from '../identity/scope.js';

/**
 * Inspection scope (ARCHITECTURE.md, enforced in the query). Campaigns and inspections are records
 * of their owner's region, shared by every participating department (a joint campaign is visible
 * to each of them); completed inspections' results are readable, not writable, by the other
 * departments that supervise the establishment's kind (the compliance guides' departments, after
 * the responsibility map). The roster is scoped like any department-owned record.
 */
export function inDepartments(actor: Actor, departmentsColumn: SQL): SQL {
  if (actor.permissions.has('identity.scope.all-departments')) return sql`true`;
  if (!actor.unit) return sql`false`;
  return sql`${actor.unit.departmentCode} = ANY(${departmentsColumn})`;
}

export function campaignInScope(actor: Actor, alias = 'c'): SQL {
  const a = sql.raw(alias);
  return sql`(${inRegionScope(actor, sql`${a}.region_code`)} AND ${inDepartments(actor, sql`${a}.departments`)})`;
}

/** Inspections the actor may act on: in region and one of its departments. */
export function inspectionInScope(actor: Actor, alias = 'i'): SQL {
  const a = sql.raw(alias);
  return sql`(${inRegionScope(actor, sql`${a}.region_code`)} AND ${inDepartments(actor, sql`${a}.departments`)})`;
}

/**
 * Inspections the actor may read: those in scope, plus completed ones in the region whose kind the
 * actor's department supervises (`sharedKinds`, from the compliance guides).
 */
export function inspectionReadable(actor: Actor, sharedKinds: readonly string[], alias = 'i'): SQL {
  const a = sql.raw(alias);
  const shared =
    sharedKinds.length === 0
      ? sql`false`
      : sql`(${a}.status = 'completed' AND ${inRegionScope(actor, sql`${a}.region_code`)} AND ${a}.establishment_kind IN (${sql.join(
          sharedKinds.map((k) => sql`${k}`),
          sql`, `,
        )}))`;
  return sql`(${inspectionInScope(actor, alias)} OR ${shared})`;
}

export function inspectorInScope(actor: Actor, alias = 'o'): SQL {
  const a = sql.raw(alias);
  return inUnitScope(actor, sql`${a}.region_code`, sql`${a}.department_code`);
}

export const notFound = (
  what: 'campaign' | 'inspection' | 'inspector' | 'photo' | 'conflict',
  id: number | string,
) => {
  const zh = {
    campaign: '抽查计划',
    inspection: '检查任务',
    inspector: '执法人员',
    photo: '照片',
    conflict: '回避记录',
  }[what];
  return new DomainError('not_found', `${zh} ${id} 不存在`, `No ${what} ${id}`);
};
