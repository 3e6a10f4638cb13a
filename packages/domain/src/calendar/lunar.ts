import cd from 'chinese-days';
import { type DayNumber, dayNumberFromParts, fromDayNumber, type IsoDate } from './iso-date.js';

/*
 * Festival dates for years the holiday data does not cover yet.
 *
 * chinese-days' own converters (getSolarDateFromLunar, getSolarTermDate) mix UTC parsing with local-time
 * formatting, so under TZ=America/New_York they answer a day early or late. We therefore use only its
 * pure lunar table accessors (month lengths, leap month: bit operations, no Date) and do the day
 * arithmetic ourselves on UTC day numbers.
 */

/** Range of chinese-days' lunar table (lunar years 1900–2100). */
export const LUNAR_FIRST_YEAR = 1900;
export const LUNAR_LAST_YEAR = 2100;

/** 农历 1900 年正月初一 = 1900-01-31, the table's anchor. */
const LUNAR_EPOCH: DayNumber = dayNumberFromParts(1900, 1, 31);

function leapMonthOf(year: number): number {
  return cd.getYearLeapMonth(year).leapMonth ?? 0;
}

function leapMonthLength(year: number): number {
  return cd.getYearLeapMonth(year).days;
}

function lunarYearLength(year: number): number {
  let days = leapMonthLength(year);
  for (let m = 1; m <= 12; m++) days += cd.monthDays(year, m);
  return days;
}

/** Day number of 正月初一 for each lunar year, computed once. */
const NEW_YEAR_DAYS: readonly DayNumber[] = (() => {
  const result: DayNumber[] = [];
  let day = LUNAR_EPOCH;
  for (let y = LUNAR_FIRST_YEAR; y <= LUNAR_LAST_YEAR; y++) {
    result.push(day);
    day += lunarYearLength(y);
  }
  return result;
})();

function assertCovered(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_FIRST_YEAR || year > LUNAR_LAST_YEAR) {
    throw new RangeError(`lunar year ${year} is outside ${LUNAR_FIRST_YEAR}–${LUNAR_LAST_YEAR}`);
  }
}

/**
 * The Gregorian date of a day of a (non-leap) lunar month. 端午 and 中秋 always fall in the ordinary
 * month, so a leap month is only counted when it comes before the target month.
 */
export function solarDateOfLunar(lunarYear: number, month: number, day: number): IsoDate {
  assertCovered(lunarYear);
  let offset = 0;
  const leap = leapMonthOf(lunarYear);
  for (let m = 1; m < month; m++) {
    offset += cd.monthDays(lunarYear, m);
    if (m === leap) offset += leapMonthLength(lunarYear);
  }
  return fromDayNumber(NEW_YEAR_DAYS[lunarYear - LUNAR_FIRST_YEAR]! + offset + day - 1);
}

/** 春节 (正月初一) of lunar year `year`; it always falls in Gregorian January–February of `year`. */
export function springFestival(year: number): IsoDate {
  return solarDateOfLunar(year, 1, 1);
}

/** 除夕: the last day of 腊月 — the day before 正月初一 (腊月 has 29 or 30 days). */
export function lunarNewYearsEve(year: number): IsoDate {
  assertCovered(year);
  return fromDayNumber(NEW_YEAR_DAYS[year - LUNAR_FIRST_YEAR]! - 1);
}

export function dragonBoatFestival(year: number): IsoDate {
  return solarDateOfLunar(year, 5, 5);
}

export function midAutumnFestival(year: number): IsoDate {
  return solarDateOfLunar(year, 8, 15);
}

/**
 * 清明 solar term (April 4–6), by the 寿星 formula chinese-days also uses:
 * day = ⌊Y·0.2422 + C⌋ − ⌊Y/4⌋, Y = year mod 100, C = 5.59 (1900–1999) or 4.81 (2000–2100).
 * chinese-days lists no correction for 清明 in 1900–2100.
 */
export function qingmingDate(year: number): IsoDate {
  assertCovered(year);
  const y = year % 100;
  const c = year >= 2000 ? 4.81 : 5.59; // as chinese-days: 2000 already uses the 21st-century constant
  const day = Math.floor(y * 0.2422 + c) - Math.floor(y / 4);
  return fromDayNumber(dayNumberFromParts(year, 4, day));
}
