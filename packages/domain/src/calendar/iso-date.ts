import { DomainError } from '../errors.js';

/**
 * A calendar date as `YYYY-MM-DD`. Deadlines are legal dates, not instants, so they never go through
 * `Date` or the server's time zone: all arithmetic below works on proleptic Gregorian day numbers.
 */
export type IsoDate = string;

/** Days since 1970-01-01 (day 0). Only ever produced by `toDayNumber`. */
export type DayNumber = number;

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6; // 0 = Sunday, as in Date#getUTCDay

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function invalidDate(value: unknown): DomainError {
  const shown = String(value);
  return new DomainError(
    'invalid_date',
    `日期无效：${shown}（应为存在的日期，格式 YYYY-MM-DD）`,
    `Invalid date: ${shown} (expected an existing date in the form YYYY-MM-DD)`,
    { value: shown },
  );
}

/** Checks that `s` is a real date written exactly as `YYYY-MM-DD` (so `2025-2-3` and `2025-02-30` fail). */
export function parseIsoDate(s: unknown): IsoDate {
  if (typeof s !== 'string') throw invalidDate(s);
  const m = ISO_DATE.exec(s);
  if (!m) throw invalidDate(s);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw invalidDate(s);
  }
  return s;
}

export function isIsoDate(s: unknown): s is IsoDate {
  try {
    parseIsoDate(s);
    return true;
  } catch {
    return false;
  }
}

export function ymd(date: IsoDate): { year: number; month: number; day: number } {
  parseIsoDate(date);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function yearOf(date: IsoDate): number {
  return ymd(date).year;
}

/** Howard Hinnant's days_from_civil: exact for every Gregorian date, no `Date` involved. */
export function dayNumberFromParts(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function toDayNumber(date: IsoDate): DayNumber {
  const { year, month, day } = ymd(date);
  return dayNumberFromParts(year, month, day);
}

/** Inverse of `toDayNumber` (civil_from_days). */
export function fromDayNumber(n: DayNumber): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 1970-01-01 was a Thursday. */
export function weekdayOf(n: DayNumber): Weekday {
  return ((((n + 4) % 7) + 7) % 7) as Weekday;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}
