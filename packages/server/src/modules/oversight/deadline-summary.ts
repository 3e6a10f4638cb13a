import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { inDepartmentScope } from '../identity/scope.js';
import {
  type DeadlineSource,
  ENDED,
  overdueByChild,
  type Period,
  type TimelinessRow,
  timeliness,
} from './deadlines.js';
import { chinaDay } from './period.js';
import type { ScopedRegion } from './scope.js';
import { rebuild, refreshedAt, SUMMARIES } from './summary-refresh.js';

/**
 * Timeliness as data, pre-aggregated (issue 10 §4 and "Performance"). The figures still come from
 * oversight_deadline, the due, done and on-time days the modules store; the summary only counts
 * them per area (province, city), source, category, department and day:
 *  - started, done, on time, late, substantiated and the fines on the day they happened, so a
 *    period's figure is the sum over its days;
 *  - open and overdue as running sums: +1 on the day a record opens (or passes its due day), −1 on
 *    the day it is done, so the figure at the period's end is the sum up to that day.
 * That is exact for a record whose days are in order (due and done not before started, done not
 * after the refresh day) in a region coded below the city. The rare others are copied whole into
 * oversight_deadline_irregular and counted with the live measures. Province-wide the live pass over ~380,000 records took 0.34–0.9 s
 * (docs/benchmarks.md); the summary reads one row per group and day.
 */

/** Days in order, and a region below the city: each record counted exactly by its per-day events. */
const regular = (refreshDay: string) =>
  sql`(d.done_on IS NULL OR (d.done_on >= d.started_on AND d.done_on <= ${refreshDay}))
      AND (d.due_on IS NULL OR d.due_on >= d.started_on) AND length(d.region_code) >= 4`;

/** Still counted as open while not done: not ended without a done day (deadlines.ts 'open'). */
const OPENABLE = sql`(d.done_on IS NOT NULL OR (d.state NOT IN ${ENDED}) IS TRUE)`;

export async function refreshDeadlineSummary(db: Executor, now: Date): Promise<Record<string, number>> {
  const day = chinaDay(now);
  return rebuild(db, now, [
    {
      name: SUMMARIES.deadlines,
      tables: ['oversight_deadline_summary', 'oversight_deadline_irregular'],
      // The per-day grouping of a province's records fits in memory instead of spilling to disk.
      setup: sql`SET LOCAL work_mem = '64MB'`,
      fill: [
        // The cities' counts from the records, then the province's from the cities', each area's
        // rows written together (a city's figures read a few contiguous pages).
        sql`INSERT INTO oversight_deadline_summary (area, source, category, department_code, day, started, done,
              on_time, late, substantiated, amount, open_delta, overdue_delta)
            SELECT left(d.region_code, 4), d.source, d.category, d.department_code, e.day,
              sum(e.started)::int, sum(e.done)::int, sum(e.on_time)::int, sum(e.late)::int,
              sum(e.substantiated)::int, sum(e.amount), sum(e.open_delta)::int, sum(e.overdue_delta)::int
            FROM oversight_deadline d
            CROSS JOIN LATERAL (VALUES
              (d.started_on, 1, 0, 0, 0, 0, 0::numeric, CASE WHEN ${OPENABLE} THEN 1 ELSE 0 END, 0),
              (d.done_on, 0, 1, CASE WHEN d.on_time IS TRUE THEN 1 ELSE 0 END,
                CASE WHEN d.on_time IS FALSE THEN 1 ELSE 0 END, CASE WHEN d.substantiated IS TRUE THEN 1 ELSE 0 END,
                coalesce(d.amount, 0), -1, 0),
              (d.due_on + 1, 0, 0, 0, 0, 0, 0::numeric, 0, CASE WHEN ${OPENABLE} THEN 1 ELSE 0 END),
              (CASE WHEN d.done_on IS NOT NULL AND d.due_on IS NOT NULL THEN greatest(d.due_on + 1, d.done_on) END,
                0, 0, 0, 0, 0, 0::numeric, 0, -1)
            ) e(day, started, done, on_time, late, substantiated, amount, open_delta, overdue_delta)
            WHERE d.started_on IS NOT NULL AND ${regular(day)} AND e.day IS NOT NULL
            GROUP BY 1, 2, 3, 4, 5
            HAVING sum(e.started) <> 0 OR sum(e.done) <> 0 OR sum(e.open_delta) <> 0 OR sum(e.overdue_delta) <> 0
            ORDER BY 1, 5`,
        sql`INSERT INTO oversight_deadline_summary (area, source, category, department_code, day, started, done,
              on_time, late, substantiated, amount, open_delta, overdue_delta)
            SELECT left(s.area, 2), s.source, s.category, s.department_code, s.day, sum(s.started)::int,
              sum(s.done)::int, sum(s.on_time)::int, sum(s.late)::int, sum(s.substantiated)::int, sum(s.amount),
              sum(s.open_delta)::int, sum(s.overdue_delta)::int
            FROM oversight_deadline_summary s GROUP BY 1, 2, 3, 4, 5
            HAVING sum(s.started) <> 0 OR sum(s.done) <> 0 OR sum(s.open_delta) <> 0 OR sum(s.overdue_delta) <> 0
            ORDER BY 1, 5`,
        sql`INSERT INTO oversight_deadline_irregular (source, record_id, category, region_code, department_code, state,
              started_on, due_on, done_on, on_time, substantiated, amount)
            SELECT d.source, d.record_id, d.category, d.region_code, d.department_code, d.state,
              d.started_on, d.due_on, d.done_on, d.on_time, d.substantiated, d.amount
            FROM oversight_deadline d WHERE d.started_on IS NOT NULL AND NOT (${regular(day)})`,
        // Fresh statistics for the readers' plans (the rows were all replaced).
        sql`ANALYZE oversight_deadline_summary, oversight_deadline_irregular`,
      ],
    },
  ]);
}

