import type { Citation } from '../calendar/calendar.js';
import { CREDIT_CITATIONS, dayNumber } from './citations.js';
import type { CreditFact } from './entries.js';

/**
 * Credit levels A–D after 国市监信发〔2022〕6号 (A low risk, "无事不扰"; D high), from transparent
 * rules over the credit file: each rule names a level and the conditions that put a subject there;
 * the worst level whose rule fires wins, and the answer lists every condition that fired.
 */
export const CREDIT_LEVELS = ['A', 'B', 'C', 'D'] as const;
export type CreditLevel = (typeof CREDIT_LEVELS)[number];
export const CREDIT_LEVEL_NAMES: Readonly<Record<CreditLevel, { zh: string; en: string }>> = {
  A: { zh: 'A 级（信用风险低）', en: 'A (low credit risk)' },
  B: { zh: 'B 级（信用风险一般）', en: 'B (ordinary credit risk)' },
  C: { zh: 'C 级（信用风险较高）', en: 'C (elevated credit risk)' },
  D: { zh: 'D 级（信用风险高）', en: 'D (high credit risk)' },
};

/** What the rules can count in a credit file. */
export const CREDIT_METRICS = [
  'penalty.minor',
  'penalty.general',
  'penalty.serious',
  'licence.revoked',
  'commitment.false',
  'blacklisted',
  'demerit.points',
  'rectification.not_rectified',
  'complaint.substantiated',
  'inspection.non_compliant',
  'inspection.compliant',
  'positive.records',
  'warning.confirmed',
] as const;
export type CreditMetric = (typeof CREDIT_METRICS)[number];

export const CREDIT_METRIC_NAMES: Readonly<Record<CreditMetric, { zh: string; en: string }>> = {
  'penalty.minor': { zh: '轻微处罚次数', en: 'minor penalties' },
  'penalty.general': { zh: '一般处罚次数', en: 'general penalties' },
  'penalty.serious': { zh: '严重处罚次数', en: 'serious penalties' },
  'licence.revoked': { zh: '许可证被吊销/撤销', en: 'licences revoked or withdrawn' },
  'commitment.false': { zh: '承诺或备案不实', en: 'false commitments or filings' },
  blacklisted: { zh: '在黑名单中', en: 'on the blacklist' },
  'demerit.points': { zh: '本周期记分', en: 'demerit points this cycle' },
  'rectification.not_rectified': { zh: '逾期未整改', en: 'rectifications not made' },
  'complaint.substantiated': { zh: '查实投诉', en: 'substantiated complaints' },
  'inspection.non_compliant': { zh: '检查不合格', en: 'non-compliant inspections' },
  'inspection.compliant': { zh: '检查合格', en: 'compliant inspections' },
  'positive.records': {
    zh: '良好记录（合格检查、取得许可）',
    en: 'good records (compliant inspections, licences granted)',
  },
  'warning.confirmed': { zh: '核查属实的预警', en: 'warnings confirmed' },
};

export interface CreditCondition {
  metric: CreditMetric;
  /** Fires when the count is at least this … */
  atLeast?: number;
  /** … or below this (for "too few good records"). */
  below?: number;
  /** Counted over the last n days (all of the file when absent; the cycle for demerit points). */
  withinDays?: number;
}

export interface CreditLevelRule {
  level: Exclude<CreditLevel, 'A'>;
  /** The level applies when any condition fires. */
  any: CreditCondition[];
  citation: Citation;
}

export interface CreditLevelRules {
  /** Evaluated D first, then C, then B; A when none fires. */
  rules: CreditLevelRule[];
  citation: Citation;
}

const SAMR = CREDIT_CITATIONS.samr2022;

export const DEFAULT_CREDIT_LEVEL_RULES: CreditLevelRules = {
  rules: [
    {
      level: 'D',
      any: [
        { metric: 'blacklisted', atLeast: 1 },
        { metric: 'penalty.serious', atLeast: 1, withinDays: 730 },
        { metric: 'licence.revoked', atLeast: 1, withinDays: 1095 },
        { metric: 'commitment.false', atLeast: 1, withinDays: 1095 },
        { metric: 'demerit.points', atLeast: 21 },
      ],
      citation: SAMR,
    },
    {
      level: 'C',
      any: [
        { metric: 'penalty.general', atLeast: 1, withinDays: 730 },
        { metric: 'penalty.minor', atLeast: 2, withinDays: 365 },
        { metric: 'demerit.points', atLeast: 12 },
        { metric: 'rectification.not_rectified', atLeast: 1, withinDays: 365 },
        { metric: 'complaint.substantiated', atLeast: 3, withinDays: 365 },
      ],
      citation: SAMR,
    },
    {
      level: 'B',
      any: [
        { metric: 'penalty.minor', atLeast: 1, withinDays: 365 },
        { metric: 'inspection.non_compliant', atLeast: 1, withinDays: 365 },
        { metric: 'demerit.points', atLeast: 1 },
        { metric: 'complaint.substantiated', atLeast: 1, withinDays: 365 },
        { metric: 'warning.confirmed', atLeast: 1, withinDays: 365 },
        { metric: 'positive.records', below: 1, withinDays: 1095 },
      ],
      citation: SAMR,
    },
  ],
  citation: SAMR,
};

