import { csvHeader, csvRows, type DatasetId, dataDictionary, type PublicRecord } from '@weijian/domain';

/** Records are written in parts, so a province's directory never becomes one giant string. */
const PART = 5_000;

/** One open-data file: CSV (UTF-8 with BOM, the dictionary's columns) or JSON with its dictionary. */
export function renderFile(
  id: DatasetId,
  format: 'csv' | 'json',
  day: string,
  region: string,
  records: readonly PublicRecord[],
): Buffer {
  const parts: Buffer[] = [];
  if (format === 'csv') {
    parts.push(Buffer.from(csvHeader(id)));
    for (let i = 0; i < records.length; i += PART)
      parts.push(Buffer.from(csvRows(id, records.slice(i, i + PART))));
    return Buffer.concat(parts);
  }
  const head = JSON.stringify({ dataset: id, asOf: day, region, dictionary: dataDictionary(id) });
  parts.push(Buffer.from(`${head.slice(0, -1)},"records":[`));
  for (let i = 0; i < records.length; i += PART) {
    const chunk = records
      .slice(i, i + PART)
      .map((r) => JSON.stringify(r))
      .join(',');
    parts.push(Buffer.from(i === 0 ? chunk : `,${chunk}`));
  }
  parts.push(Buffer.from(']}'));
  return Buffer.concat(parts);
}

/** The county (6-digit code) a region code belongs to. */
export const countyOf = (code: string): string => code.slice(0, 6);

/**
 * Whether a record of `code` belongs in the file of `county`: its own county, or a city or province
 * code that covers it (a campaign over a whole city is in each of its counties' files).
 */
export function belongsTo(code: string, county: string): boolean {
  const c = countyOf(code);
  if (c === county) return true;
  const prefix = c.endsWith('0000') ? c.slice(0, 2) : c.endsWith('00') ? c.slice(0, 4) : null;
  return prefix !== null && county.startsWith(prefix);
}
