import { Readable } from 'node:stream';
import { type Cell, EMPTY_CELL, textCell } from '@weijian/domain';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { SpreadsheetError } from './spreadsheet-error.js';

/**
 * Rows of the first worksheet of an .xlsx file, streamed with exceljs's worksheet reader so memory
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

/** The parts of exceljs's streaming WorkbookReader this reader drives (exceljs is pinned at 4.4.0). */
interface WorkbookReaderParts {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(
    iterator: AsyncIterable<Buffer | string>,
    sheetNo: string,
  ): Iterable<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { name: string; rId: string }[] };
}

function unreadable(e: unknown): SpreadsheetError {
  const message = e instanceof Error ? e.message : String(e);
  return new SpreadsheetError(
    'unreadable_xlsx',
    `无法读取该 Excel 文件（${message}）；文件可能已损坏，请在 Excel 中打开后另存为 .xlsx`,
    `The Excel file cannot be read (${message}); it may be damaged`,
  );
}

const noWorksheet = () =>
  new SpreadsheetError(
    'no_worksheet',
    '该压缩文件中没有 Excel 工作表，不是 .xlsx 文件',
    'The archive holds no worksheet; it is not an .xlsx file',
  );

/** The zip path of the workbook's first sheet (in tab order), from xl/workbook.xml and its rels. */
function firstSheetPath(parts: WorkbookReaderParts): string | undefined {
  const first = parts.model?.sheets?.[0];
  const target = first && parts.workbookRels?.find((r) => r.Id === first.rId)?.Target;
  if (!target) return undefined;
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/**
 * Reads the first sheet of an .xlsx file as row and merged-cell events. The zip is opened through
 * its central directory (random access), so the parts a sheet needs (relationships, workbook, shared
 * strings, styles) are read first whatever their order in the file. exceljs's own streaming reader
 * reads the zip front to back and, when a sheet comes before the shared strings (as in every file
 * exceljs's streaming writer makes), parks the sheet in a temp file; with more than one sheet it
 * deleted a parked file while a read of it was still opening, an uncaught ENOENT. Only the first
 * sheet is decompressed here, and rows are streamed from it, so memory stays flat.
 */
export async function* readXlsx(path: string): AsyncGenerator<XlsxEvent> {
  let zip: unzipper.CentralDirectory;
  try {
    zip = await unzipper.Open.file(path);
  } catch (e) {
    throw unreadable(e);
  }
  const entry = (name: string) => zip.files.find((f) => f.path === name && f.type === 'File');
  const small = async (name: string) => {
    const found = entry(name);
    return found ? Readable.from([await found.buffer()]) : undefined;
  };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const parts = reader as unknown as WorkbookReaderParts;
  let sheet: Readable | undefined;
  try {
    const rels = await small('xl/_rels/workbook.xml.rels');
    const workbook = await small('xl/workbook.xml');
    if (!rels || !workbook) throw noWorksheet();
    await parts._parseRels(rels);
    await parts._parseWorkbook(workbook);
    const sheetPath = firstSheetPath(parts);
    const sheetEntry = sheetPath ? entry(sheetPath) : undefined;
    if (!sheetEntry) throw noWorksheet();
    const sharedStrings = entry('xl/sharedStrings.xml');
    if (sharedStrings) for await (const _ of parts._parseSharedStrings(sharedStrings.stream())) void _;
    const styles = await small('xl/styles.xml');
    if (styles) await parts._parseStyles(styles);

    sheet = sheetEntry.stream();
    const merges: string[] = [];
    const sheetNo = /sheet(\d+)\.xml$/.exec(sheetPath!)?.[1] ?? '1';
    for (const { value: rows } of parts._parseWorksheet(tapMerges(sheet, merges), sheetNo)) {
      for await (const row of rows) {
        const values = row.values as ExcelValue[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(toCell(values[i]));
        yield { type: 'row', row: row.number, cells };
      }
    }
    for (const ref of merges) yield { type: 'merged', ref };
  } catch (e) {
    throw e instanceof SpreadsheetError ? e : unreadable(e);
  } finally {
    // A reader that stops early (a consumer that returns) must not leave the entry's file open.
    sheet?.destroy();
  }
}
