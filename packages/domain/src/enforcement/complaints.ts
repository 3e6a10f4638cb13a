import type { Calendar, Citation } from '../calendar/calendar.js';
import type { IsoDate } from '../calendar/iso-date.js';
import { DomainError } from '../errors.js';
import { SEED_002_ANNEX_3 } from '../registry/responsibility-map.js';
import { LOCAL_DEFAULT } from './citations.js';
import type { EnforcementWorkflow } from './state-table.js';

/**
 * Complaints and reports (投诉举报): what a complaint is about decides which department handles
 * it, after the responsibility map of seed 002 annex 3. The categories are data: each names its
 * department and quotes the duty that makes it responsible.
 */
export interface ComplaintCategory {
  code: string;
  nameZh: string;
  nameEn: string;
  departmentCode: string;
  /** Words that suggest the category when the reporter did not choose one. */
  keywords: readonly string[];
  /** Whether a substantiated complaint of this kind is likely a crime (referral to police). */
  possibleCrime?: boolean;
  citation: Citation;
}

const A3 = SEED_002_ANNEX_3;
const duty = (dept: string, zh: string, en: string): Citation => ({
  zh: `${A3.zh}：${dept}“${zh}”`,
  en: `${A3.en}: ${en}`,
});

export const COMPLAINT_CATEGORIES: readonly ComplaintCategory[] = [
  {
    code: 'illegal_practice',
    nameZh: '非法行医、无证执业、超范围执业',
    nameEn: 'Practice without a licence or beyond its scope',
    departmentCode: 'supervision',
    keywords: [
      '无证',
      '非法行医',
      '黑诊所',
      '没有执业',
      '超范围',
      '假医生',
      '游医',
      '无资质',
      '非卫生技术人员',
    ],
    citation: duty(
      '卫生健康部门',
      '负责职责范围内的执法监督，负责医疗卫生机构、医务人员、医疗技术监管',
      'health: enforcement within its remit, supervision of institutions, staff and technology (carried out by the supervision institute)',
    ),
  },
  {
    code: 'practice_violation',
    nameZh: '违规执业（医务人员执业行为、病历处方、院感、传染病防治、放射诊疗许可）',
    nameEn: 'Practice violations (conduct of medical staff, records, prescriptions, infection control)',
    departmentCode: 'supervision',
    keywords: [
      '病历',
      '处方',
      '消毒',
      '院感',
      '感染',
      '传染病',
      '疫苗',
      '执业医师',
      '护士',
      '多点执业',
      '放射诊疗',
    ],
    citation: duty(
      '卫生健康部门',
      '加强医疗服务质量、安全和行为监管，负责职责范围内的执法监督',
      'health: conduct of medical services, enforcement within its remit',
    ),
  },
  {
    code: 'public_health',
    nameZh: '公共卫生（公共场所、生活饮用水、学校卫生、消毒产品、职业卫生）',
    nameEn: 'Public health (public places, drinking water, schools, disinfectants, occupational health)',
    departmentCode: 'supervision',
    keywords: [
      '公共场所',
      '宾馆',
      '浴室',
      '理发',
      '美容店',
      '游泳',
      '饮用水',
      '自来水',
      '二次供水',
      '学校',
      '消毒产品',
    ],
    citation: duty(
      '卫生健康部门',
      '负责职责范围内的执法监督',
      'health: enforcement within its remit (public-health supervision)',
    ),
  },
  {
    code: 'medical_quality',
    nameZh: '医疗质量与安全、医疗纠纷',
    nameEn: 'Quality and safety of care, medical disputes',
    departmentCode: 'health',
    keywords: ['误诊', '医疗事故', '手术', '医疗纠纷', '治疗效果', '并发症', '医疗质量'],
    citation: duty(
      '卫生健康部门',
      '依法负责医疗机构的运行监管，加强医疗服务质量、安全和行为监管',
      'health: operation of institutions, quality and safety of care',
    ),
  },
  {
    code: 'service_conduct',
    nameZh: '服务态度、医德医风',
    nameEn: 'Service and professional ethics',
    departmentCode: 'health',
    keywords: ['态度', '红包', '回扣', '医德', '医风', '推诿', '拒诊'],
    citation: duty('卫生健康部门', '加强医疗服务质量、安全和行为监管', 'health: conduct of medical services'),
  },
  {
    code: 'pricing',
    nameZh: '医疗服务价格、乱收费',
    nameEn: 'Prices and overcharging',
    departmentCode: 'market',
    keywords: ['收费', '价格', '乱收费', '多收', '高价', '明码标价', '退费'],
    citation: duty(
      '市场监管部门',
      '负责医疗卫生行业价格监督检查、反垄断与不正当竞争执法工作',
      'market regulation: price inspections, anti-monopoly and unfair competition',
    ),
  },
  {
    code: 'drugs_devices',
    nameZh: '药品、医疗器械、执业药师',
    nameEn: 'Medicines, medical devices, licensed pharmacists',
    departmentCode: 'market',
    keywords: ['药品', '假药', '劣药', '过期药', '医疗器械', '器械', '药师', '药店'],
    citation: duty(
      '市场监管部门',
      '负责药品、医疗器械的监管，负责执业药师的管理',
      'market regulation: medicines, medical devices, licensed pharmacists',
    ),
  },
  {
    code: 'advertising_competition',
    nameZh: '虚假宣传、医疗广告、不正当竞争',
    nameEn: 'False advertising and unfair competition',
    departmentCode: 'market',
    keywords: ['广告', '虚假宣传', '夸大', '包治', '不正当竞争', '垄断'],
    citation: duty(
      '市场监管部门',
      '负责医疗卫生行业价格监督检查、反垄断与不正当竞争执法工作',
      'market regulation: anti-monopoly and unfair competition',
    ),
  },
  {
    code: 'insurance_fraud',
    nameZh: '欺诈骗保、医保违规',
    nameEn: 'Medical-insurance fraud and violations',
    departmentCode: 'insurance',
    keywords: ['医保', '骗保', '套保', '挂床', '虚假住院', '医保卡', '刷卡', '统筹'],
    citation: duty(
      '医疗保障部门',
      '监督管理纳入医保范围内医疗机构相关服务行为和医疗费用，依法查处医疗保障方面违法违规行为',
      'medical insurance: services and costs of covered institutions, insurance violations',
    ),
  },
  {
    code: 'violence_against_staff',
    nameZh: '伤害医务人员、扰乱医疗秩序',
    nameEn: 'Violence against medical staff, disturbing medical order',
    departmentCode: 'police',
    keywords: ['打人', '伤医', '殴打', '医闹', '闹事', '扰乱', '砸', '威胁医生'],
    possibleCrime: true,
    citation: duty(
      '公安部门',
      '依法查处打击各类扰乱正常医疗秩序、伤害医务人员等违法犯罪行为',
      'police: crimes disturbing medical order or harming medical staff',
    ),
  },
  {
    code: 'illegal_practice_crime',
    nameZh: '非法行医犯罪（情节严重、造成健康损害）',
    nameEn: 'Illegal medical practice as a crime (serious, harm to health)',
    departmentCode: 'police',
    keywords: ['致死', '致残', '死亡', '严重损害'],
    possibleCrime: true,
    citation: duty('公安部门', '打击非法行医犯罪活动', 'police: the crime of illegal medical practice'),
  },
  {
    code: 'radiation_safety',
    nameZh: '辐射安全',
    nameEn: 'Radiation safety',
    departmentCode: 'environment',
    keywords: ['辐射', '射线', '放射源', '同位素', '核素'],
    citation: duty(
      '生态环境部门',
      '负责对医疗机构辐射安全……进行监督检查',
      'environment: radiation safety at medical institutions',
    ),
  },
  {
    code: 'medical_waste',
    nameZh: '医疗废物转运、处置',
    nameEn: 'Transfer and disposal of medical waste',
    departmentCode: 'environment',
    keywords: ['医疗废物', '医废', '废水', '污水', '垃圾', '针头', '倾倒'],
    citation: duty(
      '生态环境部门',
      '负责对医疗机构……医疗废物转运、处置情况进行监督检查',
      'environment: transfer and disposal of medical waste',
    ),
  },
  {
    code: 'registration',
    nameZh: '审批登记事项',
    nameEn: 'Licensing and registration matters',
    departmentCode: 'approval',
    keywords: ['审批', '登记', '许可办理', '民办非企业'],
    citation: duty(
      '行政审批部门',
      '依照职责做好承接的医疗卫生审批登记事项相关许可工作',
      'administrative approval: the licences and registrations it took over',
    ),
  },
  {
    code: 'other',
    nameZh: '其他（由卫生健康部门分办）',
    nameEn: 'Other (the health department routes it)',
    departmentCode: 'health',
    keywords: [],
    citation: duty(
      '卫生健康部门',
      '作为责任主体，牵头开展医疗服务领域“综合监管一件事”制度建设',
      'health: the lead department of integrated supervision',
    ),
  },
];

