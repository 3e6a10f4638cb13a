import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { type CaseDocument, zhDate } from './document-model.js';

/**
 * An enforcement document as Word (.docx), for units that file or amend documents in Word: the same
 * blocks as the PDF, A4 with 2.54 cm margins, 宋体 for Chinese (a viewer without it substitutes a CJK
 * font; the PDF remains the version with its font embedded). Text runs only: no fields, no macros.
 */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1440;
const CONTENT = A4.width - 2 * MARGIN;
const LABEL = 2200;
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimHei' };

/** A run per line: a value with line breaks keeps them. */
function lines(text: string, opts: { bold?: boolean; size?: number } = {}): TextRun[] {
  return text.split('\n').map(
    (line, i) =>
      new TextRun({
        text: line,
        break: i > 0 ? 1 : 0,
        bold: opts.bold ?? false,
        size: opts.size ?? 24,
        font: FONT,
      }),
  );
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '333333' };
const borders = { top: border, bottom: border, left: border, right: border };

function blocks(d: CaseDocument): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of d.blocks) {
    if (b.type === 'heading') {
      out.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new TextRun({ text: b.unitName, bold: true, size: 40, color: 'B00000', font: HEADING_FONT }),
          ],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 120, after: 120 },
          children: [new TextRun({ text: b.title, bold: true, size: 36, font: HEADING_FONT })],
        }),
      );
      out.push(
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'B00000', space: 4 } },
          spacing: { after: 240 },
          children: lines(b.number ?? '', { size: 22 }),
        }),
      );
    } else if (b.type === 'para') {
      // One Word paragraph per line: a justified line that ends in a break would be spread out.
      for (const line of b.text.split('\n')) {
        out.push(
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            indent: b.indent ? { firstLine: 480 } : undefined,
            spacing: { after: 120, line: 400 },
            children: lines(line, { bold: b.bold }),
          }),
        );
      }
    } else if (b.type === 'table') {
      out.push(
        new Table({
          width: { size: CONTENT, type: WidthType.DXA },
          columnWidths: [LABEL, CONTENT - LABEL],
          rows: b.rows.map(
            ([label, value]) =>
              new TableRow({
                children: [
                  new TableCell({
                    width: { size: LABEL, type: WidthType.DXA },
                    borders,
                    margins: { top: 80, bottom: 80, left: 100, right: 100 },
                    children: [new Paragraph({ children: lines(label, { bold: true, size: 22 }) })],
                  }),
                  new TableCell({
                    width: { size: CONTENT - LABEL, type: WidthType.DXA },
                    borders,
                    margins: { top: 80, bottom: 80, left: 100, right: 100 },
                    children: [new Paragraph({ children: lines(value || '—', { size: 22 }) })],
                  }),
                ],
              }),
          ),
        }),
        new Paragraph({ children: [] }),
      );
    } else {
      out.push(
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          spacing: { before: 480 },
          children: lines(`${b.unitName}（印章）`),
        }),
        new Paragraph({ alignment: AlignmentType.RIGHT, children: lines(zhDate(b.date)) }),
      );
    }
  }
  return out;
}

export async function renderDocx(d: CaseDocument): Promise<Buffer> {
  const doc = new Document({
    creator: '卫监 Weijian',
    title: d.title,
    description: d.footer,
    lastModifiedBy: d.author,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: d.footer, size: 16, color: '666666', font: FONT })],
              }),
            ],
          }),
        },
        children: blocks(d),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
