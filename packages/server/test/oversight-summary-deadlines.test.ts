import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../src/db/database.js';
import { type Actor, loadActor } from '../src/modules/identity/actor.js';
import { dashboard } from '../src/modules/oversight/dashboard.js';
import { refreshDeadlineSummary, summarisedTimeliness } from '../src/modules/oversight/deadline-summary.js';
import { type TimelinessRow, timeliness } from '../src/modules/oversight/deadlines.js';
import { chinaDay, resolvePeriod } from '../src/modules/oversight/period.js';
import { oversightSchedules } from '../src/modules/oversight/schedules.js';
import { scopedRegion } from '../src/modules/oversight/scope.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import { demoUser } from './support/enforcement.js';
import { insertCitySupervisionLeader } from './support/oversight.js';

/**
 * The timeliness and coverage-population summaries (issue 10, "Performance"): once their jobs have
 * run, the dashboard's figures equal the live computation over the modules' deadline records and the
 * registry, for the province, a city and a department-limited city user, over several periods; a
 * new record shows only after the next refresh; two refreshes at once leave one consistent summary.
 */
const PERIODS = [
  { from: '2025-07-01', to: '2026-03-10' },
  { from: '2026-01-01', to: '2026-03-10' },
  { from: '2025-12-01', to: '2025-12-31' },
  { from: '2025-09-15', to: '2026-02-03' },
  // Runs past today: overdue is judged today, open at the period's end.
  { from: '2026-01-01', to: '2026-12-31' },
];
const nonZero = (rows: TimelinessRow[]) =>
  rows
    .filter((r) => r.started + r.done + r.open + r.overdue + r.substantiated + r.amount !== 0)
    .sort((a, b) => `${a.source} ${a.category}`.localeCompare(`${b.source} ${b.category}`));

async function actorOf(t: TestApp, username: string): Promise<Actor> {
  const user = await queryOne<{ id: number }>(
    t.database.db,
    sql`SELECT id FROM app_user WHERE username = ${username}`,
  );
  return (await loadActor(t.database.db, Number(user!.id), { sessionId: null, ip: null, requestId: null }))!;
}

/** The health commission's city leader, moved up to the province, every department (the demo has no province staff). */
const allDepartments = (a: Actor): Actor => ({
  ...a,
  permissions: new Set([...a.permissions, 'identity.scope.all-departments' as never]),
});
function provinceOf(a: Actor): Actor {
  return {
    ...allDepartments(a),
    unit: { ...a.unit!, regionCode: '370000', regionName: '山东省', regionLevel: 'province' as never },
    regionPrefix: '37',
  };
}

