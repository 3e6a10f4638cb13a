import { Readable } from 'node:stream';
import { EXPORT_COLUMNS, neutraliseFormula } from './export-columns.js';
import type { AuditRow } from './queries.js';

/**
 * The trail as CSV (RFC 4180), UTF-8 with a byte-order mark so Excel opens the Chinese text
 * correctly, streamed page by page.
 */
const BOM = '\uFEFF';

function cell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const line = (values: (string | number)[]) => `${values.map(cell).join(',')}\r\n`;

export function auditCsvStream(pages: AsyncIterable<AuditRow[]>): Readable {
  async function* generate() {
    yield BOM + line(EXPORT_COLUMNS.map((c) => c.header));
    for await (const rows of pages) {
      yield rows.map((r) => line(EXPORT_COLUMNS.map((c) => c.value(r)))).join('');
    }
  }
  return Readable.from(generate());
}
