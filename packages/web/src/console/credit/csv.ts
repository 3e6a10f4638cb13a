import type { Reading } from './creditApi';

/** One problem of a CSV file, by line (1 = the header). */
export interface CsvProblem {
  line: number;
  message: string;
}

function cells(line: string): string[] {
  // Readings hold no commas or quotes; a quoted cell is unwrapped all the same (Excel quotes some).
  return line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
}

/**
 * Readings from a CSV of metric,value,unit,measuredAt[,point] with a header line (columns found by
 * name, so their order is free). Only the shape is checked here; units, ranges and times are the
 * server's to judge (it answers each error with its row).
 */
export function readingsFromCsv(text: string): { readings: Reading[]; problems: CsvProblem[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = cells(lines[0] ?? '').map((h) => h.toLowerCase());
  const col = (name: string) => header.indexOf(name.toLowerCase());
  const at = {
    metric: col('metric'),
    value: col('value'),
    unit: col('unit'),
    measuredAt: col('measuredAt'),
    point: col('point'),
  };
  const problems: CsvProblem[] = [];
  const missing = (['metric', 'value', 'unit', 'measuredAt'] as const).filter((k) => at[k] < 0);
  if (missing.length > 0)
    return { readings: [], problems: [{ line: 1, message: `missing columns: ${missing.join(', ')}` }] };
  const readings: Reading[] = [];
  lines.slice(1).forEach((raw, i) => {
    if (!raw.trim()) return;
    const c = cells(raw);
    const value = Number(c[at.value]);
    if (c[at.value] === '' || !Number.isFinite(value)) {
      problems.push({ line: i + 2, message: `value “${c[at.value] ?? ''}”` });
      return;
    }
    const reading: Reading = {
      metric: c[at.metric] ?? '',
      value,
      unit: c[at.unit] ?? '',
      measuredAt: c[at.measuredAt] ?? '',
    };
    const point = at.point >= 0 ? c[at.point] : undefined;
    if (point) reading.point = point;
    readings.push(reading);
  });
  return { readings, problems };
}
