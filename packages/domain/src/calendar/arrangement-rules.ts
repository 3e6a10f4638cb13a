import type { DomainError } from '../errors.js';
import { type IsoDate, parseIsoDate, toDayNumber, weekdayOf } from './iso-date.js';
import { packageYears } from './package-data.js';
import { statutoryHolidays } from './statutory-holidays.js';

/** One day of a State Council arrangement as an administrator enters it. */
export interface ArrangementDay {
  date: IsoDate;
  kind: 'holiday' | 'makeup_workday';
  festival?: string | undefined;
}

export interface ArrangementProblem {
  path: string;
  code: string;
  messageZh: string;
  messageEn: string;
}

/**
 * Checks an arrangement before it is stored (standards-and-data.md §1, "Validate the input"):
 * the year is one the packaged data does not cover; every day lies in that year, once; make-up
 * working days fall on a Saturday or Sunday (调休 moves a weekend day); and every statutory day of
 * 《全国年节及纪念日放假办法》§2 is a day off, since the notice can add days but not remove them.
 */
export function checkArrangement(year: number, days: readonly ArrangementDay[]): ArrangementProblem[] {
  const problems: ArrangementProblem[] = [];
  if (packageYears.has(year)) {
    problems.push({
      path: 'year',
      code: 'year_already_covered',
      messageZh: `${year} 年的放假安排已包含在内置日历中，无需录入`,
      messageEn: `The arrangement for ${year} is already in the built-in calendar`,
    });
  }
  const seen = new Set<string>();
  days.forEach((d, i) => {
    const path = `days.${i}.date`;
    let date: IsoDate;
    try {
      date = parseIsoDate(d.date);
    } catch (e) {
      const err = e as DomainError;
      problems.push({ path, code: err.code, messageZh: err.messageZh, messageEn: err.messageEn });
      return;
    }
    if (Number(date.slice(0, 4)) !== year) {
      problems.push({
        path,
        code: 'day_outside_year',
        messageZh: `${date} 不在 ${year} 年内`,
        messageEn: `${date} is not in ${year}`,
      });
    }
    if (seen.has(date)) {
      problems.push({
        path,
        code: 'duplicate_day',
        messageZh: `${date} 重复出现`,
        messageEn: `${date} appears twice`,
      });
    }
    seen.add(date);
    const weekday = weekdayOf(toDayNumber(date));
    if (d.kind === 'makeup_workday' && weekday !== 0 && weekday !== 6) {
      problems.push({
        path,
        code: 'makeup_not_weekend',
        messageZh: `调休上班日 ${date} 应为周六或周日`,
        messageEn: `Make-up working day ${date} must be a Saturday or Sunday`,
      });
    }
  });
  const daysOff = new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date));
  for (const h of statutoryHolidays(year)) {
    if (!daysOff.has(h.date)) {
      problems.push({
        path: 'days',
        code: 'statutory_day_missing',
        messageZh: `缺少法定节假日 ${h.date}（${h.festival}）：《全国年节及纪念日放假办法》第二条规定的假日必须放假`,
        messageEn: `Statutory holiday ${h.date} (${h.festival}) is missing: the days of the national holiday regulation art. 2 must be days off`,
      });
    }
  }
  return problems;
}

/** A draft pre-filled with the statutory days, so the administrator only adds the 调休 days. */
export function draftArrangement(year: number): ArrangementDay[] {
  return statutoryHolidays(year).map((h) => ({
    date: h.date,
    kind: 'holiday' as const,
    festival: h.festival,
  }));
}
