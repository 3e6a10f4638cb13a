import type { Citation } from '../calendar/calendar.js';
import {
  CREDIT_CITATIONS,
  daysBetween,
  type PenaltySeverity,
  plusDays,
  weijianDefault,
} from './citations.js';

/**
 * 黑名单 (严重失信主体名单): entry on the events the rules name, the joint-punishment flags other
 * departments act on, a minimum period before credit repair (信用修复) may be applied for, and
 * automatic exit at the maximum. Periods follow 《信用修复管理办法》 (2026-04-01) for serious
 * dishonesty: published at least 1 and at most 3 years.
 */
export const JOINT_PUNISHMENTS = [
  'publish',
  'key_supervision',
  'restrict_new_licences',
  'no_commitment_mode',
  'restrict_government_funding',
  'restrict_medical_insurance_agreement',
  'restrict_honours',
] as const;
export type JointPunishment = (typeof JOINT_PUNISHMENTS)[number];

/** What each flag means and which department acts on it (seed 002 annex 3 departments). */
export const JOINT_PUNISHMENT_INFO: Readonly<
  Record<JointPunishment, { zh: string; en: string; department: string }>
> = {
  publish: { zh: '通过信用平台公示', en: 'Published on the credit platform', department: 'health' },
  key_supervision: {
    zh: '列为重点监管对象，提高抽查比例和频次',
    en: 'Key supervision: higher inspection ratio and frequency',
    department: 'supervision',
  },
  restrict_new_licences: { zh: '限制新的行政许可', en: 'New licences restricted', department: 'approval' },
  no_commitment_mode: {
    zh: '不适用告知承诺制',
    en: 'Notification-and-commitment not available',
    department: 'approval',
  },
  restrict_government_funding: {
    zh: '限制财政资金支持',
    en: 'Government funding restricted',
    department: 'health',
  },
  restrict_medical_insurance_agreement: {
    zh: '限制或解除医保定点协议',
    en: 'Medical-insurance agreement restricted',
    department: 'insurance',
  },
  restrict_honours: { zh: '取消评先评优资格', en: 'No honours or awards', department: 'health' },
};

export type BlacklistTrigger =
  | {
      source: 'penalty';
      /** Any of these: revocation, a violation code listed, a severity listed. */
      licenceRevoked?: boolean;
      violationCodes?: string[];
      severities?: PenaltySeverity[];
    }
  | { source: 'commitment_false' | 'filing_false' };

export interface BlacklistRule {
  code: string;
  nameZh: string;
  nameEn: string;
  trigger: BlacklistTrigger;
  flags: JointPunishment[];
  /** Days before repair may be applied for. */
  minDays: number;
  /** Days after which the listing ends by itself. */
  maxDays: number;
  citation: Citation;
}

export const REPAIR_CONDITIONS = [
  'obligations_fulfilled',
  'conduct_corrected',
  'credit_commitment_signed',
  'no_new_serious_dishonesty',
] as const;
export type RepairCondition = (typeof REPAIR_CONDITIONS)[number];
export const REPAIR_CONDITION_NAMES: Readonly<Record<RepairCondition, { zh: string; en: string }>> = {
  obligations_fulfilled: {
    zh: '已履行行政处罚等法定义务',
    en: 'Penalties and other legal obligations fulfilled',
  },
  conduct_corrected: { zh: '已纠正失信行为、消除不良影响', en: 'Dishonest conduct corrected, harm remedied' },
  credit_commitment_signed: { zh: '已作出信用承诺', en: 'Credit commitment signed' },
  no_new_serious_dishonesty: {
    zh: '列入期间无新的严重失信行为',
    en: 'No new serious dishonesty while listed',
  },
};

export interface BlacklistRules {
  rules: BlacklistRule[];
  repairConditions: RepairCondition[];
  citation: Citation;
}

const R = CREDIT_CITATIONS.creditRepair2026;
const SERIOUS_MIN = 365;
const SERIOUS_MAX = 1095;

