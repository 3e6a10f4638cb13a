import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { SecretBox } from '../modules/identity/secret-box.js';

/** What every route and use case can reach: configuration, the database, and the clock. */
export interface AppContext {
  config: Config;
  database: Database;
  /**
   * Where heavy read-only queries go (portal, open data, dashboard): the replica of
   * DATABASE_READ_URL when one is configured, else the same database. Never for a read that must
   * see a write just made (a replica lags).
   */
  readDatabase?: Database;
  /** Encryption and keyed hashing of sensitive personal data. */
  secrets: SecretBox;
  /** The current instant; tests pass a fixed clock (time is a parameter). */
  now: () => Date;
  version: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}

/** The database for heavy read-only queries: the configured replica, or the primary. */
export function readDatabaseOf(ctx: AppContext): Database {
  return ctx.readDatabase ?? ctx.database;
}
