import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { IsoDate } from './iso-date.js';

/*
 * The State Council's yearly holiday arrangements (国务院办公厅 部分节假日安排的通知), 2004–2026, as
 * shipped in chinese-days. Only its data file is used: its date functions depend on the time zone.
 * Shape: { holidays | workdays | inLieuDays: { 'YYYY-MM-DD': 'English name,中文名,statutory days' } }.
 * `holidays` lists every day off (weekends inside a break included), `workdays` the make-up working
 * days (调休上班); `inLieuDays` only says which days off are paid back later, which we do not need.
 */

export interface ArrangedDay {
  kind: 'holiday' | 'makeup_workday';
  festival: string;
}

function festivalOf(label: string): string {
  return label.split(',')[1] ?? label;
}

function load(): { days: ReadonlyMap<IsoDate, ArrangedDay>; years: ReadonlySet<number> } {
  const days = new Map<IsoDate, ArrangedDay>();
  const years = new Set<number>();
  const add = (map: Record<string, string>, kind: ArrangedDay['kind']) => {
    for (const [date, label] of Object.entries(map)) {
      if (days.has(date)) throw new Error(`chinese-days lists ${date} as both a holiday and a workday`);
      days.set(date, { kind, festival: festivalOf(label) });
      years.add(Number(date.slice(0, 4)));
    }
  };
  add(data.holidays, 'holiday');
  add(data.workdays, 'makeup_workday');
  return { days, years };
}

const loaded = load();

/** Days the package's arrangements mark as day off or make-up working day. */
export const packageDays: ReadonlyMap<IsoDate, ArrangedDay> = loaded.days;

/** Years whose arrangement the package holds; they count as confirmed. */
export const packageYears: ReadonlySet<number> = loaded.years;
