import { ESTABLISHMENT_TEMPLATE } from '@weijian/domain';
import ExcelJS from 'exceljs';
import { DemoRandom } from '../../src/demo/random.js';
import { syntheticUscc } from '../../src/demo/registry-demo-data.js';
import type { TestApp } from './app.js';
import type { SignedIn } from './session.js';

/** Spreadsheet helpers for the registry tests: template rows, workbooks, uploads. */
export const HEADERS = ESTABLISHMENT_TEMPLATE.columns.map((c) => c.header);
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type Value = string | number | Date | null;

const rnd = new DemoRandom(7);
/** A fresh credit code that passes its checks, registered in 历城区. */
export const newUscc = (county = '370112') => syntheticUscc(rnd, '91', county);

export function row(overrides: Partial<Record<string, Value>> = {}): Value[] {
  const base: Record<string, Value> = {
    机构名称: '历城区测试诊所',
    统一社会信用代码: newUscc(),
    机构类别: 'D211',
    行政区划代码: '370112001',
    地址: '山大路 1 号',
    法定代表人: '李四',
    联系电话: '0531-88886666',
    举办主体: '社会办',
    经营性质: '营利性',
    床位数: 0,
    诊疗科目: '02;03',
    状态: '执业',
    ...overrides,
  };
  return HEADERS.map((h) => base[h] ?? null);
}

export async function xlsxBuffer(
  rows: Value[][],
  opts: { headers?: Value[]; merges?: string[]; secondSheet?: boolean } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('机构名录');
  ws.addRow(opts.headers ?? HEADERS);
  for (const r of rows) ws.addRow(r);
  for (const m of opts.merges ?? []) ws.mergeCells(m);
  if (opts.secondSheet !== false) wb.addWorksheet('填写说明').addRow(['说明']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function csvText(rows: Value[][], headers: Value[] = HEADERS): string {
  const cell = (v: Value) => {
    const s = v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [headers, ...rows].map((r) => r.map(cell).join(',')).join('\r\n');
}

export async function upload(
  t: TestApp,
  s: SignedIn,
  body: Buffer | string,
  opts: { dryRun?: boolean; type?: string; skipInvalid?: boolean; fileName?: string } = {},
) {
  const qs = new URLSearchParams({
    dryRun: String(opts.dryRun ?? true),
    skipInvalid: String(opts.skipInvalid ?? false),
    fileName: opts.fileName ?? 'test.xlsx',
  });
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/establishments/imports?${qs}`,
    headers: { ...s.headers, 'content-type': opts.type ?? XLSX },
    payload: body,
  });
}

/** Reads the first sheet of a workbook into rows of plain values (header included). */
export async function readRows(buffer: Buffer): Promise<ExcelJS.CellValue[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const out: ExcelJS.CellValue[][] = [];
  ws.eachRow((r) => out.push((r.values as ExcelJS.CellValue[]).slice(1)));
  return out;
}
