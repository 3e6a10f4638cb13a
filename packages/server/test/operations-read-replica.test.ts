import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/http/app.js';
import type { AppContext } from '../src/http/context.js';
import { type TestApp, testApp } from './support/app.js';
import { freshDatabase, type TestDatabase } from './support/database.js';
import { insertEstablishment } from './support/enforcement.js';

/**
 * DATABASE_READ_URL (issue 11 §3): the portal's and the dashboard's heavy reads go to the replica,
 * writes and the console's reads to the primary. A real replica is a copy that lags; here the
 * "replica" is a second database whose contents differ on purpose, so every answer shows which
 * database it came from.
 */
const PG = process.env.TEST_DATABASE_URL;
if (!PG) {
  console.warn('⚠ operations-read-replica.test.ts skipped: set TEST_DATABASE_URL (PostgreSQL) to run it.');
}

describe.skipIf(!PG)('a read replica for the portal and the dashboard', () => {
  let t: TestApp;
  let replica: TestDatabase;
  let withReplica: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    t = await testApp('postgres');
    replica = await freshDatabase('postgres');
    await insertEstablishment(t, { name: '历城区主库诊所' });
    await insertEstablishment({ ...t, database: replica } as TestApp, {
      name: '历城区副本诊所',
      region: '370112',
    });
    const ctx: AppContext = { ...t.ctx, readDatabase: replica };
    withReplica = await buildApp(ctx, { serveWeb: false, logger: false });
  }, 120_000);

  afterAll(async () => {
    await withReplica?.close();
    await replica?.dispose();
    await t?.close();
  });

  const portalSearch = async (q: string) =>
    (
      await withReplica.inject({
        method: 'GET',
        url: `/api/v1/public/establishments?q=${encodeURIComponent(q)}`,
      })
    ).json() as { items: { name: string }[] };

  it('answers the portal from the replica', async () => {
    expect((await portalSearch('副本诊所')).items.map((e) => e.name)).toEqual(['历城区副本诊所']);
    expect((await portalSearch('主库诊所')).items).toEqual([]);
  });

  it('keeps the staff console on the primary', async () => {
    const signIn = await withReplica.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: 'lc.approver', password: 'Test-passw0rd!' },
    });
    expect(signIn.statusCode, signIn.body).toBe(200);
    const cookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await withReplica.inject({
      method: 'GET',
      url: `/api/v1/establishments?q=${encodeURIComponent('诊所')}`,
      headers: { cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    const names = (res.json() as { items: { name: string }[] }).items.map((e) => e.name);
    expect(names).toContain('历城区主库诊所');
    expect(names).not.toContain('历城区副本诊所');
  });

  it('reports the replica in readiness', async () => {
    const ready = await withReplica.inject({ method: 'GET', url: '/api/v1/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', readReplica: { ok: true } });
  });
});

describe('DATABASE_READ_URL', () => {
  it('refuses DATABASE_READ_URL without DATABASE_URL, in Chinese and English', () => {
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://replica/weijian' })).toThrow(
      /只能与 DATABASE_URL 一起使用.*only with DATABASE_URL/,
    );
  });
});
