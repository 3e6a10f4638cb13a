import { type ChecklistItem, SEVERITIES, type Severity } from '@weijian/domain';
import type { Executor } from '../../db/database.js';
import { checklistById } from './reference-queries.js';
import {
  type RowError,
  readSheet,
  rowError,
  type SheetColumn,
  throwRowErrors,
  writeSheet,
} from './xlsx-sheet.js';

/** A checklist's items as a sheet (检查表 export and import): code, what is checked, basis, severity. */
const COLUMNS: SheetColumn[] = [
  { zh: '代码', en: 'Code', width: 12 },
  { zh: '检查内容', en: 'What is checked', width: 50 },
  { zh: '检查依据', en: 'Legal basis', width: 50 },
  { zh: '严重程度', en: 'Severity', width: 12 },
];
const [CODE, WHAT, BASIS, SEVERITY] = COLUMNS as [SheetColumn, SheetColumn, SheetColumn, SheetColumn];

const SEVERITY_ZH: Record<Severity, string> = { minor: '一般', major: '较重', critical: '严重' };
const CODE_PATTERN = /^[\x21-\x7e]{1,40}$/;

/** The items of one checklist version as an .xlsx workbook that imports back unchanged. */
export async function checklistWorkbook(db: Executor, id: number): Promise<{ name: string; body: Buffer }> {
  const c = await checklistById(db, id);
  const body = await writeSheet(
    '检查表',
    COLUMNS,
    c.items.map((i) => [i.code, i.what, i.basis, SEVERITY_ZH[i.severity]]),
  );
  return { name: `检查表-${c.title}-第${c.version}版.xlsx`, body };
}

/**
 * Reads checklist items from a sheet for the editor; nothing is saved (the administrator reviews
 * them and saves a new version). Any wrong row refuses the whole sheet, naming every wrong cell.
 */
export async function checklistItemsFromSheet(body: Buffer): Promise<ChecklistItem[]> {
  const rows = await readSheet(body, COLUMNS);
  const errors: RowError[] = [];
  const items: ChecklistItem[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const [code = '', what = '', basis = '', severityText = ''] = cells;
    if (!CODE_PATTERN.test(code))
      errors.push(
        rowError(
          row,
          CODE,
          '应为 1–40 位字母、数字或符号（不含空格）',
          'expected 1–40 letters, digits or symbols (no spaces)',
        ),
      );
    else if (seen.has(code))
      errors.push(rowError(row, CODE, `与第 ${seen.get(code)} 行重复`, `same as row ${seen.get(code)}`));
    else seen.set(code, row);
    if (!what || what.length > 500)
      errors.push(rowError(row, WHAT, '必填，不超过 500 字', 'required, at most 500 characters'));
    if (!basis || basis.length > 500)
      errors.push(rowError(row, BASIS, '必填，不超过 500 字', 'required, at most 500 characters'));
    const severity = (SEVERITIES as readonly string[]).includes(severityText)
      ? (severityText as Severity)
      : SEVERITIES.find((s) => SEVERITY_ZH[s] === severityText);
    if (!severity)
      errors.push(
        rowError(
          row,
          SEVERITY,
          '应为「一般」「较重」或「严重」',
          'expected minor, major or critical (一般/较重/严重)',
        ),
      );
    if (severity) items.push({ code, what, basis, severity });
  }
  if (rows.length === 0) errors.push(rowError(2, CODE, '表格中没有检查项', 'the sheet has no items'));
  if (rows.length > 300)
    errors.push(rowError(302, CODE, '检查表最多 300 项', 'a checklist has at most 300 items'));
  throwRowErrors(errors);
  return items;
}
