import { type CellIssue, columnLetter } from './cell.js';

/** One column of an import template: the exact header, and the explanation sheet's text. */
export interface TemplateColumn<K extends string = string> {
  key: K;
  header: string;
  required: boolean;
  /** What the column holds (the explanation sheet's second column). */
  explainZh: string;
  /** Allowed values or format. */
  allowedZh: string;
  example: string;
  /** Column width in the .xlsx, in characters. */
  width: number;
}

export interface ImportTemplate<K extends string = string> {
  /** Name of the first sheet (the data). */
  sheetName: string;
  /** Name of the second sheet (the explanation of each column). */
  helpSheetName: string;
  columns: readonly TemplateColumn<K>[];
}

export interface HeaderCheck<K extends string> {
  /** 0-based column index → column key, for the columns that were recognised. */
  columns: Map<number, K>;
  issues: CellIssue[];
}

/**
 * Checks the header row (row 1): every column of the template present exactly once, nothing else.
 * Order does not matter; headers are compared after trimming spaces.
 */
export function checkHeaders<K extends string>(
  template: ImportTemplate<K>,
  headers: readonly (string | undefined)[],
): HeaderCheck<K> {
  const byHeader = new Map(template.columns.map((c) => [c.header, c]));
  const columns = new Map<number, K>();
  const seen = new Map<K, number>();
  const issues: CellIssue[] = [];
  headers.forEach((raw, i) => {
    const h = (raw ?? '').replace(/\s+/g, '');
    if (h === '') return;
    const col = byHeader.get(h);
    if (!col) {
      issues.push({
        column: h,
        code: 'unknown_column',
        messageZh: `第 ${columnLetter(i)} 列的表头“${h}”不是模板的列；模板的列为：${template.columns.map((c) => c.header).join('、')}`,
        messageEn: `Column ${columnLetter(i)} header "${h}" is not a template column`,
      });
      return;
    }
    const prior = seen.get(col.key);
    if (prior !== undefined) {
      issues.push({
        column: h,
        code: 'duplicate_column',
        messageZh: `表头“${h}”出现了两次（第 ${columnLetter(prior)} 列和第 ${columnLetter(i)} 列）`,
        messageEn: `Header "${h}" appears twice (columns ${columnLetter(prior)} and ${columnLetter(i)})`,
      });
      return;
    }
    seen.set(col.key, i);
    columns.set(i, col.key);
  });
  for (const col of template.columns) {
    if (!seen.has(col.key)) {
      issues.push({
        column: col.header,
        code: 'missing_column',
        messageZh: `缺少列“${col.header}”：第一行应为模板的表头，请下载最新模板`,
        messageEn: `Column "${col.header}" is missing: row 1 must hold the template's headers`,
      });
    }
  }
  return { columns, issues };
}
