import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { type ReportChart, type ReportDocument, type ReportTable, zhDay } from './model.js';

/** A report as PDF: A4, Noto Sans SC embedded, tables and bar charts drawn directly. */
const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;
function loadFonts() {
  fonts ??= {
    regular: fs.readFileSync(
      require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
    ),
    bold: fs.readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')),
  };
  return fonts;
}

const LEFT = 64;

function ensureRoom(doc: PDFKit.PDFDocument, height: number) {
  if (doc.y + height > doc.page.height - 64) doc.addPage();
}

function table(doc: PDFKit.PDFDocument, t: ReportTable, width: number) {
  ensureRoom(doc, 60);
  doc
    .font('sc-bold')
    .fontSize(10.5)
    .text(t.title, LEFT, doc.y + 6);
  const col = width / t.columns.length;
  const row = (cells: (string | number)[], bold: boolean) => {
    doc.font(bold ? 'sc-bold' : 'sc').fontSize(8.5);
    const h = Math.max(...cells.map((c) => doc.heightOfString(String(c), { width: col - 6 }))) + 6;
    ensureRoom(doc, h);
    const y = doc.y;
    if (bold) doc.rect(LEFT, y, width, h).fill('#e8eef7').fillColor('#000000');
    cells.forEach((c, i) => {
      doc
        .rect(LEFT + i * col, y, col, h)
        .lineWidth(0.5)
        .stroke('#666666');
      doc.fillColor('#000000').text(String(c), LEFT + i * col + 3, y + 3, {
        width: col - 6,
        align: typeof c === 'number' ? 'right' : 'left',
      });
    });
    doc.y = y + h;
  };
  doc.moveDown(0.2);
  row(t.columns, true);
  if (t.rows.length === 0) row(['（无）', ...t.columns.slice(1).map(() => '')], false);
  for (const r of t.rows) row(r, false);
  doc.x = LEFT;
  doc.moveDown(0.5);
}

function chart(doc: PDFKit.PDFDocument, c: ReportChart, width: number) {
  const height = 170;
  ensureRoom(doc, height + 50);
  doc
    .font('sc-bold')
    .fontSize(10.5)
    .fillColor('#000000')
    .text(c.title, LEFT, doc.y + 6, { width, align: 'center' });
  const top = doc.y + 8;
  const plotLeft = LEFT + 32;
  const plotWidth = width - 40;
  // Counts: a top that divides into four whole-number steps, so the axis never repeats a label.
  const top4 = Math.max(
    4,
    Math.ceil(Math.max(0, ...c.series.flatMap((s) => s.values.map((v) => v ?? 0))) / 4) * 4,
  );
  const max = c.percent ? 100 : top4;
  doc.font('sc').fontSize(7.5);
  for (let i = 0; i <= 4; i++) {
    const y = top + height - (height * i) / 4;
    doc
      .moveTo(plotLeft, y)
      .lineTo(plotLeft + plotWidth, y)
      .lineWidth(0.3)
      .stroke('#cccccc');
    doc
      .fillColor('#555555')
      .text(String(Math.round((max * i) / 4)), LEFT, y - 4, { width: 28, align: 'right' });
  }
  const group = plotWidth / Math.max(1, c.categories.length);
  const bar = (group * 0.7) / c.series.length;
  c.categories.forEach((cat, i) => {
    c.series.forEach((s, j) => {
      const v = s.values[i];
      if (v === null || v === undefined) return;
      const h = (height * v) / max;
      const x = plotLeft + i * group + group * 0.15 + j * bar;
      doc.rect(x, top + height - h, bar - 2, h).fill(`#${s.color}`);
      doc
        .fillColor('#000000')
        .text(String(v), x - 4, top + height - h - 10, { width: bar + 6, align: 'center' });
    });
    doc
      .fillColor('#000000')
      .text(cat, plotLeft + i * group, top + height + 4, { width: group, align: 'center' });
  });
  let lx = plotLeft;
  const ly = top + height + 30;
  for (const s of c.series) {
    doc.rect(lx, ly, 8, 8).fill(`#${s.color}`);
    doc.fillColor('#000000').text(s.name, lx + 11, ly - 1);
    lx += 20 + doc.widthOfString(s.name);
  }
  doc.x = LEFT;
  doc.y = ly + 18;
}

export async function reportPdf(r: ReportDocument): Promise<Buffer> {
  const f = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: LEFT, right: LEFT },
    info: {
      Title: r.title,
      Author: '卫监 Weijian',
      CreationDate: new Date(`${r.generatedOn}T00:00:00+08:00`),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('sc', f.regular);
  doc.registerFont('sc-bold', f.bold);
  const width = doc.page.width - 2 * LEFT;
  doc.font('sc-bold').fontSize(17).text(r.title, { width, align: 'center' });
  doc
    .moveDown(0.4)
    .font('sc')
    .fontSize(9.5)
    .text(
      `统计期间：${zhDay(r.from)}至${zhDay(r.to)}　范围：${r.regionName}（${r.regionCode}），${r.scopeNote}`,
      {
        width,
        align: 'center',
      },
    );
  if (r.empty) {
    doc
      .moveDown(2)
      .font('sc-bold')
      .fontSize(16)
      .fillColor('#b00000')
      .text('空报告：本期间无数据', { width, align: 'center' });
    doc.moveDown(1).font('sc').fontSize(10.5).fillColor('#000000').text(r.emptyNote, { width });
  }
  for (const s of r.sections) {
    ensureRoom(doc, 60);
    doc
      .moveDown(0.8)
      .font('sc-bold')
      .fontSize(13)
      .fillColor('#000000')
      .text(s.heading, LEFT, doc.y, { width });
    doc.font('sc').fontSize(10.5);
    for (const p of s.paragraphs) doc.moveDown(0.3).text(p, LEFT, doc.y, { width, indent: 21, lineGap: 3 });
    if (s.chart?.categories.length) chart(doc, s.chart, width);
    for (const t of s.tables) table(doc, t, width);
  }
  doc.moveDown(1).font('sc').fontSize(8).fillColor('#555555').text(r.citation, LEFT, doc.y, { width });
  doc.text(`生成日期：${zhDay(r.generatedOn)}（卫监平台）`, { width });
  doc.end();
  return done;
}
