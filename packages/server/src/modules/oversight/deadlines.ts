import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { deadlineInScope, type ScopedRegion } from './scope.js';

/**
 * Timeliness as data (issue 10 §4): every count here is read from oversight_deadline, the view of
 * the due days, done days and on-time flags the modules themselves store. Nothing is recomputed.
 */
export const DEADLINE_SOURCES = [
  'licensing_decision',
  'licensing_task',
  'complaint',
  'warning',
  'case',
  'publication',
] as const;
export type DeadlineSource = (typeof DEADLINE_SOURCES)[number];

export const MEASURES = ['started', 'done', 'on_time', 'late', 'open', 'overdue', 'substantiated'] as const;
export type Measure = (typeof MEASURES)[number];

export interface Period {
  from: string;
  to: string;
  /** The day overdue is judged on: the period's end, or today when the period runs on. */
  asOf: string;
}

/** States that end a record without a done day (not accepted, withdrawn, withheld …): never open. */
export const ENDED = sql`('not_accepted', 'withdrawn', 'withheld', 'not_opened', 'revoked', 'closed', 'handled', 'conforming', 'failed', 'filed', 'granted', 'refused', 'rejected')`;

/** The one definition of each measure, shared by the counts and the lists behind them. */
export function measureSql(m: Measure, p: Period, a = 'd'): SQL {
  const d = sql.raw(a);
  const doneIn = sql`${d}.done_on BETWEEN ${p.from} AND ${p.to}`;
  const open = sql`(${d}.started_on <= ${p.to} AND ((${d}.done_on IS NULL AND ${d}.state NOT IN ${ENDED}) OR ${d}.done_on > ${p.to}))`;
  switch (m) {
    case 'started':
      return sql`${d}.started_on BETWEEN ${p.from} AND ${p.to}`;
    case 'done':
      return doneIn;
    case 'on_time':
      return sql`(${doneIn} AND ${d}.on_time)`;
    case 'late':
      return sql`(${doneIn} AND ${d}.on_time = false)`;
    case 'open':
      return open;
    case 'overdue':
      return sql`(${open} AND ${d}.due_on < ${p.asOf})`;
    case 'substantiated':
      return sql`(${doneIn} AND ${d}.substantiated)`;
  }
}

export interface TimelinessRow {
  source: DeadlineSource;
  category: string;
  started: number;
  done: number;
  onTime: number;
  late: number;
  open: number;
  overdue: number;
  substantiated: number;
  amount: number;
}

/** Counts per source and category (permit type, complaint category, case outcome …) or subkind (reform mode …). */
export async function timeliness(
  db: Executor,
  actor: Actor,
  region: ScopedRegion,
  p: Period,
  groupBy: 'category' | 'subkind' = 'category',
  /** Where the records are read: the view, or a table of the same columns (deadline-summary.ts). */
  records: SQL = sql`oversight_deadline`,
): Promise<TimelinessRow[]> {
  const key = sql.raw(`d.${groupBy}`);
  const rows = await queryRows<{
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
    sql`SELECT d.source, ${key} AS category,
          count(*) FILTER (WHERE ${measureSql('started', p)})::int AS started,
          count(*) FILTER (WHERE ${measureSql('done', p)})::int AS done,
          count(*) FILTER (WHERE ${measureSql('on_time', p)})::int AS on_time,
          count(*) FILTER (WHERE ${measureSql('late', p)})::int AS late,
          count(*) FILTER (WHERE ${measureSql('open', p)})::int AS open,
          count(*) FILTER (WHERE ${measureSql('overdue', p)})::int AS overdue,
          count(*) FILTER (WHERE ${measureSql('substantiated', p)})::int AS substantiated,
          sum(d.amount) FILTER (WHERE ${measureSql('done', p)}) AS amount
        FROM ${records} d
        WHERE d.started_on <= ${p.to} AND ${deadlineInScope(actor, region)}
        GROUP BY d.source, ${key} ORDER BY d.source, ${key}`,
  );
  return rows.map((r) => ({
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
  }));
}

export type Totals = Omit<TimelinessRow, 'source' | 'category'>;

export function sumRows(rows: TimelinessRow[], source: DeadlineSource, category?: string): Totals {
  const t: Totals = {
    started: 0,
    done: 0,
    onTime: 0,
    late: 0,
    open: 0,
    overdue: 0,
    substantiated: 0,
    amount: 0,
  };
  for (const r of rows) {
    if (r.source !== source || (category !== undefined && r.category !== category)) continue;
    for (const k of Object.keys(t) as (keyof Totals)[]) t[k] += r[k];
  }
  return t;
}

/** Open and overdue records per child region (the map's colour), by the child codes' prefix length. */
export async function overdueByChild(
  db: Executor,
  actor: Actor,
  region: ScopedRegion,
  p: Period,
  prefixLength: number,
  /** Where the records are read: the view, or a table of the same columns (deadline-summary.ts). */
  records: SQL = sql`oversight_deadline`,
): Promise<Map<string, number>> {
  const rows = await queryRows<{ child: string; n: number }>(
    db,
    sql`SELECT left(d.region_code, ${prefixLength}) AS child, count(*)::int AS n
        FROM ${records} d
        WHERE ${measureSql('overdue', p)} AND ${deadlineInScope(actor, region)}
        GROUP BY 1`,
  );
  return new Map(rows.map((r) => [r.child, r.n]));
}

export interface DeadlineRecord {
  source: DeadlineSource;
  recordId: number;
  reference: string;
  label: string;
  regionCode: string;
  departmentCode: string;
  category: string;
  state: string;
  startedOn: string | null;
  dueOn: string | null;
  doneOn: string | null;
  onTime: boolean | null;
}

const day = (v: string | Date | null): string | null =>
  v === null ? null : typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10);

/** The records behind one figure: the same measure, source and category as the count. */
export async function deadlineRecords(
  db: Executor,
  actor: Actor,
  region: ScopedRegion,
  p: Period,
  q: { source: DeadlineSource; measure: Measure; category?: string; page: number; pageSize: number },
): Promise<{ total: number; items: DeadlineRecord[] }> {
  const where = sql`d.source = ${q.source} AND ${measureSql(q.measure, p)} AND ${deadlineInScope(actor, region)}
    ${q.category !== undefined ? sql`AND d.category = ${q.category}` : sql``}`;
  const total =
    (
      await queryRows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM oversight_deadline d WHERE ${where}`,
      )
    )[0]?.n ?? 0;
  const rows = await queryRows<{
    record_id: number;
    reference: string;
    label: string;
    region_code: string;
    department_code: string;
    category: string;
    state: string;
    started_on: string | Date | null;
    due_on: string | Date | null;
    done_on: string | Date | null;
    on_time: boolean | null;
  }>(
    db,
    sql`SELECT d.record_id, d.reference, d.label, d.region_code, d.department_code, d.category, d.state,
          d.started_on, d.due_on, d.done_on, d.on_time
        FROM oversight_deadline d WHERE ${where}
        ORDER BY d.due_on NULLS LAST, d.record_id
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return {
    total,
    items: rows.map((r) => ({
      source: q.source,
      recordId: Number(r.record_id),
      reference: r.reference,
      label: r.label,
      regionCode: r.region_code,
      departmentCode: r.department_code,
      category: r.category,
      state: r.state,
      startedOn: day(r.started_on),
      dueOn: day(r.due_on),
      doneOn: day(r.done_on),
      onTime: r.on_time,
    })),
  };
}
