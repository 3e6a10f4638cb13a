/**
 * An enforcement document as content, independent of its file format: the composing code
 * (documents.ts) writes blocks once; document-pdf.ts and document-docx.ts lay them out as PDF and as
 * Word. Every value is text: nothing a user typed is interpreted as markup in either format.
 */
export type DocumentBlock =
  | { type: 'heading'; unitName: string; title: string; number: string | null }
  | { type: 'para'; text: string; indent: boolean; bold: boolean }
  | { type: 'table'; rows: [string, string][] }
  | { type: 'signature'; unitName: string; date: string | null };

export interface CaseDocument {
  title: string;
  author: string;
  createdOn: string;
  blocks: DocumentBlock[];
  /** A line at the foot of every page: the record the document was generated from. */
  footer: string;
  /** The file name without its extension. */
  baseName: string;
}

export const zhDate = (d: string | null | undefined) =>
  d ? `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日` : '    年  月  日';
export const yuanText = (n: number) =>
  `${n.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}元`;

/** Collects the blocks of one document in order. */
export class Composer {
  readonly blocks: DocumentBlock[] = [];

  constructor(
    readonly title: string,
    readonly author: string,
    readonly createdOn: string,
  ) {}

  heading(unitName: string, title: string, number: string | null) {
    this.blocks.push({ type: 'heading', unitName, title, number });
  }

  para(text: string, opts: { indent?: boolean; bold?: boolean } = {}) {
    this.blocks.push({ type: 'para', text, indent: opts.indent !== false, bold: opts.bold === true });
  }

  table(rows: [string, string][]) {
    this.blocks.push({ type: 'table', rows });
  }

  signature(unitName: string, date: string | null) {
    this.blocks.push({ type: 'signature', unitName, date });
  }

  done(footer: string, baseName: string): CaseDocument {
    return {
      title: this.title,
      author: this.author,
      createdOn: this.createdOn,
      blocks: this.blocks,
      footer,
      baseName,
    };
  }
}
