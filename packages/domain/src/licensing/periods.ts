import type { Calendar, Citation } from '../calendar/calendar.js';
import { addDays, daysInMonth, type IsoDate, parseIsoDate } from '../calendar/iso-date.js';
import { DomainError } from '../errors.js';
import type { RevalidationRule } from './catalogue.js';
import { SEED_000, SEED_004 } from './modes.js';

/**
 * Periods counted in months and years, publication schedules and revalidation cycles.
 */

export const MONTH_PERIOD_CITATION: Citation = {
  zh: '《民法典》第二百零二条：按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日；第二百零三条：最后一日是法定休假日的，以法定休假日结束的次日为最后一日',
  en: 'Civil Code art. 202: a period in months or years ends on the corresponding day (or the month’s last day); art. 203: a rest day moves it to the next working day',
};

/** The corresponding day `months` later (民法典 §202), without the rest-day rule. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  parseIsoDate(date);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** A period of `months` from `from` as a legal deadline: the corresponding day, moved off rest days (§203). */
export function monthsDeadline(calendar: Calendar, from: IsoDate, months: number): IsoDate {
  return calendar.addCalendarDays(addMonths(from, months), 0).date;
}

export const DOUBLE_PUBLICITY_CITATION: Citation = {
  zh: '“双公示”：行政许可决定自作出之日起7个工作日内上网公开（国发〔2016〕33号；国办发〔2018〕118号）',
  en: '"Double publicity": licensing decisions go online within 7 working days of the decision (State Council 2016 No. 33; 2018 No. 118)',
};

/** 双公示: the last day to publish a licensing decision made on `decidedOn`. */
export function decisionPublicationDue(calendar: Calendar, decidedOn: IsoDate): IsoDate {
  return calendar.addWorkingDays(decidedOn, 7).date;
}

export const NEW_APPLICATION_PUBLICITY_CITATION: Citation = {
  zh: `${SEED_004.zh} 二（二）1：在接到新的设置申请后1个月内向社会公开申请机构信息`,
  en: `${SEED_004.en}, 2(2)1: a new application is made public within one month of receipt`,
};

/** Seed 004: a new application of a listed type is public within `months` of receipt. */
export function newApplicationPublicBy(calendar: Calendar, receivedOn: IsoDate, months = 1): IsoDate {
  return monthsDeadline(calendar, receivedOn, months);
}

export const HALF_YEARLY_LIST_CITATION: Citation = {
  zh: `${SEED_004.zh} 二（二）：每半年向社会公布1次名单；每年1月15日、7月15日前分别完成对截至上一年度12月31日、本年度6月30日的名单及相关信息复核`,
  en: `${SEED_004.en}, 2(2): the approved list every half year, as of 31 Dec and 30 Jun, done by 15 Jan and 15 Jul`,
};

export interface ListPublication {
  /** The list shows licences valid on this day. */
  asOf: IsoDate;
  /** Published by this day. */
  publishBy: IsoDate;
}

/** The two half-yearly lists published in `year`. */
export function halfYearlyLists(year: number): ListPublication[] {
  return [
    { asOf: `${year - 1}-12-31`, publishBy: `${year}-01-15` },
    { asOf: `${year}-06-30`, publishBy: `${year}-07-15` },
  ];
}

/** The latest list whose data date has passed on `today` (the one that is due or published). */
export function currentHalfYearlyList(today: IsoDate): ListPublication {
  const year = Number(today.slice(0, 4));
  const lists = [...halfYearlyLists(year), ...halfYearlyLists(year + 1)];
  const passed = lists.filter((l) => l.asOf < today);
  return passed[passed.length - 1]!;
}

export const EVALUATION_REPORT_CITATION: Citation = {
  zh: `${SEED_000.zh} 附件1 十二：于11月15日前形成年度评估报告`,
  en: `${SEED_000.en}, annex 1 §12: the yearly evaluation report is due by 15 November`,
};

export function evaluationReportDue(year: number): IsoDate {
  return `${year}-11-15`;
}

/* Revalidation (校验). */

/** Years between revalidations for a licence of this rule held by an establishment with `beds`. */
export function revalidationCycleYears(rule: RevalidationRule, beds: number | null): number {
  if (rule.kind === 'fixed') return rule.years;
  // 医疗机构管理条例 §22: 床位不满100张的每年校验1次；床位在100张以上的每3年校验1次.
  return (beds ?? 0) >= 100 ? 3 : 1;
}

export interface RevalidationDue {
  dueOn: IsoDate;
  noticeOn: IsoDate;
  cycleYears: number;
  citation: Citation;
}

/** The next revalidation after `from` (issue date or last revalidation). */
export function nextRevalidation(
  rule: RevalidationRule,
  beds: number | null,
  from: IsoDate,
): RevalidationDue {
  const cycleYears = revalidationCycleYears(rule, beds);
  const dueOn = addYears(from, cycleYears);
  const noticeOn = addDays(dueOn, -rule.noticeDaysBefore);
  return { dueOn, noticeOn, cycleYears, citation: rule.citation };
}

export const DEFERRAL_CITATION: Citation = {
  zh: '《医疗机构校验管理办法（试行）》：暂缓校验期为1至6个月；暂缓校验期满仍不能通过校验的，由登记机关注销其执业许可证',
  en: 'Measures on revalidation of medical institutions (trial): deferral of 1 to 6 months; a licence still failing afterwards is deregistered',
};

/** 暂缓校验: the end of a rectification period of 1–6 months from `decidedOn`. */
export function deferralUntil(decidedOn: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months) || months < 1 || months > 6) {
    throw new DomainError(
      'invalid_deferral',
      `暂缓校验期应为1至6个月（收到 ${months}）`,
      `A deferral lasts 1 to 6 months (got ${months})`,
      { months, citation: DEFERRAL_CITATION },
    );
  }
  return addMonths(decidedOn, months);
}
