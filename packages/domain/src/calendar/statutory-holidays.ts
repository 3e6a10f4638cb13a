import { addDays, dayNumberFromParts, fromDayNumber, type IsoDate } from './iso-date.js';
import { dragonBoatFestival, lunarNewYearsEve, midAutumnFestival, qingmingDate } from './lunar.js';

/** Festival names as chinese-days writes them, so every source labels a day the same way. */
export type Festival = '元旦' | '春节' | '清明' | '劳动节' | '端午' | '中秋' | '国庆节';

export interface StatutoryHoliday {
  date: IsoDate;
  festival: Festival;
}

export const STATUTORY_HOLIDAYS_CITATION =
  '《全国年节及纪念日放假办法》第二条（国务院令第795号修订，2025年1月1日起施行）';

const cache = new Map<number, readonly StatutoryHoliday[]>();

/**
 * The 13 days off for all citizens, before any 调休. Used for years whose State Council arrangement
 * is not known yet, and to pre-fill an administrator's draft arrangement.
 * 《全国年节及纪念日放假办法》§2 (in force from 2025-01-01): 元旦 1月1日; 春节 除夕、正月初一至初三;
 * 清明 清明当日; 劳动节 5月1日、2日; 端午 端午当日; 中秋 中秋当日; 国庆节 10月1日至3日.
 */
export function statutoryHolidays(year: number): readonly StatutoryHoliday[] {
  const cached = cache.get(year);
  if (cached) return cached;
  const fixed = (month: number, day: number): IsoDate => fromDayNumber(dayNumberFromParts(year, month, day));
  const eve = lunarNewYearsEve(year);
  const days: StatutoryHoliday[] = [
    { date: fixed(1, 1), festival: '元旦' },
    ...[0, 1, 2, 3].map((i) => ({ date: addDays(eve, i), festival: '春节' as const })),
    { date: qingmingDate(year), festival: '清明' },
    { date: fixed(5, 1), festival: '劳动节' },
    { date: fixed(5, 2), festival: '劳动节' },
    { date: dragonBoatFestival(year), festival: '端午' },
    { date: midAutumnFestival(year), festival: '中秋' },
    { date: fixed(10, 1), festival: '国庆节' },
    { date: fixed(10, 2), festival: '国庆节' },
    { date: fixed(10, 3), festival: '国庆节' },
  ];
  // 中秋 can fall on 10月1–3日 (e.g. 2020, 2031): one day off, not two. Keep the first label.
  const byDate = new Map<IsoDate, StatutoryHoliday>();
  for (const d of days) if (!byDate.has(d.date)) byDate.set(d.date, d);
  const result = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  cache.set(year, result);
  return result;
}

const byDateCache = new Map<number, ReadonlyMap<IsoDate, Festival>>();

/** The statutory festival on `date`, if any (before 调休). */
export function statutoryFestivalOn(date: IsoDate): Festival | undefined {
  const year = Number(date.slice(0, 4));
  let byDate = byDateCache.get(year);
  if (!byDate) {
    byDate = new Map(statutoryHolidays(year).map((h) => [h.date, h.festival]));
    byDateCache.set(year, byDate);
  }
  return byDate.get(date);
}
