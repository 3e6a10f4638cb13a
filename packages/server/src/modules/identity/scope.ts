import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from './actor.js';

/**
 * Scope, enforced in the query (ARCHITECTURE.md "Rules the whole house keeps"): a staff user sees
 * records in their unit's region subtree and, for department-owned records, their own department's
 * (unless a role grants cross-department administration). An institution user sees only its own
 * establishment. Objects outside scope are "not found", never "forbidden".
 */

/** `column` (a region code) lies in the actor's region subtree. Institution users match nothing. */
export function inRegionScope(actor: Actor, column: SQL): SQL {
  if (actor.regionPrefix === null) return sql`false`;
  return sql`${column} LIKE ${`${actor.regionPrefix}%`}`;
}

/** `column` (a department code) is the actor's department, or any when the actor may cross departments. */
export function inDepartmentScope(actor: Actor, column: SQL): SQL {
  if (actor.permissions.has('identity.scope.all-departments')) return sql`true`;
  if (!actor.unit) return sql`false`;
  return sql`${column} = ${actor.unit.departmentCode}`;
}

/** Both: a department-owned record in the actor's region subtree. */
export function inUnitScope(actor: Actor, regionColumn: SQL, departmentColumn: SQL): SQL {
  return sql`(${inRegionScope(actor, regionColumn)} AND ${inDepartmentScope(actor, departmentColumn)})`;
}

/** An institution user's own establishment; staff are scoped by region instead. */
export function ownEstablishment(actor: Actor, column: SQL): SQL {
  if (actor.kind !== 'institution' || actor.establishmentId === null) return sql`false`;
  return sql`${column} = ${actor.establishmentId}`;
}
