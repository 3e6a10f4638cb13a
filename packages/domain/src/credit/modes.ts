import type { Citation } from '../calendar/calendar.js';
import { CREDIT_CITATIONS } from './citations.js';
import {
  type CreditCondition,
  type CreditFile,
  type CreditLevel,
  countMetric,
  describeCondition,
} from './credit-level.js';
import type { QualityGrade } from './grading.js';
import { RISK_LEVEL_NAMES, type RiskLevel } from './risk.js';

/**
 * Supervision modes (seed 002 二(七)) and inspection frequency, as ordered rules a supervisor can
 * read and adjust: the first rule that matches gives the establishment's mode; every matching rule
 * is listed as an applicable mode. Frequencies are inspections a year: a number, or by risk level,
 * or by quantitative grade.
 */
export const SUPERVISION_MODES = ['stationed', 'code', 'demerit', 'remote', 'commitment', 'graded'] as const;
export type SupervisionMode = (typeof SUPERVISION_MODES)[number];
export const SUPERVISION_MODE_NAMES: Readonly<Record<SupervisionMode, { zh: string; en: string }>> = {
  stationed: { zh: '驻点式监管', en: 'Stationed supervision' },
  code: { zh: '一码监管', en: 'One-code supervision' },
  demerit: { zh: '不良记分监管', en: 'Demerit-point supervision' },
  remote: { zh: '智慧卫监非现场监管', en: 'Remote (智慧卫监) supervision' },
  commitment: { zh: '承诺式信用监管', en: 'Commitment-based credit supervision' },
  graded: { zh: '量化分级监管', en: 'Quantitative grading' },
};

export interface ModeWhen {
  riskLevels?: RiskLevel[];
  creditLevels?: CreditLevel[];
  /** Any of these establishment flags. */
  flags?: string[];
  kinds?: string[];
  /** Not these kinds. */
  notKinds?: string[];
  /** Any of these conditions over the credit file. */
  history?: CreditCondition[];
}

export interface ModeRule {
  mode: SupervisionMode;
  /** All given parts of `when` must hold (each part: any of its values). */
  when: ModeWhen;
  frequency: number | 'by_risk' | 'by_grade';
  citation: Citation;
}

export interface ModeRules {
  rules: ModeRule[];
  /** When no rule matches. */
  fallback: { mode: SupervisionMode; frequency: number | 'by_risk' };
  frequencyByRisk: Record<RiskLevel, number>;
  frequencyByGrade: Record<QualityGrade | 'ungraded', number>;
  citation: Citation;
}

const M = CREDIT_CITATIONS.seed002Modes;

export const DEFAULT_MODE_RULES: ModeRules = {
  rules: [
    {
      mode: 'stationed',
      when: { riskLevels: ['severe'] },
      frequency: 12,
      citation: M,
    },
    {
      mode: 'stationed',
      when: { history: [{ metric: 'penalty.serious', atLeast: 1, withinDays: 1095 }] },
      frequency: 12,
      citation: M,
    },
    {
      mode: 'graded',
      when: { flags: ['medical_beauty', 'dental'] },
      frequency: 'by_grade',
      citation: CREDIT_CITATIONS.seed002Grading,
    },
    {
      mode: 'demerit',
      when: {
        kinds: ['medical'],
        history: [
          { metric: 'penalty.minor', atLeast: 1, withinDays: 1095 },
          { metric: 'penalty.general', atLeast: 1, withinDays: 1095 },
          { metric: 'demerit.points', atLeast: 1 },
        ],
      },
      frequency: 'by_risk',
      citation: M,
    },
    {
      mode: 'code',
      when: {
        notKinds: ['medical'],
        history: [
          { metric: 'penalty.minor', atLeast: 1, withinDays: 1095 },
          { metric: 'penalty.general', atLeast: 1, withinDays: 1095 },
        ],
      },
      frequency: 'by_risk',
      citation: M,
    },
    {
      mode: 'remote',
      when: { flags: ['remote_monitoring'] },
      frequency: 1,
      citation: CREDIT_CITATIONS.seed002Remote,
    },
    { mode: 'commitment', when: { creditLevels: ['A'], riskLevels: ['low'] }, frequency: 0.5, citation: M },
  ],
  fallback: { mode: 'code', frequency: 'by_risk' },
  frequencyByRisk: { low: 1, medium: 2, high: 3, severe: 4 },
  frequencyByGrade: { A: 1, B: 2, C: 3, D: 4, ungraded: 2 },
  citation: {
    zh: `${M.zh}；${CREDIT_CITATIONS.foodRisk2016.zh}`,
    en: `${M.en}; ${CREDIT_CITATIONS.foodRisk2016.en}`,
  },
};

export interface ModeInputs {
  kind: string;
  flags: readonly string[];
  riskLevel: RiskLevel;
  creditLevel: CreditLevel;
  grade: QualityGrade | null;
  file: CreditFile;
}

