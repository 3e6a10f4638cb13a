import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';
import { type Database, openPglite, openPostgres } from './db/database.js';
import { migrate } from './db/migrate.js';
import { slowQueryWatch } from './db/slow-query.js';
import { type DemoAccount, demoSeeded, seedDemo } from './demo/seed-demo.js';
import type { AppContext } from './http/context.js';
import { ensureCreditDefaults } from './modules/credit/policy.js';
import { ensureEnforcementDefaults } from './modules/enforcement/policy.js';
import { ensureBuiltinRoles } from './modules/identity/ensure-builtin-roles.js';
import { SecretBox } from './modules/identity/secret-box.js';
import { ensureInspectionDefaults } from './modules/inspection/ensure-inspection-defaults.js';
import { ensureLicensingDefaults } from './modules/licensing/catalogue.js';
import { divisionsLoaded, loadDivisions } from './modules/regions/load-divisions.js';
import { ensureRegistryDefaults } from './modules/registry/ensure-registry-defaults.js';

export const VERSION: string = (
  JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

export async function openDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) {
    try {
      return await openPostgres(config.databaseUrl, config.dbPoolSize, {
        connectionTimeoutMs: config.dbTimeoutMs,
        watch: slowQueryWatch(config.slowQueryMs),
      });
    } catch (e) {
      throw new Error(
        `无法连接 DATABASE_URL 指定的 PostgreSQL：${(e as Error).message}\nCannot connect to the PostgreSQL server in DATABASE_URL: ${(e as Error).message}`,
      );
    }
  }
  return openPglite({ dataDir: config.dataDir, watch: slowQueryWatch(config.slowQueryMs) });
}

/** The read replica of DATABASE_READ_URL, when one is configured (docs/deployment.md). */
export async function openReadDatabase(config: Config): Promise<Database | undefined> {
  if (!config.databaseReadUrl) return undefined;
  try {
    return await openPostgres(config.databaseReadUrl, config.dbPoolSize, {
      connectionTimeoutMs: config.dbTimeoutMs,
      watch: slowQueryWatch(config.slowQueryMs),
    });
  } catch (e) {
    throw new Error(
      `无法连接 DATABASE_READ_URL 指定的只读副本：${(e as Error).message}\nCannot connect to the read replica in DATABASE_READ_URL: ${(e as Error).message}`,
    );
  }
}

const REFERENCE_DATA_LOCK = 72_005;

/** Brings a database to the current schema and reference data (idempotent). */
export async function prepareDatabase(database: Database): Promise<void> {
  await migrate(database);
  // Several processes starting together on one PostgreSQL would write the same reference rows at
  // once (deadlocks, seen when two started on an empty database): one does it, the others then
  // find it done.
  await database.withAdvisoryLock(REFERENCE_DATA_LOCK, async () => {
    if (!(await divisionsLoaded(database.db))) await loadDivisions(database.db);
    await ensureBuiltinRoles(database.db);
    await ensureRegistryDefaults(database.db);
    await ensureInspectionDefaults(database.db);
    await ensureLicensingDefaults(database.db);
    await ensureEnforcementDefaults(database.db);
    await ensureCreditDefaults(database.db);
  });
}

/**
 * The demo password: WEIJIAN_DEMO_PASSWORD if given, else one generated on first start and kept in
 * the data directory, so it is printed at each start and never written in the code.
 */
export function demoPassword(config: Config): string {
  const fromEnv = process.env.WEIJIAN_DEMO_PASSWORD;
  if (fromEnv) return fromEnv;
  const file = path.join(config.dataDir, 'demo-password.txt');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const generated = `Demo-${crypto.randomBytes(6).toString('base64url')}9`;
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(file, `${generated}\n`, { mode: 0o600 });
  return generated;
}

/**
 * The key that encrypts personal data at rest. Production must configure WEIJIAN_SECRET_KEY; a
 * development or demo install generates one on first start and keeps it in the data directory.
 */
export function secretKey(config: Config): string {
  if (config.secretKeyHex) return config.secretKeyHex;
  if (config.production) {
    throw new Error(
      'WEIJIAN_SECRET_KEY 未设置：生产环境必须配置 64 位十六进制密钥（openssl rand -hex 32）。\nWEIJIAN_SECRET_KEY is not set: production needs a 64-hex-character key (openssl rand -hex 32).',
    );
  }
  const file = path.join(config.dataDir, 'secret.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const key = crypto.randomBytes(32).toString('hex');
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

const DEMO_SEED_LOCK = 72_004;

export interface Platform {
  ctx: AppContext;
  demoAccounts: DemoAccount[] | undefined;
  demoPassword: string | undefined;
}

export async function openPlatform(config: Config, opts: { scale?: number } = {}): Promise<Platform> {
  const database = await openDatabase(config);
  let readDatabase: Database | undefined;
  try {
    await prepareDatabase(database);
    readDatabase = await openReadDatabase(config);
    const ctx: AppContext = {
      config,
      database,
      ...(readDatabase ? { readDatabase } : {}),
      secrets: new SecretBox(secretKey(config)),
      now: () => new Date(),
      version: VERSION,
    };
    if (!config.demo) return { ctx, demoAccounts: undefined, demoPassword: undefined };
    const password = demoPassword(config);
    // Several processes may start together on one PostgreSQL: one seeds, the others find it done.
    const demoAccounts = await database.withAdvisoryLock(DEMO_SEED_LOCK, async () =>
      (await demoSeeded(database))
        ? undefined
        : seedDemo(database, {
            password,
            now: ctx.now(),
            scale: opts.scale ?? 1,
            secrets: ctx.secrets,
            dataDir: config.dataDir,
          }),
    );
    return { ctx, demoAccounts, demoPassword: password };
  } catch (e) {
    await readDatabase?.close();
    await database.close();
    throw e;
  }
}