export const COMPLAINT_CATEGORY_CODES = COMPLAINT_CATEGORIES.map((c) => c.code);

export function complaintCategory(code: string): ComplaintCategory {
  const c = COMPLAINT_CATEGORIES.find((x) => x.code === code);
  if (!c) {
    throw new DomainError(
      'unknown_category',
      `投诉举报类别无效：${code}`,
      `Unknown complaint category: ${code}`,
      {
        categories: COMPLAINT_CATEGORY_CODES,
      },
    );
  }
  return c;
}

export interface CategorySuggestion {
  code: string;
  /** Keywords of the category found in the text (why it was suggested). */
  matched: string[];
}

/**
 * Suggests a category from the complaint's text: the category with the most keyword hits wins;
 * a tie goes to the category listed first (the map's order). No hit → 'other', routed by the
 * health department as lead department.
 */
export function suggestComplaintCategory(text: string): CategorySuggestion {
  let best: CategorySuggestion = { code: 'other', matched: [] };
  for (const c of COMPLAINT_CATEGORIES) {
    const matched = c.keywords.filter((k) => text.includes(k));
    if (matched.length > best.matched.length) best = { code: c.code, matched };
  }
  return best;
}

export interface ComplaintRoute {
  categoryCode: string;
  departmentCode: string;
  citation: Citation;
  possibleCrime: boolean;
}

