import type { Citation } from '../calendar/calendar.js';
import { CREDIT_CITATIONS, type PenaltySeverity } from './citations.js';

/**
 * The kinds of entry in a credit file (信用档案): everything that bears on an establishment's or a
 * practitioner's credit, gathered from the other modules' events or recorded by staff. Each kind
 * says whether it counts for or against (polarity) and where the duty to record it comes from.
 */
export const CREDIT_ENTRY_KINDS = [
  'licence_granted',
  'application_refused',
  'licence_ended',
  'commitment_false',
  'filing_false',
  'inspection_compliant',
  'inspection_non_compliant',
  'rectification_ordered',
  'rectification_closed',
  'penalty',
  'complaint_substantiated',
  'demerit_recorded',
  'demerit_revoked',
  'blacklist_entered',
  'blacklist_exited',
  'grading_assessed',
  'warning_confirmed',
  'override_recorded',
] as const;
export type CreditEntryKind = (typeof CREDIT_ENTRY_KINDS)[number];

export type Polarity = 'positive' | 'negative' | 'neutral';

export interface CreditEntryKindInfo {
  nameZh: string;
  nameEn: string;
  polarity: Polarity;
  citation: Citation;
}

const C = CREDIT_CITATIONS;

export const CREDIT_ENTRY_KIND_INFO: Readonly<Record<CreditEntryKind, CreditEntryKindInfo>> = {
  licence_granted: {
    nameZh: '取得许可/备案',
    nameEn: 'Licence granted or filing recorded',
    polarity: 'positive',
    citation: C.seed001Credit,
  },
  application_refused: {
    nameZh: '许可申请不予批准',
    nameEn: 'Application refused',
    polarity: 'neutral',
    citation: C.seed001Credit,
  },
  licence_ended: {
    nameZh: '许可证注销/撤销/吊销',
    nameEn: 'Licence deregistered, withdrawn or revoked',
    polarity: 'negative',
    citation: C.seed001Credit,
  },
  commitment_false: {
    nameZh: '告知承诺不实',
    nameEn: 'Commitment found false',
    polarity: 'negative',
    citation: C.seed000Commitment,
  },
  filing_false: {
    nameZh: '备案信息不实',
    nameEn: 'Filing found untrue',
    polarity: 'negative',
    citation: C.seed000Commitment,
  },
  inspection_compliant: {
    nameZh: '监督检查合格',
    nameEn: 'Inspection: compliant',
    polarity: 'positive',
    citation: C.seed001Credit,
  },
  inspection_non_compliant: {
    nameZh: '监督检查发现问题',
    nameEn: 'Inspection: non-compliant',
    polarity: 'negative',
    citation: C.seed001Credit,
  },
  rectification_ordered: {
    nameZh: '责令整改',
    nameEn: 'Rectification ordered',
    polarity: 'neutral',
    citation: C.seed001Credit,
  },
  rectification_closed: {
    nameZh: '整改复查',
    nameEn: 'Rectification re-inspected',
    polarity: 'neutral',
    citation: C.seed001Credit,
  },
  penalty: {
    nameZh: '行政处罚',
    nameEn: 'Administrative penalty',
    polarity: 'negative',
    citation: C.seed001Credit,
  },
  complaint_substantiated: {
    nameZh: '投诉举报查实',
    nameEn: 'Complaint substantiated',
    polarity: 'negative',
    citation: C.stateCouncil2015,
  },
  demerit_recorded: {
    nameZh: '不良执业行为记分',
    nameEn: 'Demerit points recorded',
    polarity: 'negative',
    citation: C.tianjin2010,
  },
  demerit_revoked: {
    nameZh: '记分撤销',
    nameEn: 'Demerit points revoked',
    polarity: 'neutral',
    citation: C.tianjin2010,
  },
  blacklist_entered: {
    nameZh: '列入黑名单（严重失信名单）',
    nameEn: 'Entered on the blacklist',
    polarity: 'negative',
    citation: C.creditRepair2026,
  },
  blacklist_exited: {
    nameZh: '移出黑名单',
    nameEn: 'Left the blacklist',
    polarity: 'neutral',
    citation: C.creditRepair2026,
  },
  grading_assessed: {
    nameZh: '量化分级评定',
    nameEn: 'Quantitative grading assessed',
    polarity: 'neutral',
    citation: C.seed002Grading,
  },
  warning_confirmed: {
    nameZh: '风险预警核查属实',
    nameEn: 'Warning confirmed on checking',
    polarity: 'negative',
    citation: C.seed001Risk,
  },
  override_recorded: {
    nameZh: '人工调整监管方式/等级',
    nameEn: 'Supervisor override recorded',
    polarity: 'neutral',
    citation: C.seed002Modes,
  },
};

/**
 * An entry as the scoring functions see it: kind, day, severity where it has one, and the few
 * numbers some rules use. The server keeps the source record and citation beside it.
 */
export interface CreditFact {
  kind: CreditEntryKind;
  occurredOn: string;
  severity?: PenaltySeverity | null;
  /** Penalties: the licence was revoked (吊销). */
  licenceRevoked?: boolean;
  /** Inspections: how many items were non-compliant. */
  nonCompliantItems?: number;
  /** Rectification re-inspections: rectified or not. */
  rectified?: boolean;
  /** Licence endings: withdrawn | revoked | deregistered. */
  endStatus?: string;
  /** Grading: the grade. */
  grade?: string;
}
