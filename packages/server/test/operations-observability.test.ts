import net from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPglite, openPostgres } from '../src/db/database.js';
import { buildApp } from '../src/http/app.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';

/** Metrics, liveness and readiness, slow-query logging, and a database that goes away and returns. */
describe.each(DATABASE_KINDS)('observability on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind, { seed: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers liveness and readiness, and /metrics counts requests by route pattern', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/health/live' })).json()).toEqual({
      status: 'ok',
    });
    const ready = await t.app.inject({ method: 'GET', url: '/api/v1/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: { ok: true } });
    for (const code of ['370112', '370102']) {
      await t.app.inject({ method: 'GET', url: `/api/v1/regions/${code}` });
    }
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    const line = (name: string, ...labels: string[]) =>
      text.split('\n').find((l) => l.startsWith(`${name}{`) && labels.every((x) => l.includes(x)));
    // One series for the route pattern, not one per code.
    expect(
      line('weijian_http_request_duration_seconds_count', 'route="/api/v1/regions/:code"', 'status="200"'),
    ).toMatch(/ 2$/);
    for (const module of ['licensing', 'inspection', 'enforcement', 'credit']) {
      expect(line('weijian_overdue_deadlines', `module="${module}"`)).toMatch(/ \d+$/);
    }
    expect(text).toContain('weijian_db_slow_queries_total');
    if (kind === 'postgres')
      expect(line('weijian_db_pool_connections', 'state="total"')).toMatch(/ [1-9]\d*$/);
  });

  it('logs queries slower than the threshold, without their parameters', async () => {
    const seen: string[] = [];
    const watch = { thresholdMs: 150, report: (_ms: number, text: string) => seen.push(text) };
    const db: Database =
      kind === 'postgres'
        ? await openPostgres((t.database.pool!.options as { connectionString: string }).connectionString, 2, {
            watch,
          })
        : await openPglite({ watch });
    try {
      await db.db.execute(sql`SELECT 1`);
      await db.db.execute(sql`SELECT pg_sleep(${0.3})`);
    } finally {
      await db.close();
    }
    expect(seen).toEqual(['SELECT pg_sleep($1)']);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('a PostgreSQL that goes away and comes back', () => {
  let t: TestApp;
  let proxy: net.Server;
  let port: number;
  const sockets = new Set<net.Socket>();
  const listen = () =>
    new Promise<void>((resolve) => {
      const target = new URL((t.database.pool!.options as { connectionString: string }).connectionString);
      proxy = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      proxy.listen(port, '127.0.0.1', () => {
        port = (proxy.address() as net.AddressInfo).port;
        resolve();
      });
    });
  beforeAll(async () => {
    t = await testApp('postgres', { seed: false });
    port = 0;
    await listen();
  });
  afterAll(async () => {
    proxy?.close();
    for (const s of sockets) s.destroy();
    await t?.close();
  });

  it('fails fast with 503 while it is gone and recovers without a restart', async () => {
    const url = new URL((t.database.pool!.options as { connectionString: string }).connectionString);
    url.hostname = '127.0.0.1';
    url.port = String(port);
    const database = await openPostgres(url.toString(), 2, { connectionTimeoutMs: 1000 });
    const app = await buildApp({ ...t.ctx, database }, { serveWeb: false, logger: false });
    try {
      const region = () => app.inject({ method: 'GET', url: '/api/v1/regions/370112' });
      expect((await region()).statusCode).toBe(200);

      await new Promise<void>((r) => proxy.close(() => r()));
      for (const s of sockets) s.destroy();
      const gone = await region();
      expect(gone.statusCode).toBe(503);
      expect(gone.json()).toMatchObject({ code: 'database_unavailable' });
      expect(gone.headers['retry-after']).toBe('5');
      const ready = await app.inject({ method: 'GET', url: '/api/v1/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect((await app.inject({ method: 'GET', url: '/api/v1/health/live' })).statusCode).toBe(200);

      await listen(); // the same port: the database is back
      await expect
        .poll(async () => (await region()).statusCode, { timeout: 10_000, interval: 200 })
        .toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/v1/health/ready' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await database.close().catch(() => undefined);
    }
  });
});
