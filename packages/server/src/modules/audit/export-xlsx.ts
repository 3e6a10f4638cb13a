import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { EXPORT_COLUMNS } from './export-columns.js';
import type { AuditRow } from './queries.js';

/**
 * The trail as an Excel workbook, written with exceljs's streaming writer so a large export is never
 * held in memory: rows are committed as they are read and the zip flows out as it is built.
 */
export function auditXlsxStream(pages: AsyncIterable<AuditRow[]>, onError: (e: unknown) => void): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet('审计日志 Audit trail', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  (async () => {
    for await (const rows of pages) {
      for (const r of rows) {
        // Plain values: exceljs writes strings as text, never as formulas.
        sheet.addRow(EXPORT_COLUMNS.map((c) => c.value(r))).commit();
      }
    }
    sheet.commit();
    await workbook.commit();
  })().catch((e: unknown) => {
    onError(e);
    out.destroy(e instanceof Error ? e : new Error(String(e)));
  });
  return out;
}
