import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/database.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import { demoUser } from './support/enforcement.js';
import { insertCitySupervisionLeader } from './support/oversight.js';

/**
 * The dashboard on the demo city: each figure equals a count taken straight from the owning
 * module's table (not from the oversight view), the records behind a figure are as many as the
 * figure, and scope holds (a county user sees its county, a city user the city; a region outside
 * one's own is refused).
 */
const PERIOD = 'from=2025-07-01&to=2026-03-10';
const count = async (t: TestApp, q: ReturnType<typeof sql>) =>
  (await queryOne<{ n: number }>(t.database.db, q))!.n;

describe.each(DATABASE_KINDS)('oversight dashboard on %s', (kind) => {
  let t: TestApp;
  let city: string;
  beforeAll(async () => {
    t = await testApp(kind, { registry: 0.04, inspection: true });
    city = await insertCitySupervisionLeader(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('counts complaints, cases, penalties, warnings and publications from the modules’ own deadline records', async () => {
    const county = await demoUser(t, 'lc.sv.leader');
    const res = await county.get(`/oversight/dashboard?${PERIOD}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.region).toMatchObject({ code: '370112', level: 'county' });
    expect(d.departmentCode).toBe('supervision');
    const scope = sql`region_code LIKE '370112%' AND department_code = 'supervision'`;
    const complaints = await count(
      t,
      sql`SELECT count(*)::int AS n FROM complaint WHERE ${scope} AND received_on BETWEEN '2025-07-01' AND '2026-03-10'`,
    );
    expect(complaints).toBeGreaterThan(0);
    expect(d.complaints.started).toBe(complaints);
    expect(d.complaints.onTime).toBe(
      await count(
        t,
        sql`SELECT count(*)::int AS n FROM complaint WHERE ${scope} AND concluded_on BETWEEN '2025-07-01' AND '2026-03-10' AND concluded_on <= handle_due`,
      ),
    );
    expect(d.cases.penalties).toBe(
      await count(
        t,
        sql`SELECT count(*)::int AS n FROM enforcement_case WHERE ${scope} AND outcome = 'penalty' AND decided_on BETWEEN '2025-07-01' AND '2026-03-10'`,
      ),
    );
    expect(d.cases.penalties).toBeGreaterThan(0);
    expect(d.cases.amount).toBe(
      Number(
        (await queryOne<{ s: string }>(
          t.database.db,
          sql`SELECT coalesce(sum(fine_amount), 0)::text AS s FROM enforcement_case WHERE ${scope} AND decided_on BETWEEN '2025-07-01' AND '2026-03-10'`,
        ))!.s,
      ),
    );
    expect(d.warnings.started).toBe(
      await count(
        t,
        sql`SELECT count(*)::int AS n FROM credit_alert WHERE ${scope} AND raised_on BETWEEN '2025-07-01' AND '2026-03-10'`,
      ),
    );
    expect(d.warnings.overdue).toBe(
      await count(
        t,
        sql`SELECT count(*)::int AS n FROM credit_alert WHERE ${scope} AND status <> 'handled' AND due_on < '2026-03-10'`,
      ),
    );
    expect(d.publications.onTime).toBe(
      await count(
        t,
        sql`SELECT count(*)::int AS n FROM penalty_publication WHERE ${scope} AND published_on BETWEEN '2025-07-01' AND '2026-03-10' AND published_on <= publish_by`,
      ),
    );
    expect(d.establishments.total).toBe(
      await count(
        t,
        sql`SELECT count(*)::int AS n FROM establishment WHERE region_code LIKE '370112%' AND status <> 'deregistered'`,
      ),
    );
    // The map of a county is its streets and towns, their establishments adding up to the county's.
    expect(d.map.every((m: { code: string }) => m.code.length === 9)).toBe(true);
    expect(d.map.reduce((s: number, m: { establishments: number }) => s + m.establishments, 0)).toBe(
      await count(
        t,
        sql`SELECT count(*)::int AS n FROM establishment WHERE region_code LIKE '370112_%' AND length(region_code) >= 9 AND status <> 'deregistered'`,
      ),
    );
    // Coverage is the inspection module's own figure, not a second computation.
    const fig = (await county.get('/inspection-figures?year=2026')).json();
    expect(d.coverage).toMatchObject({
      target: fig.target,
      covered: fig.total.covered,
      population: fig.total.population,
    });
  });

  it('lists exactly the records behind each figure', async () => {
    const county = await demoUser(t, 'lc.sv.leader');
    const d = (await county.get(`/oversight/dashboard?${PERIOD}`)).json();
    const checks: [string, string, number][] = [
      ['complaint', 'started', d.complaints.started],
      ['complaint', 'open', d.complaints.open],
      ['case', 'done', d.cases.done],
      ['case', 'open', d.cases.open],
      ['warning', 'overdue', d.warnings.overdue],
      ['warning', 'started', d.warnings.started],
      ['publication', 'on_time', d.publications.onTime],
    ];
    for (const [source, measure, n] of checks) {
      const r = await county.get(
        `/oversight/dashboard/records?${PERIOD}&source=${source}&measure=${measure}&pageSize=200`,
      );
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().total, `${source} ${measure}`).toBe(n);
      expect(r.json().items).toHaveLength(n);
    }
    const penalties = await county.get(
      `/oversight/dashboard/records?${PERIOD}&source=case&measure=done&category=penalty`,
    );
    expect(penalties.json().total).toBe(d.cases.penalties);
  });

  it('scopes by region: the city user sees the city, the county user is refused another county', async () => {
    const cityUser = await demoUser(t, city);
    const c = (await cityUser.get(`/oversight/dashboard?${PERIOD}`)).json();
    expect(c.region).toMatchObject({ code: '370100', level: 'city' });
    expect(c.map.map((m: { code: string }) => m.code)).toEqual(
      expect.arrayContaining(['370102', '370112', '370114']),
    );
    const county = await demoUser(t, 'lc.sv.leader');
    const l = (await county.get(`/oversight/dashboard?${PERIOD}`)).json();
    // The city's supervision records include the county's, and more establishments.
    expect(c.complaints.started).toBeGreaterThanOrEqual(l.complaints.started);
    expect(c.establishments.total).toBeGreaterThan(l.establishments.total);
    // The city user may narrow to the county and then sees the county's figures.
    const narrowed = (await cityUser.get(`/oversight/dashboard?${PERIOD}&regionCode=370112`)).json();
    expect(narrowed.complaints).toEqual(l.complaints);
    expect(narrowed.cases).toEqual(l.cases);

    const refused = await county.get(`/oversight/dashboard?${PERIOD}&regionCode=370114`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'forbidden' });
    expect(refused.json().messageZh).toContain('370114');
    const records = await county.get(
      '/oversight/dashboard/records?source=case&measure=open&regionCode=370100',
    );
    expect(records.statusCode).toBe(403);
    const backwards = await county.get('/oversight/dashboard?from=2026-03-01&to=2026-01-01');
    expect(backwards.statusCode).toBe(400);
  });

  it('counts approvals per permit type from the licensing module’s own on-time flags', async () => {
    const db = t.database.db;
    const unit = await queryOne<{ id: number }>(
      db,
      sql`SELECT id FROM unit WHERE department_code = 'supervision' AND region_code = '370112' LIMIT 1`,
    );
    const est = await queryOne<{ id: number }>(
      db,
      sql`SELECT id FROM establishment WHERE region_code LIKE '370112%' LIMIT 1`,
    );
    const at = t.ctx.now().toISOString();
    // Written straight into the licensing table (its own tests cover how these columns are computed).
    const apps = [
      {
        n: 'T-1',
        state: 'granted',
        received: '2026-01-05',
        due: '2026-02-05',
        decided: '2026-02-01',
        onTime: true,
      },
      {
        n: 'T-2',
        state: 'refused',
        received: '2026-01-06',
        due: '2026-02-06',
        decided: '2026-02-10',
        onTime: false,
      },
      {
        n: 'T-3',
        state: 'under_review',
        received: '2026-02-01',
        due: '2026-03-01',
        decided: null,
        onTime: null,
      },
    ];
    for (const a of apps) {
      await db.execute(sql`INSERT INTO licensing_application (number, establishment_id, establishment_name, establishment_region,
          permit_code, permit_version, mode, purpose, unit_id, unit_region_code, department_code, state, received_on, accepted_on,
          decide_due, decided_on, decide_on_time, created_at, updated_at)
        VALUES (${a.n}, ${est!.id}, '测试医院', '370112', 'radiation_diagnosis', 1, 'approval', 'new', ${unit!.id}, '370112',
          'supervision', ${a.state}, ${a.received}, ${a.received}, ${a.due}, ${a.decided}, ${a.onTime}, ${at}, ${at})`);
    }
    const county = await demoUser(t, 'lc.sv.leader');
    const d = (await county.get(`/oversight/dashboard?${PERIOD}`)).json();
    const permit = d.approvals.byPermit.find(
      (p: { permitCode: string }) => p.permitCode === 'radiation_diagnosis',
    );
    expect(permit).toMatchObject({ started: 3, done: 2, onTime: 1, late: 1, open: 1, overdue: 1 });
    expect(permit.nameZh).not.toBe('radiation_diagnosis');
    const late = (
      await county.get(
        `/oversight/dashboard/records?${PERIOD}&source=licensing_decision&measure=late&category=radiation_diagnosis`,
      )
    ).json();
    expect(late.items.map((i: { reference: string }) => i.reference)).toEqual(['T-2']);
  });

  it('refuses users without the oversight permission', async () => {
    const inspector = await demoUser(t, 'lc.inspector1');
    expect((await inspector.get('/oversight/dashboard')).statusCode).toBe(403);
  });
});
