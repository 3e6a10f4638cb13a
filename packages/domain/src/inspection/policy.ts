import type { Citation } from '../calendar/calendar.js';
import type { EstablishmentFlag } from '../registry/establishment-fields.js';

/**
 * Numbers the policy sets for random inspections (ARCHITECTURE.md: "numbers that policy sets are
 * data, not code"). These are the defaults; administrators save new versions with their own
 * citations. Where no text fixes a number, the citation says so.
 */
export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_NAMES: Readonly<Record<Severity, string>> = {
  minor: '一般',
  major: '较重',
  critical: '严重',
};

export interface InspectionPolicy {
  /** Share of supervised establishments the year's random inspections must cover. */
  yearCoverageTarget: number;
  /** Sampling ratio of a stratum the campaign's matrix does not list. */
  defaultRatio: number;
  /** Key sectors inspected in full: each forms its own stratum with ratio 1. */
  fullCoverageFlags: EstablishmentFlag[];
  /** Sectors covered by differentiated inspection: their own strata, at the default ratio unless the plan says otherwise. */
  differentiatedFlags: EstablishmentFlag[];
  /** Inspectors per target. */
  teamSize: number;
  /** Results are published within this many working days of the inspection. */
  publicationWorkingDays: number;
  /** Rectification period by the most serious finding, in working days. */
  rectificationWorkingDays: Record<Severity, number>;
  /** The re-inspection (回头看) is due this many working days after the rectification deadline. */
  reinspectionWorkingDays: number;
  /** An inspector who inspected an establishment this many days before the pool closes is excluded from it (回避). */
  recentInspectionExclusionDays: number;
}

export type InspectionPolicyCitations = Record<keyof InspectionPolicy, Citation>;

export const DEFAULT_INSPECTION_POLICY: InspectionPolicy = {
  yearCoverageTarget: 0.2,
  defaultRatio: 0.2,
  fullCoverageFlags: ['medical_beauty', 'tcm_filed_clinic', 'dental'],
  differentiatedFlags: ['individual_clinic', 'village_clinic'],
  teamSize: 2,
  publicationWorkingDays: 20,
  rectificationWorkingDays: { critical: 5, major: 10, minor: 20 },
  reinspectionWorkingDays: 10,
  recentInspectionExclusionDays: 365,
};

const WEIJIAN_DEFAULT = (what: string, en: string): Citation => ({
  zh: `卫监默认值：${what}，无全国统一规定，由本地在实施方案中确定`,
  en: `Weijian default: ${en}; no national text fixes it, the local plan does`,
});

export const DEFAULT_POLICY_CITATIONS: InspectionPolicyCitations = {
  yearCoverageTarget: {
    zh: '连开委办〔2020〕107号 四(二)：“双随机”监督抽查覆盖被监督单位的比例达到 20% 以上',
    en: 'Lianyungang Development Zone 2020 No. 107, IV(2): random inspections cover at least 20% of supervised units',
  },
  defaultRatio: {
    zh: '连开委办〔2020〕107号 四(二)；国办发〔2015〕58号：抽查比例和频次由各地确定',
    en: 'Lianyungang 2020 No. 107, IV(2); State Council General Office 2015 No. 58: ratios and frequencies are set locally',
  },
  fullCoverageFlags: {
    zh: '济历城卫健发〔2022〕20号 二(一)：医疗美容机构、中医备案诊所、口腔医疗机构等重点行业执法检查全覆盖',
    en: 'Licheng Health 2022 No. 20, II(1): full inspection coverage of medical beauty, filed TCM clinics and dental institutions',
  },
  differentiatedFlags: {
    zh: '济历城卫健发〔2022〕20号 二(一)：一般个体诊所及村卫生室实行差异化监督检查全覆盖',
    en: 'Licheng Health 2022 No. 20, II(1): differentiated full coverage of individual clinics and village clinics',
  },
  teamSize: {
    zh: '《行政处罚法》（2021）第四十二条：执法人员不得少于两人',
    en: 'Administrative Penalty Law (2021) art. 42: no fewer than two enforcement officers',
  },
  publicationWorkingDays: {
    zh: '《企业信息公示暂行条例》第六条、第七条：抽查检查结果等信息自产生之日起 20 个工作日内公示',
    en: 'Interim Regulation on Enterprise Information Publicity arts. 6–7: results published within 20 working days',
  },
  rectificationWorkingDays: WEIJIAN_DEFAULT(
    '责令限期改正的期限（严重 5、较重 10、一般 20 个工作日），执法人员可在 1–60 个工作日内另定',
    'rectification periods (critical 5, major 10, minor 20 working days); officers may set 1–60',
  ),
  reinspectionWorkingDays: WEIJIAN_DEFAULT(
    '整改期满后 10 个工作日内复查',
    're-inspection within 10 working days after the deadline',
  ),
  recentInspectionExclusionDays: WEIJIAN_DEFAULT(
    '一年内检查过同一单位的执法人员回避',
    'inspectors who inspected the same establishment within a year are excluded',
  ),
};
