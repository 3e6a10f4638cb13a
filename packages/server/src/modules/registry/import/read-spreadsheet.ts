import fs from 'node:fs/promises';
import type { Cell } from '@weijian/domain';
import { readCsv } from './csv.js';
import { SpreadsheetError } from './spreadsheet-error.js';
import { readXlsx } from './xlsx.js';

export type SpreadsheetFormat = 'xlsx' | 'csv';
export type SheetEvent = { type: 'row'; row: number; cells: Cell[] } | { type: 'merged'; ref: string };

/** Tells .xlsx from CSV by the first bytes, and refuses anything that is neither, with a clear reason. */
export async function detectFormat(path: string): Promise<SpreadsheetFormat> {
  const handle = await fs.open(path, 'r');
  let head: Buffer;
  let size: number;
  try {
    size = (await handle.stat()).size;
    head = Buffer.alloc(Math.min(8192, size));
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  if (size === 0) throw new SpreadsheetError('empty_file', '文件是空的', 'The file is empty');
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw new SpreadsheetError(
      'xls_not_supported',
      '这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 或 CSV 后再导入',
      'This is a legacy .xls file; save it as .xlsx or CSV first',
    );
  }
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && head.includes(0)) {
    throw new SpreadsheetError(
      'not_a_spreadsheet',
      '该文件不是电子表格（应为 .xlsx 或 CSV 文件）',
      'The file is not a spreadsheet (expected .xlsx or CSV)',
    );
  }
  return 'csv';
}

export async function* readSpreadsheet(path: string, format: SpreadsheetFormat): AsyncGenerator<SheetEvent> {
  if (format === 'xlsx') yield* readXlsx(path);
  else for await (const r of readCsv(path)) yield { type: 'row', ...r };
}
