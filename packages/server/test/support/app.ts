import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { buildApp } from '../../src/http/app.js';
import type { AppContext } from '../../src/http/context.js';
import { SecretBox } from '../../src/modules/identity/secret-box.js';
import { VERSION } from '../../src/platform.js';
import { type DatabaseKind, freshDatabase, type TestDatabase } from './database.js';

export const TEST_PASSWORD = 'Test-passw0rd!';
export const TEST_SECRET_KEY = 'a'.repeat(64);
/** Tests run at a fixed instant: time is a parameter, never the wall clock. */
export const TEST_NOW = new Date('2026-03-10T02:00:00.000Z');

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  ctx: AppContext;
  /** Moves the test clock. */
  setNow(d: Date): void;
  close(): Promise<void>;
}

/** The whole app in-process (app.inject) on a fresh database with the demo organisation loaded. */
export async function testApp(
  kind: DatabaseKind,
  opts: {
    seed?: boolean;
    env?: NodeJS.ProcessEnv;
    /** Registry demo size (1 = the full ~5,000 establishments; default 0: none, for speed). */
    registry?: number;
    /** The inspection demo on top of the registry demo (default: off). */
    inspection?: boolean;
  } = {},
): Promise<TestApp> {
  const database = await freshDatabase(kind);
  let now = TEST_NOW;
  const config = loadConfig({
    WEIJIAN_DATA_DIR: '/nonexistent',
    LOG_LEVEL: 'silent',
    WEIJIAN_DEMO: 'true',
    ...opts.env,
  });
  const ctx: AppContext = {
    config,
    database,
    secrets: new SecretBox(TEST_SECRET_KEY),
    now: () => now,
    version: VERSION,
  };
  if (opts.seed !== false) {
    await seedDemo(database, {
      password: TEST_PASSWORD,
      now,
      secrets: ctx.secrets,
      registryScale: opts.registry ?? 0,
      inspection: opts.inspection ?? false,
    });
  }
  const app = await buildApp(ctx, { serveWeb: false, logger: false });
  await app.ready();
  return {
    app,
    database,
    ctx,
    setNow(d) {
      now = d;
    },
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}
