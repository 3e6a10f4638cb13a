import ExcelJS from 'exceljs';
import { type ReportDocument, zhDay } from './model.js';

/**
 * A report as Excel: a cover sheet (title, period, scope, the empty-report notice, the text) and one
 * sheet per table, numbers as numbers, so a unit can sum or chart them itself. Values are written as
 * plain values: exceljs never turns a string into a formula.
 */
export async function reportXlsx(r: ReportDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '卫监 Weijian';
  wb.title = r.title;
  const cover = wb.addWorksheet('报告');
  cover.getColumn(1).width = 100;
  const line = (v: string, style: Partial<ExcelJS.Font> = {}) => {
    const row = cover.addRow([v]);
    row.font = { name: 'SimSun', size: 11, ...style };
    row.alignment = { wrapText: true, vertical: 'top' };
  };
  line(r.title, { bold: true, size: 16 });
  line(`统计期间：${zhDay(r.from)}至${zhDay(r.to)}`);
  line(`范围：${r.regionName}（${r.regionCode}），${r.scopeNote}`);
  if (r.empty) {
    line('空报告：本期间无数据', { bold: true, color: { argb: 'FFB00000' }, size: 14 });
    line(r.emptyNote);
  }
  for (const s of r.sections) {
    line('');
    line(s.heading, { bold: true, size: 13 });
    for (const p of s.paragraphs) line(p);
  }
  line('');
  line(r.citation, { size: 9, color: { argb: 'FF555555' } });
  line(`生成日期：${zhDay(r.generatedOn)}`, { size: 9, color: { argb: 'FF555555' } });

  const used = new Set<string>(['报告']);
  for (const s of r.sections) {
    for (const t of s.tables) {
      // Sheet names: at most 31 characters, unique, none of : \ / ? * [ ].
      const base = t.title.replace(/[:\\/?*[\]]/g, '').slice(0, 28) || '表';
      let name = base;
      for (let i = 2; used.has(name); i++) name = `${base}${i}`;
      used.add(name);
      const ws = wb.addWorksheet(name);
      ws.addRow(t.columns).font = { bold: true };
      for (const row of t.rows) ws.addRow(row);
      t.columns.forEach((c, i) => {
        ws.getColumn(i + 1).width = Math.max(10, Math.min(40, c.length * 2 + 4));
      });
      ws.views = [{ state: 'frozen', ySplit: 1 }];
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
