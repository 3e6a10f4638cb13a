import { randomBytes } from 'node:crypto';
import { commitmentOf } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, signIn, unitId } from './identity-helpers.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import {
  addEstablishment,
  addOfficer,
  adminClient,
  type Client,
  jsonClient,
  type Officer,
  planBody,
  SOURCE_VALUES,
  staffClient,
} from './support/inspection.js';

/**
 * The rules around the draw and the lists, one at a time: a stratum without eligible officers stops
 * the pool from closing (naming it) before anything is drawn; a nonce held in escrow; cancellation;
 * versioned checklists, lists and policy; the roster's own rules.
 */
describe.each(DATABASE_KINDS)('inspection rules on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof adminClient>>;
  let planner: Client;
  let head: Client;
  let officers: Officer[];

  beforeAll(async () => {
    t = await testApp(kind);
    admin = await adminClient(t);
    planner = await staffClient(t, 'lc.sup.planner', 'supervision', '370112', ['leader']);
    head = await staffClient(t, 'lc.sup.head', 'supervision', '370112', ['leader']);
    const registrar = client(t, await signIn(t, 'lc.inspector1'));
    officers = [
      await addOfficer(t, admin, { certificateNo: 'R-SUP-1', name: '周一', department: 'supervision' }),
      await addOfficer(t, admin, { certificateNo: 'R-SUP-2', name: '吴二', department: 'supervision' }),
      await addOfficer(t, admin, {
        certificateNo: 'R-SUP-3',
        name: '郑三',
        department: 'supervision',
        region: '370100',
      }),
    ];
    for (let i = 1; i <= 6; i++) {
      await addEstablishment(registrar, {
        name: `规则测试诊所${i}`,
        categoryCode: 'D211',
        regionCode: '370112001',
      });
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  async function approved(overrides: Record<string, unknown> = {}, commitment?: string) {
    const created = await planner.post('/campaigns', planBody(overrides));
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    const a = await head.post(`/campaigns/${c.id}/approve`, commitment ? { commitment } : {});
    expect(a.statusCode).toBe(200);
    return c.id as number;
  }

  it('stops before anything is drawn when a stratum has no eligible officers, naming it', async () => {
    // A joint campaign with 市场监管, whose roster has nobody in 历城区.
    const id = await approved();
    const f = (await planner.get(`/campaigns/${id}/forecast`)).json();
    expect(f.staffingProblems[0]).toMatchObject({
      stratum: 'medical/general/default/default',
      missingDepartments: ['market'],
    });
    const res = await planner.post(`/campaigns/${id}/freeze`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'no_eligible_officers',
      details: { stratum: 'medical/general/default/default' },
    });
    expect(res.json().messageZh).toContain('medical/general/default/default');
    const c = (await planner.get(`/campaigns/${id}`)).json();
    expect(c).toMatchObject({ status: 'approved', draw: null, progress: { targets: 0 } });
  });

  it('draws with a nonce held in escrow: refused without it or with a wrong one', async () => {
    const nonce = randomBytes(32).toString('hex');
    const id = await approved(
      { departments: ['supervision'], itemCodes: ['medical.supervision'], title: '公证保管随机数的抽查' },
      commitmentOf(nonce),
    );
    expect((await planner.get(`/campaigns/${id}`)).json().nonceHeldByPlatform).toBe(false);
    expect((await planner.post(`/campaigns/${id}/freeze`, {})).statusCode).toBe(200);
    t.setNow(new Date('2026-03-16T08:00:00Z'));
    await t.database.db.execute(
      sql`UPDATE user_session SET last_seen_at = ${t.ctx.now().toISOString()}, expires_at = '2026-12-31T00:00:00Z'`,
    );
    expect((await planner.post(`/campaigns/${id}/draw`, { sourceValues: SOURCE_VALUES })).json().code).toBe(
      'nonce_required',
    );
    const wrong = await planner.post(`/campaigns/${id}/draw`, {
      sourceValues: SOURCE_VALUES,
      nonce: '0'.repeat(64),
    });
    expect(wrong.json().code).toBe('nonce_mismatch');
    const ok = await planner.post(`/campaigns/${id}/draw`, { sourceValues: SOURCE_VALUES, nonce });
    expect(ok.statusCode).toBe(200);
    // 6 clinics at 0.2 → 2 targets, each with two of the three supervision officers (one city-level).
    expect(ok.json().progress.targets).toBe(2);
    t.setNow(new Date('2026-03-10T02:00:00Z'));
  });

  it('refuses a day D that has come, and cancels a plan with its reason shown on the portal', async () => {
    const past = await planner.post('/campaigns', planBody({ randomnessDate: '2026-03-10' }));
    expect(past.statusCode).toBe(422);
    expect(past.json().errors[0].path).toBe('randomnessDate');
    const id = await approved({ title: '将撤销的计划' });
    const res = await planner.post(`/campaigns/${id}/cancel`, { reason: '与省级专项检查合并' });
    expect(res.json()).toMatchObject({
      status: 'cancelled',
      cancelReason: '与省级专项检查合并',
      availableActions: [],
    });
    const pub = (
      await t.app.inject({ method: 'GET', url: `/api/v1/public/campaigns/${res.json().campaignNo}` })
    ).json();
    expect(pub).toMatchObject({ status: 'cancelled', cancelReason: '与省级专项检查合并' });
    expect((await head.post(`/campaigns/${id}/approve`, {})).json().code).toBe('invalid_transition');
  });

  it('refuses item-list entries of departments that do not take part', async () => {
    const res = await planner.post('/campaigns', planBody({ departments: ['supervision'] }));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('itemCodes[1]');
  });

  it('versions checklists, the two lists and the policy values', async () => {
    const lists = (await admin.get('/checklists?kind=medical&departmentCode=supervision')).json().items;
    expect(lists).toHaveLength(1);
    const cur = lists[0];
    const saved = await admin.post('/checklists', {
      kind: 'medical',
      departmentCode: 'supervision',
      title: cur.title,
      items: [
        ...cur.items,
        { code: 'MED-10', what: '医疗废物分类收集与暂存', basis: '《医疗废物管理条例》', severity: 'major' },
      ],
      note: '增加医疗废物检查项',
      expectedVersion: cur.version,
    });
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({ version: 2, versions: [{ version: 2 }, { version: 1 }] });
    const stale = await admin.post('/checklists', {
      kind: 'medical',
      departmentCode: 'supervision',
      title: 'x',
      items: cur.items,
      expectedVersion: 1,
    });
    expect(stale.json().code).toBe('version_conflict');
    const items = (await admin.get('/inspection-item-list')).json();
    expect(items.entries.some((e: { code: string }) => e.code === 'medical.market')).toBe(true);
    const put = await admin.put('/inspection-item-list', {
      entries: items.entries.slice(0, 5),
      note: '精简',
      expectedVersion: 1,
    });
    expect(put.json()).toMatchObject({ version: 2, versions: [{ version: 2 }, { version: 1 }] });
    expect((await admin.get('/inspection-item-list?version=1')).json().entries).toHaveLength(
      items.entries.length,
    );
    expect((await admin.get('/supervision-responsibility-list')).json().entries.length).toBe(7);
    const policy = (await admin.get('/inspection-policy')).json();
    expect(policy.values.yearCoverageTarget).toBe(0.2);
    expect(policy.citations.teamSize.zh).toContain('行政处罚法');
    const next = await admin.put('/inspection-policy', {
      values: { ...policy.values, yearCoverageTarget: 0.25 },
      citations: policy.citations,
      note: '本年度目标提高到 25%',
    });
    expect(next.json()).toMatchObject({ version: 2, values: { yearCoverageTarget: 0.25 } });
    const bad = await admin.put('/inspection-policy', {
      values: { ...policy.values, defaultRatio: 2 },
      citations: policy.citations,
      note: 'x',
    });
    expect(bad.statusCode).toBe(400);
    // Inspectors read the standards but do not edit them.
    const inspector = jsonClient(t, await signIn(t, 'lc.inspector2'));
    expect((await inspector.get('/checklists')).statusCode).toBe(200);
    expect(
      (
        await inspector.put('/inspection-policy', {
          values: policy.values,
          citations: policy.citations,
          note: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('keeps the roster consistent: unique certificates, units in scope, open tasks before a move', async () => {
    const dup = await admin.post('/inspectors', {
      certificateNo: 'R-SUP-1',
      name: '重复',
      unitId: await unitId(t, 'supervision', '370112'),
    });
    expect(dup.statusCode).toBe(409);
    // A supervision leader of 历城区 manages the institute's officers, not market's.
    const market = await planner.post('/inspectors', {
      certificateNo: 'R-MKT-9',
      name: '市场',
      unitId: await unitId(t, 'market', '370112'),
    });
    expect(market.statusCode).toBe(404);
    const off = await planner.patch(`/inspectors/${officers[0]!.id}`, {
      available: false,
      unavailableReason: '病假',
    });
    expect(off.json()).toMatchObject({ available: false, unavailableReason: '病假', version: 2 });
    const open = (await planner.get(`/inspectors/${officers[1]!.id}`)).json().openTasks;
    const moved = await admin.patch(`/inspectors/${officers[1]!.id}`, {
      unitId: await unitId(t, 'supervision', '370114'),
    });
    if (open > 0) expect(moved.json().code).toBe('inspector_has_open_tasks');
    else expect(moved.statusCode).toBe(200);
  });
});
