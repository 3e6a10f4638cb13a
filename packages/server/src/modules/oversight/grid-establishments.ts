import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { loadGrid } from './grid-scope.js';

/** Establishments in a grid's areas (not deregistered), matching a name, for the patrol form's place. */
export async function gridEstablishments(db: Executor, actor: Actor, gridId: number, q?: string) {
  const grid = await loadGrid(db, actor, gridId);
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await queryRows<{ id: number; name: string; region_code: string }>(
    db,
    sql`SELECT DISTINCT e.id, e.name, e.region_code FROM oversight_establishment e
        JOIN oversight_grid_area a ON e.region_code LIKE a.area_code || '%'
        WHERE a.grid_id = ${grid.id} AND e.status <> 'deregistered' ${like ? sql`AND e.name LIKE ${like}` : sql``}
        ORDER BY e.name, e.id LIMIT 30`,
  );
  return { items: rows.map((r) => ({ id: Number(r.id), name: r.name, regionCode: r.region_code })) };
}