describe.each(DATABASE_KINDS)('oversight timeliness and population summaries on %s', (kind) => {
  let t: TestApp;
  let actors: Actor[];
  let city: string;
  beforeAll(async () => {
    t = await testApp(kind, { registry: 0.04, inspection: true });
    city = await insertCitySupervisionLeader(t);
    // Many more complaints than the demo's, over two cities, two departments and every state, with
    // days in every order (done late, early, never, after today; due or done before received).
    await t.database.db.execute(
      sql`INSERT INTO complaint
          SELECT (jsonb_populate_record(NULL::complaint, to_jsonb(c) || jsonb_build_object(
            'id', (SELECT max(id) FROM complaint) + g, 'number', 'SUMMARY-' || g,
            'region_code', (ARRAY['370102', '370112', '370181', '370202', '370112001'])[1 + g % 5],
            'department_code', CASE WHEN g % 3 = 0 THEN 'health' ELSE 'supervision' END,
            'category', (ARRAY['pricing', 'illegal_practice', 'insurance_fraud'])[1 + (g / 3) % 3],
            'state', (ARRAY['received', 'accepted', 'not_accepted', 'concluded', 'closed'])[1 + (g / 2) % 5],
            'received_on', (DATE '2025-06-01' + (g * 7) % 330)::text,
            'handle_due', CASE WHEN g % 17 = 0 THEN DATE '2025-06-01' + (g * 7) % 330 - 2
              WHEN g % 23 = 0 THEN NULL ELSE DATE '2025-06-01' + (g * 7) % 330 + 10 + g % 50 END::text,
            'concluded_on', CASE WHEN g % 4 = 0 THEN NULL WHEN g % 19 = 0 THEN DATE '2025-06-01' + (g * 7) % 330 - 1
              ELSE DATE '2025-06-01' + (g * 7) % 330 + (g * 13) % 90 END::text,
            'substantiated', g % 5 = 1))).*
          FROM complaint c, generate_series(1, 400) g WHERE c.id = (SELECT min(id) FROM complaint)`,
    );
    const leader = await actorOf(t, 'city.leader');
    actors = [provinceOf(leader), allDepartments(leader), await actorOf(t, city)];
  });
  afterAll(async () => {
    await t?.close();
  });

  async function expectSummaryEqualsLive() {
    for (const actor of actors) {
      const region = await scopedRegion(t.database.db, actor);
      for (const q of PERIODS) {
        const p = resolvePeriod(q, t.ctx.now());
        const live = await timeliness(t.database.db, actor, region, p);
        const summed = await summarisedTimeliness(t.database.db, actor, region, p);
        expect(summed, `${region.code} ${q.from}…${q.to}`).not.toBeNull();
        if (region.code === '370000')
          expect(live.reduce((n, r) => n + r.started + r.open + r.overdue, 0)).toBeGreaterThan(20);
        expect(nonZero(summed!.rows), `${region.code} ${q.from}…${q.to}`).toEqual(nonZero(live));
      }
    }
  }

  it('gives the live figures for the province and a city, whatever the period, once refreshed', async () => {
    const leader = await demoUser(t, city);
    const before = (await leader.get('/oversight/dashboard?from=2025-07-01&to=2026-03-10')).json();
    expect(before.timelinessCountedAt).toBeNull();
    expect(before.coverage.populationCountedAt).toBeNull();
    expect(before.complaints.started + before.cases.started).toBeGreaterThan(0);

    const region = await scopedRegion(t.database.db, actors[1]!);
    expect(
      await summarisedTimeliness(t.database.db, actors[1]!, region, resolvePeriod({}, t.ctx.now())),
    ).toBeNull();
    for (const name of ['oversight.deadline-summary', 'oversight.establishment-summary']) {
      const job = oversightSchedules.find((s) => s.name === name)!;
      await job.run(t.ctx);
    }
    await expectSummaryEqualsLive();

    const after = (await leader.get('/oversight/dashboard?from=2025-07-01&to=2026-03-10')).json();
    expect(after.timelinessCountedAt).toBe(t.ctx.now().toISOString());
    expect(after.coverage.populationCountedAt).toBe(t.ctx.now().toISOString());
    const { timelinessCountedAt, coverage, establishments, ...figures } = after;
    const { timelinessCountedAt: _t, coverage: liveCoverage, establishments: _e, ...liveFigures } = before;
    expect(figures).toEqual(liveFigures);
    expect({ ...coverage, populationCountedAt: null }).toEqual(liveCoverage);
    expect(coverage.population).toBeGreaterThan(0);
    // A county counts live (a few milliseconds): no summary time.
    const county = (await (await demoUser(t, 'lc.sv.leader')).get('/oversight/dashboard')).json();
    expect(county.timelinessCountedAt).toBeNull();
  });

  it('counts records whose days are out of order one by one, exactly', async () => {
    // A complaint concluded before it was received, and one concluded after today (data as found).
    const [a, b] = await queryRows<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM complaint WHERE region_code LIKE '3701%' AND concluded_on IS NOT NULL ORDER BY id LIMIT 2`,
    );
    await t.database.db.execute(sql`UPDATE complaint SET concluded_on = received_on - 3 WHERE id = ${a!.id}`);
    await t.database.db.execute(
      sql`UPDATE complaint SET concluded_on = DATE '2026-04-20' WHERE id = ${b!.id}`,
    );
    const refreshed = await refreshDeadlineSummary(t.database.db, t.ctx.now());
    expect(refreshed.oversight_deadline_summary).toBeGreaterThan(0);
    const irregular = await queryOne<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM oversight_deadline_irregular`,
    );
    expect(irregular!.n).toBeGreaterThanOrEqual(2);
    await expectSummaryEqualsLive();
  });

  it('shows a new record only after the next refresh, and two refreshes at once leave one summary', async () => {
    const actor = actors[0]!;
    const region = await scopedRegion(t.database.db, actor);
    const p = resolvePeriod({}, t.ctx.now());
    const complaints = (rows: TimelinessRow[]) =>
      rows.filter((r) => r.source === 'complaint').reduce((s, r) => s + r.started, 0);
    const before = complaints((await summarisedTimeliness(t.database.db, actor, region, p))!.rows);
    const today = chinaDay(t.ctx.now());
    await t.database.db.execute(
      sql`INSERT INTO complaint
          SELECT (jsonb_populate_record(NULL::complaint, to_jsonb(c) || jsonb_build_object(
            'id', (SELECT max(id) + 1 FROM complaint), 'number', c.number || '-S',
            'received_on', ${today}::text, 'state', 'accepted', 'concluded_on', NULL))).*
          FROM complaint c WHERE c.region_code LIKE '3701%' ORDER BY c.id LIMIT 1`,
    );
    const stale = await summarisedTimeliness(t.database.db, actor, region, p);
    expect(complaints(stale!.rows)).toBe(before);
    expect(complaints(await timeliness(t.database.db, actor, region, p))).toBe(before + 1);

    // Two processes refreshing at the same moment: the second waits for the first's lock.
    const later = new Date(t.ctx.now().getTime() + 60_000);
    await Promise.all([
      refreshDeadlineSummary(t.database.db, later),
      refreshDeadlineSummary(t.database.db, later),
    ]);
    const fresh = await summarisedTimeliness(t.database.db, actor, region, p);
    expect(fresh!.countedAt).toBe(later.toISOString());
    expect(complaints(fresh!.rows)).toBe(before + 1);
    await expectSummaryEqualsLive();

    // The dashboard of the province reads the summary; a report counts live.
    const d = await dashboard(t.database.db, actor, region, p, t.ctx.now());
    expect(d.timelinessCountedAt).toBe(later.toISOString());
    expect(d.complaints.started).toBe(
      complaints((await timeliness(t.database.db, actor, region, p)).filter((r) => r.source === 'complaint')),
    );
    const report = await dashboard(t.database.db, actor, region, p, t.ctx.now(), { live: true });
    expect(report.timelinessCountedAt).toBeNull();
    // The province map's overdue per city comes from the same summary, equal to the live count.
    expect(d.map.map((m) => [m.code, m.overdue])).toEqual(report.map.map((m) => [m.code, m.overdue]));
    expect(d.map.some((m) => m.overdue > 0)).toBe(true);
    expect(report.coverage.populationCountedAt).toBeNull();
  });
});
