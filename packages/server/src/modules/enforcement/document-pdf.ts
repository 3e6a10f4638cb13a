import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { type CaseDocument, zhDate } from './document-model.js';

/** An enforcement document as PDF: A4, Noto Sans SC embedded (only the glyphs used). */
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

class Writer {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  readonly done: Promise<Buffer>;
  readonly left = 72;
  readonly width: number;

  constructor(title: string, author: string, createdOn: string) {
    const f = loadFonts();
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 72, bottom: 64, left: 72, right: 72 },
      info: {
        Title: title,
        Author: author,
        Creator: '卫监 Weijian',
        CreationDate: new Date(`${createdOn}T00:00:00+08:00`),
      },
      bufferPages: true,
    });
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.doc.registerFont('sc', f.regular);
    this.doc.registerFont('sc-bold', f.bold);
    this.width = this.doc.page.width - 144;
  }

  heading(unitName: string, title: string, number: string | null) {
    this.doc
      .font('sc-bold')
      .fontSize(20)
      .fillColor('#b00000')
      .text(unitName, this.left, 72, { width: this.width, align: 'center' });
    this.doc
      .moveDown(0.3)
      .font('sc-bold')
      .fontSize(18)
      .fillColor('#000000')
      .text(title, { width: this.width, align: 'center' });
    if (number)
      this.doc.moveDown(0.4).font('sc').fontSize(11).text(number, { width: this.width, align: 'right' });
    const y = this.doc.y + 6;
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(1)
      .strokeColor('#b00000')
      .stroke();
    this.doc.y = y + 12;
  }

  para(text: string, opts: { indent: boolean; bold: boolean }) {
    this.doc
      .font(opts.bold ? 'sc-bold' : 'sc')
      .fontSize(11.5)
      .fillColor('#000000')
      .text(text, this.left, this.doc.y, {
        width: this.width,
        lineGap: 4,
        indent: opts.indent ? 23 : 0,
        align: 'justify',
      });
    this.doc.moveDown(0.4);
  }

  table(rows: [string, string][]) {
    const labelW = 110;
    for (const [label, value] of rows) {
      const h =
        Math.max(
          this.doc
            .font('sc')
            .fontSize(11)
            .heightOfString(value || ' ', { width: this.width - labelW - 12, lineGap: 3 }),
          this.doc
            .font('sc-bold')
            .fontSize(11)
            .heightOfString(label, { width: labelW - 12 }),
        ) + 12;
      if (this.doc.y + h > this.doc.page.height - 64) this.doc.addPage();
      const y = this.doc.y;
      this.doc
        .lineWidth(0.6)
        .strokeColor('#333333')
        .rect(this.left, y, labelW, h)
        .stroke()
        .rect(this.left + labelW, y, this.width - labelW, h)
        .stroke();
      this.doc
        .font('sc-bold')
        .fontSize(11)
        .text(label, this.left + 6, y + 6, { width: labelW - 12 });
      this.doc
        .font('sc')
        .fontSize(11)
        .text(value || '—', this.left + labelW + 6, y + 6, { width: this.width - labelW - 12, lineGap: 3 });
      this.doc.y = y + h;
    }
    this.doc.moveDown(1);
  }

  signature(unitName: string, date: string | null) {
    if (this.doc.y > this.doc.page.height - 130) this.doc.addPage();
    this.doc.moveDown(1);
    this.doc
      .font('sc')
      .fontSize(12)
      .text(`${unitName}（印章）`, this.left, this.doc.y, { width: this.width, align: 'right' });
    this.doc.moveDown(0.3).text(zhDate(date), { width: this.width, align: 'right' });
  }

  /** A line at the foot of every page (written inside the bottom margin, so it never adds a page). */
  footer(text: string) {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      this.doc.page.margins.bottom = 0;
      this.doc
        .font('sc')
        .fontSize(8)
        .fillColor('#666666')
        .text(text, this.left, this.doc.page.height - 56, {
          width: this.width,
          align: 'center',
          lineBreak: false,
        });
    }
  }
}

export async function renderPdf(d: CaseDocument): Promise<Buffer> {
  const w = new Writer(d.title, d.author, d.createdOn);
  for (const b of d.blocks) {
    if (b.type === 'heading') w.heading(b.unitName, b.title, b.number);
    else if (b.type === 'para') w.para(b.text, b);
    else if (b.type === 'table') w.table(b.rows);
    else w.signature(b.unitName, b.date);
  }
  w.footer(d.footer);
  w.doc.end();
  return w.done;
}
