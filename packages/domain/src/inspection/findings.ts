import type { Calendar, Citation, DeadlineResult, IsoDate } from '../calendar/index.js';
import { DomainError } from '../errors.js';
import { DEFAULT_POLICY_CITATIONS, type InspectionPolicy, SEVERITIES, type Severity } from './policy.js';

/**
 * What an inspection found and what follows (docs/inspection.md): each checklist item is 符合
 * (compliant), 不符合 (non-compliant) or 不适用 (not applicable); each non-compliant item orders
 * rectification, passes a lead to enforcement, or both.
 */
export const ITEM_RESULTS = ['compliant', 'non_compliant', 'not_applicable'] as const;
export type ItemResult = (typeof ITEM_RESULTS)[number];
export const ITEM_RESULT_NAMES: Readonly<Record<ItemResult, string>> = {
  compliant: '符合',
  non_compliant: '不符合',
  not_applicable: '不适用',
};

export type InspectionOutcome = 'compliant' | 'non_compliant';

export function outcomeOf(results: readonly ItemResult[]): InspectionOutcome {
  return results.includes('non_compliant') ? 'non_compliant' : 'compliant';
}

export const MIN_OFFICERS_PRESENT = 2;
export const MAX_RECTIFICATION_WORKING_DAYS = 60;

export interface RectificationTerms {
  workingDays: number;
  deadline: DeadlineResult;
  /** When the re-inspection (回头看) is due. */
  reinspectionDue: DeadlineResult;
  citation: Citation;
}

/**
 * The rectification deadline: the period of the most serious non-compliant item (policy), unless
 * the officers set another of 1–60 working days; counted in working days from the inspection day.
 */
export function rectificationTerms(opts: {
  calendar: Calendar;
  inspectedOn: IsoDate;
  severities: readonly Severity[];
  policy: InspectionPolicy;
  workingDays?: number | null;
}): RectificationTerms {
  const { calendar, inspectedOn, severities, policy } = opts;
  if (severities.length === 0) {
    throw new DomainError('no_findings', '没有需要整改的不符合项', 'No non-compliant item to rectify');
  }
  let workingDays = opts.workingDays ?? null;
  if (
    workingDays !== null &&
    (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > MAX_RECTIFICATION_WORKING_DAYS)
  ) {
    throw new DomainError(
      'invalid_rectification_period',
      `整改期限应为 1 到 ${MAX_RECTIFICATION_WORKING_DAYS} 个工作日`,
      `A rectification period is 1 to ${MAX_RECTIFICATION_WORKING_DAYS} working days`,
      { workingDays },
    );
  }
  if (workingDays === null) {
    const worst = severities.reduce((a, b) => (SEVERITIES.indexOf(b) > SEVERITIES.indexOf(a) ? b : a));
    workingDays = policy.rectificationWorkingDays[worst];
  }
  const deadline = calendar.addWorkingDays(inspectedOn, workingDays);
  return {
    workingDays,
    deadline,
    reinspectionDue: calendar.addWorkingDays(deadline.date, policy.reinspectionWorkingDays),
    citation: DEFAULT_POLICY_CITATIONS.rectificationWorkingDays,
  };
}

/** Results are published within `publicationWorkingDays` working days of the inspection. */
export function publicationDue(
  calendar: Calendar,
  inspectedOn: IsoDate,
  policy: InspectionPolicy,
): DeadlineResult {
  return calendar.addWorkingDays(inspectedOn, policy.publicationWorkingDays);
}
