import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { type DataDirLock, lockDataDir } from './data-dir-lock.js';
import { type QueryWatch, watchQueries } from './slow-query.js';

/** Drizzle over either driver: the query code is the same on PGlite and on PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
/** Anything that can run queries: the database or a transaction inside it. */
export type Executor = Db;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs a multi-statement SQL script without parameters (migrations, bulk scripts). */
  execScript(sql: string): Promise<void>;
  /** Runs fn while holding a session-level advisory lock (serialises migrations across processes). */
  withAdvisoryLock<T>(key: number, fn: (script: (sql: string) => Promise<void>) => Promise<T>): Promise<T>;
  /** The raw PGlite instance (for pg-boss's adapter and /dev/blob loads); undefined on PostgreSQL. */
  pglite: PGlite | undefined;
  /** The pg pool; undefined on PGlite. */
  pool: pg.Pool | undefined;
  close(): Promise<void>;
}

// Keep bigint/numeric/date as strings would be surprising for counts; parse int8 as number (ids stay < 2^53).
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
// DATE stays a 'YYYY-MM-DD' string: dates are time-zone independent values in Weijian.
pg.types.setTypeParser(1082, (v) => v);

export interface PgliteOptions {
  /** Directory to persist into (locked for this process); in memory when absent. */
  dataDir?: string | undefined;
  /** A dump made by `dumpDataDir` to start from (tests start from a migrated template). */
  loadDataDir?: Blob | undefined;
  /** Log queries slower than its threshold. */
  watch?: QueryWatch | undefined;
}

export async function openPglite({ dataDir, loadDataDir, watch }: PgliteOptions = {}): Promise<Database> {
  let lock: DataDirLock | undefined;
  let dir: string | undefined;
  if (dataDir) {
    lock = lockDataDir(dataDir);
    dir = path.join(dataDir, 'pgdata');
  }
  let lite: PGlite;
  try {
    lite = await PGlite.create({
      dataDir: dir,
      loadDataDir,
      extensions: { pg_trgm },
      // Same value types as the pg driver below: int8 as number, DATE as a 'YYYY-MM-DD' string.
      parsers: { 20: (v: string) => Number.parseInt(v, 10), 1082: (v: string) => v },
    });
  } catch (e) {
    lock?.release();
    throw e;
  }
  if (watch) {
    watchQueries(lite, 'query', watch);
    watchQueries(lite, 'exec', watch);
  }
  const db = drizzlePglite({ client: lite }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite: lite,
    pool: undefined,
    async execScript(sql) {
      await lite.exec(sql);
    },
    async withAdvisoryLock(key, fn) {
      // One process owns PGlite (the directory lock), so there is nothing to race against.
      void key;
      return fn(async (sql) => {
        await lite.exec(sql);
      });
    },
    async close() {
      await lite.close();
      lock?.release();
    },
  };
}

export interface PostgresOptions {
  /** How long to wait for a free connection (or a server that answers) before failing. */
  connectionTimeoutMs?: number;
  watch?: QueryWatch | undefined;
}

export async function openPostgres(
  url: string,
  poolSize = 10,
  opts: PostgresOptions = {},
): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // The process id tells operators (pg_stat_activity) which application process holds a session.
    application_name: `weijian/${process.pid}`,
    // A database that went away makes requests fail fast (503) instead of queueing forever.
    connectionTimeoutMillis: opts.connectionTimeoutMs ?? 5000,
  });
  const watch = opts.watch;
  if (watch) pool.on('connect', (client) => watchQueries(client, 'query', watch));
  // An idle connection the server closes (restart, failover) must not crash the process; the pool
  // replaces it on the next query.
  pool.on('error', (e) => {
    if ((e as { code?: string }).code !== '57P01') console.error('database pool error', e.message);
  });
  // Fail fast with a clear message if the server does not answer.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg({ client: pool }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    pglite: undefined,
    pool,
    async execScript(sql) {
      await pool.query(sql);
    },
    async withAdvisoryLock(key, fn) {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await fn(async (sql) => {
            await client.query(sql);
          });
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * Runs a query and returns its rows, typed by the caller. (Drizzle's generic `execute` result type
 * is driver-specific; both drivers return `{ rows }`.)
 */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** The first row of a query, or undefined. */
export async function queryOne<T>(db: Executor, query: SQL): Promise<T | undefined> {
  return (await queryRows<T>(db, query))[0];
}
