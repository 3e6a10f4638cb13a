import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../packages/server/src/db/database.js';
import { DemoRandom } from '../packages/server/src/demo/random.js';
import type { Actor } from '../packages/server/src/modules/identity/actor.js';
import { searchEstablishments } from '../packages/server/src/modules/registry/queries.js';

/**
 * Name search as the API runs it (GET /establishments?q=…: the page of 20 sorted by name plus the
 * capped count), by a province-level user who sees every row. The 1,000 queries are fragments of
 * 2–4 characters cut from names in the table, after 20 warm-up queries.
 */
const PROVINCE_USER: Actor = {
  userId: 1,
  username: 'bench',
  displayName: 'bench',
  kind: 'staff',
  unit: null,
  regionPrefix: '37',
  establishmentId: null,
  roles: [],
  permissions: new Set(),
  secondFactorEnabled: true,
  mustChangePassword: false,
  sessionId: null,
  ip: null,
  requestId: null,
};

export const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export async function searchBenchmark(database: Database, queries = 1000) {
  await database.execScript('ANALYZE establishment');
  const total = (
    await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM establishment`)
  )[0]!.n;
  const percent = Math.min(100, ((queries + 20) * 300) / Math.max(1, total));
  const names = await queryRows<{ name: string }>(
    database.db,
    sql`SELECT name FROM establishment TABLESAMPLE BERNOULLI (${sql.raw(percent.toFixed(4))}) REPEATABLE (7) LIMIT ${queries + 20}`,
  );
  const rnd = new DemoRandom(99);
  const fragments = names.map((n) => {
    const chars = [...n.name];
    const len = Math.min(chars.length, rnd.pick([2, 3, 3, 4]));
    const start = rnd.int(0, chars.length - len);
    return chars.slice(start, start + len).join('');
  });
  const run = (q: string) =>
    searchEstablishments(database.db, PROVINCE_USER, {
      q,
      page: 1,
      pageSize: 20,
      sort: 'name',
      order: 'asc',
    });
  for (const q of fragments.slice(0, 20)) await run(q);
  const byLength = new Map<number, number[]>();
  const all: number[] = [];
  const slow: [number, string][] = [];
  let matches = 0;
  for (const q of fragments.slice(20, 20 + queries)) {
    const t = process.hrtime.bigint();
    const r = await run(q);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    matches += r.total;
    all.push(ms);
    slow.push([ms, q]);
    byLength.set([...q].length, [...(byLength.get([...q].length) ?? []), ms]);
  }
  const summary = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return { n: s.length, medianMs: +quantile(s, 0.5).toFixed(2), p99Ms: +quantile(s, 0.99).toFixed(2) };
  };
  slow.sort((a, b) => b[0] - a[0]);
  return {
    ...summary(all),
    slowest: slow.slice(0, 10).map(([ms, q]) => `${q} ${ms.toFixed(0)} ms`),
    meanMatches: Math.round(matches / all.length),
    byLength: Object.fromEntries(
      [...byLength].sort(([a], [b]) => a - b).map(([k, v]) => [`${k} chars`, summary(v)]),
    ),
  };
}
