import type { Citation } from '../calendar/calendar.js';
import type { IsoDate } from '../calendar/iso-date.js';
import { addYears } from '../licensing/periods.js';
import {
  ART_LIST_CITATION,
  BLACKLIST_CITATION,
  COMMITMENT_CITATION,
  OFFICER_PUBLICITY_CITATION,
  OPEN_BY_DEFAULT_CITATION,
  PENALTY_PERIOD_CITATION,
  PORTAL_PUBLICATION_CITATION,
  PRIVACY_CITATION,
  RANDOM_INSPECTION_CITATION,
  REVOCATION_CITATION,
  TWO_PUBLICITIES_CITATION,
  WITHDRAWAL_CITATION,
} from './citations.js';
import { DRAW_RECORD_CITATION } from './draw-record.js';
import { isPublicSupervisionMode, SUPERVISION_MODE_CITATIONS } from './supervision-mode.js';

/**
 * How one field of a public record is treated:
 * - `code`: an identifier or number that is public as is (credit code, licence number, hash);
 * - `text`: public text, still scrubbed of ID numbers, mobile numbers and bank accounts in case one
 *   was typed into it (an address, a scope of practice);
 * - `free_text`: narrative text (facts, reasons): scrubbed, and the names of persons given with the
 *   record masked (patients, witnesses);
 * - `person_name`: a natural person's name: surname kept;
 * - `party_name`: the party of a decision: masked like a person's name when the party is a natural
 *   person (`partyKind` = 自然人), public for organisations.
 * Fields not declared are never published: the declaration is an allow-list.
 */
export type FieldTreatment = 'code' | 'text' | 'free_text' | 'person_name' | 'party_name';

export interface FieldRule {
  name: string;
  type: 'string' | 'number' | 'date' | 'boolean';
  treatment: FieldTreatment;
  zh: string;
  en: string;
}

/** What a record may carry besides its public fields, for deciding whether it is on display. */
export interface DisplayFacts {
  publishedOn?: string | null;
  displayUntil?: string | null;
  withdrawnOn?: string | null;
  status?: string | null;
  statusChangedOn?: string | null;
  endsOn?: string | null;
  listed?: boolean;
  marked?: boolean;
  /** Supervision mode (credit), for the supervision_modes data set. */
  mode?: string | null;
}

export interface DatasetRule {
  id: DatasetId;
  titleZh: string;
  titleEn: string;
  fields: readonly FieldRule[];
  /** Whether a record is on public display on `today` (ISO dates compare as strings). */
  onDisplay: (r: DisplayFacts, today: string) => boolean;
  periodZh: string;
  periodEn: string;
  citations: readonly Citation[];
}

export const DATASET_IDS = [
  'establishments',
  'licences',
  'revoked_licences',
  'inspection_results',
  'penalties',
  'credit',
  'blacklist',
  'commitments',
  'campaigns',
  'approved_institutions',
  'notices',
  'supervision_modes',
] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

const f = (
  name: string,
  zh: string,
  en: string,
  treatment: FieldTreatment = 'text',
  type: FieldRule['type'] = 'string',
): FieldRule => ({ name, type, treatment, zh, en });
const code = (name: string, zh: string, en: string) => f(name, zh, en, 'code');
const date = (name: string, zh: string, en: string) => f(name, zh, en, 'code', 'date');

/** Years after a revocation (serious: the longest period of the Credit Repair Measures). */
export const REVOCATION_DISPLAY_YEARS = 3;

const always = () => true;

