import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import { queryRows } from '../../db/database.js';

export interface RegionRow {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county' | 'town' | 'village';
  parentCode: string | null;
  retired: boolean;
  validFrom: number | null;
  validTo: number | null;
  replacedBy: string[];
  formerNames: { name: string; from: number | null; to: number | null }[];
  childCount: number;
}

const columns = sql`r.code, r.name, r.level, r.parent_code AS "parentCode", r.retired, r.valid_from AS "validFrom",
  r.valid_to AS "validTo", r.replaced_by AS "replacedBy", r.former_names AS "formerNames",
  (SELECT count(*)::int FROM region c WHERE c.parent_code = r.code) AS "childCount"`;

/** Children of a region (provinces when parent is null), current codes first, then by code. */
export async function listRegions(
  db: Executor,
  { parent, includeRetired }: { parent: string | null; includeRetired: boolean },
): Promise<RegionRow[]> {
  const r = await queryRows<RegionRow>(
    db,
    sql`
    SELECT ${columns} FROM region r
    WHERE ${parent === null ? sql`r.parent_code IS NULL` : sql`r.parent_code = ${parent}`}
      ${includeRetired ? sql`` : sql`AND NOT r.retired`}
    ORDER BY r.retired, r.code`,
  );
  return r;
}

export async function getRegion(db: Executor, code: string): Promise<RegionRow | undefined> {
  const r = await queryRows<RegionRow>(db, sql`SELECT ${columns} FROM region r WHERE r.code = ${code}`);
  return r[0];
}

/** The region and its ancestors, root first (for breadcrumbs and scope checks). */
export async function regionPath(
  db: Executor,
  code: string,
): Promise<{ code: string; name: string; level: string }[]> {
  const r = await queryRows<{ code: string; name: string; level: string; depth: number }>(
    db,
    sql`
    WITH RECURSIVE up AS (
      SELECT code, name, level, parent_code, 0 AS depth FROM region WHERE code = ${code}
      UNION ALL
      SELECT p.code, p.name, p.level, p.parent_code, up.depth + 1 FROM region p JOIN up ON p.code = up.parent_code
    )
    SELECT code, name, level, depth FROM up ORDER BY depth DESC`,
  );
  return r.map(({ code: c, name, level }) => ({ code: c, name, level }));
}

export async function searchRegions(db: Executor, q: string, limit: number): Promise<RegionRow[]> {
  const r = await queryRows<RegionRow>(
    db,
    sql`
    SELECT ${columns} FROM region r
    WHERE r.name LIKE ${`%${q.replace(/[%_\\]/g, '\\$&')}%`} OR r.code LIKE ${`${q.replace(/\D/g, '')}%`}
    ORDER BY r.retired, length(r.code), r.code LIMIT ${limit}`,
  );
  return r;
}
