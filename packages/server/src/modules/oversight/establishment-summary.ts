import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { populationFill } from './population-summary.js';
import { establishmentInScope, type ScopedRegion } from './scope.js';
import { rebuild, refreshedAt, SUMMARIES } from './summary-refresh.js';

/**
 * Rebuilds the establishment summary and the coverage population from oversight_establishment (the
 * registry and the credit profiles) in one transaction. Run by the job
 * oversight.establishment-summary; province-wide, counted live, the establishment panels took
 * 0.4–1.4 s and the population 0.35–0.9 s at a million establishments (docs/benchmarks.md), above
 * the 300 ms a panel may take (issue 10).
 */
export async function refreshEstablishmentSummary(
  db: Executor,
  now: Date,
): Promise<{ rows: number; population: number }> {
  const counts = await rebuild(db, now, [
    {
      name: SUMMARIES.establishments,
      tables: ['oversight_establishment_summary'],
      fill: [
        sql`INSERT INTO oversight_establishment_summary (region_code, kind, credit_level, risk_level, n)
            SELECT e.region_code, e.kind, e.credit_level, e.risk_level, count(*)::int
            FROM oversight_establishment e WHERE e.status <> 'deregistered' GROUP BY 1, 2, 3, 4`,
      ],
    },
    {
      name: SUMMARIES.population,
      tables: ['oversight_population_summary'],
      fill: [populationFill],
    },
  ]);
  return { rows: counts[SUMMARIES.establishments]!, population: counts[SUMMARIES.population]! };
}

export interface EstablishmentCounts {
  kinds: { kind: string; n: number }[];
  levels: { credit: string | null; risk: string | null; n: number }[];
  perChild: { child: string; n: number }[];
  /** When the summary counted them, or null when counted live (summary never refreshed). */
  countedAt: string | null;
}

/**
 * The establishment panels' counts: from the summary once the job has refreshed it, live from
 * oversight_establishment before that (a new installation, the tests) or when asked (reports).
 */
export async function establishmentCounts(
  db: Executor,
  actor: Actor,
  region: ScopedRegion,
  childLength: number,
  live = false,
): Promise<EstablishmentCounts> {
  const refreshed = live ? null : await refreshedAt(db, SUMMARIES.establishments);
  const inScope = establishmentInScope(actor, region);
  const [from, n, standing] = refreshed
    ? [sql`oversight_establishment_summary e`, sql`sum(e.n)::int`, sql`true`]
    : [sql`oversight_establishment e`, sql`count(*)::int`, sql`e.status <> 'deregistered'`];
  const [kinds, levels, perChild] = await Promise.all([
    queryRows<{ kind: string; n: number }>(
      db,
      sql`SELECT e.kind, ${n} AS n FROM ${from} WHERE ${standing} AND ${inScope} GROUP BY e.kind`,
    ),
    queryRows<{ credit: string | null; risk: string | null; n: number }>(
      db,
      sql`SELECT e.credit_level AS credit, e.risk_level AS risk, ${n} AS n FROM ${from}
          WHERE ${standing} AND ${inScope} GROUP BY 1, 2`,
    ),
    queryRows<{ child: string; n: number }>(
      db,
      sql`SELECT left(e.region_code, ${childLength}) AS child, ${n} AS n FROM ${from}
          WHERE ${standing} AND ${inScope} GROUP BY 1`,
    ),
  ]);
  return { kinds, levels, perChild, countedAt: refreshed };
}
