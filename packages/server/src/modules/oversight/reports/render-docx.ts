import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { ChartRun } from 'docx/charts';
import { type ReportChart, type ReportDocument, type ReportTable, zhDay } from './model.js';

/**
 * A report as Word (.docx): A4, 宋体/黑体, tables with borders and native Word charts (DrawingML),
 * which Word, WPS and LibreOffice draw and re-edit from their data.
 */
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimHei' };
const CONTENT_WIDTH = 9026;
const border = { style: BorderStyle.SINGLE, size: 4, color: '666666' };
const borders = { top: border, bottom: border, left: border, right: border };

const text = (t: string, opts: { bold?: boolean; size?: number; color?: string } = {}) =>
  new TextRun({
    text: t,
    bold: opts.bold ?? false,
    size: opts.size ?? 24,
    font: FONT,
    color: opts.color ?? '000000',
  });

function table(t: ReportTable): (Paragraph | Table)[] {
  const width = Math.floor(CONTENT_WIDTH / t.columns.length);
  const cell = (v: string | number, header: boolean) =>
    new TableCell({
      borders,
      width: { size: width, type: WidthType.DXA },
      shading: header ? { fill: 'E8EEF7' } : undefined,
      children: [
        new Paragraph({
          alignment: typeof v === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [text(String(v), { bold: header, size: 20 })],
        }),
      ],
    });
  return [
    new Paragraph({
      spacing: { before: 160, after: 80 },
      children: [text(t.title, { bold: true, size: 22 })],
    }),
    new Table({
      width: { size: CONTENT_WIDTH, type: WidthType.DXA },
      columnWidths: t.columns.map(() => width),
      rows: [
        new TableRow({ tableHeader: true, children: t.columns.map((c) => cell(c, true)) }),
        ...(t.rows.length
          ? t.rows.map((r) => new TableRow({ children: r.map((v) => cell(v, false)) }))
          : [
              new TableRow({
                children: [cell('（无）', false), ...t.columns.slice(1).map(() => cell('', false))],
              }),
            ]),
      ],
    }),
  ];
}

function chart(c: ReportChart): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 200, after: 200 },
    children: [
      new ChartRun({
        type: 'column',
        title: c.title,
        categories: c.categories,
        series: c.series.map((s) => ({ name: s.name, values: s.values, color: s.color })),
        dataLabels: { value: true },
        legend: c.series.length > 1 ? { position: 'bottom' } : false,
        font: { name: 'SimSun' },
        transformation: { width: 576, height: 300 },
        ...(c.percent ? { valueAxis: { minimum: 0, maximum: 100 } } : {}),
      }),
    ],
  });
}

export async function reportDocx(r: ReportDocument): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [new TextRun({ text: r.title, bold: true, size: 36, font: HEADING_FONT })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [
        text(
          `统计期间：${zhDay(r.from)}至${zhDay(r.to)}　范围：${r.regionName}（${r.regionCode}），${r.scopeNote}`,
          { size: 21 },
        ),
      ],
    }),
  ];
  if (r.empty) {
    body.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 480, after: 480 },
        children: [
          new TextRun({
            text: '空报告：本期间无数据',
            bold: true,
            size: 32,
            font: HEADING_FONT,
            color: 'B00000',
          }),
        ],
      }),
      new Paragraph({ children: [text(r.emptyNote)] }),
    );
  }
  for (const s of r.sections) {
    body.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        spacing: { before: 240, after: 120 },
        children: [new TextRun({ text: s.heading, bold: true, size: 28, font: HEADING_FONT })],
      }),
      ...s.paragraphs.map(
        (p) => new Paragraph({ indent: { firstLine: 480 }, spacing: { line: 360 }, children: [text(p)] }),
      ),
    );
    if (s.chart?.categories.length) body.push(chart(s.chart));
    for (const t of s.tables) body.push(...table(t));
  }
  body.push(
    new Paragraph({ spacing: { before: 360 }, children: [text(r.citation, { size: 18, color: '555555' })] }),
    new Paragraph({
      children: [text(`生成日期：${zhDay(r.generatedOn)}（卫监平台）`, { size: 18, color: '555555' })],
    }),
  );
  const doc = new Document({
    creator: '卫监 Weijian',
    title: r.title,
    styles: { default: { document: { run: { font: FONT } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页'], size: 18, font: FONT }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
