import type { Citation } from '../calendar/calendar.js';
import { ESTABLISHMENT_KINDS, type EstablishmentKind } from '../registry/categories.js';
import type { FieldProblem } from '../registry/practitioner-rules.js';
import { PERMIT_LEVELS, type PermitLevel, REFORM_MODES, type ReformMode } from './modes.js';

/**
 * The permit catalogue (事项清单): one definition per permit type and version. Every edit is a new
 * version with the day it takes effect; an application keeps the version it was made under
 * (seed 000 二: 清单要依法定期更新，调整后的清单及办事指南、示范文本要…公开).
 */

/** Data the system looks up instead of asking for a paper copy (seed 000: 不再要求…复印件). */
export const DATA_LOOKUPS = [
  'registry.practice_license',
  'registry.practitioners',
  'registry.establishment',
  'market.business_license',
] as const;
export type DataLookup = (typeof DATA_LOOKUPS)[number];

export const DATA_LOOKUP_NAMES: Readonly<Record<DataLookup, { zh: string; en: string }>> = {
  'registry.practice_license': {
    zh: '名录库中有效的《医疗机构执业许可证》',
    en: "The valid practice licence held on the establishment's registry record",
  },
  'registry.practitioners': {
    zh: '名录库中医师、护士电子化注册信息',
    en: 'Electronic registration of the doctors and nurses in the registry',
  },
  'registry.establishment': {
    zh: '名录库中的机构登记信息（名称、统一社会信用代码、地址、法定代表人）',
    en: "The establishment's registry record (name, credit code, address, representative)",
  },
  'market.business_license': {
    zh: '统一社会信用代码（营业执照信息由市场监管部门共享）',
    en: 'The credit code (business-licence data shared by market regulation)',
  },
};

export interface MaterialRequirement {
  code: string;
  nameZh: string;
  nameEn: string;
  /** Must be uploaded before the application can be submitted. */
  required: boolean;
  /** The reform removed it: no longer asked for. */
  removed: { citation: Citation; replacedBy: DataLookup | null } | null;
}

export interface CommitmentCondition {
  code: string;
  textZh: string;
  textEn: string;
}

export interface ModelText {
  code: string;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
}

export interface PermitGuide {
  summaryZh: string;
  summaryEn: string;
  stepsZh: string[];
  /** Where and how to apply; fees (许可不收费). */
  noteZh: string;
}

export type RevalidationRule =
  | { kind: 'fixed'; years: number; noticeDaysBefore: number; citation: Citation }
  /** 医疗机构: yearly, every 3 years for hospitals and the like with 100 beds or more. */
  | { kind: 'medical_institution'; noticeDaysBefore: number; citation: Citation };

export interface PublicationRule {
  /** The approved list is published every half year (as of 31 Dec / 30 Jun, by 15 Jan / 15 Jul). */
  halfYearlyList: boolean;
  /** A new application is made public within this many months of receipt (null: not required). */
  newApplicationWithinMonths: number | null;
  citation: Citation;
}

export interface PermitTypeDefinition {
  code: string;
  nameZh: string;
  nameEn: string;
  /** Name of the licence or certificate issued (e.g. 《医疗机构执业许可证》). */
  licenseNameZh: string;
  /** Short prefix of licence numbers (e.g. 卫公). */
  numberPrefix: string;
  legalBasis: Citation[];
  level: PermitLevel;
  departmentCode: string;
  mode: ReformMode;
  /** 法定时限 in working days (null: decided on the spot or no decision). */
  statutoryLimitDays: number | null;
  /** 承诺时限 in working days; the clock the inbox and the on-time rate use. 0 = same day. */
  committedLimitDays: number | null;
  /** Days to accept, reject or ask for corrections (行政许可法 §32: 5). */
  acceptLimitDays: number;
  materials: MaterialRequirement[];
  /** What the applicant commits to (mode commitment). */
  conditions: CommitmentCondition[];
  siteInspection: boolean;
  expertReview: boolean;
  /** 两证合一: setting-up approval and practice registration in one step, with a public notice. */
  twoInOne: boolean;
  /** Working days the applicant's information is publicly shown before a 两证合一 decision. */
  publicNoticeDays: number;
  /** Working days the verification of a commitment (or the post-filing check) must be done in. */
  verificationDays: number | null;
  validityYears: number | null;
  revalidation: RevalidationRule | null;
  publication: PublicationRule | null;
  eligibleKinds: EstablishmentKind[];
  /** Category code prefixes the type is limited to (empty: any category of the kinds). */
  eligibleCategoryPrefixes: string[];
  /** Category code prefixes excluded (e.g. clinics from the medical-institution approval). */
  excludedCategoryPrefixes: string[];
  /** For an abolished type: what to apply for instead. */
  replacedBy: string | null;
  /** A licence of this type the establishment must hold first (e.g. 设置批准书 before registration). */
  requiresLicenseOf: string | null;
  /** Checks this type runs (clinic doctors, 两证合一 exclusions, registry lookups). */
  checks: PermitCheck[];
  guide: PermitGuide;
  modelTexts: ModelText[];
  /** Items of the source documents this type implements, e.g. ['000-1', '000-2']. */
  seedItems: string[];
  /** Why the defaults are what they are. */
  citation: Citation;
}