/** The responsible department of a category, with the duty that makes it responsible. */
export function routeComplaint(categoryCode: string): ComplaintRoute {
  const c = complaintCategory(categoryCode);
  return {
    categoryCode: c.code,
    departmentCode: c.departmentCode,
    citation: c.citation,
    possibleCrime: c.possibleCrime === true,
  };
}

/** Complaint deadlines in working days: versioned settings, these are the shipped defaults. */
export interface ComplaintPeriods {
  /** Decide whether to accept, from receipt. */
  acceptWorkingDays: number;
  /** Verify and conclude (or open a case), from acceptance. */
  handleWorkingDays: number;
  /** Tell the reporter the result, from the conclusion. */
  replyWorkingDays: number;
}

export const DEFAULT_COMPLAINT_PERIODS: ComplaintPeriods = {
  acceptWorkingDays: 7,
  handleWorkingDays: 15,
  replyWorkingDays: 5,
};

export const COMPLAINT_PERIOD_CITATIONS: Readonly<Record<keyof ComplaintPeriods, Citation>> = {
  acceptWorkingDays: LOCAL_DEFAULT(
    '自收到之日起7个工作日内决定是否受理（参照《市场监督管理投诉举报处理暂行办法》第十五条）',
    'decide on acceptance within 7 working days of receipt (after the market regulator’s complaint rules, art. 15)',
  ),
  handleWorkingDays: LOCAL_DEFAULT(
    '自受理之日起15个工作日内核查并决定是否立案（参照《市场监督管理行政处罚程序规定》第十八条）',
    'verify and decide whether to open a case within 15 working days of acceptance (after the market regulator’s penalty procedure, art. 18)',
  ),
  replyWorkingDays: LOCAL_DEFAULT(
    '办结后5个工作日内告知举报人（参照《市场监督管理投诉举报处理暂行办法》第三十一条）',
    'tell the reporter within 5 working days of the conclusion (after the market regulator’s complaint rules, art. 31)',
  ),
};

export function complaintAcceptDue(calendar: Calendar, receivedOn: IsoDate, p: ComplaintPeriods): IsoDate {
  return calendar.addWorkingDays(receivedOn, p.acceptWorkingDays).date;
}
export function complaintHandleDue(calendar: Calendar, acceptedOn: IsoDate, p: ComplaintPeriods): IsoDate {
  return calendar.addWorkingDays(acceptedOn, p.handleWorkingDays).date;
}
export function complaintReplyDue(calendar: Calendar, concludedOn: IsoDate, p: ComplaintPeriods): IsoDate {
  return calendar.addWorkingDays(concludedOn, p.replyWorkingDays).date;
}

