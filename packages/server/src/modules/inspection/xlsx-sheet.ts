import { DomainError } from '@weijian/domain';
import ExcelJS from 'exceljs';

/**
 * Small workbooks of the inspection module (a checklist's items, the roster): one sheet with a
 * bilingual header row, read whole (they hold hundreds of rows, not millions) and checked row by row.
 */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Uploads larger than this are refused before they are read. */
export const SHEET_LIMIT = 5 * 1024 * 1024;

export interface SheetColumn {
  /** The Chinese header, which identifies the column on import. */
  zh: string;
  en: string;
  width: number;
}

export interface RowError {
  path: string;
  code: string;
  messageZh: string;
  messageEn: string;
}

export const rowError = (row: number, column: SheetColumn, zh: string, en: string): RowError => ({
  path: `row ${row} ${column.en}`,
  code: 'invalid_cell',
  messageZh: `第 ${row} 行「${column.zh}」：${zh}`,
  messageEn: `Row ${row}, ${column.en}: ${en}`,
});

/** Refuses the whole file when any row is wrong: nothing is imported from a sheet with errors. */
export function throwRowErrors(errors: RowError[]): void {
  if (errors.length === 0) return;
  throw new DomainError(
    'invalid_sheet',
    `表格有 ${errors.length} 处错误，未导入任何内容，请改正后重新上传`,
    `The sheet has ${errors.length} error(s); nothing was imported. Correct them and upload again`,
    { errors: errors.slice(0, 100) },
  );
}

/** A cell's value as trimmed text ('' for empty); dates as YYYY-MM-DD. */
export function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((p) => p.text)
        .join('')
        .trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).trim();
    return '';
  }
  return String(v).trim();
}

function unreadable(): DomainError {
  return new DomainError(
    'unreadable_xlsx',
    '无法读取该文件，请上传 Excel 工作簿（.xlsx）',
    'The file cannot be read; upload an Excel workbook (.xlsx)',
  );
}

/**
 * The rows of the first sheet below its header as arrays of cell text (row numbers as Excel shows
 * them), after checking that the header names the expected columns in order.
 */
export async function readSheet(
  body: Buffer,
  columns: SheetColumn[],
): Promise<{ row: number; cells: string[] }[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw unreadable();
  const header = columns.map((_, i) => cellText(sheet.getRow(1).getCell(i + 1).value));
  const wrong = columns.findIndex((c, i) => !header[i]!.startsWith(c.zh));
  if (wrong >= 0) {
    const expected = columns.map((c) => c.zh).join('、');
    throw new DomainError(
      'invalid_sheet_header',
      `第 1 行应为表头：${expected}（第 ${wrong + 1} 列不符）；请使用导出的表格作为模板`,
      `Row 1 must be the header: ${columns.map((c) => c.en).join(', ')} (column ${wrong + 1} differs); use an exported sheet as the template`,
    );
  }
  const rows: { row: number; cells: string[] }[] = [];
  sheet.eachRow((r, n) => {
    if (n === 1) return;
    const cells = columns.map((_, i) => cellText(r.getCell(i + 1).value));
    if (cells.some((c) => c !== '')) rows.push({ row: n, cells });
  });
  return rows;
}

/** A one-sheet workbook: the bilingual header row (frozen), then the rows as text. */
export async function writeSheet(name: string, columns: SheetColumn[], rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: `${c.zh} ${c.en}`, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.eachRow((r) => {
    r.alignment = { vertical: 'top', wrapText: true };
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
