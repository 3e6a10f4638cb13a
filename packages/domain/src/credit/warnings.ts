import type { Calendar, Citation, DeadlineResult } from '../calendar/index.js';
import { DomainError } from '../errors.js';
import { CREDIT_CITATIONS, daysBetween, plusDays, weijianDefault } from './citations.js';

/**
 * 风险预警: warning rules as data (threshold, who answers, in how many working days, citation) and
 * the life of a warning: assigned, checked (核查), handled (处置: closed, rectification ordered, or
 * a lead to enforcement), answered within its deadline, escalated each time it runs overdue.
 */
export const WARNING_RULE_CODES = [
  'licence_expired_active',
  'revalidation_overdue',
  'practitioner_unregistered',
  'upload_missing',
  'reading_out_of_range',
  'narcotic_over_quota',
  'complaint_spike',
  'demerit_threshold',
] as const;
export type WarningRuleCode = (typeof WARNING_RULE_CODES)[number];

export type WarningSeverity = 'high' | 'medium' | 'low';

export interface WarningRule {
  code: WarningRuleCode;
  nameZh: string;
  nameEn: string;
  enabled: boolean;
  severity: WarningSeverity;
  /** Department whose staff answer it (its unit in the establishment's county). */
  department: string;
  /** Working days to answer (dispose) from the day raised. */
  responseWorkingDays: number;
  /** Working days between escalations once overdue. */
  escalationWorkingDays: number;
  /** Rule thresholds. */
  params: Record<string, number>;
  citation: Citation;
}

export interface WarningRules {
  rules: WarningRule[];
  citation: Citation;
}

const rule = (
  code: WarningRuleCode,
  nameZh: string,
  nameEn: string,
  severity: WarningSeverity,
  responseWorkingDays: number,
  params: Record<string, number>,
  citation: Citation,
): WarningRule => ({
  code,
  nameZh,
  nameEn,
  enabled: true,
  severity,
  department: 'supervision',
  responseWorkingDays,
  escalationWorkingDays: 5,
  params,
  citation,
});

export const DEFAULT_WARNING_RULES: WarningRules = {
  rules: [
    rule(
      'licence_expired_active',
      '许可证过期仍在执业',
      'Licence expired but activity continues',
      'high',
      5,
      { graceDays: 0 },
      {
        zh: '《医疗机构管理条例》第二十四条：未取得执业许可证（或未经备案）不得开展诊疗活动；过期后仍上传诊疗数据即预警',
        en: 'Regulation on Medical Institutions art. 24: no clinical activity without a licence (or filing); clinical uploads after expiry raise a warning',
      },
    ),
    rule(
      'revalidation_overdue',
      '校验逾期',
      'Revalidation overdue',
      'medium',
      10,
      { graceDays: 0 },
      {
        zh: `${CREDIT_CITATIONS.revalidationPeriod.zh}；校验期满未校验即预警`,
        en: `${CREDIT_CITATIONS.revalidationPeriod.en}; a warning when the period ends unrevalidated`,
      },
    ),
    rule(
      'practitioner_unregistered',
      '人员在未注册（未备案）机构执业',
      'Practitioner recorded where not registered',
      'high',
      5,
      {},
      {
        zh: '《医师法》（2021）第十四条：医师按注册的执业地点执业；多点执业须备案',
        en: 'Physicians Law (2021) art. 14: practise at the registered place; extra sites must be filed',
      },
    ),
    rule(
      'upload_missing',
      '监测数据中断',
      'No upload for N days',
      'medium',
      10,
      { days: 7 },
      {
        zh: `${CREDIT_CITATIONS.seed002Remote.zh}；${weijianDefault('连续 7 天无上传即预警', '7 days without an upload').zh}`,
        en: `${CREDIT_CITATIONS.seed002Remote.en}; 7 days without an upload (Weijian default)`,
      },
    ),
    rule(
      'reading_out_of_range',
      '监测读数超标',
      'Readings out of range',
      'high',
      3,
      { minReadings: 1 },
      CREDIT_CITATIONS.seed001Monitoring,
    ),
    rule(
      'narcotic_over_quota',
      '麻精药品采购超出印鉴卡限量',
      'Narcotic purchases over the seal-card quota',
      'high',
      3,
      { tolerancePercent: 0 },
      {
        zh: '《麻醉药品和精神药品管理条例》第三十六条：凭印鉴卡采购；超出核定限量即预警',
        en: 'Regulation on Narcotic and Psychotropic Drugs art. 36: purchases on the seal card; above its quota a warning',
      },
    ),
    rule(
      'complaint_spike',
      '投诉激增',
      'Complaint spike',
      'medium',
      10,
      { count: 3, withinDays: 30 },
      {
        zh: `${CREDIT_CITATIONS.stateCouncil2015.zh}；${weijianDefault('30 天内查实投诉 3 件', '3 substantiated complaints in 30 days').zh}`,
        en: `${CREDIT_CITATIONS.stateCouncil2015.en}; 3 substantiated complaints in 30 days (Weijian default)`,
      },
    ),
    rule(
      'demerit_threshold',
      '记分达到处理档次',
      'Demerit points reached a band',
      'medium',
      10,
      {},
      CREDIT_CITATIONS.tianjin2010,
    ),
  ],
  citation: CREDIT_CITATIONS.seed001Risk,
};

export function warningRule(rules: WarningRules, code: WarningRuleCode): WarningRule | undefined {
  return rules.rules.find((r) => r.code === code && r.enabled);
}

