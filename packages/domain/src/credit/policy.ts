import { DomainError } from '../errors.js';
import { type BlacklistRules, blacklistRuleProblems, DEFAULT_BLACKLIST_RULES } from './blacklist.js';
import {
  type CreditLevelRules,
  creditLevelRuleProblems,
  DEFAULT_CREDIT_LEVEL_RULES,
} from './credit-level.js';
import { DEFAULT_DEMERIT_RULES, type DemeritRules, demeritRuleProblems } from './demerits.js';
import { DEFAULT_GRADING_RULES, type GradingRules, gradingRuleProblems } from './grading.js';
import { DEFAULT_MODE_RULES, type ModeRules, modeRuleProblems } from './modes.js';
import { DEFAULT_MONITORING_RULES, type MonitoringRules, monitoringRuleProblems } from './monitoring.js';
import { DEFAULT_RISK_WEIGHTS, type RiskWeights, riskWeightProblems } from './risk.js';
import { DEFAULT_WARNING_RULES, type WarningRules, warningRuleProblems } from './warnings.js';

/**
 * Everything the credit module decides by is data in eight sections, each versioned on its own
 * (ARCHITECTURE.md: numbers policy sets are data, with citations and an effective date). These are
 * the shipped defaults (version 1 of each section).
 */
export interface CreditPolicy {
  demerits: DemeritRules;
  levels: CreditLevelRules;
  blacklist: BlacklistRules;
  risk: RiskWeights;
  modes: ModeRules;
  grading: GradingRules;
  warnings: WarningRules;
  monitoring: MonitoringRules;
}

export const CREDIT_POLICY_SECTIONS = [
  'demerits',
  'levels',
  'blacklist',
  'risk',
  'modes',
  'grading',
  'warnings',
  'monitoring',
] as const;
export type CreditPolicySection = (typeof CREDIT_POLICY_SECTIONS)[number];

export const CREDIT_POLICY_SECTION_NAMES: Readonly<Record<CreditPolicySection, { zh: string; en: string }>> =
  {
    demerits: { zh: '不良执业行为记分', en: 'Demerit points' },
    levels: { zh: '信用等级规则', en: 'Credit level rules' },
    blacklist: { zh: '黑名单与信用修复', en: 'Blacklist and credit repair' },
    risk: { zh: '风险评分权重与分界点', en: 'Risk weights and cut-points' },
    modes: { zh: '监管方式与检查频次', en: 'Supervision modes and frequency' },
    grading: { zh: '量化分级评分表', en: 'Quantitative grading' },
    warnings: { zh: '风险预警规则', en: 'Warning rules' },
    monitoring: { zh: '监测指标、单位与范围', en: 'Monitoring metrics, units and ranges' },
  };

export const DEFAULT_CREDIT_POLICY: CreditPolicy = {
  demerits: DEFAULT_DEMERIT_RULES,
  levels: DEFAULT_CREDIT_LEVEL_RULES,
  blacklist: DEFAULT_BLACKLIST_RULES,
  risk: DEFAULT_RISK_WEIGHTS,
  modes: DEFAULT_MODE_RULES,
  grading: DEFAULT_GRADING_RULES,
  warnings: DEFAULT_WARNING_RULES,
  monitoring: DEFAULT_MONITORING_RULES,
};

const CHECKS: { [S in CreditPolicySection]: (v: CreditPolicy[S]) => string[] } = {
  demerits: demeritRuleProblems,
  levels: creditLevelRuleProblems,
  blacklist: blacklistRuleProblems,
  risk: riskWeightProblems,
  modes: modeRuleProblems,
  grading: gradingRuleProblems,
  warnings: warningRuleProblems,
  monitoring: monitoringRuleProblems,
};

/** Refuses a section whose values break its own rules, naming each field. */
export function checkCreditPolicySection<S extends CreditPolicySection>(
  section: S,
  values: CreditPolicy[S],
): void {
  let problems: string[];
  try {
    problems = CHECKS[section](values);
  } catch {
    problems = ['(values do not have the shape of this section)'];
  }
  if (problems.length) {
    throw new DomainError(
      'invalid_credit_rules',
      `规则有误：${problems.join('；')}`,
      `Invalid rules: ${problems.join('; ')}`,
      {
        errors: problems.map((p) => ({
          path: `values.${p.split(' ')[0]}`,
          code: 'invalid_credit_rules',
          messageZh: `values.${p}：取值无效`,
          messageEn: `values.${p}: invalid value`,
        })),
      },
    );
  }
}