export const PERMIT_CHECKS = [
  'clinic_doctors',
  'two_in_one_exclusions',
  'setup_only_when_excluded',
  'practice_license_lookup',
] as const;
export type PermitCheck = (typeof PERMIT_CHECKS)[number];

export interface PermitTypeVersion {
  code: string;
  version: number;
  effectiveFrom: string;
  definition: PermitTypeDefinition;
  note: string;
}

/** The version in force on `date`: the highest whose effective date is on or before it. */
export function versionInForce<T extends { version: number; effectiveFrom: string }>(
  versions: readonly T[],
  date: string,
): T | undefined {
  let best: T | undefined;
  for (const v of versions) {
    if (v.effectiveFrom <= date && (!best || v.version > best.version)) best = v;
  }
  return best;
}

const problem = (path: string, code: string, zh: string, en: string): FieldProblem => ({
  path,
  code,
  messageZh: zh,
  messageEn: en,
});

/** Consistency of a definition an administrator saves (the shape itself is checked by the API schema). */
export function checkPermitDefinition(
  d: PermitTypeDefinition,
  knownCodes: ReadonlySet<string>,
): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!REFORM_MODES.includes(d.mode))
    out.push(problem('mode', 'invalid_mode', '改革方式无效', 'Invalid reform mode'));
  if (!PERMIT_LEVELS.includes(d.level))
    out.push(problem('level', 'invalid_level', '审批层级无效', 'Invalid approving level'));
  if (d.mode === 'abolished') {
    if (!d.replacedBy || !knownCodes.has(d.replacedBy))
      out.push(
        problem(
          'replacedBy',
          'replacement_required',
          '取消审批的事项须注明改为申请的事项',
          'An abolished type must name the permit type to apply for instead',
        ),
      );
  } else if (d.replacedBy) {
    out.push(
      problem(
        'replacedBy',
        'replacement_not_applicable',
        '仅取消审批的事项可注明替代事项',
        'Only an abolished type names a replacement',
      ),
    );
  }
  if (d.mode === 'commitment' && d.conditions.length === 0)
    out.push(
      problem(
        'conditions',
        'conditions_required',
        '告知承诺事项须列明申请人承诺的条件',
        'A commitment type must list the conditions the applicant commits to',
      ),
    );
  if (d.mode === 'filing' && (d.siteInspection || d.expertReview))
    out.push(
      problem(
        'siteInspection',
        'filing_without_preconditions',
        '备案事项不得以实地勘察、专家评审作为办理前提（大卫健办发〔2020〕31号 三）',
        'A filing may not require a site inspection or expert review first (seed 000 §3)',
      ),
    );
  if (d.mode === 'approval' && d.committedLimitDays === null)
    out.push(
      problem(
        'committedLimitDays',
        'limit_required',
        '优化审批事项须规定承诺时限',
        'An approval type needs a committed limit',
      ),
    );
  if (
    d.statutoryLimitDays !== null &&
    d.committedLimitDays !== null &&
    d.committedLimitDays > d.statutoryLimitDays
  )
    out.push(
      problem(
        'committedLimitDays',
        'limit_above_statutory',
        '承诺时限不得长于法定时限',
        'The committed limit cannot exceed the statutory limit',
      ),
    );
  if (d.twoInOne && d.publicNoticeDays < 1)
    out.push(
      problem(
        'publicNoticeDays',
        'notice_required',
        '两证合一事项须规定公示期',
        'A 两证合一 type needs a public notice period',
      ),
    );
  if (d.eligibleKinds.length === 0 || d.eligibleKinds.some((k) => !ESTABLISHMENT_KINDS.includes(k)))
    out.push(
      problem(
        'eligibleKinds',
        'kinds_required',
        '须列明可申请的监管对象类型',
        'List the establishment kinds that may apply',
      ),
    );
  if (d.requiresLicenseOf && !knownCodes.has(d.requiresLicenseOf))
    out.push(
      problem(
        'requiresLicenseOf',
        'unknown_permit',
        '前置许可事项不存在',
        'The prerequisite permit type does not exist',
      ),
    );
  const codes = new Set<string>();
  for (const [i, m] of d.materials.entries()) {
    if (codes.has(m.code))
      out.push(
        problem(`materials.${i}.code`, 'duplicate_material', '材料代码重复', 'Duplicate material code'),
      );
    codes.add(m.code);
    if (m.removed && m.required)
      out.push(
        problem(
          `materials.${i}.required`,
          'removed_material_required',
          '已取消的材料不能再列为必交',
          'A removed material cannot be required',
        ),
      );
  }
  return out;
}

/** Materials the applicant still has to provide (removed ones are looked up or dropped). */
export function requiredMaterials(d: PermitTypeDefinition): MaterialRequirement[] {
  return d.materials.filter((m) => m.required && !m.removed);
}
