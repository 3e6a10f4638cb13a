import { sql } from 'drizzle-orm';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/database.js';
import { emitEvent } from '../src/events/events.js';
import { DELIVERY_QUEUE } from '../src/events/job-runtime.js';
import { client, signIn } from './identity-helpers.js';
import { TEST_PASSWORD, TEST_SECRET_KEY, type TestApp, testApp } from './support/app.js';
import {
  addEstablishment,
  addOfficer,
  adminClient,
  planBody,
  SOURCE_VALUES,
  staffClient,
} from './support/inspection.js';
import { type ServerProcess, startServer } from './support/server-process.js';

/**
 * Three real `weijian start` processes on one PostgreSQL database (issue 11): a session made on one
 * is used on another, the same draw is requested on two at once, a burst of jobs is shared out, and
 * a process killed in the middle of a job leaves it to another. PostgreSQL only: PGlite is one
 * process by design (its data-dir lock refuses a second).
 */
const PG = process.env.TEST_DATABASE_URL;
if (!PG) {
  console.warn(
    '⚠ operations-multiprocess.test.ts skipped: set TEST_DATABASE_URL (PostgreSQL) to run several server processes.',
  );
}

const DAY = 86_400_000;
const ymd = (d: Date) => d.toISOString().slice(0, 10);

