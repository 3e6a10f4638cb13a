import fs from 'node:fs';
import { type Cell, textCell } from '@weijian/domain';
import { SpreadsheetError } from './spreadsheet-error.js';

/**
 * CSV rows from a file, streamed: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 (which
 * Chinese Excel writes for "CSV"), told apart on the first block. Quoted fields may hold commas,
 * quotes ("") and line breaks; the row number is the record's position (the header is row 1), as a
 * spreadsheet program shows it. Comma or tab separated (tab for Excel's "Unicode text").
 */
export interface CsvRow {
  row: number;
  cells: Cell[];
}

function chooseEncoding(first: Buffer): { encoding: string; skip: number } {
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (first[0] === 0xff && first[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (first[0] === 0xfe && first[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(first, { stream: true });
    return { encoding: 'utf-8', skip: 0 };
  } catch {
    return { encoding: 'gb18030', skip: 0 };
  }
}

export async function* readCsv(path: string): AsyncGenerator<CsvRow> {
  let decoder: TextDecoder | undefined;
  let delimiter: string | undefined;
  let field = '';
  let cells: Cell[] = [];
  let quoted = false; // inside quotes
  let afterQuote = false; // just closed a quote
  let pendingCr = false;
  let row = 1;
  let sawAny = false;
  const endField = () => {
    cells.push(textCell(field));
    field = '';
    afterQuote = false;
  };
  const endRow = (): CsvRow => {
    endField();
    const out = { row, cells };
    row += 1;
    cells = [];
    return out;
  };

  for await (const chunk of fs.createReadStream(path, { highWaterMark: 256 * 1024 })) {
    let buf = chunk as Buffer;
    if (!decoder) {
      const { encoding, skip } = chooseEncoding(buf);
      decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
      buf = buf.subarray(skip);
    }
    let text: string;
    try {
      text = decoder.decode(buf, { stream: true });
    } catch {
      throw new SpreadsheetError(
        'invalid_encoding',
        `文件编码混杂，第 ${row} 行附近不是有效的 UTF-8 文本；请用 Excel 另存为“CSV UTF-8”或 .xlsx`,
        `The file mixes encodings: near row ${row} it is not valid UTF-8; save it again as CSV UTF-8 or .xlsx`,
      );
    }
    if (delimiter === undefined) {
      const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
      delimiter = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      sawAny = true;
      if (pendingCr) {
        pendingCr = false;
        if (ch === '\n') continue;
      }
      if (quoted) {
        if (ch === '"') {
          // Closing quote, or the first half of an escaped "" (decided by the next character,
          // which may be in the next chunk).
          quoted = false;
          afterQuote = true;
        } else field += ch;
        continue;
      }
      if (afterQuote && ch === '"') {
        field += '"';
        quoted = true;
        afterQuote = false;
        continue;
      }
      if (ch === delimiter) endField();
      else if (ch === '\n') yield endRow();
      else if (ch === '\r') {
        pendingCr = true;
        yield endRow();
      } else if (ch === '"' && field === '' && !afterQuote) quoted = true;
      else field += ch;
    }
  }
  if (decoder) {
    const rest = decoder.decode();
    if (rest) field += rest;
  }
  if (quoted) {
    throw new SpreadsheetError(
      'unterminated_quote',
      `第 ${row} 行的引号没有闭合，文件可能被截断`,
      `Row ${row} has an unclosed quote; the file may be truncated`,
    );
  }
  if (sawAny && (field !== '' || cells.length > 0)) yield endRow();
}
