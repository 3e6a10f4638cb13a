import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';

/** The dashboard's summaries (oversight_summary_refresh.name): each is refreshed by a job. */
export const SUMMARIES = {
  establishments: 'oversight_establishment_summary',
  population: 'oversight_population_summary',
  deadlines: 'oversight_deadline_summary',
} as const;
export type SummaryName = (typeof SUMMARIES)[keyof typeof SUMMARIES];

/**
 * Rebuilds summary tables in one transaction: readers see the old figures until it commits. The
 * tables are locked EXCLUSIVE first (readers go on; a second refresh, from another process or a
 * manual run, waits and then rebuilds from the newer data) so two refreshes never interleave their
 * DELETE and INSERT. A derived cache, not a record: no audit row.
 */
export async function rebuild(
  db: Executor,
  now: Date,
  parts: { name: SummaryName; tables: string[]; setup?: SQL; fill: SQL[] }[],
): Promise<Record<string, number>> {
  return db.transaction(async (tx) => {
    const tables = parts.flatMap((p) => p.tables);
    await tx.execute(sql.raw(`LOCK TABLE ${tables.join(', ')} IN EXCLUSIVE MODE`));
    const counts: Record<string, number> = {};
    for (const part of parts) {
      const started = Date.now();
      if (part.setup) await tx.execute(part.setup);
      for (const table of part.tables) await tx.execute(sql.raw(`DELETE FROM ${table}`));
      for (const fill of part.fill) await tx.execute(fill);
      const rows = (await queryOne<{ n: number }>(
        tx,
        sql.raw(`SELECT (${part.tables.map((t) => `(SELECT count(*) FROM ${t})`).join(' + ')})::int AS n`),
      ))!.n;
      counts[part.name] = rows;
      await tx.execute(
        sql`INSERT INTO oversight_summary_refresh (name, refreshed_at, rows, millis)
            VALUES (${part.name}, ${now.toISOString()}, ${rows}, ${Date.now() - started})
            ON CONFLICT (name) DO UPDATE SET refreshed_at = excluded.refreshed_at, rows = excluded.rows, millis = excluded.millis`,
      );
    }
    return counts;
  });
}

/** When a summary was last refreshed (ISO), or null when never: its readers then count live. */
export async function refreshedAt(db: Executor, name: SummaryName): Promise<string | null> {
  const row = await queryOne<{ at: Date | string }>(
    db,
    sql`SELECT refreshed_at AS at FROM oversight_summary_refresh WHERE name = ${name}`,
  );
  if (!row) return null;
  return typeof row.at === 'string' ? new Date(row.at).toISOString() : row.at.toISOString();
}
