import type { Calendar, Citation } from '../calendar/calendar.js';
import { type IsoDate, toDayNumber } from '../calendar/iso-date.js';
import { DomainError } from '../errors.js';
import {
  CALENDAR_PERIOD_CITATION,
  HEARING_PROCEDURE_CITATION,
  PAYMENT_CITATION,
  PENALTY_DECISION_LIMIT_CITATION,
  RECUSAL_CITATION,
  SERVICE_CITATION,
  TWO_OFFICERS_CITATION,
  WORKING_DAY_PERIODS_CITATION,
} from './citations.js';
import type { EnforcementSettings } from './penalties.js';

/**
 * Deadlines of a case. 行政处罚法 §85: only the law's 2, 3, 5 and 7-day periods are working days;
 * the 90-day decision limit (§60) and the 15 days to pay (§67) are calendar days, which end on the
 * next working day when the last day is a rest day (民法典 §203).
 */
export const DECISION_LIMIT_DAYS = 90;
export const HEARING_REQUEST_WORKING_DAYS = 5;
export const HEARING_NOTICE_WORKING_DAYS = 7;
export const SERVICE_WORKING_DAYS = 7;
export const PAYMENT_DAYS = 15;
export const MIN_CASE_OFFICERS = 2;

export interface CaseDeadline {
  date: IsoDate;
  citation: Citation;
}

const withCitations = (date: IsoDate, ...c: Citation[]): CaseDeadline => ({
  date,
  citation: { zh: c.map((x) => x.zh).join('；'), en: c.map((x) => x.en).join('; ') },
});

/** §60: the last day for the decision, after `extensionDays` of approved extensions. */
export function decisionDue(calendar: Calendar, openedOn: IsoDate, extensionDays = 0): CaseDeadline {
  return withCitations(
    calendar.addCalendarDays(openedOn, DECISION_LIMIT_DAYS + extensionDays).date,
    PENALTY_DECISION_LIMIT_CITATION,
    CALENDAR_PERIOD_CITATION,
  );
}

/** The party's statement and defence (default 3 working days, a setting). */
export function statementDue(calendar: Calendar, noticedOn: IsoDate, s: EnforcementSettings): CaseDeadline {
  return withCitations(
    calendar.addWorkingDays(noticedOn, s.statementWorkingDays).date,
    WORKING_DAY_PERIODS_CITATION,
  );
}

/** §64(1): a hearing is requested within 5 working days of the notice. */
export function hearingRequestDue(calendar: Calendar, noticedOn: IsoDate): CaseDeadline {
  return withCitations(
    calendar.addWorkingDays(noticedOn, HEARING_REQUEST_WORKING_DAYS).date,
    HEARING_PROCEDURE_CITATION,
    WORKING_DAY_PERIODS_CITATION,
  );
}

/** §64(2): the earliest day a hearing notified on `notifiedOn` may be held (7 working days later). */
export function earliestHearingDate(calendar: Calendar, notifiedOn: IsoDate): CaseDeadline {
  return withCitations(
    calendar.addWorkingDays(notifiedOn, HEARING_NOTICE_WORKING_DAYS).date,
    HEARING_PROCEDURE_CITATION,
    WORKING_DAY_PERIODS_CITATION,
  );
}

/** §61: a decision not handed over on the spot is served within 7 working days. */
export function serviceDue(calendar: Calendar, decidedOn: IsoDate): CaseDeadline {
  return withCitations(
    calendar.addWorkingDays(decidedOn, SERVICE_WORKING_DAYS).date,
    SERVICE_CITATION,
    WORKING_DAY_PERIODS_CITATION,
  );
}

/** §67: a fine is paid within 15 days of receiving the decision. */
export function paymentDue(calendar: Calendar, servedOn: IsoDate): CaseDeadline {
  return withCitations(
    calendar.addCalendarDays(servedOn, PAYMENT_DAYS).date,
    PAYMENT_CITATION,
    CALENDAR_PERIOD_CITATION,
  );
}

/** The re-inspection after a penalty (处罚后复查), from the day the case is closed. */
export function reinspectionDue(calendar: Calendar, closedOn: IsoDate, s: EnforcementSettings): IsoDate {
  return calendar.addWorkingDays(closedOn, s.reinspectionWorkingDays).date;
}

/**
 * Whether the party's periods have run out on `today` (the statement period, and the hearing
 * request period when a hearing is available), so a decision may be proposed; a waiver ends them.
 */
export function rightsPeriodsOver(opts: {
  today: IsoDate;
  statementDue: IsoDate;
  hearingRequestDue: IsoDate | null;
  waived: boolean;
}): boolean {
  if (opts.waived) return true;
  const last =
    opts.hearingRequestDue && opts.hearingRequestDue > opts.statementDue
      ? opts.hearingRequestDue
      : opts.statementDue;
  return toDayNumber(opts.today) > toDayNumber(last);
}

/** §42: at least two certified officers handle a case. */
export function assertEnoughOfficers(activeOfficers: number): void {
  if (activeOfficers < MIN_CASE_OFFICERS) {
    throw new DomainError(
      'too_few_officers',
      `办案执法人员不得少于${MIN_CASE_OFFICERS}人（现有 ${activeOfficers} 人）`,
      `A case needs at least ${MIN_CASE_OFFICERS} certified officers (now ${activeOfficers})`,
      {
        citation: TWO_OFFICERS_CITATION,
        errors: [
          {
            path: 'officerIds',
            code: 'too_few_officers',
            messageZh: '至少指定两名持证执法人员',
            messageEn: 'Name at least two certified officers',
          },
        ],
      },
    );
  }
}

/** §43 with §42: a recusal may not leave fewer than two officers on the case. */
export function assertRecusalLeavesEnough(activeOfficers: number, replacements: number): void {
  const left = activeOfficers - 1 + replacements;
  if (left < MIN_CASE_OFFICERS) {
    throw new DomainError(
      'too_few_officers',
      `回避后办案人员将少于${MIN_CASE_OFFICERS}人，请同时指定替换人员`,
      `After the recusal fewer than ${MIN_CASE_OFFICERS} officers would remain; name a replacement at the same time`,
      {
        citation: {
          zh: `${RECUSAL_CITATION.zh}；${TWO_OFFICERS_CITATION.zh}`,
          en: `${RECUSAL_CITATION.en}; ${TWO_OFFICERS_CITATION.en}`,
        },
        remaining: left,
        errors: [
          {
            path: 'replacementOfficerId',
            code: 'required',
            messageZh: '请指定替换的执法人员',
            messageEn: 'Name a replacement officer',
          },
        ],
      },
    );
  }
}