export interface ModeReason {
  zh: string;
  en: string;
}

export interface ModeResult {
  mode: SupervisionMode;
  /** Every mode whose rule matched, first the deciding one. */
  applicable: SupervisionMode[];
  inspectionsPerYear: number;
  reasons: ModeReason[];
  citation: Citation;
  /** Index of the deciding rule in `rules` (-1: the fallback), so a stored result can cite it. */
  ruleIndex: number;
}

function matches(rule: ModeRule, x: ModeInputs, asOf: string): ModeReason[] | null {
  const w = rule.when;
  const reasons: ModeReason[] = [];
  if (w.riskLevels) {
    if (!w.riskLevels.includes(x.riskLevel)) return null;
    reasons.push({
      zh: `风险等级：${RISK_LEVEL_NAMES[x.riskLevel].zh}`,
      en: `risk level ${RISK_LEVEL_NAMES[x.riskLevel].en}`,
    });
  }
  if (w.creditLevels) {
    if (!w.creditLevels.includes(x.creditLevel)) return null;
    reasons.push({ zh: `信用等级 ${x.creditLevel}`, en: `credit level ${x.creditLevel}` });
  }
  if (w.flags) {
    const hit: string[] = [];
    for (const f of w.flags) if (x.flags.includes(f)) hit.push(f);
    if (hit.length === 0) return null;
    reasons.push({ zh: `行业标识 ${hit.join('、')}`, en: `flags ${hit.join(', ')}` });
  }
  if (w.kinds && !w.kinds.includes(x.kind)) return null;
  if (w.notKinds?.includes(x.kind)) return null;
  if (w.history) {
    let any = false;
    for (const c of w.history) {
      const n = countMetric(x.file, c.metric, asOf, c.withinDays);
      if ((c.atLeast !== undefined && n >= c.atLeast) || (c.below !== undefined && n < c.below)) {
        reasons.push(describeCondition(c, n));
        any = true;
      }
    }
    if (!any) return null;
  }
  return reasons;
}

function frequencyOf(f: number | 'by_risk' | 'by_grade', rules: ModeRules, x: ModeInputs): number {
  if (f === 'by_risk') return rules.frequencyByRisk[x.riskLevel];
  if (f === 'by_grade') return rules.frequencyByGrade[x.grade ?? 'ungraded'];
  return f;
}

/** The mode and inspection frequency of an establishment. */
export function supervisionModeOf(x: ModeInputs, rules: ModeRules, asOf: string): ModeResult {
  let first: { rule: ModeRule; reasons: ModeReason[]; index: number } | undefined;
  const applicable: SupervisionMode[] = [];
  for (let index = 0; index < rules.rules.length; index++) {
    const rule = rules.rules[index]!;
    const reasons = matches(rule, x, asOf);
    if (!reasons) continue;
    if (!first) first = { rule, reasons, index };
    if (!applicable.includes(rule.mode)) applicable.push(rule.mode);
  }
  if (!first) {
    return {
      mode: rules.fallback.mode,
      applicable: [rules.fallback.mode],
      inspectionsPerYear: frequencyOf(rules.fallback.frequency, rules, x),
      reasons: [{ zh: '无其他规则适用，按一般监管', en: 'no other rule applies: the general mode' }],
      citation: rules.citation,
      ruleIndex: -1,
    };
  }
  return {
    mode: first.rule.mode,
    applicable,
    inspectionsPerYear: frequencyOf(first.rule.frequency, rules, x),
    reasons: first.reasons,
    citation: first.rule.citation,
    ruleIndex: first.index,
  };
}

export function modeRuleProblems(r: ModeRules): string[] {
  const problems: string[] = [];
  const freq = (f: unknown, path: string) => {
    if (f === 'by_risk' || f === 'by_grade') return;
    if (typeof f !== 'number' || !Number.isFinite(f) || f < 0 || f > 365) problems.push(path);
  };
  r.rules.forEach((rule, i) => {
    if (!(SUPERVISION_MODES as readonly string[]).includes(rule.mode)) problems.push(`rules[${i}].mode`);
    if (Object.keys(rule.when).length === 0)
      problems.push(`rules[${i}].when (empty: would match everything)`);
    freq(rule.frequency, `rules[${i}].frequency`);
  });
  if (!(SUPERVISION_MODES as readonly string[]).includes(r.fallback.mode)) problems.push('fallback.mode');
  freq(r.fallback.frequency, 'fallback.frequency');
  for (const [k, v] of Object.entries(r.frequencyByRisk)) freq(v, `frequencyByRisk.${k}`);
  for (const [k, v] of Object.entries(r.frequencyByGrade)) freq(v, `frequencyByGrade.${k}`);
  return problems;
}
