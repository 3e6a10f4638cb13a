/**
 * A report as data, rendered alike to .docx (with native Word charts), .xlsx (one sheet per table)
 * and PDF. Builders fill it from the dashboard's queries, so a report's figures are the dashboard's.
 */
export const REPORT_KINDS = [
  'reform_evaluation',
  'inspection_year',
  'monthly_supervision',
  'pilot_summary',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface ReportTable {
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

export interface ReportChart {
  title: string;
  categories: string[];
  /** null: nothing to measure (no record done), drawn as a gap rather than a misleading 0. */
  series: { name: string; values: (number | null)[]; color: string }[];
  /** Values are percentages (0–100). */
  percent?: boolean;
}

export interface ReportSection {
  heading: string;
  paragraphs: string[];
  tables: ReportTable[];
  chart?: ReportChart;
}

export interface ReportDocument {
  kind: ReportKind;
  title: string;
  regionName: string;
  regionCode: string;
  scopeNote: string;
  from: string;
  to: string;
  generatedOn: string;
  /** No record in the period and region: the report says so instead of showing zeros. */
  empty: boolean;
  emptyNote: string;
  citation: string;
  sections: ReportSection[];
}

export const pct = (part: number, whole: number): string =>
  whole > 0 ? `${Math.round((part / whole) * 1000) / 10}%` : '—';

export const share = (part: number, whole: number): number =>
  whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;

/** 2026-03-10 → 2026年3月10日 */
export const zhDay = (d: string): string =>
  `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
