import {
  type Cell,
  type CellIssue,
  checkHeaders,
  columnLetter,
  type HeaderCheck,
  type ImportTemplate,
  isEmptyCell,
} from '@weijian/domain';
import type { ImportError } from './report.js';

const decodeCol = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** Validates one row of a template (pure: lookups are passed in by the caller). */
export type RowValidator<K extends string, T> = (cells: Partial<Record<K, Cell>>) => {
  value: T | undefined;
  issues: CellIssue[];
  warning?: { column: string; code: string; message: string; messageEn: string };
};

/**
 * Turns the rows of a sheet into validated rows of a template, keeping the bookkeeping a report
 * needs: the header (row 1), empty rows inside the data (errors; empty rows after the last data row
 * are ignored), data in columns without a header, merged cells, and every cell problem with its row.
 */
export class RowReader<K extends string, T> {
  /** Data rows so far (up to the last non-empty row). */
  rows = 0;
  /** Rows known bad but not listed one by one (long runs of empty rows). */
  uncountedInvalid = 0;
  private header: HeaderCheck<K> | null = null;
  private headerBroken = false;
  private lastRow = 0;
  private emptyFrom: number | null = null;
  private readonly headerless = new Set<number>();

  constructor(
    private readonly opts: {
      template: ImportTemplate<K>;
      validate: RowValidator<K, T>;
      onError: (e: ImportError) => void;
      onWarning: (w: ImportError) => void;
    },
  ) {}

  private error(row: number, column: string, code: string, message: string, messageEn: string) {
    this.opts.onError({ row, column, code, message, messageEn });
  }

  private readHeader(row: number, cells: Cell[]): void {
    if (row !== 1 || cells.every(isEmptyCell)) {
      this.headerBroken = true;
      this.header = { columns: new Map(), issues: [] };
      this.error(
        1,
        '',
        'missing_header',
        `第 1 行应为表头（${this.opts.template.columns.map((c) => c.header).join('、')}），但它是空的；请使用下载的模板`,
        'Row 1 must hold the template headers but is empty',
      );
      return;
    }
    const texts = cells.map((c) =>
      c.type === 'text' ? c.value : c.type === 'number' ? String(c.value) : undefined,
    );
    this.header = checkHeaders(this.opts.template, texts);
    for (const i of this.header.issues) this.error(1, i.column, i.code, i.messageZh, i.messageEn);
    if (this.header.issues.length) this.headerBroken = true;
  }

  private flushEmpty(upTo: number): void {
    if (this.emptyFrom === null) return;
    const from = this.emptyFrom;
    const to = upTo - 1;
    this.emptyFrom = null;
    if (to - from + 1 <= 10) {
      for (let r = from; r <= to; r++)
        this.error(
          r,
          '',
          'empty_row',
          `第 ${r} 行是空行；请删除空行，数据之间不能有空行`,
          `Row ${r} is empty`,
        );
    } else {
      this.error(
        from,
        '',
        'empty_row',
        `第 ${from}–${to} 行是空行（共 ${to - from + 1} 行）；请删除空行`,
        `Rows ${from}–${to} are empty`,
      );
      this.uncountedInvalid += to - from;
    }
  }

  /** One row of the sheet; returns the establishment when the row is valid. */
  row(rowNo: number, cells: Cell[]): T | undefined {
    if (this.header === null) {
      this.readHeader(rowNo, cells);
      this.lastRow = 1;
      if (rowNo === 1) return undefined;
    }
    if (rowNo > this.lastRow + 1 && this.emptyFrom === null) this.emptyFrom = this.lastRow + 1;
    this.lastRow = rowNo;
    if (cells.every(isEmptyCell)) {
      if (this.emptyFrom === null) this.emptyFrom = rowNo;
      return undefined;
    }
    this.flushEmpty(rowNo);
    this.rows = rowNo - 1;
    if (this.headerBroken) return undefined;

    const record: Partial<Record<K, Cell>> = {};
    cells.forEach((cell, i) => {
      const key = this.header!.columns.get(i);
      if (key) record[key] = cell;
      else if (!isEmptyCell(cell) && !this.headerless.has(i)) {
        this.headerless.add(i);
        this.error(
          rowNo,
          columnLetter(i),
          'data_without_header',
          `第 ${columnLetter(i)} 列没有表头却有数据（从第 ${rowNo} 行起）；请删除该列或核对表头`,
          `Column ${columnLetter(i)} has data but no header`,
        );
      }
    });
    const result = this.opts.validate(record);
    for (const i of result.issues) this.error(rowNo, i.column, i.code, i.messageZh, i.messageEn);
    if (result.warning) this.opts.onWarning({ row: rowNo, ...result.warning });
    return result.value;
  }

  /** A merged range (B3:C4) in the sheet: refused, with the top-left cell's row and column. */
  merged(ref: string): void {
    const m = /^([A-Z]+)(\d+):/.exec(ref);
    if (!m) return;
    const col = decodeCol(m[1]!);
    const row = Number(m[2]);
    const key = this.header?.columns.get(col);
    const column = key ? (this.opts.template.columns.find((c) => c.key === key)?.header ?? m[1]!) : m[1]!;
    this.error(
      row,
      column,
      'merged_cells',
      `单元格 ${ref} 是合并单元格；请取消合并，并在每个单元格中分别填写`,
      `Cells ${ref} are merged; unmerge them and fill each cell`,
    );
  }

  /** End of the sheet: empty rows after the last data row are ignored; no data at all is an error. */
  end(): void {
    if (this.header === null) {
      this.error(1, '', 'missing_header', '文件中没有任何内容（第 1 行应为表头）', 'The file has no rows');
      return;
    }
    if (this.rows === 0 && !this.headerBroken)
      this.error(2, '', 'no_rows', '文件中没有数据行（第 2 行起填写机构）', 'The file has no data rows');
  }
}
