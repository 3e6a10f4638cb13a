import { DomainError } from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { inUnitScope } from '../identity/scope.js';

/** A grid (alias g) is its department's record in its region: scoped like any department-owned record. */
export function gridInScope(actor: Actor, alias = 'g'): SQL {
  const a = sql.raw(alias);
  return inUnitScope(actor, sql`${a}.region_code`, sql`${a}.department_code`);
}

export const gridNotFound = (id: number | string) =>
  new DomainError('not_found', `网格 ${id} 不存在`, `Grid ${id} does not exist`);

export interface GridRow {
  id: number;
  code: string;
  name: string;
  region_code: string;
  department_code: string;
  duties: string;
  version: number;
}

/** A grid the actor may see (and, holding oversight.grid.manage, change); "not found" otherwise. */
export async function loadGrid(db: Executor, actor: Actor, id: number, forUpdate = false): Promise<GridRow> {
  const g = await queryOne<GridRow>(
    db,
    sql`SELECT g.id, g.code, g.name, g.region_code, g.department_code, g.duties, g.version
        FROM oversight_grid g WHERE g.id = ${id} AND ${gridInScope(actor)} ${forUpdate ? sql`FOR UPDATE` : sql``}`,
  );
  if (!g) throw gridNotFound(id);
  return { ...g, id: Number(g.id) };
}
