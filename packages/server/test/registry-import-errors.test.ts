import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/database.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import { HEADERS, newUscc, row, upload, XLSX, xlsxBuffer } from './support/registry-files.js';
import { type SignedIn, signInAs } from './support/session.js';

const count = async (t: TestApp, table: string) =>
  (await queryOne<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`))!.n;

describe.each(DATABASE_KINDS)('establishment import: bad input, all or nothing, on %s', (kind) => {
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

  it('catches each bad-input case with its row and column, and writes nothing', async () => {
    const dup = newUscc();
    const file = await xlsxBuffer(
      [
        row({ 统一社会信用代码: dup }), // 2 good
        [], // 3 empty row inside the data
        row({ 机构名称: '合并', 机构类别: null }), // 4 merged B4:C4
        row({ 床位数: new Date(Date.UTC(2024, 0, 5)) }), // 5 a date in a number column
        row({ 统一社会信用代码: dup }), // 6 duplicate credit code
        row({ 行政区划代码: '999999' }), // 7 unknown region
        row({ 机构类别: 'Z999' }), // 8 unknown category
        row({ 床位数: -2 }), // 9 negative beds
        row({ 统一社会信用代码: '91350100M000100Y42' }), // 10 check character
        row(), // 11 good
      ],
      { merges: ['B4:C4'] },
    );
    const before = await count(t, 'establishment');
    const batches = await count(t, 'import_batch');
    const res = await upload(t, admin, file, { dryRun: false });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.committed).toBe(false);
    const found = report.errors.map((e: { row: number; column: string; code: string }) => [
      e.row,
      e.column,
      e.code,
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        [3, '', 'empty_row'],
        [4, '统一社会信用代码', 'merged_cells'],
        [5, '床位数', 'date_in_number_column'],
        [6, '统一社会信用代码', 'duplicate_uscc'],
        [7, '行政区划代码', 'unknown_region'],
        [8, '机构类别', 'unknown_category'],
        [9, '床位数', 'negative_beds'],
        [10, '统一社会信用代码', 'uscc_check_char'],
      ]),
    );
    expect(report.rows).toBe(10);
    expect(report.valid).toBe(2);
    for (const e of report.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await count(t, 'establishment')).toBe(before);
    expect(await count(t, 'import_batch')).toBe(batches);
  });

  it('names wrong and missing headers (row 1)', async () => {
    const headers = [...HEADERS.slice(0, 4), '住址', ...HEADERS.slice(5)];
    const report = (await upload(t, admin, await xlsxBuffer([row()], { headers }))).json();
    expect(
      report.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code]),
    ).toEqual([
      [1, '住址', 'unknown_column'],
      [1, '地址', 'missing_column'],
    ]);
    expect(report.valid).toBe(0);
  });

  it('says when a file is not a spreadsheet, or an old .xls, or empty', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 0)]);
    const codes = async (body: Buffer, type = 'application/octet-stream') =>
      (await upload(t, admin, body, { type }))
        .json()
        .errors.map((e: { row: number; code: string }) => [e.row, e.code]);
    expect(await codes(pdf)).toEqual([[0, 'not_a_spreadsheet']]);
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await codes(xls, 'application/vnd.ms-excel')).toEqual([[0, 'xls_not_supported']]);
    expect(await codes(Buffer.from('PK\u0003\u0004garbage'), XLSX)).toEqual([[0, 'unreadable_xlsx']]);
  });

  it('refuses a 200 MB upload with 413 and a clear message', async () => {
    const big = Buffer.alloc(200 * 1024 * 1024, 0x41);
    const res = await upload(t, admin, big, { type: 'text/csv' });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload_too_large' });
    expect(res.json().messageZh).toContain('100 MB');
  });

  it('is all or nothing: an error on the last row leaves nothing; skipInvalid writes the rest', async () => {
    const good = [row(), row(), row()];
    const bad = row({ 状态: '营业中' });
    const file = await xlsxBuffer([...good, bad]);
    const before = await count(t, 'establishment');
    const batches = await count(t, 'import_batch');
    const res = (await upload(t, admin, file, { dryRun: false })).json();
    expect(res).toMatchObject({ committed: false, rows: 4, valid: 3 });
    expect(res.errors).toEqual([expect.objectContaining({ row: 5, column: '状态', code: 'unknown_status' })]);
    expect(await count(t, 'establishment')).toBe(before);
    expect(await count(t, 'import_batch')).toBe(batches);
    const partial = (await upload(t, admin, file, { dryRun: false, skipInvalid: true })).json();
    expect(partial).toMatchObject({ committed: true, inserted: 3 });
    expect(await count(t, 'establishment')).toBe(before + 3);
  });
});