describe.skipIf(!PG)('several server processes on one PostgreSQL', () => {
  let t: TestApp;
  let url: string;
  const servers: ServerProcess[] = [];
  let campaignId: number;
  const establishmentIds: number[] = [];
  // The processes run on the wall clock; the campaign is planned and closed ten days before it.
  const now = new Date();
  const planned = new Date(now.getTime() - 10 * DAY);

  beforeAll(async () => {
    t = await testApp('postgres');
    url = (t.database.pool!.options as { connectionString: string }).connectionString;
    t.setNow(planned);
    const planner = await staffClient(t, 'lc.sup.planner', 'supervision', '370112', ['leader']);
    const head = await staffClient(t, 'lc.sup.head', 'supervision', '370112', ['leader']);
    const admin = await adminClient(t);
    for (const [no, name, department, user] of [
      ['SUP-0001', '张伟', 'supervision', 'lc.inspector1'],
      ['SUP-0002', '李娜', 'supervision', 'lc.inspector2'],
      ['SUP-0003', '王强', 'supervision', undefined],
      ['MKT-0001', '赵敏', 'market', 'lc.market'],
      ['MKT-0002', '孙磊', 'market', undefined],
    ] as const) {
      await addOfficer(t, admin, { certificateNo: no, name, department, ...(user ? { user } : {}) });
    }
    const registrar = client(t, await signIn(t, 'lc.inspector1'));
    for (let i = 1; i <= 10; i++) {
      const e = await addEstablishment(registrar, {
        name: `历城区第${i}诊所`,
        categoryCode: 'D211',
        regionCode: `370112${String((i % 3) + 1).padStart(3, '0')}`,
      });
      establishmentIds.push(e.id);
    }
    const day = (n: number) => ymd(new Date(planned.getTime() + n * DAY));
    const plan = await planner.post(
      '/campaigns',
      planBody({ randomnessDate: day(6), periodStart: day(14), periodEnd: day(60) }),
    );
    if (plan.statusCode !== 201) throw new Error(`plan: ${plan.statusCode} ${plan.body}`);
    campaignId = plan.json().id;
    const approved = await head.post(`/campaigns/${campaignId}/approve`, {});
    if (approved.statusCode !== 200) throw new Error(`approve: ${approved.statusCode} ${approved.body}`);
    const frozen = await planner.post(`/campaigns/${campaignId}/freeze`, {});
    if (frozen.statusCode !== 200) throw new Error(`freeze: ${frozen.statusCode} ${frozen.body}`);

    const env = {
      DATABASE_URL: url,
      WEIJIAN_DEMO: 'false',
      WEIJIAN_SECRET_KEY: TEST_SECRET_KEY,
      WEIJIAN_DATA_DIR: '/nonexistent',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      WEIJIAN_DB_POOL_SIZE: '4',
      // A job whose process died is retried after 3 s (production: 15 minutes).
      WEIJIAN_JOB_EXPIRE_SECONDS: '3',
      WEIJIAN_JOB_MAINTENANCE_SECONDS: '1',
    };
    servers.push(...(await Promise.all([startServer(env), startServer(env), startServer(env)])));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await t?.close();
  }, 60_000);

  const signInOn = async (s: ServerProcess, username: string) => {
    const res = await fetch(`${s.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const jar = Object.fromEntries(res.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=')));
    return {
      cookie: `wj_session=${jar.wj_session}; wj_csrf=${jar.wj_csrf}`,
      'x-csrf-token': jar.wj_csrf as string,
    };
  };

  it('a session made on one process is used on the others; one draw wins on two at once', async () => {
    const headers = await signInOn(servers[0]!, 'lc.sup.planner');
    for (const s of servers.slice(1)) {
      const me = await fetch(`${s.url}/api/v1/auth/me`, { headers });
      expect(me.status).toBe(200);
      expect((await me.json()).user.username).toBe('lc.sup.planner');
    }
    const draw = (s: ServerProcess) =>
      fetch(`${s.url}/api/v1/campaigns/${campaignId}/draw`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ sourceValues: SOURCE_VALUES }),
      });
    const results = await Promise.all([draw(servers[1]!), draw(servers[2]!)]);
    const statuses = results.map((r) => r.status).sort();
    const bodies = await Promise.all(results.map((r) => r.json()));
    expect(statuses, JSON.stringify(bodies)).toEqual([200, 409]);
    const won = bodies.find((b) => b.status === 'drawn');
    const targets = won.progress.targets as number;
    expect(targets).toBeGreaterThan(0);
    const counts = await queryOne<{ inspections: number; draws: number }>(
      t.database.db,
      sql`SELECT (SELECT count(*)::int FROM inspection WHERE campaign_id = ${campaignId}) AS inspections,
                 (SELECT count(*)::int FROM audit_event WHERE action = 'inspection.campaign.draw') AS draws`,
    );
    expect(counts).toEqual({ inspections: targets, draws: 1 });
  });

  it('a burst of jobs is delivered once each, none lost', async () => {
    const burst = 150;
    const ids = await t.database.db.transaction(async (tx) => {
      const out: number[] = [];
      for (let i = 0; i < burst; i++) {
        out.push(
          await emitEvent(
            tx,
            {
              type: 'inspection.inspection.completed',
              aggregateType: 'inspection',
              aggregateId: 900_000 + i,
              payload: {
                establishmentId: establishmentIds[i % establishmentIds.length],
                inspectionId: 900_000 + i,
                outcome: 'compliant',
                inspectedOn: ymd(now),
              },
            },
            now,
          ),
        );
      }
      return out;
    });
    const range = sql`BETWEEN ${ids[0]} AND ${ids.at(-1)}`;
    await expect
      .poll(
        async () =>
          (await queryOne<{ n: number }>(
            t.database.db,
            sql`SELECT count(*)::int AS n FROM event_delivery WHERE subscriber = 'credit.on-inspection' AND event_id ${range}`,
          ))!.n,
        { timeout: 60_000, interval: 500 },
      )
      .toBe(burst);
    const entries = await queryOne<{ n: number; distinct_events: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n, count(DISTINCT source_event_id)::int AS distinct_events
          FROM credit_entry WHERE source_event_id ${range}`,
    );
    expect(entries).toEqual({ n: burst, distinct_events: burst });
  });

  it('a process killed in the middle of a job leaves it to another process', async () => {
    // An event the dispatchers will not pick up (already published): its one job is sent by hand.
    const eventId = await t.database.db.transaction(async (tx) => {
      const id = await emitEvent(
        tx,
        {
          type: 'inspection.inspection.completed',
          aggregateType: 'inspection',
          aggregateId: 990_001,
          payload: { establishmentId: establishmentIds[0], inspectionId: 990_001, outcome: 'compliant' },
        },
        now,
      );
      await tx.execute(sql`UPDATE domain_event SET published_at = now() WHERE id = ${id}`);
      return id;
    });
    // Hold the job in the middle: an uncommitted delivery row makes the worker's insert wait.
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    const boss = new PgBoss({ connectionString: url, schema: 'pgboss', supervise: false, schedule: false });
    await boss.start();
    try {
      await blocker.query('BEGIN');
      await blocker.query(
        `INSERT INTO event_delivery (event_id, subscriber, delivered_at) VALUES ($1, 'credit.on-inspection', now())`,
        [eventId],
      );
      const jobId = await boss.send(
        DELIVERY_QUEUE,
        { eventId, subscriber: 'credit.on-inspection' },
        { retryLimit: 5, expireInSeconds: 3 },
      );
      let waiting: { pid: number; application_name: string } | undefined;
      await expect
        .poll(
          async () => {
            waiting = await queryOne(
              t.database.db,
              sql`SELECT pid, application_name FROM pg_stat_activity
                  WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%event_delivery%'`,
            );
            return waiting !== undefined;
          },
          { timeout: 20_000, interval: 200 },
        )
        .toBe(true);
      const victim = servers.find((s) => waiting!.application_name === `weijian/${s.child.pid}`);
      expect(victim, `the waiting session belongs to ${waiting!.application_name}`).toBeDefined();
      victim!.child.kill('SIGKILL');
      await new Promise((r) => victim!.child.once('exit', r));
      await t.database.db.execute(sql`SELECT pg_terminate_backend(${waiting!.pid})`);
      await blocker.query('ROLLBACK');

      await expect
        .poll(
          async () =>
            (await queryOne<{ n: number }>(
              t.database.db,
              sql`SELECT count(*)::int AS n FROM event_delivery WHERE event_id = ${eventId}`,
            ))!.n,
          { timeout: 60_000, interval: 500 },
        )
        .toBe(1);
      const job = await boss.getJobById(DELIVERY_QUEUE, jobId!);
      expect(job?.state).toBe('completed');
      expect(job?.retryCount).toBeGreaterThanOrEqual(1);
      const entry = await queryOne<{ n: number }>(
        t.database.db,
        sql`SELECT count(*)::int AS n FROM credit_entry WHERE source_event_id = ${eventId}`,
      );
      expect(entry!.n).toBe(1);
      // The survivors still answer.
      for (const s of servers.filter((s) => s !== victim)) {
        expect((await fetch(`${s.url}/api/v1/health/ready`)).status).toBe(200);
      }
    } finally {
      await blocker.end().catch(() => undefined);
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
