import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/database.js';
import { signIn } from './identity-helpers.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import { demoUser } from './support/enforcement.js';

/** Grids: areas that never overlap (the refusal names the overlap), patrols, re-checks, campaigns, workload. */
describe.each(DATABASE_KINDS)('oversight grids on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind, { registry: 0.04 });
  });
  afterAll(async () => {
    await t?.close();
  });

  const uid = async (username: string) =>
    Number(
      (await queryOne<{ id: number }>(
        t.database.db,
        sql`SELECT id FROM app_user WHERE username = ${username}`,
      ))!.id,
    );

  it('creates a grid, refuses an overlapping one naming the overlap, and counts its workload', async () => {
    const leader = await demoUser(t, 'lc.sv.leader');
    const grid = {
      code: 'WG370112-01',
      name: '山大路—洪家楼网格',
      regionCode: '370112',
      duties: '日常巡查、投诉核查、处罚后回头看',
      areaCodes: ['370112001', '370112002'],
      staff: [{ userId: await uid('lc.inspector1'), role: 'lead', duties: '网格长' }],
    };
    const created = await leader.post('/oversight/grids', grid);
    expect(created.statusCode, created.body).toBe(201);
    const gridId = created.json().id;

    const overlapping = await leader.post('/oversight/grids', {
      ...grid,
      code: 'WG370112-02',
      name: '洪家楼—东风网格',
      areaCodes: ['370112002', '370112003'],
      staff: [],
    });
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json().messageZh).toContain('370112002');
    expect(overlapping.json().messageZh).toContain('WG370112-01');
    expect(overlapping.json().messageEn).toContain('overlaps 370112002 of grid WG370112-01');
    // Nothing half-written: the refused grid does not exist.
    expect(
      (await queryOne<{ n: number }>(
        t.database.db,
        sql`SELECT count(*)::int AS n FROM oversight_grid WHERE code = 'WG370112-02'`,
      ))!.n,
    ).toBe(0);
    const outside = await leader.post('/oversight/grids', {
      ...grid,
      code: 'WG-X',
      areaCodes: ['370114001'],
    });
    expect(outside.statusCode).toBe(400);
    const otherCounty = await leader.post('/oversight/grids', {
      ...grid,
      code: 'WG-Y',
      regionCode: '370114',
      areaCodes: ['370114001'],
    });
    expect(otherCounty.statusCode).toBe(403);

    const campaign = await leader.post('/oversight/special-campaigns', {
      name: '打击非法行医专项整治',
      theme: '无证行医、超范围执业',
      regionCode: '370112',
      departments: ['health', 'market'],
      startsOn: '2026-03-01',
      endsOn: '2026-06-30',
      target: 20,
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    const patrol = await leader.post(`/oversight/grids/${gridId}/patrols`, {
      place: '山大路 1 号一带',
      plannedOn: '2026-03-09',
      officerUserId: await uid('lc.inspector1'),
      campaignId: campaign.json().id,
    });
    expect(patrol.statusCode, patrol.body).toBe(201);
    const recorded = await leader.post(`/oversight/patrols/${patrol.json().id}/record`, {
      findings: '发现一处无证诊所',
      problemFound: true,
      photos: [],
    });
    expect(recorded.statusCode, recorded.body).toBe(204);
    expect(
      (
        await leader.post(`/oversight/patrols/${patrol.json().id}/record`, {
          findings: 'x',
          problemFound: false,
        })
      ).statusCode,
    ).toBe(409);

    const est = await queryOne<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM establishment WHERE region_code = '370112001' ORDER BY id LIMIT 1`,
    );
    const recheck = await leader.post(`/oversight/grids/${gridId}/rechecks`, {
      establishmentId: Number(est!.id),
      source: 'penalty',
      sourceRef: 'AJ-1',
      dueOn: '2026-03-01',
    });
    expect(recheck.statusCode, recheck.body).toBe(201);
    const elsewhere = await queryOne<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM establishment WHERE region_code = '370112005' ORDER BY id LIMIT 1`,
    );
    const refused = await leader.post(`/oversight/grids/${gridId}/rechecks`, {
      establishmentId: Number(elsewhere!.id),
      source: 'manual',
      dueOn: '2026-04-01',
    });
    expect(refused.statusCode).toBe(400);

    const list = (await leader.get('/oversight/grids?from=2026-01-01&to=2026-03-10')).json().items;
    expect(list).toHaveLength(1);
    const inAreas = await queryOne<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM establishment WHERE (region_code LIKE '370112001%' OR region_code LIKE '370112002%') AND status <> 'deregistered'`,
    );
    expect(list[0]).toMatchObject({
      code: 'WG370112-01',
      areaCodes: ['370112001', '370112002'],
      staff: [{ role: 'lead', duties: '网格长' }],
      workload: {
        establishments: inAreas!.n,
        patrolsDone: 1,
        problemsFound: 1,
        rechecksOpen: 1,
        rechecksOverdue: 1,
      },
    });
    const campaigns = (await leader.get('/oversight/special-campaigns')).json().items;
    expect(campaigns[0]).toMatchObject({ name: '打击非法行医专项整治', target: 20, done: 1, problems: 1 });
    expect(campaigns[0].departments).toEqual(expect.arrayContaining(['supervision', 'health', 'market']));

    const done = await leader.post(`/oversight/rechecks/${recheck.json().id}/complete`, {
      doneOn: '2026-03-10',
      result: '已整改到位',
    });
    expect(done.statusCode, done.body).toBe(204);
    const after = (await leader.get('/oversight/grids')).json().items[0];
    expect(after.workload.rechecksOpen).toBe(0);
    const items = (await leader.get(`/oversight/grids/${gridId}`)).json();
    expect(items.rechecks[0]).toMatchObject({ status: 'done', result: '已整改到位' });

    // Moving an area to a second grid is refused while the first holds it, allowed once released.
    const updated = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/oversight/grids/${gridId}`,
      headers: (await signIn(t, 'lc.sv.leader')).headers,
      payload: { ...grid, areaCodes: ['370112001'], version: 1 },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    const second = await leader.post('/oversight/grids', {
      ...grid,
      code: 'WG370112-02',
      areaCodes: ['370112002'],
      staff: [],
    });
    expect(second.statusCode, second.body).toBe(201);
  });

  it('refuses a village inside a street another grid holds, and a street holding another grid’s village', async () => {
    const db = t.database.db;
    await db.execute(sql`INSERT INTO region (code, name, level, parent_code, source)
      VALUES ('370112003001', '东风街道测试社区', 'village', '370112003', 'deployment'),
             ('370112004001', '全福街道测试社区', 'village', '370112004', 'deployment')`);
    const leader = await demoUser(t, 'lc.sv.leader');
    const base = { regionCode: '370112', duties: '', staff: [] };
    const s3 = await leader.post('/oversight/grids', {
      ...base,
      code: 'WG-S3',
      name: '东风街道',
      areaCodes: ['370112003'],
    });
    expect(s3.statusCode, s3.body).toBe(201);
    const village = await leader.post('/oversight/grids', {
      ...base,
      code: 'WG-V3',
      name: '东风社区',
      areaCodes: ['370112003001'],
    });
    expect(village.statusCode).toBe(409);
    expect(village.json().messageZh).toContain('370112003001 与网格「东风街道」（WG-S3）的 370112003 重叠');
    const v4 = await leader.post('/oversight/grids', {
      ...base,
      code: 'WG-V4',
      name: '全福社区',
      areaCodes: ['370112004001'],
    });
    expect(v4.statusCode, v4.body).toBe(201);
    const street = await leader.post('/oversight/grids', {
      ...base,
      code: 'WG-S4',
      name: '全福街道',
      areaCodes: ['370112004'],
    });
    expect(street.statusCode).toBe(409);
    expect(street.json().messageEn).toContain('370112004 overlaps 370112004001 of grid WG-V4');
  });
});
