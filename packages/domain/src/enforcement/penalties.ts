import type { Calendar, Citation } from '../calendar/calendar.js';
import { type IsoDate, toDayNumber } from '../calendar/iso-date.js';
import { addMonths } from '../licensing/periods.js';
import {
  CREDIT_REPAIR_CITATION,
  DOUBLE_PUBLICITY_PENALTY_CITATION,
  HEARING_CITATION,
  LEGAL_REVIEW_CITATION,
  LOCAL_DEFAULT,
  MINORS_NOT_PUBLISHED_CITATION,
  PUBLICATION_CITATION,
} from './citations.js';

/**
 * Penalties (行政处罚法 §9) and what follows from them: whether the party may ask for a hearing,
 * whether the decision needs legal review, how severe it counts for publication, and how long it
 * stays public.
 */
export const PENALTY_KINDS = [
  'warning',
  'criticism',
  'fine',
  'confiscation',
  'licence_suspension',
  'qualification_downgrade',
  'revocation',
  'suspension',
  'closure',
  'practice_restriction',
] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];

export const PENALTY_KIND_NAMES: Readonly<Record<PenaltyKind, { zh: string; en: string }>> = {
  warning: { zh: '警告', en: 'Warning' },
  criticism: { zh: '通报批评', en: 'Public criticism' },
  fine: { zh: '罚款', en: 'Fine' },
  confiscation: { zh: '没收违法所得、没收非法财物', en: 'Confiscation of illegal income or property' },
  licence_suspension: { zh: '暂扣许可证件', en: 'Licence suspended' },
  qualification_downgrade: { zh: '降低资质等级', en: 'Qualification downgraded' },
  revocation: { zh: '吊销许可证件', en: 'Licence revoked' },
  suspension: { zh: '责令停产停业（暂停执业活动）', en: 'Ordered to suspend business or practice' },
  closure: { zh: '责令关闭', en: 'Ordered to close' },
  practice_restriction: { zh: '限制从业', en: 'Barred from practice' },
};

/** Circumstances of a violation in the discretion benchmark (情节). */
export const CIRCUMSTANCES = ['minor', 'general', 'serious'] as const;
export type Circumstance = (typeof CIRCUMSTANCES)[number];
export const CIRCUMSTANCE_NAMES: Readonly<Record<Circumstance, { zh: string; en: string }>> = {
  minor: { zh: '轻微', en: 'Minor' },
  general: { zh: '一般', en: 'General' },
  serious: { zh: '严重', en: 'Serious' },
};

/** Severity for publication under 《信用修复管理办法》. */
export const PENALTY_SEVERITIES = ['minor', 'general', 'serious'] as const;
export type PenaltySeverity = (typeof PENALTY_SEVERITIES)[number];

export type PartyKind = 'organisation' | 'individual_business' | 'person';

export interface PenaltyContent {
  kinds: readonly PenaltyKind[];
  /** Fine in yuan (0 when there is none). */
  fineAmount: number;
  /** Illegal income or property confiscated, in yuan. */
  confiscationAmount: number;
}

const HEAVY_KINDS: readonly PenaltyKind[] = [
  'licence_suspension',
  'qualification_downgrade',
  'revocation',
  'suspension',
  'closure',
  'practice_restriction',
];

/**
 * Policy numbers of enforcement that the law leaves to provinces or practice: versioned settings,
 * these are the shipped defaults with their reasons.
 */
export interface EnforcementSettings {
  /** 较大数额 (§63): a fine or confiscation from this amount (yuan) gives the right to a hearing. */
  hearingAmount: { person: number; organisation: number };
  /** Major decisions needing legal review (§58), by configurable criteria. */
  legalReview: {
    fineAtLeast: { person: number; organisation: number };
    kinds: PenaltyKind[];
    whenHearingHeld: boolean;
  };
  /** Working days after the notice for the party's statement and defence. */
  statementWorkingDays: number;
  /** Working days after closure for the re-inspection (处罚后复查). */
  reinspectionWorkingDays: number;
  /** The longest extension of the 90-day limit one approval may grant (calendar days). */
  maxExtensionDays: number;
}

