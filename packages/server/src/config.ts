import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration is read once at start-up from the environment and checked here; a bad value stops
 * start-up with a message that names the variable (see README, "Configuration").
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  WEIJIAN_DATA_DIR: z.string().min(1).default('./data'),
  WEIJIAN_DEMO: bool.optional(),
  WEIJIAN_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (a 256-bit key)')
    .optional(),
  WEIJIAN_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(1024 * 1024),
  WEIJIAN_TRUST_PROXY: bool.default(false),
  WEIJIAN_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+$/, 'must be an origin such as https://weijian.example.gov.cn (no path)')
    .optional(),
  WEIJIAN_IMPORT_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .default(100 * 1024 * 1024),
  WEIJIAN_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  WEIJIAN_DB_POOL_SIZE: z.coerce.number().int().min(2).max(500).default(10),
  WEIJIAN_DB_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  WEIJIAN_SLOW_QUERY_MS: z.coerce.number().int().min(0).default(500),
  WEIJIAN_JOB_EXPIRE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  WEIJIAN_BACKUP_KEEP: z.coerce.number().int().min(1).max(366).default(7),
  WEIJIAN_JOB_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /**
   * A streaming replica of DATABASE_URL for heavy read-only queries (portal, open data, dashboard);
   * writes and what is read right after a write stay on the primary.
   */
  databaseReadUrl: string | undefined;
  dataDir: string;
  /** Demo mode: demo data and demo accounts. Default on for the embedded database, off with DATABASE_URL. */
  demo: boolean;
  secretKeyHex: string | undefined;
  bodyLimit: number;
  trustProxy: boolean;
  /** Public origin of the portal, used in establishment QR codes; the request's origin when absent. */
  publicUrl: string | undefined;
  /** Largest spreadsheet accepted by the upload endpoints, in bytes (the weijian command has no limit). */
  importLimit: number;
  cookieSecure: 'auto' | 'true' | 'false';
  logLevel: string;
  production: boolean;
  /** PostgreSQL pool size per process (docs/scaling.md: processes × pool < max_connections). */
  dbPoolSize: number;
  /** How long a request waits for a database connection before failing with 503. */
  dbTimeoutMs: number;
  /** Queries slower than this are logged (0: every query). */
  slowQueryMs: number;
  /** A job running longer than this is taken as lost with its process and retried elsewhere. */
  jobExpireSeconds: number;
  /** How many nightly backups of the embedded database to keep under <data dir>/backups. */
  backupKeep: number;
  /** How often pg-boss looks for expired jobs. */
  jobMaintenanceSeconds: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置错误 / Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(schema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = schema.safeParse(picked);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (i) => `${String(i.path[0])}=${JSON.stringify(picked[String(i.path[0])])}: ${i.message}`,
      ),
    );
  }
  const c = parsed.data;
  if (c.DATABASE_READ_URL && !c.DATABASE_URL) {
    throw new ConfigError([
      'DATABASE_READ_URL: 只能与 DATABASE_URL 一起使用（嵌入式数据库没有只读副本） / only with DATABASE_URL (the embedded database has no replica)',
    ]);
  }
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    databaseReadUrl: c.DATABASE_READ_URL,
    dataDir: path.resolve(c.WEIJIAN_DATA_DIR),
    demo: c.WEIJIAN_DEMO ?? !c.DATABASE_URL,
    secretKeyHex: c.WEIJIAN_SECRET_KEY,
    bodyLimit: c.WEIJIAN_BODY_LIMIT,
    trustProxy: c.WEIJIAN_TRUST_PROXY,
    publicUrl: c.WEIJIAN_PUBLIC_URL,
    importLimit: c.WEIJIAN_IMPORT_LIMIT,
    cookieSecure: c.WEIJIAN_COOKIE_SECURE,
    logLevel: c.LOG_LEVEL,
    production: c.NODE_ENV === 'production',
    dbPoolSize: c.WEIJIAN_DB_POOL_SIZE,
    dbTimeoutMs: c.WEIJIAN_DB_TIMEOUT_MS,
    slowQueryMs: c.WEIJIAN_SLOW_QUERY_MS,
    jobExpireSeconds: c.WEIJIAN_JOB_EXPIRE_SECONDS,
    backupKeep: c.WEIJIAN_BACKUP_KEEP,
    jobMaintenanceSeconds: c.WEIJIAN_JOB_MAINTENANCE_SECONDS,
  };
}
