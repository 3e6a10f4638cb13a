import { DomainError } from '../errors.js';
import {
  type DayNumber,
  fromDayNumber,
  type IsoDate,
  parseIsoDate,
  toDayNumber,
  weekdayOf,
} from './iso-date.js';
import { packageDays, packageYears } from './package-data.js';
import { statutoryFestivalOn } from './statutory-holidays.js';

/** A State Council notice (部分节假日安排的通知) entered by an administrator. */
export interface HolidayArrangement {
  year: number;
  status: 'active' | 'draft';
  docNo: string;
}

/** One day of an arrangement: a day off, or a weekend day that becomes a working day (调休上班). */
export interface CalendarOverride {
  date: IsoDate;
  kind: 'holiday' | 'makeup_workday';
  festival?: string;
}

export interface CalendarAdminData {
  arrangements?: readonly HolidayArrangement[];
  overrides?: readonly CalendarOverride[];
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';
export type DaySource = 'override' | 'package' | 'statutory' | 'weekday-rule';

export interface DayInfo {
  date: IsoDate;
  workingDay: boolean;
  kind: DayKind;
  festival?: string;
  source: DaySource;
  /** The year's arrangement is not known yet: only weekends and statutory holidays are applied. */
  provisional: boolean;
}

export interface Citation {
  zh: string;
  en: string;
}

export interface DeadlineResult {
  date: IsoDate;
  provisional: boolean;
  provisionalYears: number[];
  citation: Citation;
}

export interface WorkingDayCount {
  count: number;
  provisional: boolean;
  provisionalYears: number[];
  citation: Citation;
}

export const WORKING_DAYS_CITATION: Citation = {
  zh: '《行政许可法》第八十二条、《行政处罚法》第八十五条：期限以工作日计算，不含法定节假日；《民法典》第二百零一条：开始的当日不计入',
  en: 'Administrative Licensing Law art. 82, Administrative Penalty Law art. 85: periods in working days exclude statutory holidays; Civil Code art. 201: the first day is not counted',
};

export const CALENDAR_DAYS_CITATION: Citation = {
  zh: '《民法典》第二百零一条：开始的当日不计入；第二百零三条：期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日',
  en: 'Civil Code art. 201: the first day is not counted; art. 203: a period whose last day is a statutory rest day ends on the day after the rest days',
};

/** Before 2004 there is no arrangement data and the holiday rules differed; the lunar table ends in 2100. */
export const CALENDAR_FIRST_YEAR = 2004;
export const CALENDAR_LAST_YEAR = 2099;

function outsideCalendar(date: IsoDate): DomainError {
  return new DomainError(
    'date_outside_calendar',
    `日期超出工作日历范围：${date}（支持 ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR} 年）`,
    `Date outside the working-day calendar: ${date} (supported years ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR})`,
    { date },
  );
}

function checkDayCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new DomainError(
      'invalid_day_count',
      `天数无效：${n}（应为非负整数）`,
      `Invalid number of days: ${n} (expected a non-negative integer)`,
      { value: n },
    );
  }
}

/** Collects the unconfirmed years a computation had to rely on. */
class ProvisionalYears {
  private readonly years = new Set<number>();
  note(info: DayInfo): void {
    if (info.provisional) this.years.add(Number(info.date.slice(0, 4)));
  }
  result(): { provisional: boolean; provisionalYears: number[] } {
    const provisionalYears = [...this.years].sort((a, b) => a - b);
    return { provisional: provisionalYears.length > 0, provisionalYears };
  }
}

/**
 * The legal working-day calendar. Resolution order for a day: overrides of an active arrangement →
 * chinese-days data (2004–2026) → statutory holidays (unconfirmed years only) → Monday–Friday rule.
 * A year is confirmed if the package covers it or an administrator activated its arrangement.
 * An active arrangement must list all its days off: statutory days are not added underneath it.
 */
export class Calendar {
  private readonly activeYears: ReadonlySet<number>;
  private readonly overrides: ReadonlyMap<IsoDate, CalendarOverride>;

