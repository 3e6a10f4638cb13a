import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/database.js';
import { loadActor } from '../src/modules/identity/actor.js';
import { dashboard } from '../src/modules/oversight/dashboard.js';
import { refreshEstablishmentSummary } from '../src/modules/oversight/establishment-summary.js';
import { resolvePeriod } from '../src/modules/oversight/period.js';
import { oversightSchedules } from '../src/modules/oversight/schedules.js';
import { scopedRegion } from '../src/modules/oversight/scope.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import { demoUser } from './support/enforcement.js';

/**
 * The establishment summary (issue 10, "Performance"): before the job has run the dashboard counts
 * live; after a refresh it reads the summary, with the same figures, says when they were counted,
 * and shows a change in the registry only once the summary is refreshed again.
 */
const PERIOD = 'from=2025-07-01&to=2026-03-10';
const figures = (d: {
  establishments: { total: number; byKind: unknown };
  credit: unknown;
  map: { code: string; establishments: number }[];
}) => ({
  total: d.establishments.total,
  byKind: d.establishments.byKind,
  credit: d.credit,
  map: d.map.map((m) => [m.code, m.establishments]),
});

describe.each(DATABASE_KINDS)('oversight establishment summary on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind, { registry: 0.04 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives the live figures once refreshed, and a registry change only after the next refresh', async () => {
    const county = await demoUser(t, 'lc.sv.leader');
    const live = (await county.get(`/oversight/dashboard?${PERIOD}`)).json();
    expect(live.establishments.countedAt).toBeNull();
    expect(live.establishments.total).toBeGreaterThan(0);

    const job = oversightSchedules.find((s) => s.name === 'oversight.establishment-summary')!;
    const refreshed = await job.run(t.ctx);
    expect(refreshed.rows).toBeGreaterThan(0);
    const summed = (await county.get(`/oversight/dashboard?${PERIOD}`)).json();
    expect(summed.establishments.countedAt).not.toBeNull();
    expect(figures(summed)).toEqual(figures(live));

    const one = await queryOne<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM establishment WHERE region_code LIKE '370112%' AND status <> 'deregistered' ORDER BY id LIMIT 1`,
    );
    await t.database.db.execute(sql`UPDATE establishment SET status = 'deregistered' WHERE id = ${one!.id}`);
    const stale = (await county.get(`/oversight/dashboard?${PERIOD}`)).json();
    expect(stale.establishments.total).toBe(live.establishments.total);
    // Reports count live: a document matches the registry when it is generated.
    const user = await queryOne<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM app_user WHERE username = 'lc.sv.leader'`,
    );
    const actor = (await loadActor(t.database.db, Number(user!.id), {
      sessionId: null,
      ip: null,
      requestId: null,
    }))!;
    const region = await scopedRegion(t.database.db, actor);
    const period = resolvePeriod({ from: '2025-07-01', to: '2026-03-10' }, t.ctx.now());
    const forReport = await dashboard(t.database.db, actor, region, period, t.ctx.now(), { live: true });
    expect(forReport.establishments.countedAt).toBeNull();
    expect(forReport.establishments.total).toBe(live.establishments.total - 1);

    await refreshEstablishmentSummary(t.database.db, new Date());
    const fresh = (await county.get(`/oversight/dashboard?${PERIOD}`)).json();
    expect(fresh.establishments.total).toBe(live.establishments.total - 1);
  });
});
