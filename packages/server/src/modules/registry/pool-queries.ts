import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database.js';
import { regionFilterPrefix } from './establishment-record.js';
import type { EstablishmentFacts } from './queries.js';

/**
 * Read functions other modules use over many establishments at once: the inspection module's
 * target pool (a filter over the directory), its counts, and facts for lists of ids.
 */
export interface PoolFilter {
  /** Region codes; each stands for its subtree. */
  regionCodes: readonly string[];
  kinds: readonly string[];
  /** Only these statuses (the pool takes operating establishments). */
  statuses: readonly string[];
}

export interface PoolEstablishment {
  id: number;
  uscc: string | null;
  publicCode: string;
  kind: string;
  regionCode: string;
  flags: string[];
}

function poolWhere(f: PoolFilter): SQL {
  if (f.regionCodes.length === 0 || f.kinds.length === 0 || f.statuses.length === 0) return sql`false`;
  const regions = sql.join(
    f.regionCodes.map((c) => sql`e.region_code LIKE ${`${regionFilterPrefix(c)}%`}`),
    sql` OR `,
  );
  return sql`(${regions}) AND e.kind IN (${sql.join(
    f.kinds.map((k) => sql`${k}`),
    sql`, `,
  )}) AND e.status IN (${sql.join(
    f.statuses.map((s) => sql`${s}`),
    sql`, `,
  )})`;
}

/** The establishments matching a filter, in keyset pages by id (memory stays flat on a million rows). */
export async function* poolEstablishments(
  db: Executor,
  filter: PoolFilter,
  pageSize = 20_000,
): AsyncGenerator<PoolEstablishment[]> {
  const where = poolWhere(filter);
  let after = 0;
  for (;;) {
    const rows = await queryRows<PoolEstablishment>(
      db,
      sql`SELECT e.id, e.uscc, e.public_code AS "publicCode", e.kind, e.region_code AS "regionCode", e.flags
          FROM establishment e WHERE ${where} AND e.id > ${after} ORDER BY e.id LIMIT ${pageSize}`,
    );
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

/** Counts of a filter by kind, flags and county (first six digits of the region code). */
export async function poolCounts(
  db: Executor,
  filter: PoolFilter,
): Promise<{ kind: string; flags: string[]; county: string; n: number }[]> {
  return queryRows(
    db,
    sql`SELECT e.kind, e.flags, left(e.region_code, 6) AS county, count(*)::int AS n
        FROM establishment e WHERE ${poolWhere(filter)} GROUP BY e.kind, e.flags, left(e.region_code, 6)`,
  );
}

/** Facts of many establishments by id (ids not found are absent from the map). */
export async function establishmentFactsOf(
  db: Executor,
  ids: readonly number[],
): Promise<Map<number, EstablishmentFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<EstablishmentFacts>(
    db,
    sql`SELECT id, public_code AS "publicCode", name, uscc, kind, category_code AS "categoryCode", region_code AS "regionCode",
          address, legal_representative AS "legalRepresentative", level, beds, status
        FROM establishment WHERE id = ANY(${sql.param([...new Set(ids)])}::bigint[])`,
  );
  return new Map(rows.map((r) => [Number(r.id), r]));
}
