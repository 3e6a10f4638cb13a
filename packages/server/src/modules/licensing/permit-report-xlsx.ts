import { REFORM_MODE_NAMES } from '@weijian/domain';
import ExcelJS from 'exceljs';
import type { PermitReport } from './permit-report.js';

/**
 * 许可统计 as Excel: one sheet, a row per permit type and reform mode, numbers as numbers and the
 * rates as fractions formatted as percentages (so a unit can sum or chart them itself). Values are
 * plain values: exceljs never turns a string into a formula.
 */
const COLUMNS: [string, number][] = [
  ['许可事项', 34],
  ['改革方式', 12],
  ['法定时限（工作日）', 12],
  ['承诺时限（工作日）', 12],
  ['收件', 8],
  ['办结', 8],
  ['准予/备案', 10],
  ['不予/不受理', 10],
  ['计时办结', 10],
  ['承诺时限内', 10],
  ['承诺时限内比例', 12],
  ['法定时限内', 10],
  ['法定时限内比例', 12],
  ['平均用时（工作日）', 12],
  ['承诺已核查', 10],
  ['承诺不实', 10],
  ['撤销许可', 10],
];

export async function permitReportXlsx(r: PermitReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '卫监 Weijian';
  wb.title = `许可统计 ${r.region.name} ${r.from}至${r.to}`;
  const ws = wb.addWorksheet('许可统计');
  ws.addRow([`${r.region.name}（${r.region.code}）许可统计，${r.from} 至 ${r.to}`]).font = {
    bold: true,
    size: 13,
  };
  ws.addRow([
    '按时率以工作日计（法定节假日与补正、现场核查、专家评审等停止计时期间不计入）；承诺核查按核查办结日期统计。',
  ]);
  ws.addRow(COLUMNS.map(([name]) => name)).font = { bold: true };
  COLUMNS.forEach(([, width], i) => {
    ws.getColumn(i + 1).width = width;
  });
  const rate = (n: number, d: number) => (d ? n / d : null);
  for (const x of r.rows) {
    const row = ws.addRow([
      x.permitNameZh,
      REFORM_MODE_NAMES[x.mode].zh,
      x.statutoryLimitDays,
      x.committedLimitDays,
      x.received,
      x.decided,
      x.granted,
      x.refused,
      x.timed,
      x.withinCommitted,
      rate(x.withinCommitted, x.timed),
      x.withinStatutory,
      rate(x.withinStatutory, x.timed),
      x.averageWorkingDays,
      x.verified,
      x.foundFalse,
      x.withdrawn,
    ]);
    row.getCell(11).numFmt = '0.0%';
    row.getCell(13).numFmt = '0.0%';
  }
  if (r.rows.length === 0) ws.addRow(['本期间、本地区没有许可申请']);
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