export interface CreditFile {
  facts: readonly CreditFact[];
  /** Points in the current demerit cycle. */
  demeritPoints: number;
  blacklisted: boolean;
}

function matchesMetric(metric: CreditMetric, f: CreditFact): boolean {
  switch (metric) {
    case 'penalty.minor':
      return f.kind === 'penalty' && f.severity === 'minor';
    case 'penalty.general':
      return f.kind === 'penalty' && f.severity === 'general';
    case 'penalty.serious':
      return f.kind === 'penalty' && f.severity === 'serious';
    case 'licence.revoked':
      return (
        (f.kind === 'penalty' && f.licenceRevoked === true) ||
        (f.kind === 'licence_ended' && (f.endStatus === 'revoked' || f.endStatus === 'withdrawn'))
      );
    case 'commitment.false':
      return f.kind === 'commitment_false' || f.kind === 'filing_false';
    case 'rectification.not_rectified':
      return f.kind === 'rectification_closed' && f.rectified === false;
    case 'complaint.substantiated':
      return f.kind === 'complaint_substantiated';
    case 'inspection.non_compliant':
      return f.kind === 'inspection_non_compliant';
    case 'inspection.compliant':
      return f.kind === 'inspection_compliant';
    case 'positive.records':
      return f.kind === 'inspection_compliant' || f.kind === 'licence_granted';
    case 'warning.confirmed':
      return f.kind === 'warning_confirmed';
    default:
      return false;
  }
}

/**
 * The count of a metric over a window ending on `asOf`. (Plain loops, no closures: a full
 * recompute evaluates this tens of millions of times.)
 */
export function countMetric(
  file: CreditFile,
  metric: CreditMetric,
  asOf: string,
  withinDays?: number,
): number {
  if (metric === 'demerit.points') return file.demeritPoints;
  if (metric === 'blacklisted') return file.blacklisted ? 1 : 0;
  const today = dayNumber(asOf);
  let n = 0;
  for (const f of file.facts) {
    const age = today - dayNumber(f.occurredOn);
    if (age < 0 || (withinDays !== undefined && age >= withinDays)) continue;
    if (matchesMetric(metric, f)) n++;
  }
  return n;
}

export interface FiredCondition extends CreditCondition {
  count: number;
  reasonZh: string;
  reasonEn: string;
}

export function describeCondition(c: CreditCondition, count: number): { zh: string; en: string } {
  const name = CREDIT_METRIC_NAMES[c.metric];
  const window =
    c.withinDays === undefined
      ? { zh: '', en: '' }
      : { zh: `近 ${c.withinDays} 天内`, en: ` in the last ${c.withinDays} days` };
  const test =
    c.atLeast !== undefined
      ? { zh: `≥ ${c.atLeast}`, en: `≥ ${c.atLeast}` }
      : { zh: `< ${c.below}`, en: `< ${c.below}` };
  return {
    zh: `${window.zh}${name.zh} ${count}（条件 ${test.zh}）`,
    en: `${name.en}${window.en}: ${count} (condition ${test.en})`,
  };
}

function fires(c: CreditCondition, count: number): boolean {
  if (c.atLeast !== undefined && count >= c.atLeast) return true;
  if (c.below !== undefined && count < c.below) return true;
  return false;
}

export interface CreditLevelResult {
  level: CreditLevel;
  /** The conditions of the deciding rule that fired (empty for A). */
  reasons: FiredCondition[];
  citation: Citation;
}

/** The credit level of a file on a day: the worst rule that fires, else A. */
export function creditLevelOf(file: CreditFile, rules: CreditLevelRules, asOf: string): CreditLevelResult {
  for (const level of ['D', 'C', 'B'] as const) {
    for (const rule of rules.rules) {
      if (rule.level !== level) continue;
      const fired: FiredCondition[] = [];
      for (const c of rule.any) {
        const count = countMetric(file, c.metric, asOf, c.withinDays);
        if (!fires(c, count)) continue;
        const d = describeCondition(c, count);
        fired.push({ ...c, count, reasonZh: d.zh, reasonEn: d.en });
      }
      if (fired.length) return { level, reasons: fired, citation: rule.citation };
    }
  }
  return { level: 'A', reasons: [], citation: rules.citation };
}

export function creditLevelRuleProblems(r: CreditLevelRules): string[] {
  const problems: string[] = [];
  r.rules.forEach((rule, i) => {
    if (!['B', 'C', 'D'].includes(rule.level)) problems.push(`rules[${i}].level`);
    if (rule.any.length === 0) problems.push(`rules[${i}].any (at least one condition)`);
    rule.any.forEach((c, j) => {
      if (!(CREDIT_METRICS as readonly string[]).includes(c.metric))
        problems.push(`rules[${i}].any[${j}].metric`);
      if ((c.atLeast === undefined) === (c.below === undefined))
        problems.push(`rules[${i}].any[${j}] (atLeast or below)`);
      if (c.withinDays !== undefined && (!Number.isInteger(c.withinDays) || c.withinDays < 1))
        problems.push(`rules[${i}].any[${j}].withinDays`);
    });
  });
  return problems;
}
