import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { queryOne } from '../db/database.js';

/**
 * A store for @fastify/rate-limit whose counters are rows of `rate_limit_counter`, so every
 * application process shares them (the default store counts in process memory). One upsert per
 * rate-limited request, on the database clock: a fixed window that restarts once it has passed.
 * `child` scopes the keys by route, as the in-memory store does with one map per route.
 */
type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

interface RouteParams {
  groupId?: string;
  routeInfo?: { method?: string | string[]; url?: string };
}

export function databaseRateLimitStore(database: Database) {
  const counter = async (key: string, windowMs: number, increment: boolean) => {
    const row = increment
      ? await queryOne<{ hits: number; ttl: number }>(
          database.db,
          sql`INSERT INTO rate_limit_counter AS c (key, window_start, hits) VALUES (${key}, now(), 1)
              ON CONFLICT (key) DO UPDATE SET
                hits = CASE WHEN c.window_start + ${windowMs} * interval '1 millisecond' <= now() THEN 1 ELSE c.hits + 1 END,
                window_start = CASE WHEN c.window_start + ${windowMs} * interval '1 millisecond' <= now() THEN now() ELSE c.window_start END
              RETURNING hits, ceil(extract(epoch FROM c.window_start + ${windowMs} * interval '1 millisecond' - now()) * 1000)::int AS ttl`,
        )
      : await queryOne<{ hits: number; ttl: number }>(
          database.db,
          sql`SELECT hits, ceil(extract(epoch FROM window_start + ${windowMs} * interval '1 millisecond' - now()) * 1000)::int AS ttl
              FROM rate_limit_counter WHERE key = ${key} AND window_start + ${windowMs} * interval '1 millisecond' > now()`,
        );
    return { current: row?.hits ?? 0, ttl: Math.max(0, row?.ttl ?? 0) };
  };

  class DatabaseStore {
    readonly scope: string;
    /** The plugin constructs the root store with its options; children get their route's scope. */
    constructor(scope?: unknown) {
      this.scope = typeof scope === 'string' ? scope : 'global';
    }
    incr(key: string, cb: Callback, timeWindow: number) {
      counter(`${this.scope}|${key}`, timeWindow, true).then((r) => cb(null, r), cb);
    }
    read(key: string, cb: Callback, timeWindow: number) {
      counter(`${this.scope}|${key}`, timeWindow, false).then((r) => cb(null, r), cb);
    }
    child(routeOptions: object) {
      // The plugin passes the route's merged rate-limit options, with `routeInfo` and `groupId`.
      const params = routeOptions as RouteParams;
      const method = [params.routeInfo?.method ?? ''].flat().join(',');
      return new DatabaseStore(params.groupId ?? `${method} ${params.routeInfo?.url ?? ''}`.trim());
    }
  }
  return DatabaseStore;
}

/** Drops windows that ended long ago (a scheduled job; counters of idle clients need no row). */
export async function pruneRateLimitCounters(database: Database): Promise<number> {
  const r = await queryOne<{ n: number }>(
    database.db,
    sql`WITH gone AS (DELETE FROM rate_limit_counter WHERE window_start < now() - interval '1 day' RETURNING 1)
        SELECT count(*)::int AS n FROM gone`,
  );
  return r?.n ?? 0;
}
