import type { Writable } from 'node:stream';
import {
  CATEGORIES,
  CLINICAL_SUBJECTS,
  ESTABLISHMENT_TEMPLATE,
  type ImportTemplate,
  KIND_NAMES,
  OWNERSHIP_NAMES,
  PROFIT_NAMES,
  STATUS_NAMES,
} from '@weijian/domain';
import ExcelJS from 'exceljs';
import type { EstablishmentRecord } from '../establishment-record.js';

/**
 * The establishment workbook, written with exceljs's streaming WorkbookWriter (rows go to the output
 * as they come, so an export of any size runs in flat memory). Sheet 1 is the template: exactly the
 * twelve headers, then the rows in the form the importer reads back. Sheet 2 explains each column;
 * sheets 3 and 4 list the category and 诊疗科目 codes. The template is the same workbook without rows.
 */
const TEXT = '@';
const TEXT_COLUMNS = new Set(['uscc', 'regionCode', 'contactPhone', 'clinicalSubjects', 'category']);

export function exportRow(r: EstablishmentRecord): (string | number | null)[] {
  const values: Record<string, string | number | null> = {
    name: r.name,
    uscc: r.uscc,
    category: r.category_code,
    regionCode: r.region_code,
    address: r.address,
    legalRepresentative: r.legal_representative,
    contactPhone: r.contact_phone ?? r.contact_mobile_masked,
    ownership: r.ownership ? OWNERSHIP_NAMES[r.ownership] : null,
    forProfit: r.for_profit === null ? null : PROFIT_NAMES[r.for_profit ? 'true' : 'false'],
    beds: r.beds,
    clinicalSubjects: r.clinical_subjects.join(';') || null,
    status: STATUS_NAMES[r.status],
  };
  return ESTABLISHMENT_TEMPLATE.columns.map((c) => values[c.key] ?? null);
}

/** The explanation sheet of a template: each column, whether required, what it holds, allowed values. */
export function addHelpSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  template: ImportTemplate,
  note: string,
): void {
  const help = wb.addWorksheet(template.helpSheetName);
  help.columns = [{ width: 18 }, { width: 10 }, { width: 60 }, { width: 60 }, { width: 22 }];
  const head = help.addRow(['列名', '是否必填', '说明', '允许的值', '示例']);
  head.font = { bold: true };
  head.commit();
  for (const c of template.columns) {
    help.addRow([c.header, c.required ? '必填' : '选填', c.explainZh, c.allowedZh, c.example]).commit();
  }
  help.addRow([]).commit();
  help.addRow(['说明', '', note, '', '']).commit();
  help.commit();
}

/** The first sheet: exactly the template's headers, text-formatted code columns. */
export function addDataSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  template: ImportTemplate,
  textColumns: ReadonlySet<string>,
): ExcelJS.Worksheet {
  const data = wb.addWorksheet(template.sheetName);
  data.columns = template.columns.map((c) => ({
    key: c.key,
    width: c.width,
    ...(textColumns.has(c.key) ? { style: { numFmt: TEXT } } : {}),
  }));
  const header = data.addRow(template.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  return data;
}

function addReferenceSheets(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  addHelpSheet(
    wb,
    ESTABLISHMENT_TEMPLATE,
    '第 1 行为表头，请勿修改；数据从第 2 行开始，行与行之间不要留空行，不要合并单元格。导入时按统一社会信用代码匹配：已登记的机构更新并留存变更历史，未登记的新增。',
  );
  const cats = wb.addWorksheet('机构类别代码');
  cats.columns = [{ width: 10 }, { width: 40 }, { width: 18 }];
  const ch = cats.addRow(['代码', '名称', '类型']);
  ch.font = { bold: true };
  ch.commit();
  for (const c of CATEGORIES) cats.addRow([c.code, c.nameZh, KIND_NAMES[c.kind].zh]).commit();
  cats.commit();

  const subjects = wb.addWorksheet('诊疗科目代码');
  subjects.columns = [{ width: 10 }, { width: 30 }];
  const sh = subjects.addRow(['代码', '名称']);
  sh.font = { bold: true };
  sh.commit();
  for (const s of CLINICAL_SUBJECTS) subjects.addRow([s.code, s.nameZh]).commit();
  subjects.commit();
}

/** Writes the workbook to `out`; `pages` are the rows to export (none for the empty template). */
export async function writeEstablishmentWorkbook(
  out: Writable,
  pages: AsyncIterable<EstablishmentRecord[]> | null,
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = '卫监 Weijian';
  const data = addDataSheet(wb, ESTABLISHMENT_TEMPLATE, TEXT_COLUMNS);
  let n = 0;
  if (pages) {
    for await (const page of pages) {
      for (const r of page) {
        data.addRow(exportRow(r)).commit();
        n++;
      }
    }
  }
  data.commit();
  addReferenceSheets(wb);
  await wb.commit();
  return n;
}
