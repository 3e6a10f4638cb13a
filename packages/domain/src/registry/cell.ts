/**
 * A spreadsheet cell as the row validators see it, whatever the file format: .xlsx cells keep their
 * type (a date stays a date, so "a date in a number column" can be told apart), CSV cells are text.
 */
export type Cell =
  | { type: 'empty' }
  | { type: 'text'; value: string }
  | { type: 'number'; value: number }
  | { type: 'date'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'error'; value: string };

export const EMPTY_CELL: Cell = { type: 'empty' };

export function textCell(value: string): Cell {
  return value.trim() === '' ? EMPTY_CELL : { type: 'text', value };
}

export function isEmptyCell(c: Cell | undefined): boolean {
  return !c || c.type === 'empty' || (c.type === 'text' && c.value.trim() === '');
}

/** One problem in a file, at a spreadsheet row (the header is row 1) and column (its header text). */
export interface ImportIssue {
  row: number;
  column: string;
  code: string;
  messageZh: string;
  messageEn: string;
}

/** A problem found in one cell, before the row number is known. */
export interface CellIssue {
  column: string;
  code: string;
  messageZh: string;
  messageEn: string;
}

/** Spreadsheet column letter of a 0-based index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
