import { PRACTITIONER_TEMPLATE } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/database.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import { readRows, XLSX } from './support/registry-files.js';
import { type SignedIn, signInAs } from './support/session.js';

const HEADERS = PRACTITIONER_TEMPLATE.columns.map((c) => c.header);

async function workbook(rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('医务人员');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(DATABASE_KINDS)('practitioner import and export on %s', (kind) => {
  let t: TestApp;
  let admin: SignedIn;
  let uscc: string;
  beforeAll(async () => {
    t = await testApp(kind, { registry: 0.02 });
    admin = await signInAs(t, 'admin');
    await t.database.db.execute(sql`UPDATE app_user SET totp_enabled = true WHERE username = 'admin'`);
    uscc = (await queryOne<{ uscc: string }>(
      t.database.db,
      sql`SELECT uscc FROM establishment WHERE kind = 'medical' AND uscc_check_failed = false ORDER BY id LIMIT 1`,
    ))!.uscc;
  });
  afterAll(async () => {
    await t?.close();
  });

  const upload = (body: Buffer, dryRun: boolean) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/practitioners/imports?dryRun=${dryRun}`,
      headers: { ...admin.headers, 'content-type': XLSX },
      payload: body,
    });

  it('serves the template with its exact headers', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/practitioners/import-template.xlsx',
      headers: admin.headers,
    });
    expect((await readRows(res.rawPayload))[0]).toEqual(HEADERS);
  });

  it('imports, exports with masked ID numbers, and re-imports an edited export as new versions', async () => {
    const file = await workbook([
      ['孙八', '11010519491231002X', '医师', null, 'ZY0001', '临床', '11;21', '主治医师', uscc, '在岗'],
      ['周九', '440524188001010014', '护士', null, 'HS0002', null, null, '主管护师', uscc, null],
    ]);
    const dry = (await upload(file, true)).json();
    expect(dry).toMatchObject({ rows: 2, valid: 2, errors: [] });
    const res = (await upload(file, false)).json();
    expect(res).toMatchObject({ committed: true, inserted: 2 });

    const out = await t.app.inject({
      method: 'GET',
      url: '/api/v1/practitioners/export.xlsx?certNo=ZY0001',
      headers: admin.headers,
    });
    const rows = await readRows(out.rawPayload);
    expect(rows[1]!.slice(0, 2)).toEqual(['孙八', '110105********002X']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.rawPayload as unknown as ArrayBuffer);
    wb.worksheets[0]!.getCell('H2').value = '副主任医师';
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    const again = (await upload(edited, false)).json();
    expect(again).toMatchObject({ committed: true, updated: 1, inserted: 0 });
    const p = await queryOne<{ id: number; title_grade: string; version: number }>(
      t.database.db,
      sql`SELECT id, title_grade, version FROM practitioner WHERE practising_cert_no = 'ZY0001'`,
    );
    expect(p).toMatchObject({ title_grade: 'associate_senior', version: 2 });
    const history = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/practitioners/${p!.id}/history`,
        headers: admin.headers,
      })
    ).json();
    expect(history.items[0]).toMatchObject({
      action: 'import',
      changes: [{ field: 'titleGrade', before: 'intermediate', after: 'associate_senior' }],
    });
  });

  it('reports bad rows with row and column and writes nothing', async () => {
    const before = (await queryOne<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM practitioner`,
    ))!.n;
    const file = await workbook([
      ['吴十', '321083197812162119', '医师', null, null, '口腔', '11', null, uscc, null],
      ['郑一', '110105********9999', '医师', null, 'NOPE', '临床', '11', null, uscc, null],
      ['冯二', '11010519491231002X', '护士', null, null, null, null, '主任医师', '91350100M000100Y43', null],
    ]);
    const report = (await upload(file, false)).json();
    expect(report.committed).toBe(false);
    expect(
      report.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code]),
    ).toEqual([
      [2, '执业范围', 'practice_scope_mismatch'],
      [3, '身份证件号码', 'masked_id'],
      [4, '职称', 'unknown_title'],
    ]);
    expect(
      (await queryOne<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM practitioner`))!.n,
    ).toBe(before);
  });
});
