import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpreadsheetError } from './spreadsheet-error.js';
import { readXlsx, type XlsxEvent } from './xlsx.js';

let dir: string;
let twoSheets: string;

/** Written by exceljs's streaming writer: both sheets come before xl/sharedStrings.xml in the zip. */
async function writeTwoSheets(file: string): Promise<void> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const data = wb.addWorksheet('名录');
  data.addRow(['机构名称', '床位数', '成立日期']).commit();
  for (let i = 1; i <= 200; i++) data.addRow([`诊所${i}`, i, new Date(Date.UTC(2020, 0, i))]).commit();
  data.addRow([]).commit();
  const merged = data.addRow(['合并单元格']);
  data.mergeCells('A203:B203');
  merged.commit();
  data.commit();
  const notes = wb.addWorksheet('填写说明');
  notes.addRow(['说明页，不导入']).commit();
  notes.commit();
  await wb.commit();
  fs.writeFileSync(file, Buffer.concat(chunks));
}

async function collect(file: string): Promise<XlsxEvent[]> {
  const events: XlsxEvent[] = [];
  for await (const e of readXlsx(file)) events.push(e);
  return events;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weijian-xlsx-'));
  twoSheets = path.join(dir, 'two-sheets.xlsx');
  await writeTwoSheets(twoSheets);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('readXlsx', () => {
  it('reads the first sheet of a workbook whose sheets precede its shared strings, and no other', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(twoSheets));
    const names = Object.keys(zip.files);
    expect(names.indexOf('xl/worksheets/sheet2.xml')).toBeLessThan(names.indexOf('xl/sharedStrings.xml'));

    const events = await collect(twoSheets);
    const rows = events.filter((e) => e.type === 'row');
    expect(rows.map((r) => r.row)).toEqual([...Array.from({ length: 201 }, (_, i) => i + 1), 203]);
    expect(rows[0]!.cells[0]).toEqual({ type: 'text', value: '机构名称' });
    expect(rows[5]!.cells).toEqual([
      { type: 'text', value: '诊所5' },
      { type: 'number', value: 5 },
      { type: 'date', value: '2020-01-05' },
    ]);
    expect(events.filter((e) => e.type === 'merged')).toEqual([{ type: 'merged', ref: 'A203:B203' }]);
    expect(JSON.stringify(events)).not.toContain('说明页');
  });

  it('reads the same file many times at once without parking sheets in temp files', async () => {
    const parked = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(`tmp-${process.pid}-`));
    const before = parked();
    const counts = await Promise.all(
      Array.from({ length: 20 }, async () => (await collect(twoSheets)).length),
    );
    expect(new Set(counts)).toEqual(new Set([203]));
    expect(parked()).toEqual(before);
  });

  it('can be left after the first row', async () => {
    for await (const e of readXlsx(twoSheets)) {
      expect(e).toMatchObject({ type: 'row', row: 1 });
      break;
    }
  });

  it('follows the tab order of xl/workbook.xml, not the file names', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(twoSheets));
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    const sheets = workbook.match(/<sheet [^>]*\/>/g)!;
    expect(sheets).toHaveLength(2);
    zip.file('xl/workbook.xml', workbook.replace(`${sheets[0]}${sheets[1]}`, `${sheets[1]}${sheets[0]}`));
    const swapped = path.join(dir, 'swapped.xlsx');
    fs.writeFileSync(swapped, await zip.generateAsync({ type: 'nodebuffer' }));
    const events = await collect(swapped);
    expect(events).toEqual([{ type: 'row', row: 1, cells: [{ type: 'text', value: '说明页，不导入' }] }]);
  });

  it('tells a zip without a workbook from a damaged file', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'not a workbook');
    const plainZip = path.join(dir, 'plain.zip');
    fs.writeFileSync(plainZip, await zip.generateAsync({ type: 'nodebuffer' }));
    await expect(collect(plainZip)).rejects.toMatchObject({ code: 'no_worksheet' });

    const damaged = path.join(dir, 'damaged.xlsx');
    fs.writeFileSync(damaged, fs.readFileSync(twoSheets).subarray(0, 2000));
    const error = await collect(damaged).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpreadsheetError);
    expect((error as SpreadsheetError).code).toBe('unreadable_xlsx');
    expect((error as SpreadsheetError).messageZh).toContain('无法读取该 Excel 文件');
  });
});