export const DEFAULT_ENFORCEMENT_SETTINGS: EnforcementSettings = {
  hearingAmount: { person: 10_000, organisation: 100_000 },
  legalReview: {
    fineAtLeast: { person: 10_000, organisation: 100_000 },
    kinds: ['revocation', 'closure', 'suspension', 'practice_restriction', 'qualification_downgrade'],
    whenHearingHeld: true,
  },
  statementWorkingDays: 3,
  reinspectionWorkingDays: 20,
  maxExtensionDays: 30,
};

export const ENFORCEMENT_SETTING_CITATIONS: Readonly<Record<keyof EnforcementSettings, Citation>> = {
  hearingAmount: {
    zh: `${HEARING_CITATION.zh}。“较大数额”由省级规定，默认自然人1万元、法人或其他组织10万元，可由管理员按本省标准调整`,
    en: `${HEARING_CITATION.en}. "Large" is set by each province; defaults 10,000 yuan (persons) and 100,000 yuan (organisations), adjustable`,
  },
  legalReview: {
    zh: `${LEGAL_REVIEW_CITATION.zh}。本系统默认：达到听证数额的罚款、吊销、责令关闭、停产停业、限制从业、降低资质等级，以及经过听证的案件`,
    en: `${LEGAL_REVIEW_CITATION.en}. Defaults: fines at the hearing amount, revocation, closure, suspension, practice bans, downgrades, and every heard case`,
  },
  statementWorkingDays: LOCAL_DEFAULT(
    '事先告知书送达后3个工作日内陈述、申辩（《行政处罚法》第八十五条：三日为工作日）',
    'statement and defence within 3 working days of the notice (art. 85: three days are working days)',
  ),
  reinspectionWorkingDays: LOCAL_DEFAULT(
    '结案后20个工作日内处罚后复查（连开委办〔2020〕107号 四（六））',
    're-inspection within 20 working days of closure (Lianyungang 2020 No. 107, 4(6))',
  ),
  maxExtensionDays: LOCAL_DEFAULT(
    '经负责人批准，每次延长不超过30日（《行政处罚法》第六十条“法律、法规、规章另有规定的，从其规定”）',
    'each approved extension at most 30 days (art. 60 lets other rules provide otherwise)',
  ),
};

const amountFor = (party: PartyKind, t: { person: number; organisation: number }) =>
  party === 'person' ? t.person : t.organisation;

export interface HearingRight {
  available: boolean;
  reasons: string[];
  citation: Citation;
}

/** §63: whether the intended penalty gives the party the right to a hearing, and why. */
export function hearingRight(p: PenaltyContent, party: PartyKind, s: EnforcementSettings): HearingRight {
  const reasons: string[] = [];
  const threshold = amountFor(party, s.hearingAmount);
  if (p.kinds.includes('fine') && p.fineAmount >= threshold) reasons.push(`较大数额罚款（≥${threshold}元）`);
  if (p.kinds.includes('confiscation') && p.confiscationAmount >= threshold)
    reasons.push(`没收较大数额违法所得或较大价值非法财物（≥${threshold}元）`);
  for (const k of p.kinds) if (HEAVY_KINDS.includes(k)) reasons.push(PENALTY_KIND_NAMES[k].zh);
  return { available: reasons.length > 0, reasons, citation: HEARING_CITATION };
}

export interface MajorDecision {
  major: boolean;
  reasons: string[];
  citation: Citation;
}

/** §58: whether a decision is major and needs legal review, by the configured criteria. */
export function majorDecision(
  p: PenaltyContent,
  party: PartyKind,
  facts: { hearingHeld: boolean; flaggedComplex: boolean },
  s: EnforcementSettings,
): MajorDecision {
  const reasons: string[] = [];
  const threshold = amountFor(party, s.legalReview.fineAtLeast);
  if (p.kinds.includes('fine') && p.fineAmount >= threshold) reasons.push(`罚款达到${threshold}元`);
  for (const k of p.kinds) if (s.legalReview.kinds.includes(k)) reasons.push(PENALTY_KIND_NAMES[k].zh);
  if (facts.hearingHeld && s.legalReview.whenHearingHeld) reasons.push('经过听证程序');
  if (facts.flaggedComplex) reasons.push('案件情况疑难复杂或涉及重大公共利益（办案人员标注）');
  return { major: reasons.length > 0, reasons, citation: LEGAL_REVIEW_CITATION };
}