  constructor(admin: CalendarAdminData = {}) {
    this.activeYears = new Set(
      (admin.arrangements ?? []).filter((a) => a.status === 'active').map((a) => a.year),
    );
    const overrides = new Map<IsoDate, CalendarOverride>();
    for (const o of admin.overrides ?? []) {
      parseIsoDate(o.date);
      if (o.kind !== 'holiday' && o.kind !== 'makeup_workday') {
        throw new DomainError(
          'invalid_override',
          `节假日安排类型无效：${String(o.kind)}（应为 holiday 或 makeup_workday）`,
          `Invalid calendar override kind: ${String(o.kind)} (expected holiday or makeup_workday)`,
          { date: o.date, kind: o.kind },
        );
      }
      // Only an approved (active) arrangement changes the calendar; drafts are work in progress.
      if (!this.activeYears.has(Number(o.date.slice(0, 4)))) continue;
      const previous = overrides.get(o.date);
      if (previous && previous.kind !== o.kind) {
        throw new DomainError(
          'conflicting_override',
          `节假日安排冲突：${o.date} 同时被设为放假和上班`,
          `Conflicting calendar overrides: ${o.date} is set both as a day off and as a working day`,
          { date: o.date },
        );
      }
      if (!previous) overrides.set(o.date, o);
    }
    this.overrides = overrides;
  }

  isConfirmedYear(year: number): boolean {
    return packageYears.has(year) || this.activeYears.has(year);
  }

  dayInfo(date: IsoDate): DayInfo {
    return this.infoAt(toDayNumber(date));
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.dayInfo(date).workingDay;
  }

  /**
   * The n-th working day after `from`; `from` itself is not counted.
   * 行政许可法 §82 / 行政处罚法 §85: 期限以工作日计算，不含法定节假日; 民法典 §201: 开始的当日不计入.
   */
  addWorkingDays(from: IsoDate, n: number): DeadlineResult {
    checkDayCount(n);
    const seen = new ProvisionalYears();
    let day = toDayNumber(from);
    for (let counted = 0; counted < n; ) {
      day += 1;
      const info = this.infoAt(day);
      seen.note(info);
      if (info.workingDay) counted += 1;
    }
    return { date: fromDayNumber(day), ...seen.result(), citation: WORKING_DAYS_CITATION };
  }

  /**
   * n calendar days after `from`; if that day is a rest day the period ends on the next working day.
   * 民法典 §201: 开始的当日不计入; §203: 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日.
   * Only the last day's status matters, so only it (and the days it moves over) can make the result provisional.
   */
  addCalendarDays(from: IsoDate, n: number): DeadlineResult {
    checkDayCount(n);
    const seen = new ProvisionalYears();
    let day = toDayNumber(from) + n;
    for (;;) {
      const info = this.infoAt(day);
      seen.note(info);
      if (info.workingDay) break;
      day += 1;
    }
    return { date: fromDayNumber(day), ...seen.result(), citation: CALENDAR_DAYS_CITATION };
  }

  /**
   * Working days after `from` up to and including `to` (so `workingDaysBetween(d, addWorkingDays(d, n).date)`
   * is n). Negative when `to` is before `from`.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): WorkingDayCount {
    const a = toDayNumber(from);
    const b = toDayNumber(to);
    const [start, end, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    const seen = new ProvisionalYears();
    let count = 0;
    for (let day = start + 1; day <= end; day++) {
      const info = this.infoAt(day);
      seen.note(info);
      if (info.workingDay) count += 1;
    }
    return { count: count === 0 ? 0 : sign * count, ...seen.result(), citation: WORKING_DAYS_CITATION }; // never -0
  }

  private infoAt(day: DayNumber): DayInfo {
    const date = fromDayNumber(day);
    const year = Number(date.slice(0, 4));
    if (year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR) throw outsideCalendar(date);
    const provisional = !this.isConfirmedYear(year);

    const override = this.overrides.get(date);
    if (override) return arranged(date, override.kind, override.festival, 'override', provisional);

    const fromPackage = packageDays.get(date);
    if (fromPackage) return arranged(date, fromPackage.kind, fromPackage.festival, 'package', provisional);

    if (provisional) {
      const festival = statutoryFestivalOn(date);
      if (festival) return arranged(date, 'holiday', festival, 'statutory', provisional);
    }

    const weekday = weekdayOf(day);
    const weekend = weekday === 0 || weekday === 6;
    return {
      date,
      workingDay: !weekend,
      kind: weekend ? 'weekend' : 'workday',
      source: 'weekday-rule',
      provisional,
    };
  }
}

function arranged(
  date: IsoDate,
  kind: 'holiday' | 'makeup_workday',
  festival: string | undefined,
  source: DaySource,
  provisional: boolean,
): DayInfo {
  const info: DayInfo = { date, workingDay: kind === 'makeup_workday', kind, source, provisional };
  if (festival !== undefined) info.festival = festival;
  return info;
}
