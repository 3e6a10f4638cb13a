import { ESTABLISHMENT_KINDS } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database.js';
import type { ScopedRegion } from './scope.js';
import { refreshedAt, SUMMARIES } from './summary-refresh.js';

const KINDS = sql.join(
  ESTABLISHMENT_KINDS.map((k) => sql`${k}`),
  sql`, `,
);

/**
 * The coverage population (the inspection coverage's denominator: the directory's operating
 * establishments of every kind, as the registry's pool counts give it), per region and kind. Filled
 * by refreshEstablishmentSummary, in the same transaction as the establishment summary.
 */
export const populationFill = sql`INSERT INTO oversight_population_summary (region_code, kind, n)
  SELECT e.region_code, e.kind, count(*)::int FROM oversight_establishment e
  WHERE e.status = 'operating' AND e.kind IN (${KINDS}) GROUP BY 1, 2`;

export interface PopulationCounts {
  /** By kind and county (first six digits), as the registry's poolCounts gives them. */
  rows: { kind: string; county: string; n: number }[];
  countedAt: string;
}

/**
 * The population of a region from the summary, or null when the summary was never refreshed (the
 * coverage then counts live). Region only, like the registry: the region asked for lies inside the
 * actor's (scopedRegion).
 */
export async function summarisedPopulation(
  db: Executor,
  region: ScopedRegion,
): Promise<PopulationCounts | null> {
  const countedAt = await refreshedAt(db, SUMMARIES.population);
  if (countedAt === null) return null;
  const rows = await queryRows<{ kind: string; county: string; n: number }>(
    db,
    sql`SELECT p.kind, left(p.region_code, 6) AS county, sum(p.n)::int AS n
        FROM oversight_population_summary p WHERE p.region_code LIKE ${`${region.prefix}%`}
        GROUP BY 1, 2`,
  );
  return { rows, countedAt };
}
