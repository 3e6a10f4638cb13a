import { DomainError } from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../identity/actor.js';
import { inRegionScope, ownEstablishment } from '../identity/scope.js';

/**
 * Registry scope. The directory is shared by every department of a region (each department must
 * know its base: seed 002 三(二)), so establishments are scoped by region only: staff see their
 * region subtree, an institution user only its own establishment. Practitioners follow the region
 * of their primary institution. Anything out of scope is "not found".
 */
export function establishmentInScope(actor: Actor, alias: SQL = sql.raw('e')): SQL {
  return sql`(${inRegionScope(actor, sql`${alias}.region_code`)} OR ${ownEstablishment(actor, sql`${alias}.id`)})`;
}

/** A practitioner row `p` whose primary institution is in scope (joined as `pe`). */
export function practitionerInScope(actor: Actor): SQL {
  return establishmentInScope(actor, sql.raw('pe'));
}

/** Whether a region code lies in the actor's subtree (institution users: never). */
export function regionInScope(actor: Actor, regionCode: string): boolean {
  return actor.regionPrefix !== null && regionCode.startsWith(actor.regionPrefix);
}

export function establishmentNotFound(id: number | string): DomainError {
  return new DomainError('not_found', `监管对象 ${id} 不存在`, `Establishment ${id} does not exist`);
}

export function practitionerNotFound(id: number | string): DomainError {
  return new DomainError('not_found', `医务人员 ${id} 不存在`, `Practitioner ${id} does not exist`);
}
