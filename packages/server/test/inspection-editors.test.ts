import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database.js';
import { client, insertStaff, signIn, signInAdmin, unitId } from './identity-helpers.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import { addEstablishment, type Client, jsonClient, planBody } from './support/inspection.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sheet(rows: (string | Date)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const s = book.addWorksheet('s');
  for (const r of rows) s.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function rowsOf(body: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const out: string[][] = [];
  book.worksheets[0]!.eachRow((r) => {
    out.push((r.values as unknown[]).slice(1).map((v) => String(v ?? '')));
  });
  return out;
}

const ROSTER_HEADER = [
  '执法证号',
  '姓名',
  '所属单位',
  '执法证有效期至',
  '专业领域',
  '可参与抽取',
  '不可参与原因',
];

/**
 * The checklist and roster editors' API: certificate terms (expired officers are not drawn), a
 * patch that leaves what it does not name, the roster's and the checklists' Excel in and out, all
 * or nothing, with every wrong cell named in Chinese and English.
 */
describe.each(DATABASE_KINDS)('inspection editors on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let leader: Client;
  const headers: Record<string, Record<string, string>> = {};
  let unitName: string;
  let otherUnitName: string;

  const upload = (who: 'admin' | 'leader', url: string, body: Buffer) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      headers: { ...headers[who], 'content-type': XLSX },
      payload: body,
    });
  const download = (who: 'admin' | 'leader', url: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: headers[who] });

  beforeAll(async () => {
    t = await testApp(kind);
    const a = await signInAdmin(t, 'admin');
    admin = jsonClient(t, a);
    headers.admin = a.headers;
    await insertStaff(t, 'lc.sup.leader', await unitId(t, 'supervision', '370112'), ['leader']);
    const l = await signIn(t, 'lc.sup.leader');
    leader = jsonClient(t, l);
    headers.leader = l.headers;
    const registrar = client(t, await signIn(t, 'lc.inspector1'));
    await addEstablishment(registrar, {
      name: '编辑测试诊所',
      categoryCode: 'D211',
      regionCode: '370112001',
    });
    const u = await queryRows<{ name: string }>(
      t.database.db,
      sql`SELECT name FROM unit WHERE department_code = 'supervision' AND region_code = '370112' ORDER BY id LIMIT 1`,
    );
    unitName = u[0]!.name;
    const o = await queryRows<{ name: string }>(
      t.database.db,
      sql`SELECT name FROM unit WHERE department_code = 'supervision' AND region_code = '370114' ORDER BY id LIMIT 1`,
    );
    otherUnitName = o[0]!.name;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('leaves out of the draw an officer whose certificate has expired', async () => {
    const unitId = (await leader.get('/units?departmentCode=supervision&regionCode=370112')).json().items[0]
      .id;
    const add = (certificateNo: string, certificateValidUntil: string | null) =>
      leader.post('/inspectors', {
        certificateNo,
        name: '测试',
        unitId,
        specialties: ['medical'],
        certificateValidUntil,
      });
    const a = await add('ED-1', '2027-12-31');
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json().certificateValidUntil).toBe('2027-12-31');
    const b = (await add('ED-2', '2026-03-09')).json(); // expired the day before TEST_NOW
    const bad = await add('ED-3', '2026-02-30');
    expect(bad.statusCode).toBe(400);
    const campaign = await leader.post(
      '/campaigns',
      planBody({ departments: ['supervision'], itemCodes: ['medical.supervision'] }),
    );
    expect(campaign.statusCode, campaign.body).toBe(201);
    const forecast = async () => (await leader.get(`/campaigns/${campaign.json().id}/forecast`)).json();
    expect((await forecast()).staffingProblems.length).toBeGreaterThan(0);
    const renewed = await leader.patch(`/inspectors/${b.id}`, { certificateValidUntil: '2029-03-09' });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect((await forecast()).staffingProblems).toEqual([]);
  });

  it('changes only what a patch names (deactivating keeps the specialties)', async () => {
    const o = (await leader.get('/inspectors?q=ED-1')).json().items[0];
    const res = await leader.patch(`/inspectors/${o.id}`, {
      available: false,
      unavailableReason: '脱产培训',
    });
    expect(res.json()).toMatchObject({
      available: false,
      unavailableReason: '脱产培训',
      specialties: ['medical'],
      certificateValidUntil: '2027-12-31',
    });
  });

  it('imports the roster from Excel: a dry run writes nothing, a wrong row refuses the file', async () => {
    const good = await sheet([
      ROSTER_HEADER,
      ['ED-1', '测试改名', unitName, '2028-01-31', 'medical', '否', '借调'],
      ['ED-10', '新人甲', unitName, new Date('2028-06-30T00:00:00Z'), 'medical，radiation', '是', ''],
    ]);
    const dry = await upload('leader', '/inspectors/import?dryRun=true', good);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, rows: 2, created: 1, updated: 1 });
    expect((await leader.get('/inspectors?q=ED-10')).json().total).toBe(0);

    const wrong = await sheet([
      ROSTER_HEADER,
      ['ED-11', '新人乙', unitName, '2028-13-01', 'Medical', '也许', ''],
      ['ED-11', '', '不存在的单位', '', '', '是', ''],
    ]);
    const refused = await upload('leader', '/inspectors/import', wrong);
    expect(refused.statusCode).toBe(422);
    const p = refused.json();
    expect(p.code).toBe('invalid_sheet');
    expect(p.messageZh).toContain('未导入任何内容');
    const messages = p.errors.map((e: { messageZh: string }) => e.messageZh);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('第 2 行「执法证有效期至」'),
        expect.stringContaining('第 2 行「专业领域」'),
        expect.stringContaining('第 2 行「可参与抽取」'),
        expect.stringContaining('第 3 行「姓名」'),
      ]),
    );
    expect(p.errors[0].messageEn).toMatch(/^Row 2, /);

    const done = await upload('leader', '/inspectors/import', good);
    expect(done.json()).toMatchObject({ dryRun: false, created: 1, updated: 1 });
    const list = (await leader.get('/inspectors?q=ED-1')).json().items;
    expect(list.find((o: { certificateNo: string }) => o.certificateNo === 'ED-10')).toMatchObject({
      name: '新人甲',
      specialties: ['medical', 'radiation'],
      certificateValidUntil: '2028-06-30',
    });
    const audit = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_event WHERE action = 'inspection.inspector.create'`,
    );
    expect(audit[0]!.n).toBeGreaterThanOrEqual(3);

    const exported = await download('leader', '/inspectors/export.xlsx');
    expect(exported.statusCode).toBe(200);
    const rows = await rowsOf(exported.rawPayload);
    expect(rows[0]![0]).toContain('执法证号');
    expect(rows).toContainEqual(['ED-1', '测试改名', unitName, '2028-01-31', 'medical', '否', '借调']);
    // The export imports back with nothing to change.
    const again = await upload('leader', '/inspectors/import', exported.rawPayload);
    expect(again.json()).toMatchObject({ created: 0, updated: 0 });
  });

  it('refuses a roster row for a unit outside the actor’s scope and a file that is not a workbook', async () => {
    const other = await sheet([ROSTER_HEADER, ['ED-20', '外区', otherUnitName, '', '', '是', '']]);
    const res = await upload('leader', '/inspectors/import', other);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].messageZh).toContain('第 2 行「所属单位」');
    const junk = await upload('leader', '/inspectors/import', Buffer.from('not a workbook'));
    expect(junk.statusCode).toBe(422);
    expect(junk.json().code).toBe('unreadable_xlsx');
    const header = await upload('leader', '/inspectors/import', await sheet([['姓名', '执法证号']]));
    expect(header.json().code).toBe('invalid_sheet_header');
  });

  it('exports a checklist version and reads items back for the editor without saving', async () => {
    const current = (await admin.get('/checklists')).json().items[0];
    const res = await download('admin', `/checklists/export.xlsx?id=${current.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const back = await upload('admin', '/checklists/import-xlsx', res.rawPayload);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().items).toEqual(current.items);
    const again = (await admin.get('/checklists')).json().items[0];
    expect(again.version).toBe(current.version);

    const wrong = await sheet([
      ['代码', '检查内容', '检查依据', '严重程度'],
      ['A 1', '内容', '依据', '很严重'],
      ['A2', '', '依据', '一般'],
    ]);
    const refused = await upload('admin', '/checklists/import-xlsx', wrong);
    expect(refused.statusCode).toBe(422);
    const zh = refused.json().errors.map((e: { messageZh: string }) => e.messageZh);
    expect(zh).toEqual([
      expect.stringContaining('第 2 行「代码」'),
      expect.stringContaining('第 2 行「严重程度」'),
      expect.stringContaining('第 3 行「检查内容」'),
    ]);
    // Only administrators of the standards import checklist items.
    expect((await upload('leader', '/checklists/import-xlsx', res.rawPayload)).statusCode).toBe(403);
  });
});
