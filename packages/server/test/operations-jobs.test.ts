import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPostgres, queryOne, queryRows } from '../src/db/database.js';
import { startJobRuntime } from '../src/events/job-runtime.js';
import { buildApp } from '../src/http/app.js';
import type { Schedule } from '../src/jobs/schedule.js';
import { SCHEDULES } from '../src/jobs/schedules.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';

/**
 * Scheduled jobs (src/jobs/schedules.ts) and rate-limit counters shared through the database. On
 * PostgreSQL a second "process" (its own pool, job runtime and Fastify instance) shares the database.
 */
describe.each(DATABASE_KINDS)('scheduled jobs and shared rate limits on %s', (kind) => {
  let t: TestApp;
  let second: Database | undefined;
  beforeAll(async () => {
    t = await testApp(kind);
    if (kind === 'postgres') {
      second = await openPostgres(
        (t.database.pool!.options as { connectionString: string }).connectionString,
        4,
      );
    }
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  it('every module schedule is registered, and a scheduled sweep runs as a job', async () => {
    const runtime = await startJobRuntime(t.ctx, { dispatchIntervalMs: 200 });
    try {
      const names = (await runtime.boss.getSchedules()).map((s) => s.name).sort();
      expect(names).toEqual(SCHEDULES.map((s) => s.name).sort());
      expect(names).toContain('credit.recompute');
      const id = await runtime.boss.send('credit.blacklist-expire', {});
      await expect
        .poll(async () => (await runtime.boss.getJobById('credit.blacklist-expire', id!))?.state, {
          timeout: 20_000,
          interval: 200,
        })
        .toBe('completed');
    } finally {
      await runtime.stop();
    }
  });

  it('a schedule fires once per minute however many processes run it', async () => {
    const runs: string[] = [];
    const everyMinute: Schedule = {
      name: 'test.every-minute',
      cron: '* * * * *',
      summary: 'test',
      run: async () => {
        runs.push(new Date().toISOString());
        return {};
      },
    };
    const started = Date.now();
    const options = { schedules: [everyMinute], cronMonitorIntervalSeconds: 1, dispatchIntervalMs: 500 };
    const runtimes = [await startJobRuntime(t.ctx, options)];
    if (second) runtimes.push(await startJobRuntime({ ...t.ctx, database: second }, options));
    try {
      await expect.poll(() => runs.length, { timeout: 20_000, interval: 200 }).toBeGreaterThan(0);
      // Let the cron monitors look twice more (each look moves pgboss.version.cron_on): each finds
      // this minute already sent.
      const cronOn = async () =>
        (await queryOne<{ t: string }>(t.database.db, sql`SELECT cron_on::text AS t FROM pgboss.version`))!.t;
      for (let i = 0; i < 2; i++) {
        const seen = await cronOn();
        await expect.poll(cronOn, { timeout: 10_000, interval: 200 }).not.toBe(seen);
      }
    } finally {
      for (const r of runtimes) await r.stop();
    }
    const minutes = Math.floor(Date.now() / 60_000) - Math.floor(started / 60_000) + 1;
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs.length).toBeLessThanOrEqual(minutes);
    const sent = await queryRows<{ singleton_on: string; n: number }>(
      t.database.db,
      sql`SELECT singleton_on::text, count(*)::int AS n FROM pgboss.job
          WHERE name = '__pgboss__send-it' AND singleton_key = 'test.every-minute' GROUP BY 1`,
    );
    expect(sent.every((s) => s.n === 1)).toBe(true);
  });

  it('rate-limit counters are shared by processes on one database', async () => {
    const other = await buildApp(
      { ...t.ctx, database: second ?? t.database },
      { serveWeb: false, logger: false },
    );
    try {
      const apps = [t.app, other];
      const statuses: number[] = [];
      // GET /calendar/day allows 120 a minute per address: 121 requests spread over two processes.
      const day = (app: (typeof apps)[number], ip: string) =>
        app.inject({ method: 'GET', url: '/api/v1/calendar/day?date=2026-03-10', remoteAddress: ip });
      for (let i = 0; i < 121; i++) statuses.push((await day(apps[i % 2]!, '198.51.100.9')).statusCode);
      expect(statuses.slice(0, 120).filter((s) => s !== 200)).toHaveLength(0);
      expect(statuses[120]).toBe(429);
      // Another address has its own window.
      expect((await day(other, '198.51.100.10')).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });
});
