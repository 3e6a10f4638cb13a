import { type Cell, EMPTY_CELL, textCell } from '@weijian/domain';
import ExcelJS from 'exceljs';
import { SpreadsheetError } from './spreadsheet-error.js';

/**
 * Rows of the first worksheet of an .xlsx file, streamed with exceljs's WorkbookReader so memory
 * stays flat (shared strings are cached; rows are not). Cell types are kept: styles are read so a
 * date-formatted number arrives as a date. exceljs's streaming reader ignores <mergeCell>, so the
 * sheet XML is tapped for merged ranges, which are reported after the rows.
 */
export type XlsxEvent = { type: 'row'; row: number; cells: Cell[] } | { type: 'merged'; ref: string };

type ExcelValue = ExcelJS.CellValue | undefined;

function isoDay(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

export function toCell(v: ExcelValue): Cell {
  if (v === null || v === undefined) return EMPTY_CELL;
  if (typeof v === 'string') return textCell(v);
  if (typeof v === 'number') return Number.isFinite(v) ? { type: 'number', value: v } : EMPTY_CELL;
  if (typeof v === 'boolean') return { type: 'boolean', value: v };
  if (v instanceof Date) return { type: 'date', value: isoDay(v) };
  if ('richText' in v) return textCell(v.richText.map((p) => p.text).join(''));
  if ('error' in v) return { type: 'error', value: String(v.error) };
  if ('formula' in v || 'sharedFormula' in v)
    return toCell((v as { result?: ExcelValue }).result as ExcelValue);
  if ('text' in v) return textCell(String((v as { text: unknown }).text));
  return EMPTY_CELL;
}

/** Passes the sheet XML through unchanged and reports every <mergeCell ref="…"/> it carries. */
async function* tapMerges(
  source: AsyncIterable<Buffer | string>,
  found: string[],
): AsyncGenerator<Buffer | string> {
  let tail = '';
  for await (const chunk of source) {
    const text = tail + (typeof chunk === 'string' ? chunk : chunk.toString('latin1'));
    let lastEnd = 0;
    for (const m of text.matchAll(/<mergeCell\s+ref="([A-Z]+\d+:[A-Z]+\d+)"/g)) {
      found.push(m[1]!);
      lastEnd = m.index + m[0].length;
    }
    // Keep a short tail so a tag split across two chunks is still seen (and none is seen twice).
    tail = text.slice(Math.max(lastEnd, text.length - 64));
    yield chunk;
  }
}

interface ReaderInternals {
  iterator: AsyncIterable<Buffer | string>;
  name: string;
}

/**
 * Reads the first sheet of an .xlsx file as row and merged-cell events, streaming. The zip stream
 * reader under exceljs now and then fails on a sound file before giving anything (seen about once in
 * tens of runs): such a failure is retried once; one after rows were given, or a second one, is
 * reported as an unreadable file.
 */
export async function* readXlsx(path: string): AsyncGenerator<XlsxEvent> {
  const given = { events: 0 };
  try {
    for await (const event of readXlsxOnce(path)) {
      given.events++;
      yield event;
    }
  } catch (e) {
    if (!(e instanceof SpreadsheetError) || e.code !== 'unreadable_xlsx' || given.events > 0) throw e;
    yield* readXlsxOnce(path);
  }
}

async function* readXlsxOnce(path: string): AsyncGenerator<XlsxEvent> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let done = false;
  let sawSheet = false;
  try {
    for await (const worksheet of reader) {
      sawSheet = true;
      const ws = worksheet as unknown as ReaderInternals & AsyncIterable<ExcelJS.Row>;
      const sheets = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets;
      if (done || (sheets?.[0] && ws.name && sheets[0].name !== ws.name)) continue;
      done = true;
      const merges: string[] = [];
      ws.iterator = tapMerges(ws.iterator, merges);
      for await (const row of ws) {
        const values = row.values as ExcelValue[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(toCell(values[i]));
        yield { type: 'row', row: row.number, cells };
      }
      for (const ref of merges) yield { type: 'merged', ref };
    }
  } catch (e) {
    if (e instanceof SpreadsheetError) throw e;
    throw new SpreadsheetError(
      'unreadable_xlsx',
      `无法读取该 Excel 文件（${(e as Error).message}）；文件可能已损坏，请在 Excel 中打开后另存为 .xlsx`,
      `The Excel file cannot be read (${(e as Error).message}); it may be damaged`,
    );
  }
  if (!sawSheet) {
    throw new SpreadsheetError(
      'no_worksheet',
      '该压缩文件中没有 Excel 工作表，不是 .xlsx 文件',
      'The archive holds no worksheet; it is not an .xlsx file',
    );
  }
}
