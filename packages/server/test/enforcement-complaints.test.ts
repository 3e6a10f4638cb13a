import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../src/db/database.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import {
  type Client,
  demoUser,
  insertEstablishment,
  LICHENG,
  publicGet,
  publicPost,
  setDay,
  staff,
} from './support/enforcement.js';

/**
 * Complaints (issue 8 §1): portal and hotline intake, classification and routing by the
 * responsibility map, duplicates joining the first complaint, tracking by query code (public notes
 * only), the reporter's identity encrypted and its reading audited, rewards, and the flood limit.
 */
describe.each(DATABASE_KINDS)('complaints on %s', (kind) => {
  let t: TestApp;
  let market: Client;
  let insurance: Client;
  let police: Client;
  let clinic: { id: number; publicCode: string };

  beforeAll(async () => {
    t = await testApp(kind);
    setDay(t, '2026-03-10');
    clinic = await insertEstablishment(t, { name: '历城区仁和诊所', uscc: '91370112MA3TEST01X' });
    market = await demoUser(t, 'lc.market');
    insurance = await demoUser(t, 'lc.insurance');
    police = await demoUser(t, 'lc.police');
  });
  afterAll(async () => {
    await t?.close();
  });

  const base = {
    anonymous: true,
    regionCode: `${LICHENG}001`,
    description: '该诊所输液收费明显高于公示价格，多收了两百元，且不给明细。',
  };

  it('routes a pricing complaint about an identified clinic to market regulation, with its acceptance deadline', async () => {
    const res = await publicPost(t, '/public/complaints', {
      ...base,
      categoryCode: 'pricing',
      establishmentCode: clinic.publicCode,
    });
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json();
    expect(receipt).toMatchObject({
      handlingUnit: '历城区市场监督管理局',
      departmentName: '市场监管',
      receivedOn: '2026-03-10',
      acceptDue: '2026-03-19', // 7 working days
    });
    expect(receipt.queryCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const list = (await market.get('/enforcement/complaints')).json();
    const mine = list.items.find((c: { number: string }) => c.number === receipt.number);
    expect(mine).toMatchObject({
      category: 'pricing',
      establishmentId: clinic.id,
      needsTriage: false,
      state: 'received',
    });
    // Other departments of the county do not see it.
    expect((await insurance.get('/enforcement/complaints')).json().items).toEqual([]);
    expect((await insurance.get(`/enforcement/complaints/${mine.id}`)).statusCode).toBe(404);
  });

  it('suggests the category from the text when the reporter gives none (insurance fraud → 医疗保障)', async () => {
    const res = await publicPost(t, '/public/complaints', {
      ...base,
      establishmentName: '历城区仁和诊所',
      description: '我的医保卡在这家诊所被盗刷，怀疑有人骗保，挂床住院。',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ departmentName: '医疗保障', handlingUnit: '历城区医疗保障局' });
    const c = (await insurance.get('/enforcement/complaints')).json().items[0];
    expect(c).toMatchObject({ category: 'insurance_fraud', establishmentId: clinic.id });
    const detail = (await insurance.get(`/enforcement/complaints/${c.id}`)).json();
    expect(detail.categorySource).toBe('keywords');
    expect(detail.categoryKeywords).toEqual(expect.arrayContaining(['医保', '骗保']));
  });

  it('accepts a report about an establishment it cannot identify, flagged for triage, and keeps markup as text', async () => {
    const text = '<script>alert(1)</script> 小区楼下有人无证行医，给老人打针输液，没有任何资质。';
    const res = await publicPost(t, '/public/complaints', {
      ...base,
      establishmentName: '无名小诊室',
      description: text,
    });
    expect(res.statusCode, res.body).toBe(201);
    const sv = await staff(t, 'sv.handler', 'supervision', ['inspector']);
    const c = (await sv.get('/enforcement/complaints?needsTriage=true')).json().items[0];
    expect(c).toMatchObject({ category: 'illegal_practice', needsTriage: true, establishmentId: null });
    expect((await sv.get(`/enforcement/complaints/${c.id}`)).json().description).toBe(text);
  });

  it('joins a duplicate to the first complaint as another reporter, each with a query code', async () => {
    const first = (
      await publicPost(t, '/public/complaints', {
        ...base,
        categoryCode: 'violence_against_staff',
        establishmentCode: clinic.publicCode,
        description: '有人在诊所大厅殴打医生，砸坏了设备。',
      })
    ).json();
    const again = await publicPost(t, '/public/complaints', {
      anonymous: false,
      reporter: { name: '李举报', phone: '13912345678' },
      categoryCode: 'violence_against_staff',
      establishmentCode: clinic.publicCode,
      regionCode: `${LICHENG}001`,
      description: '我也看到了：昨天下午有人在仁和诊所打医生。',
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().number).toBe(first.number);
    expect(again.json().queryCode).not.toBe(first.queryCode);
    const list = (await police.get('/enforcement/complaints')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ number: first.number, reporters: 2 });
    // Staff entry from the hotline joins too (and says so).
    const hotline = await police.post('/enforcement/complaints', {
      channel: 'hotline',
      anonymous: true,
      categoryCode: 'violence_against_staff',
      establishmentId: clinic.id,
      regionCode: `${LICHENG}001`,
      description: '12345转来：仁和诊所发生伤医事件。',
    });
    expect(hotline.statusCode, hotline.body).toBe(201);
    expect(hotline.json()).toMatchObject({ joined: true, number: first.number });
    expect((await publicGet(t, `/public/complaints/${again.json().queryCode}`)).json().number).toBe(
      first.number,
    );
  });

  it('shows the reporter only the public notes by the query code; internal notes and names stay inside', async () => {
    const submitted = (
      await publicPost(t, '/public/complaints', {
        ...base,
        categoryCode: 'drugs_devices',
        establishmentCode: clinic.publicCode,
        description: '诊所药房销售过期药品，批号已过有效期半年。',
      })
    ).json();
    const c = (await market.get('/enforcement/complaints?category=drugs_devices')).json().items[0];
    const accepted = await market.post(`/enforcement/complaints/${c.id}/actions`, {
      action: 'accept',
      expectedVersion: c.version,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ state: 'accepted', handleDue: '2026-03-31' });
    expect(accepted.json().lead).toMatchObject({ state: 'open' });
    await market.post(`/enforcement/complaints/${c.id}/notes`, {
      visibility: 'internal',
      text: '内部：与药监所联合核查，涉事药师王某',
    });
    await market.post(`/enforcement/complaints/${c.id}/notes`, {
      visibility: 'public',
      text: '已派员现场核查。',
    });
    const stale = await market.post(`/enforcement/complaints/${c.id}/actions`, {
      action: 'reply',
      expectedVersion: 1,
      reply: 'x',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details.allowedActions).toEqual(expect.arrayContaining(['conclude']));

    const track = await publicGet(
      t,
      `/public/complaints/${submitted.queryCode.toLowerCase().replaceAll('-', '')}`,
    );
    expect(track.statusCode, track.body).toBe(200);
    const body = track.json();
    expect(body).toMatchObject({
      number: submitted.number,
      state: 'accepted',
      handlingUnit: '历城区市场监督管理局',
    });
    expect(body.history.map((h: { text: string }) => h.text)).toEqual([
      expect.stringContaining('已收到'),
      expect.stringContaining('已受理'),
      '已派员现场核查。',
    ]);
    expect(track.body).not.toContain('内部');
    expect(track.body).not.toContain('lc.market');
    expect((await publicGet(t, '/public/complaints/AAAA-BBBB-CCCC')).statusCode).toBe(404);
  });

  it('keeps a named reporter’s identity encrypted; only the handling unit reads it, and each reading is audited', async () => {
    const res = await publicPost(t, '/public/complaints', {
      anonymous: false,
      reporter: { name: '赵实名', phone: '13800001111', idNumber: '370112199001011234' },
      categoryCode: 'pricing',
      establishmentName: '历城区某药店',
      regionCode: `${LICHENG}002`,
      description: '药店收费不明码标价，价格混乱。',
    });
    expect(res.statusCode, res.body).toBe(201);
    const raw = await queryRows<{ name_enc: string; phone_enc: string; complaint_id: number; id: number }>(
      t.database.db,
      sql`SELECT r.id, r.complaint_id, r.name_enc, r.phone_enc FROM complaint_reporter r
          JOIN complaint c ON c.id = r.complaint_id WHERE c.number = ${res.json().number}`,
    );
    expect(raw).toHaveLength(1);
    expect(raw[0]!.name_enc).not.toContain('赵实名');
    expect(t.ctx.secrets.decrypt(raw[0]!.name_enc)).toBe('赵实名');
    const dump = JSON.stringify(await queryRows(t.database.db, sql`SELECT * FROM complaint_reporter`));
    expect(dump).not.toContain('13800001111');

    const complaintId = Number(raw[0]!.complaint_id);
    const reporterId = Number(raw[0]!.id);
    const detail = await market.get(`/enforcement/complaints/${complaintId}`);
    expect(detail.body).not.toContain('赵实名');
    expect(detail.json().reporters[0]).toMatchObject({ anonymous: false, identityOnFile: true });

    const url = `/enforcement/complaints/${complaintId}/reporters/${reporterId}/identity`;
    expect((await police.get(url)).statusCode).toBe(404);
    const legal = await demoUser(t, 'lc.legal');
    expect((await legal.get(url)).statusCode).toBe(403);
    const before = await queryOne<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_event WHERE action = 'enforcement.complaint.reporter.read'`,
    );
    const read = await market.get(url);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({
      name: '赵实名',
      phone: '13800001111',
      idNumber: '370112199001011234',
    });
    const audit = await queryRows<{ entity_id: string; actor_name: string; diff: unknown }>(
      t.database.db,
      sql`SELECT entity_id, actor_name, diff FROM audit_event WHERE action = 'enforcement.complaint.reporter.read' ORDER BY id`,
    );
    expect(audit).toHaveLength(before!.n + 1);
    expect(audit.at(-1)).toMatchObject({ entity_id: String(reporterId), actor_name: 'lc.market' });
    expect(JSON.stringify(audit.at(-1)!.diff)).not.toContain('赵实名');

    // Concluded as substantiated: the credit module hears of it; a named reporter can be rewarded.
    let c = (await market.get(`/enforcement/complaints/${complaintId}`)).json();
    c = (
      await market.post(`/enforcement/complaints/${complaintId}/actions`, {
        action: 'accept',
        expectedVersion: c.version,
      })
    ).json();
    const concluded = await market.post(`/enforcement/complaints/${complaintId}/actions`, {
      action: 'conclude',
      expectedVersion: c.version,
      substantiated: true,
      conclusion: '经查属实，已立案查处',
      publicNote: '经核查，您反映的问题属实，已依法处理。',
    });
    expect(concluded.statusCode, concluded.body).toBe(200);
    expect(concluded.json()).toMatchObject({
      state: 'concluded',
      substantiated: true,
      replyDue: '2026-03-17',
    });
    const event = await queryOne<{ payload: { complaintId: number; on: string } }>(
      t.database.db,
      sql`SELECT payload FROM domain_event WHERE type = 'enforcement.complaint.substantiated' ORDER BY id DESC LIMIT 1`,
    );
    expect(event!.payload).toMatchObject({
      complaintId,
      establishmentId: null,
      practitionerId: null,
      on: '2026-03-10',
    });
    const reward = await market.post(`/enforcement/complaints/${complaintId}/rewards`, {
      reporterId,
      amount: 500,
      basis: '举报属实，按奖励办法',
    });
    expect(reward.statusCode, reward.body).toBe(201);
    const paid = await market.post(`/enforcement/complaints/${complaintId}/rewards/${reward.json().id}/pay`, {
      note: '银行转账',
    });
    expect(paid.json().rewards[0]).toMatchObject({ amount: 500, status: 'paid' });
  });

  it('refuses a flood of submissions from one address with a clear message, and nothing is half-stored', async () => {
    const address = '10.99.0.1';
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await publicPost(
        t,
        '/public/complaints',
        { ...base, description: `第${i}次重复提交：诊所乱收费，多收钱。` },
        address,
      );
      codes.push(res.statusCode);
      if (res.statusCode === 429)
        expect(res.json()).toMatchObject({
          code: 'rate_limited',
          messageZh: expect.stringContaining('频繁'),
        });
    }
    expect(codes).toEqual([201, 201, 201, 201, 201, 429]);
    const bad = await publicPost(t, '/public/complaints', { ...base, description: '太短' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('description');
  });
});
