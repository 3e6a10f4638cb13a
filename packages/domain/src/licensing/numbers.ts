/**
 * Numbers the licensing module gives out. A licence number reads like a printed one:
 * {prefix}字〔{year}〕第{region}{sequence}号, e.g. 卫公字〔2026〕第37011200001号; an application
 * number is {region}-{year}-{sequence}, e.g. 370112-2026-000001. Sequences run per prefix, region
 * and year.
 */
export function formatLicenseNumber(prefix: string, regionCode: string, year: number, seq: number): string {
  return `${prefix}字〔${year}〕第${regionCode}${String(seq).padStart(5, '0')}号`;
}

export function formatApplicationNumber(regionCode: string, year: number, seq: number): string {
  return `${regionCode}-${year}-${String(seq).padStart(6, '0')}`;
}