/** When the summary was refreshed, or null when it cannot answer the period (see below). */
async function usableSince(db: Executor, p: Period): Promise<string | null> {
  const countedAt = await refreshedAt(db, SUMMARIES.deadlines);
  if (countedAt === null) return null;
  return p.asOf < p.to && p.asOf < chinaDay(new Date(countedAt)) ? null : countedAt;
}

/**
 * The province map's overdue records per city from the summary (the same counts as its timeliness
 * cards), or null when counted live: the summary not usable, or a map of counties or smaller areas.
 */
export async function summarisedOverdueByChild(
  db: Executor,
  actor: Actor,
  region: ScopedRegion,
  p: Period,
  childLength: number,
): Promise<Map<string, number> | null> {
  if (region.prefix.length !== 2 || childLength !== 4) return null;
  if ((await usableSince(db, p)) === null) return null;
  const [summed, irregular] = await Promise.all([
    queryRows<{ child: string; n: number }>(
      db,
      sql`SELECT s.area AS child, sum(s.overdue_delta)::int AS n FROM oversight_deadline_summary s
          WHERE length(s.area) = 4 AND s.area LIKE ${`${region.prefix}%`} AND s.day <= ${p.asOf}
            AND ${inDepartmentScope(actor, sql`s.department_code`)}
          GROUP BY 1`,
    ),
    overdueByChild(db, actor, region, p, childLength, sql`oversight_deadline_irregular`),
  ]);
  const byChild = new Map(irregular);
  for (const r of summed) byChild.set(r.child, (byChild.get(r.child) ?? 0) + r.n);
  return byChild;
}

/**
 * The timeliness rows (per source and category) from the summary, with when it was counted; null
 * when the live count applies: the summary never refreshed, a county or smaller area (counted live
 * in a few milliseconds), or a period whose overdue day comes before the refresh day while its end
 * is later (only possible with a clock set back).
 */
export async function summarisedTimeliness(
  db: Executor,
  actor: Actor,
  region: ScopedRegion,
  p: Period,
): Promise<{ rows: TimelinessRow[]; countedAt: string } | null> {
  if (region.prefix.length !== 2 && region.prefix.length !== 4) return null;
  const countedAt = await usableSince(db, p);
  if (countedAt === null) return null;
  const inPeriod = sql`s.day BETWEEN ${p.from} AND ${p.to}`;
  const [summed, irregular] = await Promise.all([
    queryRows<{
      source: DeadlineSource;
      category: string;
      started: number;
      done: number;
      on_time: number;
      late: number;
      open: number;
      overdue: number;
      substantiated: number;
      amount: string | number | null;
    }>(
      db,
      sql`SELECT s.source, s.category,
            coalesce(sum(s.started) FILTER (WHERE ${inPeriod}), 0)::int AS started,
            coalesce(sum(s.done) FILTER (WHERE ${inPeriod}), 0)::int AS done,
            coalesce(sum(s.on_time) FILTER (WHERE ${inPeriod}), 0)::int AS on_time,
            coalesce(sum(s.late) FILTER (WHERE ${inPeriod}), 0)::int AS late,
            coalesce(sum(s.open_delta), 0)::int AS open,
            coalesce(sum(s.overdue_delta) FILTER (WHERE s.day <= ${p.asOf}), 0)::int AS overdue,
            coalesce(sum(s.substantiated) FILTER (WHERE ${inPeriod}), 0)::int AS substantiated,
            sum(s.amount) FILTER (WHERE ${inPeriod}) AS amount
          FROM oversight_deadline_summary s
          WHERE s.area = ${region.prefix} AND s.day <= ${p.to} AND ${inDepartmentScope(actor, sql`s.department_code`)}
          GROUP BY s.source, s.category`,
    ),
    timeliness(db, actor, region, p, 'category', sql`oversight_deadline_irregular`),
  ]);
  const rows = new Map<string, TimelinessRow>();
  const add = (r: TimelinessRow) => {
    const key = `${r.source}\u0000${r.category}`;
    const at = rows.get(key);
    if (!at) return rows.set(key, { ...r });
    for (const k of ['started', 'done', 'onTime', 'late', 'open', 'overdue', 'substantiated'] as const)
      at[k] += r[k];
    // Fines are in yuan with at most two decimals: no binary fraction left over.
    at.amount = Math.round((at.amount + r.amount) * 100) / 100;
  };
  for (const r of summed) {
    add({
      source: r.source,
      category: r.category,
      started: r.started,
      done: r.done,
      onTime: r.on_time,
      late: r.late,
      open: r.open,
      overdue: r.overdue,
      substantiated: r.substantiated,
      amount: Number(r.amount ?? 0),
    });
  }
  for (const r of irregular) add(r);
  return {
    rows: [...rows.values()].sort((a, b) =>
      a.source === b.source ? (a.category < b.category ? -1 : 1) : a.source < b.source ? -1 : 1,
    ),
    countedAt,
  };
}
