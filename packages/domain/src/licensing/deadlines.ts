import type { Calendar, Citation } from '../calendar/calendar.js';
import { addDays, type IsoDate } from '../calendar/iso-date.js';
import { DomainError } from '../errors.js';

/**
 * Deadlines of a licensing step, computed by the legal calendar from the dates of the events: a
 * clock of `limit` working days starts the day after `start` (民法典 §201) and does not run while
 * it is stopped — corrections (补正) and the periods 行政许可法 §45 excludes (检验、检测、鉴定、专家评审,
 * and the site inspection). A stop from P to R leaves out the days after P up to and including R:
 * the day the clock stops still counts, the day it resumes does not (it is a new first day).
 */
export const CLOCK_STOP_KINDS = ['correction', 'site_inspection', 'expert_review'] as const;
export type ClockStopKind = (typeof CLOCK_STOP_KINDS)[number];

export interface ClockStop {
  kind: ClockStopKind;
  from: IsoDate;
  /** null while the clock is still stopped. */
  to: IsoDate | null;
}

export const EXCLUDED_PERIOD_CITATION: Citation = {
  zh: '《行政许可法》第四十五条：行政机关作出行政许可决定，依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在本节规定的期限内',
  en: 'Administrative Licensing Law art. 45: time needed for hearings, tests, appraisals and expert review is not counted',
};
export const CORRECTION_CITATION: Citation = {
  zh: '《行政许可法》第三十二条：申请材料不齐全或者不符合法定形式的，应当当场或者在五日内一次告知申请人需要补正的全部内容；补正期间不计入办理时限',
  en: 'Administrative Licensing Law art. 32: everything to correct is told at once within 5 days; the correction period is not counted',
};
export const DEEMED_ACCEPTED_CITATION: Citation = {
  zh: '《行政许可法》第三十二条：逾期不告知的，自收到申请材料之日起即为受理',
  en: 'Administrative Licensing Law art. 32: if corrections are not requested in time, the application counts as accepted from receipt',
};

export interface ClockInput {
  start: IsoDate;
  /** Working days; 0 means the same day (当场), or the next working day when started on a rest day. */
  limit: number;
  stops: readonly ClockStop[];
  /** The day the clock is read ("today"). */
  asOf: IsoDate;
}

export interface ClockReading {
  start: IsoDate;
  limit: number;
  /** The last day of the limit; null while the clock is stopped with no end in sight. */
  due: IsoDate | null;
  stopped: boolean;
  /** Working days counted from start to asOf. */
  elapsed: number;
  /** limit − elapsed; negative once overdue. */
  remaining: number;
  overdue: boolean;
  /** Working days left out because the clock was stopped (up to the due date, or asOf while stopped). */
  excludedWorkingDays: number;
  provisional: boolean;
}

/** Stopped on `day`: some stop began before it and had not ended before it. */
export function isStopped(stops: readonly ClockStop[], day: IsoDate): boolean {
  return stops.some((s) => s.from < day && (s.to === null || day <= s.to));
}

const HORIZON_DAYS = 3 * 366;

export function readClock(calendar: Calendar, input: ClockInput): ClockReading {
  const { start, limit, stops, asOf } = input;
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new DomainError('invalid_day_count', `时限无效：${limit}`, `Invalid limit: ${limit}`, { limit });
  }
  let provisional = false;
  const working = (day: IsoDate) => {
    const info = calendar.dayInfo(day);
    if (info.provisional) provisional = true;
    return info.workingDay;
  };
  const openStop = stops.find((s) => s.to === null);

  let due: IsoDate | null = null;
  let excluded = 0;
  if (limit === 0) {
    due = start;
    for (let i = 0; i < 30 && !working(due); i++) due = addDays(due, 1);
  } else {
    let counted = 0;
    let day = start;
    for (let i = 0; i < HORIZON_DAYS; i++) {
      day = addDays(day, 1);
      if (openStop && day > openStop.from) break; // stopped: no due date until it resumes
      if (!working(day)) continue;
      if (isStopped(stops, day)) {
        excluded += 1;
        continue;
      }
      counted += 1;
      if (counted === limit) {
        due = day;
        break;
      }
    }
  }

  let elapsed = 0;
  let excludedToDate = 0;
  for (let day = addDays(start, 1), i = 0; day <= asOf && i < HORIZON_DAYS; day = addDays(day, 1), i++) {
    if (!working(day)) continue;
    if (isStopped(stops, day)) excludedToDate += 1;
    else elapsed += 1;
  }
  const stopped = openStop !== undefined && openStop.from <= asOf;
  return {
    start,
    limit,
    due,
    stopped,
    elapsed,
    remaining: limit - elapsed,
    overdue: due !== null && asOf > due,
    excludedWorkingDays: due === null ? excludedToDate : excluded,
    provisional,
  };
}

/** Whether a step done on `doneOn` met a due date. */
export function onTime(doneOn: IsoDate, due: IsoDate | null): boolean {
  return due === null || doneOn <= due;
}

/** Remaining working days from `asOf` to `due` (negative when past), for inbox warnings. */
export function workingDaysLeft(calendar: Calendar, asOf: IsoDate, due: IsoDate): number {
  return calendar.workingDaysBetween(asOf, due).count;
}

export const RENEWAL_CITATION: Citation = {
  zh: '《行政许可法》第五十条：需要延续依法取得的行政许可的有效期的，应当在该行政许可有效期届满三十日前向作出行政许可决定的行政机关提出申请',
  en: 'Administrative Licensing Law art. 50: apply for renewal at least 30 days before the licence expires',
};

/** The last day a renewal can be applied for: 30 days before the licence expires. */
export function renewalLastDay(validTo: IsoDate): IsoDate {
  return addDays(validTo, -30);
}

export function assertRenewalInTime(applyOn: IsoDate, validTo: IsoDate): void {
  const last = renewalLastDay(validTo);
  if (applyOn > last) {
    throw new DomainError(
      'renewal_too_late',
      `延续申请应当在许可有效期届满三十日前提出（最迟 ${last}，有效期至 ${validTo}）；请重新申请许可`,
      `A renewal must be applied for at least 30 days before expiry (by ${last}; valid to ${validTo}); apply for a new licence instead`,
      { lastDay: last, validTo, citation: RENEWAL_CITATION },
    );
  }
}