export const DEFAULT_BLACKLIST_RULES: BlacklistRules = {
  rules: [
    {
      code: 'BL_REVOKED',
      nameZh: '被吊销执业许可证',
      nameEn: 'Licence revoked by penalty',
      trigger: { source: 'penalty', licenceRevoked: true },
      flags: [
        'publish',
        'key_supervision',
        'restrict_new_licences',
        'no_commitment_mode',
        'restrict_government_funding',
        'restrict_honours',
      ],
      minDays: SERIOUS_MIN,
      maxDays: SERIOUS_MAX,
      citation: R,
    },
    {
      code: 'BL_FALSE_COMMITMENT',
      nameZh: '虚假承诺被撤销许可',
      nameEn: 'Licence withdrawn for a false commitment',
      trigger: { source: 'commitment_false' },
      flags: ['publish', 'key_supervision', 'no_commitment_mode', 'restrict_new_licences'],
      minDays: SERIOUS_MIN,
      maxDays: SERIOUS_MAX,
      citation: {
        zh: `${CREDIT_CITATIONS.seed000Commitment.zh}；${R.zh}`,
        en: `${CREDIT_CITATIONS.seed000Commitment.en}; ${R.en}`,
      },
    },
    {
      code: 'BL_ILLEGAL_PRACTICE',
      nameZh: '非法行医',
      nameEn: 'Illegal medical practice',
      trigger: {
        source: 'penalty',
        violationCodes: ['illegal_practice', 'unlicensed_practice', 'unregistered_practice'],
      },
      flags: [
        'publish',
        'key_supervision',
        'restrict_new_licences',
        'no_commitment_mode',
        'restrict_medical_insurance_agreement',
      ],
      minDays: SERIOUS_MIN,
      maxDays: SERIOUS_MAX,
      citation: R,
    },
    {
      code: 'BL_INSURANCE_FRAUD',
      nameZh: '欺诈骗取医保基金',
      nameEn: 'Medical-insurance fraud',
      trigger: { source: 'penalty', violationCodes: ['insurance_fraud'] },
      flags: [
        'publish',
        'key_supervision',
        'restrict_medical_insurance_agreement',
        'restrict_government_funding',
        'restrict_honours',
      ],
      minDays: SERIOUS_MIN,
      maxDays: SERIOUS_MAX,
      citation: R,
    },
  ],
  repairConditions: [
    'obligations_fulfilled',
    'conduct_corrected',
    'credit_commitment_signed',
    'no_new_serious_dishonesty',
  ],
  citation: R,
};

export const BLACKLIST_PERIOD_NOTE = weijianDefault(
  '黑名单最短 365 天后方可申请修复、最长 1095 天自动移出，取《信用修复管理办法》严重失信信息公示期 1–3 年',
  'repair may be applied for after 365 days; the listing ends by itself after 1,095 days (the 1–3 year period for serious dishonesty)',
);

export type BlacklistEvent =
  | { source: 'penalty'; licenceRevoked: boolean; violationCode?: string | null; severity: PenaltySeverity }
  | { source: 'commitment_false' | 'filing_false' };

/** The rules an event lists a subject under (none when it does not qualify). */
export function blacklistRulesFor(rules: BlacklistRules, event: BlacklistEvent): BlacklistRule[] {
  return rules.rules.filter((r) => {
    const t = r.trigger;
    if (t.source !== event.source) return false;
    if (t.source !== 'penalty' || event.source !== 'penalty') return true;
    return (
      (t.licenceRevoked === true && event.licenceRevoked) ||
      (t.violationCodes?.includes(event.violationCode ?? '') ?? false) ||
      (t.severities?.includes(event.severity) ?? false)
    );
  });
}

export interface ListingPeriod {
  enteredOn: string;
  repairFrom: string;
  endsOn: string;
}

export function listingPeriod(
  rule: Pick<BlacklistRule, 'minDays' | 'maxDays'>,
  enteredOn: string,
): ListingPeriod {
  return {
    enteredOn,
    repairFrom: plusDays(enteredOn, rule.minDays),
    endsOn: plusDays(enteredOn, rule.maxDays),
  };
}

export interface RepairCheck {
  eligible: boolean;
  problems: { code: string; zh: string; en: string }[];
}

/**
 * Whether a repair application may be granted on `today`: the minimum period has passed and every
 * condition the rules require is declared met with its evidence.
 */
export function checkRepair(
  rules: BlacklistRules,
  listing: { repairFrom: string },
  today: string,
  declared: readonly { code: string; met: boolean; evidence: string }[],
): RepairCheck {
  const problems: RepairCheck['problems'] = [];
  if (daysBetween(listing.repairFrom, today) < 0) {
    problems.push({
      code: 'minimum_period',
      zh: `最短公示期未满，${listing.repairFrom} 起方可申请信用修复`,
      en: `The minimum period has not passed; repair may be applied for from ${listing.repairFrom}`,
    });
  }
  for (const c of rules.repairConditions) {
    const d = declared.find((x) => x.code === c);
    if (!d?.met || d.evidence.trim().length === 0) {
      const name = REPAIR_CONDITION_NAMES[c];
      problems.push({
        code: c,
        zh: `未满足条件：${name.zh}（须说明依据）`,
        en: `Condition not met: ${name.en} (evidence required)`,
      });
    }
  }
  return { eligible: problems.length === 0, problems };
}

export function blacklistRuleProblems(r: BlacklistRules): string[] {
  const problems: string[] = [];
  const codes = new Set<string>();
  r.rules.forEach((rule, i) => {
    if (!/^[A-Z][A-Z0-9_]{1,39}$/.test(rule.code) || codes.has(rule.code)) problems.push(`rules[${i}].code`);
    codes.add(rule.code);
    if (!Number.isInteger(rule.minDays) || rule.minDays < 0) problems.push(`rules[${i}].minDays`);
    if (!Number.isInteger(rule.maxDays) || rule.maxDays < rule.minDays) problems.push(`rules[${i}].maxDays`);
    for (const f of rule.flags)
      if (!(JOINT_PUNISHMENTS as readonly string[]).includes(f)) problems.push(`rules[${i}].flags`);
  });
  for (const c of r.repairConditions)
    if (!(REPAIR_CONDITIONS as readonly string[]).includes(c)) problems.push('repairConditions');
  return problems;
}
