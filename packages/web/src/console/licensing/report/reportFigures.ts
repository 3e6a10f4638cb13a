import type { ReformMode } from '../../../api/licensing';
import type { PermitReportRow } from '../../../api/licensingCatalogue';

/** Sums of the report's rows per reform mode and overall, and the rates shown as "n/d (p%)". */
export type Totals = Pick<
  PermitReportRow,
  | 'received'
  | 'decided'
  | 'granted'
  | 'refused'
  | 'timed'
  | 'withinCommitted'
  | 'withinStatutory'
  | 'verified'
  | 'foundFalse'
  | 'withdrawn'
>;

const ZERO: Totals = {
  received: 0,
  decided: 0,
  granted: 0,
  refused: 0,
  timed: 0,
  withinCommitted: 0,
  withinStatutory: 0,
  verified: 0,
  foundFalse: 0,
  withdrawn: 0,
};

export function sum(rows: readonly PermitReportRow[]): Totals {
  const out = { ...ZERO };
  for (const r of rows) for (const k of Object.keys(ZERO) as (keyof Totals)[]) out[k] += r[k];
  return out;
}

export function byMode(rows: readonly PermitReportRow[]): { mode: ReformMode; totals: Totals }[] {
  const modes = [...new Set(rows.map((r) => r.mode))];
  return modes.map((mode) => ({ mode, totals: sum(rows.filter((r) => r.mode === mode)) }));
}

export const percent = (n: number, d: number) => (d ? `${Math.round((n / d) * 1000) / 10}%` : '—');