/** The life of a complaint. Rerouting to another department keeps the state (`=`). */
export const COMPLAINT_STATES = ['received', 'accepted', 'not_accepted', 'concluded', 'closed'] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];
export const COMPLAINT_ACTIONS = ['accept', 'refuse', 'reroute', 'conclude', 'reply', 'reclassify'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

export const COMPLAINT_WORKFLOW: EnforcementWorkflow<ComplaintState, ComplaintAction> = {
  name: 'complaint',
  initial: 'received',
  states: {
    received: { labelZh: '已收到，待受理', labelEn: 'Received', terminal: false },
    accepted: { labelZh: '已受理，核查处理中', labelEn: 'Accepted, being handled', terminal: false },
    not_accepted: { labelZh: '不予受理', labelEn: 'Not accepted', terminal: true },
    concluded: { labelZh: '已办结，待答复', labelEn: 'Concluded, reply pending', terminal: false },
    closed: { labelZh: '已答复，结束', labelEn: 'Replied and closed', terminal: true },
  },
  transitions: [
    {
      action: 'accept',
      from: ['received'],
      to: 'accepted',
      roles: ['handler'],
      labelZh: '受理',
      labelEn: 'Accept',
    },
    {
      action: 'refuse',
      from: ['received'],
      to: 'not_accepted',
      roles: ['handler'],
      labelZh: '不予受理（说明理由）',
      labelEn: 'Do not accept (with reasons)',
    },
    {
      action: 'reroute',
      from: ['received', 'accepted'],
      to: '=',
      roles: ['handler'],
      labelZh: '转办其他部门（按职责分工）',
      labelEn: 'Route to another department (by the responsibility map)',
    },
    {
      action: 'reclassify',
      from: ['received', 'accepted'],
      to: '=',
      roles: ['handler'],
      labelZh: '更正类别',
      labelEn: 'Correct the category',
    },
    {
      action: 'conclude',
      from: ['accepted'],
      to: 'concluded',
      roles: ['handler'],
      labelZh: '办结（核查属实／不属实）',
      labelEn: 'Conclude (substantiated or not)',
    },
    {
      action: 'reply',
      from: ['concluded'],
      to: 'closed',
      roles: ['handler'],
      labelZh: '答复举报人',
      labelEn: 'Reply to the reporter',
    },
  ],
};

/**
 * A new report duplicates an open complaint when it is about the same thing: the same category and
 * the same identified establishment, or — when none was identified — the same establishment name as
 * written (ignoring spaces and punctuation) in the same county. It then joins the first complaint as
 * another reporter instead of starting a second file.
 */
export interface DuplicateKey {
  categoryCode: string;
  establishmentId: number | null;
  establishmentText: string;
  regionCode: string;
}

export function normaliseSubject(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
}

export function isDuplicateComplaint(candidate: DuplicateKey, open: DuplicateKey): boolean {
  if (candidate.categoryCode !== open.categoryCode) return false;
  if (candidate.establishmentId !== null || open.establishmentId !== null) {
    return candidate.establishmentId === open.establishmentId;
  }
  const a = normaliseSubject(candidate.establishmentText);
  return (
    a.length > 0 &&
    a === normaliseSubject(open.establishmentText) &&
    candidate.regionCode.slice(0, 6) === open.regionCode.slice(0, 6)
  );
}

/**
 * Query codes: what a reporter keeps to follow the complaint without an account. 12 characters of
 * Crockford's base-32 alphabet (no I, L, O, U), 60 random bits, shown as XXXX-XXXX-XXXX. Only a
 * keyed hash is stored.
 */
const QUERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function formatQueryCode(random: Uint8Array): string {
  if (random.length < 8) throw new Error('a query code needs at least 8 random bytes');
  let bits = 0n;
  for (const b of random.subarray(0, 8)) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 12; i++) {
    out += QUERY_ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}`;
}

/** The canonical form of what a reporter typed (case, spaces, dashes and look-alikes forgiven), or null. */
export function normaliseQueryCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (s.length !== 12 || [...s].some((ch) => !QUERY_ALPHABET.includes(ch))) return null;
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}`;
}
