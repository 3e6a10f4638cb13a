import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/database.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import {
  csvText,
  HEADERS,
  newUscc,
  readRows,
  row,
  upload,
  XLSX,
  xlsxBuffer,
} from './support/registry-files.js';
import { type SignedIn, signInAs } from './support/session.js';

const count = async (t: TestApp, table: string) =>
  (await queryOne<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`))!.n;

describe.each(DATABASE_KINDS)('establishment import and export on %s', (kind) => {
  let t: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await testApp(kind, { registry: 0.02 });
    admin = await signInAs(t, 'admin');
    await t.database.db.execute(sql`UPDATE app_user SET totp_enabled = true WHERE username = 'admin'`);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves the template: exactly the twelve headers, then the explanation sheet', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/establishments/import-template.xlsx',
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '机构名录',
      '填写说明',
      '机构类别代码',
      '诊疗科目代码',
    ]);
    expect((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(wb.worksheets[0]!.rowCount).toBe(1);
    const help = wb.worksheets[1]!.getColumn(1).values.slice(2, 14);
    expect(help).toEqual(HEADERS);
  });

  it('round-trips: export, edit in a spreadsheet, import; changes appear with history; a re-run changes nothing', async () => {
    const exported = await t.app.inject({
      method: 'GET',
      url: '/api/v1/establishments/export.xlsx?region=370112&kind=medical',
      headers: admin.headers,
    });
    expect(exported.statusCode).toBe(200);
    const rows = await readRows(exported.rawPayload);
    expect(rows[0]).toEqual(HEADERS);
    const data = rows.slice(1);
    expect(data.length).toBeGreaterThan(5);
    // Edit two rows as a clerk would: a new address, and a bed count.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.getCell('E2').value = '历城区新址路 8 号';
    ws.getCell('J3').value = 12;
    const edited = Buffer.from(await wb.xlsx.writeBuffer());

    const dry = await upload(t, admin, edited, { dryRun: true });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ rows: data.length, valid: data.length, errors: [], committed: false });

    const before = await count(t, 'establishment');
    const res = await upload(t, admin, edited, { dryRun: false, fileName: '名录.xlsx' });
    expect(res.json()).toMatchObject({
      committed: true,
      inserted: 0,
      updated: 2,
      unchanged: data.length - 2,
    });
    expect(await count(t, 'establishment')).toBe(before);

    const uscc = String(data[0]![1]);
    const e = await queryOne<{ id: number; address: string; version: number }>(
      t.database.db,
      sql`SELECT id, address, version FROM establishment WHERE uscc = ${uscc}`,
    );
    expect(e).toMatchObject({ address: '历城区新址路 8 号', version: 2 });
    const history = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/establishments/${e!.id}/history`,
        headers: admin.headers,
      })
    ).json();
    expect(history.items[0]).toMatchObject({
      version: 2,
      action: 'import',
      actor: { name: 'admin' },
      changes: [{ field: 'address', before: data[0]![4], after: '历城区新址路 8 号' }],
    });
    expect(history.items[0].importBatchId).toBe(res.json().batchId);

    const again = await upload(t, admin, edited, { dryRun: false });
    expect(again.json()).toMatchObject({ committed: true, inserted: 0, updated: 0, unchanged: data.length });
  });

  it('inserts new rows with version 1, derives flags, and keeps a mobile number encrypted and masked', async () => {
    const uscc = newUscc();
    const file = await xlsxBuffer([
      row({ 统一社会信用代码: uscc, 机构类别: '口腔诊所', 联系电话: '13912345678', 诊疗科目: '口腔科' }),
    ]);
    const res = await upload(t, admin, file, { dryRun: false });
    expect(res.json()).toMatchObject({ committed: true, inserted: 1 });
    const e = await queryOne<Record<string, unknown>>(
      t.database.db,
      sql`SELECT * FROM establishment WHERE uscc = ${uscc}`,
    );
    expect(e).toMatchObject({
      category_code: 'D215',
      contact_phone: null,
      contact_mobile_masked: '139****5678',
      flags: ['dental'],
      version: 1,
    });
    expect(String(e!.contact_mobile_enc)).not.toContain('13912345678');
    expect(t.ctx.secrets.decrypt(String(e!.contact_mobile_enc))).toBe('13912345678');
    // Exported, the number is masked; imported back unchanged, it stays as it was.
    const out = await t.app.inject({
      method: 'GET',
      url: `/api/v1/establishments/export.xlsx?code=${uscc}`,
      headers: admin.headers,
    });
    const rows = await readRows(out.rawPayload);
    expect(rows[1]![6]).toBe('139****5678');
    const back = await upload(t, admin, out.rawPayload, { dryRun: false });
    expect(back.json()).toMatchObject({ committed: true, unchanged: 1, updated: 0 });
  });

  it('reads CSV in UTF-8 with BOM and in GB18030', async () => {
    const a = newUscc();
    const b = newUscc();
    const utf8 = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(csvText([row({ 统一社会信用代码: a, 机构名称: '历城区“引号,逗号”诊所' })])),
    ]);
    const r1 = (await upload(t, admin, utf8, { type: 'text/csv', dryRun: false })).json();
    expect(r1).toMatchObject({ committed: true, inserted: 1, errors: [] });
    const gbk = Buffer.from(
      new Uint8Array(
        gb18030(
          csvText([row({ 统一社会信用代码: b, 机构名称: '章丘区国标编码诊所', 行政区划代码: '370114' })]),
        ),
      ),
    );
    const r2 = (await upload(t, admin, gbk, { type: 'text/csv', dryRun: false })).json();
    expect(r2).toMatchObject({ committed: true, inserted: 1, errors: [] });
    const names = await queryOne<{ a: string; b: string }>(
      t.database.db,
      sql`SELECT (SELECT name FROM establishment WHERE uscc = ${a}) AS a, (SELECT name FROM establishment WHERE uscc = ${b}) AS b`,
    );
    expect(names).toEqual({ a: '历城区“引号,逗号”诊所', b: '章丘区国标编码诊所' });
  });

  it('takes a failing credit code once it is accepted with a reason (audited)', async () => {
    const odd = '91350211M0000XUF46';
    await t.database.db.execute(sql`DELETE FROM uscc_acceptance WHERE uscc = ${odd}`);
    await t.database.db.execute(sql`UPDATE establishment SET uscc = NULL WHERE uscc = ${odd}`);
    const file = await xlsxBuffer([row({ 统一社会信用代码: odd })]);
    expect((await upload(t, admin, file)).json().errors[0]).toMatchObject({
      row: 2,
      code: 'uscc_check_char',
    });
    const accept = await t.app.inject({
      method: 'POST',
      url: '/api/v1/registry/uscc-acceptances',
      headers: admin.headers,
      payload: { uscc: odd, reason: '核对营业执照原件，系登记机关核发' },
    });
    expect(accept.statusCode).toBe(204);
    const report = (await upload(t, admin, file, { dryRun: false })).json();
    expect(report).toMatchObject({ committed: true, inserted: 1, errors: [] });
    expect(report.warnings[0]).toMatchObject({ row: 2, code: 'uscc_accepted' });
    const audit = await queryOne<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_event WHERE action = 'registry.uscc.accept' AND entity_id = ${odd}`,
    );
    expect(audit!.n).toBe(1);
  });

  it('keeps an importer inside their area: other regions and their establishments are refused', async () => {
    await t.database.db.execute(
      sql`INSERT INTO role_permission (role_code, permission) VALUES ('inspector', 'registry.import') ON CONFLICT DO NOTHING`,
    );
    const lc = await signInAs(t, 'lc.inspector2');
    const zq = await queryOne<{ uscc: string }>(
      t.database.db,
      sql`SELECT uscc FROM establishment WHERE region_code = '370114' AND uscc LIKE '9%' LIMIT 1`,
    );
    const report = (
      await upload(
        t,
        lc,
        await xlsxBuffer([row({ 行政区划代码: '370102' }), row({ 统一社会信用代码: zq!.uscc })]),
      )
    ).json();
    expect(report.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [2, 'region_out_of_scope'],
      [3, 'uscc_out_of_scope'],
    ]);
    const forbidden = await upload(t, await signInAs(t, 'viewer'), await xlsxBuffer([row()]));
    expect(forbidden.statusCode).toBe(403);
  });

  it('streams progress lines then the report when asked for NDJSON', async () => {
    const rows = Array.from({ length: 2100 }, () => row());
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/establishments/imports?dryRun=true',
      headers: { ...admin.headers, 'content-type': XLSX, accept: 'application/x-ndjson' },
      payload: await xlsxBuffer(rows),
    });
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ phase: 'reading', rows: 1000 });
    expect(lines.at(-1).report).toMatchObject({ rows: 2100, valid: 2100, committed: false });
  });
});

/** GB18030 bytes of a string made of ASCII and the characters the test uses (TextEncoder only does UTF-8). */
function gb18030(text: string): number[] {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (const ch of new Set(text)) {
    if (ch.charCodeAt(0) < 128) continue;
    search: for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (decoder.decode(new Uint8Array([hi, lo])) === ch) {
          table.set(ch, [hi, lo]);
          break search;
        }
      }
    }
  }
  return [...text].flatMap((ch) => (ch.charCodeAt(0) < 128 ? [ch.charCodeAt(0)] : table.get(ch)!));
}