export const DATASETS: Record<DatasetId, DatasetRule> = {
  establishments: {
    id: 'establishments',
    titleZh: '监管对象名录',
    titleEn: 'Supervised establishments',
    fields: [
      code('publicCode', '机构码（一码）', 'Establishment code'),
      f('name', '机构名称', 'Name'),
      code('uscc', '统一社会信用代码', 'Unified social credit code'),
      code('kind', '类别', 'Kind'),
      code('categoryCode', '类别代码', 'Category code'),
      code('regionCode', '行政区划代码', 'Region code'),
      f('address', '地址', 'Address'),
      f(
        'legalRepresentative',
        '法定代表人/负责人（保留姓氏）',
        'Legal representative (surname only)',
        'person_name',
      ),
      code('status', '状态', 'Status'),
      code('level', '医院等级', 'Hospital level'),
      f('beds', '核定床位', 'Beds', 'code', 'number'),
      code('updatedAt', '最后更新时间', 'Last updated'),
    ],
    onDisplay: always,
    periodZh: '在册机构及其状态（含停业、注销）均公开，便于公众核实',
    periodEn:
      'Every registered establishment and its status (suspended and deregistered included) is public, so the public can check',
    citations: [OPEN_BY_DEFAULT_CITATION, PRIVACY_CITATION],
  },
  licences: {
    id: 'licences',
    titleZh: '行政许可（有效许可证）',
    titleEn: 'Licences in force',
    fields: [
      code('number', '许可证号', 'Licence number'),
      code('establishmentCode', '机构码', 'Establishment code'),
      f('establishmentName', '持证机构', 'Holder'),
      code('permitCode', '事项编码', 'Permit type'),
      f('licenceName', '许可证名称', 'Licence'),
      f('issuingUnit', '发证机关', 'Issued by'),
      code('status', '状态', 'Status'),
      date('issuedOn', '决定日期', 'Decided on'),
      date('validFrom', '有效期自', 'Valid from'),
      date('validTo', '有效期至', 'Valid until'),
      f('scope', '许可项目', 'Scope'),
      code('revalidationState', '校验状态', 'Revalidation state'),
      date('revalidationDueOn', '校验期限', 'Revalidation due'),
    ],
    onDisplay: (r) => r.status === 'valid',
    periodZh: '许可有效期间公开；注销、撤销、吊销后从本表移出（吊销、撤销见“吊销撤销许可”）',
    periodEn: 'Public while in force; revoked and withdrawn ones move to the revoked-licence list',
    citations: [TWO_PUBLICITIES_CITATION, PORTAL_PUBLICATION_CITATION],
  },
  revoked_licences: {
    id: 'revoked_licences',
    titleZh: '吊销、撤销的许可',
    titleEn: 'Revoked and withdrawn licences',
    fields: [
      code('number', '许可证号', 'Licence number'),
      code('establishmentCode', '机构码', 'Establishment code'),
      f('establishmentName', '持证机构', 'Holder'),
      f('licenceName', '许可证名称', 'Licence'),
      f('issuingUnit', '发证机关', 'Issued by'),
      code('status', '状态（revoked 吊销 / withdrawn 撤销）', 'Status'),
      date('statusChangedOn', '决定日期', 'Decided on'),
      code('decisionNo', '决定文号', 'Decision number'),
      f('reason', '理由', 'Reason', 'free_text'),
      date('displayUntil', '公示截止', 'Shown until'),
    ],
    onDisplay: (r, today) =>
      (r.status === 'revoked' || r.status === 'withdrawn') &&
      !!r.statusChangedOn &&
      r.statusChangedOn <= today &&
      today < addYears(r.statusChangedOn as IsoDate, REVOCATION_DISPLAY_YEARS),
    periodZh: `自决定之日起公示${REVOCATION_DISPLAY_YEARS}年`,
    periodEn: `Shown for ${REVOCATION_DISPLAY_YEARS} years from the decision`,
    citations: [REVOCATION_CITATION, PRIVACY_CITATION],
  },
  inspection_results: {
    id: 'inspection_results',
    titleZh: '随机抽查结果',
    titleEn: 'Random-inspection results',
    fields: [
      code('campaignNo', '抽查计划编号', 'Campaign'),
      f('campaignTitle', '抽查计划', 'Campaign title'),
      code('establishmentCode', '机构码', 'Establishment code'),
      f('establishmentName', '机构名称', 'Establishment'),
      f('address', '地址', 'Address'),
      f(
        'legalRepresentative',
        '法定代表人（保留姓氏）',
        'Legal representative (surname only)',
        'person_name',
      ),
      date('inspectedOn', '检查日期', 'Inspected on'),
      f('departments', '检查部门', 'Departments'),
      code('outcome', '结果（compliant / non_compliant）', 'Outcome'),
      f('outcomeName', '结果', 'Outcome (Chinese)'),
      f('findings', '发现问题的检查项', 'Items found non-compliant'),
      f('rectification', '整改情况', 'Rectification'),
      f('officers', '执法人员及执法证号', 'Officers and certificate numbers'),
      date('publishedOn', '公示日期', 'Published on'),
    ],
    onDisplay: (r, today) => !!r.publishedOn && r.publishedOn <= today,
    periodZh: '检查结果自公示之日起公开',
    periodEn: 'Public from the day published',
    citations: [RANDOM_INSPECTION_CITATION, OFFICER_PUBLICITY_CITATION, PRIVACY_CITATION],
  },
  penalties: {
    id: 'penalties',
    titleZh: '行政处罚',
    titleEn: 'Administrative penalties',
    fields: [
      code('decisionNo', '决定书文号', 'Decision number'),
      code('partyKind', '行政相对人类别', 'Party kind'),
      f(
        'partyName',
        '行政相对人名称（自然人保留姓氏）',
        'Party (natural persons: surname only)',
        'party_name',
      ),
      code('creditCode', '统一社会信用代码', 'Unified social credit code'),
      f(
        'legalRepresentative',
        '法定代表人（保留姓氏）',
        'Legal representative (surname only)',
        'person_name',
      ),
      code('establishmentCode', '机构码', 'Establishment code'),
      f('violationType', '违法行为类型', 'Violation'),
      f('facts', '违法事实（已屏蔽个人信息）', 'Facts (personal data masked)', 'free_text'),
      f('basis', '处罚依据', 'Legal basis'),
      f('penaltyContent', '处罚内容', 'Penalty'),
      f('fineAmountWan', '罚款金额（万元）', 'Fine (10,000 yuan)', 'code', 'number'),
      f('confiscationAmountWan', '没收金额（万元）', 'Confiscated (10,000 yuan)', 'code', 'number'),
      f('authority', '处罚机关', 'Authority'),
      code('severity', '失信程度（general / serious）', 'Severity'),
      date('decidedOn', '处罚决定日期', 'Decided on'),
      date('publishedOn', '公示日期', 'Published on'),
      date('displayUntil', '公示截止期', 'Shown until'),
    ],
    onDisplay: (r, today) =>
      !!r.publishedOn &&
      r.publishedOn <= today &&
      !r.withdrawnOn &&
      (r.status === undefined || r.status === 'published') &&
      (!r.displayUntil || today < r.displayUntil),
    periodZh:
      '一般失信最长公示1年，严重失信最长3年（自决定之日起），到期自动停止；决定被变更、撤销的，撤回公示；信用修复后停止公示',
    periodEn:
      'General: up to 1 year, serious: up to 3 years from the decision, then gone; withdrawn when the decision is changed or revoked, and after credit repair',
    citations: [PENALTY_PERIOD_CITATION, WITHDRAWAL_CITATION, TWO_PUBLICITIES_CITATION, PRIVACY_CITATION],
  },
  credit: {
    id: 'credit',
    titleZh: '信用等级与不良执业行为记分',
    titleEn: 'Credit grades and demerit points',
    fields: [
      code('establishmentCode', '机构码', 'Establishment code'),
      f('name', '机构名称', 'Name'),
      code('grade', '量化分级', 'Grade'),
      f('gradeName', '等级名称', 'Grade name'),
      date('assessedOn', '评定日期', 'Assessed on'),
      f('demeritPoints', '本周期记分', 'Demerit points this cycle', 'code', 'number'),
      date('cycleStart', '记分周期起', 'Cycle start'),
      date('cycleEnd', '记分周期止', 'Cycle end'),
    ],
    onDisplay: always,
    periodZh: '当前等级与本记分周期的记分',
    periodEn: 'The current grade and this cycle’s points',
    citations: [PORTAL_PUBLICATION_CITATION],
  },
  blacklist: {
    id: 'blacklist',
    titleZh: '严重失信主体名单（黑名单）',
    titleEn: 'Blacklist',
    fields: [
      code('establishmentCode', '机构码', 'Establishment code'),
      f('name', '名称', 'Name'),
      f('reason', '列入事由', 'Reason', 'free_text'),
      date('enteredOn', '列入日期', 'Listed on'),
      date('endsOn', '届满日期', 'Ends on'),
    ],
    onDisplay: (r, today) => r.listed === true && r.marked === true && (!r.endsOn || today < r.endsOn),
    periodZh: '列入期间且标记公示的予以公示；期满或移出后停止',
    periodEn: 'Shown while listed and marked for publication; gone when the listing ends',
    citations: [BLACKLIST_CITATION, PRIVACY_CITATION],
  },
  commitments: {
    id: 'commitments',
    titleZh: '告知承诺公开',
    titleEn: 'Commitments',
    fields: [
      code('applicationNumber', '申请号', 'Application'),
      code('establishmentCode', '机构码', 'Establishment code'),
      f('establishmentName', '机构名称', 'Establishment'),
      f('permitName', '许可事项', 'Permit'),
      code('licenceNumber', '许可证号', 'Licence number'),
      date('decidedOn', '决定日期', 'Decided on'),
      f('conditions', '承诺内容', 'Conditions committed to'),
      code('verification', '核查情况（pending / conforming / rectifying / false）', 'Verification'),
    ],
    onDisplay: always,
    periodZh: '以告知承诺方式取得的许可，其承诺内容向社会公开',
    periodEn: 'What an establishment committed to, for permits granted on commitment',
    citations: [COMMITMENT_CITATION],
  },
  campaigns: {
    id: 'campaigns',
    titleZh: '随机抽查计划',
    titleEn: 'Random-inspection plans',
    fields: [
      code('campaignNo', '计划编号', 'Campaign'),
      f('title', '名称', 'Title'),
      f('description', '说明', 'Description'),
      code('status', '状态', 'Status'),
      f('departments', '部门', 'Departments'),
      code('kinds', '对象类别', 'Kinds'),
      code('regionCodes', '区划', 'Regions'),
      date('periodStart', '检查期自', 'Period from'),
      date('periodEnd', '检查期至', 'Period until'),
      code('commitment', '承诺值', 'Commitment'),
      code('drawHash', '抽取结果哈希', 'Draw hash'),
      date('recordPublicFrom', '抽取记录公开日', 'Record public from'),
    ],
    onDisplay: (r) => !!r.publishedOn,
    periodZh: '计划批准公布后公开；抽取记录自检查期结束次日公开',
    periodEn: 'Public once approved; the draw record from the day after the inspection period',
    citations: [RANDOM_INSPECTION_CITATION, DRAW_RECORD_CITATION],
  },
  approved_institutions: {
    id: 'approved_institutions',
    titleZh: '人类辅助生殖技术机构和人类精子库名单',
    titleEn: 'Approved assisted-reproduction institutions and sperm banks',
    fields: [
      date('asOf', '名单截止日', 'List as of'),
      f('establishmentName', '机构名称', 'Institution'),
      code('permitCode', '事项编码', 'Permit type'),
      f('licenceName', '批准项目', 'Approved service'),
      code('number', '许可证号', 'Licence number'),
      date('validFrom', '有效期自', 'Valid from'),
      date('validTo', '有效期至', 'Valid until'),
    ],
    onDisplay: always,
    periodZh: '每半年公布一次（6月30日、12月31日）',
    periodEn: 'Published half-yearly (as of 30 June and 31 December)',
    citations: [ART_LIST_CITATION],
  },
  notices: {
    id: 'notices',
    titleZh: '许可公示（新申请）',
    titleEn: 'Applications under public notice',
    fields: [
      code('kind', '类别', 'Kind'),
      code('applicationNumber', '申请号', 'Application'),
      f('establishmentName', '申请机构', 'Applicant'),
      f('address', '地址', 'Address'),
      f('permitName', '申请事项', 'Permit'),
      date('receivedOn', '受理日期', 'Received on'),
      date('from', '公示自', 'Notice from'),
      date('until', '公示至', 'Notice until'),
      date('publicBy', '应公开日期（新申请）', 'To be published by (new applications)'),
    ],
    onDisplay: always,
    periodZh: '公示期内公开',
    periodEn: 'Shown during the notice period',
    citations: [ART_LIST_CITATION],
  },
  supervision_modes: {
    id: 'supervision_modes',
    titleZh: '监管方式',
    titleEn: 'Supervision modes',
    fields: [
      code('establishmentCode', '机构码', 'Establishment code'),
      f('name', '机构名称', 'Name'),
      code('mode', '监管方式（code / demerit / commitment / graded）', 'Supervision mode'),
      f('modeName', '监管方式名称', 'Supervision mode (Chinese)'),
      f('modeNameEn', '监管方式（英文）', 'Supervision mode (English)'),
    ],
    // Only the modes policy makes public (supervision-mode.ts); stationed and remote are withheld.
    onDisplay: (r) => isPublicSupervisionMode(r.mode),
    periodZh:
      '一码监管、不良记分监管、承诺式信用监管、量化分级监管予以公开（当前方式）；驻点式、非现场监管不公开',
    periodEn:
      'One-code, demerit-point, commitment-based and graded supervision are public (the current mode); stationed and remote supervision are not',
    citations: SUPERVISION_MODE_CITATIONS,
  },
};