/**
 * Severity for publication: 轻微 when the penalty is only a warning or public criticism; 严重 when
 * it revokes, closes or bars from practice, or the violation's circumstances were serious; 一般
 * otherwise.
 */
export function penaltySeverity(p: PenaltyContent, circumstance: Circumstance): PenaltySeverity {
  if (p.kinds.length > 0 && p.kinds.every((k) => k === 'warning' || k === 'criticism')) return 'minor';
  if (
    circumstance === 'serious' ||
    p.kinds.some((k) => k === 'revocation' || k === 'closure' || k === 'practice_restriction')
  )
    return 'serious';
  return 'general';
}

export interface PublicationPlan {
  publish: boolean;
  /** Why it is not published. */
  withheld: 'minor_party' | 'minor_severity' | null;
  /** 双公示: published by this day (7 working days after the decision). */
  publishBy: IsoDate | null;
  /** After this day the party may apply for credit repair. */
  minUntil: IsoDate | null;
  /** Display stops automatically on this day (shown while today < maxUntil). */
  maxUntil: IsoDate | null;
  citations: Citation[];
}

/**
 * How long a penalty is public (《信用修复管理办法》, counted from the decision date): 轻微 not
 * published unless the regulator decides it is necessary (then at most 3 months), 一般 3 months to
 * 1 year, 严重 1 to 3 years. A case involving a minor is never published.
 */
export function publicationPlan(opts: {
  calendar: Calendar;
  severity: PenaltySeverity;
  decidedOn: IsoDate;
  partyIsMinor: boolean;
  publishMinor?: boolean;
}): PublicationPlan {
  const { calendar, severity, decidedOn } = opts;
  const citations = [CREDIT_REPAIR_CITATION, DOUBLE_PUBLICITY_PENALTY_CITATION, PUBLICATION_CITATION];
  if (opts.partyIsMinor) {
    return {
      publish: false,
      withheld: 'minor_party',
      publishBy: null,
      minUntil: null,
      maxUntil: null,
      citations: [MINORS_NOT_PUBLISHED_CITATION],
    };
  }
  const publishBy = calendar.addWorkingDays(decidedOn, 7).date;
  if (severity === 'minor') {
    if (!opts.publishMinor) {
      return {
        publish: false,
        withheld: 'minor_severity',
        publishBy: null,
        minUntil: null,
        maxUntil: null,
        citations,
      };
    }
    return {
      publish: true,
      withheld: null,
      publishBy,
      minUntil: null,
      maxUntil: addMonths(decidedOn, 3),
      citations,
    };
  }
  const [minMonths, maxMonths] = severity === 'general' ? [3, 12] : [12, 36];
  return {
    publish: true,
    withheld: null,
    publishBy,
    minUntil: addMonths(decidedOn, minMonths),
    maxUntil: addMonths(decidedOn, maxMonths),
    citations,
  };
}

/** Whether a publication is on the public pages on `today`. */
export function publicationVisible(
  p: { publishedOn: IsoDate | null; maxUntil: IsoDate | null; withdrawnOn: IsoDate | null },
  today: IsoDate,
): boolean {
  return (
    p.publishedOn !== null &&
    p.publishedOn <= today &&
    p.withdrawnOn === null &&
    (p.maxUntil === null || today < p.maxUntil)
  );
}

/** §48 with §85: a changed or revoked decision's publication is withdrawn within 3 working days. */
export function withdrawalDue(calendar: Calendar, changedOn: IsoDate): IsoDate {
  return calendar.addWorkingDays(changedOn, 3).date;
}

export interface Surcharge {
  /** Calendar days after the payment due date. */
  daysLate: number;
  /** 3% of the fine per day late, never more than the fine (yuan, to the fen). */
  amount: number;
  capped: boolean;
}

/** §72: the late-payment surcharge on `paidOn` for a fine due on `dueOn`. */
export function lateSurcharge(fine: number, dueOn: IsoDate, paidOn: IsoDate): Surcharge {
  const daysLate = Math.max(0, toDayNumber(paidOn) - toDayNumber(dueOn));
  const raw = Math.round(fine * 3 * daysLate) / 100;
  const capped = raw >= fine && daysLate > 0;
  return { daysLate, amount: Math.min(raw, fine), capped };
}