// --- rule tests over facts the server gathers -------------------------------------------------

/** Substantiated complaints in the window ending today reach the spike threshold. */
export function complaintSpike(
  rule: WarningRule,
  complaintDays: readonly string[],
  today: string,
): number | null {
  const within = rule.params.withinDays ?? 30;
  const n = complaintDays.filter((d) => {
    const age = daysBetween(d, today);
    return age >= 0 && age < within;
  }).length;
  return n >= (rule.params.count ?? 3) ? n : null;
}

/** Purchases of a drug in a month above its quota (with the tolerance). */
export function overQuota(rule: WarningRule, purchased: number, quota: number): boolean {
  return purchased > quota * (1 + (rule.params.tolerancePercent ?? 0) / 100);
}

/** Days since the last upload, when more than the rule allows. */
export function uploadGap(rule: WarningRule, lastUploadOn: string, today: string): number | null {
  const gap = daysBetween(lastUploadOn, today);
  return gap > (rule.params.days ?? 7) ? gap : null;
}

// --- the life of a warning --------------------------------------------------------------------

export const ALERT_STATES = ['open', 'assigned', 'checked', 'handled'] as const;
export type AlertState = (typeof ALERT_STATES)[number];
export const ALERT_STATE_NAMES: Readonly<Record<AlertState, string>> = {
  open: '待分派',
  assigned: '待核查',
  checked: '待处置',
  handled: '已处置',
};

export const ALERT_ACTIONS = ['assign', 'check', 'dispose'] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

export const DISPOSITIONS = ['closed', 'rectification_ordered', 'lead'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
export const DISPOSITION_NAMES: Readonly<Record<Disposition, { zh: string; en: string }>> = {
  closed: { zh: '核查后办结', en: 'Closed after checking' },
  rectification_ordered: { zh: '责令整改', en: 'Rectification ordered' },
  lead: { zh: '移交执法（线索）', en: 'Passed to enforcement as a lead' },
};

/** The state table, shared by client and server: which action leads where from which state. */
export const ALERT_WORKFLOW: Readonly<Record<AlertAction, { from: readonly AlertState[]; to: AlertState }>> =
  {
    assign: { from: ['open', 'assigned', 'checked'], to: 'assigned' },
    check: { from: ['assigned'], to: 'checked' },
    dispose: { from: ['checked'], to: 'handled' },
  };

export function allowedAlertActions(state: AlertState): AlertAction[] {
  return ALERT_ACTIONS.filter((a) => ALERT_WORKFLOW[a].from.includes(state));
}

export function guardAlertAction(state: AlertState, action: AlertAction): AlertState {
  const t = ALERT_WORKFLOW[action];
  if (!t.from.includes(state)) {
    throw new DomainError(
      'invalid_transition',
      `预警当前为“${ALERT_STATE_NAMES[state]}”，不能执行该操作`,
      `The warning is ${state}; ${action} is not possible now`,
      { state, allowedActions: allowedAlertActions(state) },
    );
  }
  return t.to;
}

/** A disposition needs a confirmed check, except `closed` (a false alarm is closed). */
export function checkDisposition(confirmed: boolean | null, disposition: Disposition): void {
  if (disposition !== 'closed' && confirmed !== true) {
    throw new DomainError(
      'disposition_needs_confirmation',
      '核查未确认问题属实，只能办结',
      'The check did not confirm the warning; it can only be closed',
    );
  }
}

export function responseDeadline(
  calendar: Calendar,
  raisedOn: string,
  rule: Pick<WarningRule, 'responseWorkingDays'>,
): DeadlineResult {
  return calendar.addWorkingDays(raisedOn, rule.responseWorkingDays);
}

/**
 * Escalation of an unanswered warning: overdue the day after its deadline, then again every
 * `escalationWorkingDays`. Returns the level it should be at on `today` (0: not overdue) and the
 * day of the next escalation.
 */
export function escalationLevel(
  calendar: Calendar,
  dueOn: string,
  today: string,
  rule: Pick<WarningRule, 'escalationWorkingDays'>,
): { level: number; nextOn: string } {
  let level = 0;
  let next = plusDays(dueOn, 1);
  while (next <= today && level < 10) {
    level++;
    next = calendar.addWorkingDays(next, Math.max(1, rule.escalationWorkingDays)).date;
  }
  return { level, nextOn: next };
}

export function warningRuleProblems(r: WarningRules): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  r.rules.forEach((w, i) => {
    if (!(WARNING_RULE_CODES as readonly string[]).includes(w.code) || seen.has(w.code))
      problems.push(`rules[${i}].code`);
    seen.add(w.code);
    if (!['high', 'medium', 'low'].includes(w.severity)) problems.push(`rules[${i}].severity`);
    if (!Number.isInteger(w.responseWorkingDays) || w.responseWorkingDays < 1 || w.responseWorkingDays > 60)
      problems.push(`rules[${i}].responseWorkingDays`);
    if (
      !Number.isInteger(w.escalationWorkingDays) ||
      w.escalationWorkingDays < 1 ||
      w.escalationWorkingDays > 60
    )
      problems.push(`rules[${i}].escalationWorkingDays`);
    for (const [k, v] of Object.entries(w.params))
      if (!Number.isFinite(v) || v < 0) problems.push(`rules[${i}].params.${k}`);
  });
  return problems;
}
