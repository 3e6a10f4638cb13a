import { type EstablishmentCategory, resolveCategory } from './categories.js';

/** 状态: 筹建 (being set up), 执业 (operating), 停业 (suspended), 注销 (deregistered). */
export const ESTABLISHMENT_STATUSES = ['preparing', 'operating', 'suspended', 'deregistered'] as const;
export type EstablishmentStatus = (typeof ESTABLISHMENT_STATUSES)[number];
export const STATUS_NAMES: Readonly<Record<EstablishmentStatus, string>> = {
  preparing: '筹建',
  operating: '执业',
  suspended: '停业',
  deregistered: '注销',
};

/** 举办主体: 公立 (government-run) or 社会办 (privately run). */
export const OWNERSHIPS = ['public', 'private'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];
export const OWNERSHIP_NAMES: Readonly<Record<Ownership, string>> = { public: '公立', private: '社会办' };
const OWNERSHIP_SYNONYMS: Readonly<Record<string, Ownership>> = {
  公立: 'public',
  公办: 'public',
  政府办: 'public',
  社会办: 'private',
  社会办医: 'private',
  民营: 'private',
  私立: 'private',
};

/** 经营性质 as written in the template. */
export const PROFIT_NAMES = { true: '营利性', false: '非营利性' } as const;
const PROFIT_SYNONYMS: Readonly<Record<string, boolean>> = {
  营利性: true,
  营利: true,
  非营利性: false,
  非营利: false,
};

/** 医院等级 (一/二/三级) where it applies, or 未定级. */
export const LEVELS = ['level1', 'level2', 'level3', 'unrated'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_NAMES: Readonly<Record<Level, string>> = {
  level1: '一级',
  level2: '二级',
  level3: '三级',
  unrated: '未定级',
};

/**
 * Flags the supervision rules need (seed 002 二(一), 三(七)): key sectors inspected in full
 * (医疗美容, 中医备案诊所, 口腔), differentiated full coverage (个体诊所, 村卫生室), and remote
 * monitoring (智慧卫监). Some are derived from the category and 诊疗科目; the others are set by staff.
 */
export const ESTABLISHMENT_FLAGS = [
  'medical_beauty',
  'tcm_filed_clinic',
  'dental',
  'individual_clinic',
  'village_clinic',
  'remote_monitoring',
] as const;
export type EstablishmentFlag = (typeof ESTABLISHMENT_FLAGS)[number];
export const FLAG_NAMES: Readonly<Record<EstablishmentFlag, string>> = {
  medical_beauty: '医疗美容',
  tcm_filed_clinic: '中医备案诊所',
  dental: '口腔',
  individual_clinic: '个体诊所',
  village_clinic: '村卫生室',
  remote_monitoring: '已安装智慧卫监远程监控',
};
export const FLAGS_CITATION = {
  zh: '济历城卫健发〔2022〕20号 二(一)、三(七)：医疗美容机构、中医备案诊所、口腔医疗机构执法检查全覆盖；个体诊所及村卫生室差异化监督检查全覆盖；已安装“智慧卫监”远程监控系统的机构实行非现场监管',
  en: 'Licheng 2022 No. 20, II(1), III(7): full inspection coverage for medical beauty, filed TCM clinics and dental institutions; differentiated full coverage for individual clinics and village clinics; remote supervision where monitoring is installed',
} as const;

/** Flags staff set by hand; the others follow from the record (recomputed on every change). */
export const MANUAL_FLAGS: readonly EstablishmentFlag[] = ['tcm_filed_clinic', 'remote_monitoring'];

const DENTAL_CATEGORIES = new Set(['A511', 'D152', 'D215', 'H211']);
const BEAUTY_CATEGORIES = new Set(['A528', 'A529', 'D154', 'D216']);
const CLINIC_CATEGORIES = /^D2\d\d$/;

export interface FlagInputs {
  categoryCode: string;
  clinicalSubjects: readonly string[];
  uscc: string | null;
}

/** The flags that follow from the category, the 诊疗科目 and the USCC (92 = 个体工商户). */
export function derivedFlags({ categoryCode, clinicalSubjects, uscc }: FlagInputs): EstablishmentFlag[] {
  const flags: EstablishmentFlag[] = [];
  const top = new Set(clinicalSubjects.map((s) => s.slice(0, 2)));
  if (BEAUTY_CATEGORIES.has(categoryCode) || top.has('14')) flags.push('medical_beauty');
  if (DENTAL_CATEGORIES.has(categoryCode) || top.has('12')) flags.push('dental');
  if (CLINIC_CATEGORIES.test(categoryCode) && uscc?.startsWith('92')) flags.push('individual_clinic');
  if (categoryCode === 'D600') flags.push('village_clinic');
  return flags;
}

/** Derived flags plus the manual ones kept from `manual`, in a stable order. */
export function combineFlags(inputs: FlagInputs, manual: readonly string[]): EstablishmentFlag[] {
  const set = new Set<string>([
    ...derivedFlags(inputs),
    ...manual.filter((f) => MANUAL_FLAGS.includes(f as EstablishmentFlag)),
  ]);
  return ESTABLISHMENT_FLAGS.filter((f) => set.has(f));
}

export function parseOwnership(v: string): Ownership | undefined {
  return OWNERSHIP_SYNONYMS[v.trim()];
}

export function parseForProfit(v: string): boolean | undefined {
  return PROFIT_SYNONYMS[v.trim()];
}

export function parseStatus(v: string): EstablishmentStatus | undefined {
  const t = v.trim();
  return ESTABLISHMENT_STATUSES.find((s) => STATUS_NAMES[s] === t || s === t);
}

/**
 * Contact numbers. A mobile number (1[3-9]… with 11 digits) belongs to a person, so it is personal
 * information (个人信息保护法 §4) and is stored encrypted and shown masked; a landline or a 400/800
 * number belongs to the institution and stays plain. Returns undefined for anything else.
 */
export type PhoneKind = 'mobile' | 'landline';
export interface ClassifiedPhone {
  kind: PhoneKind;
  /** Digits (and one '-' between area code and number for landlines, '-' before an extension). */
  normalized: string;
}

export function classifyPhone(input: string): ClassifiedPhone | undefined {
  const v = input
    .trim()
    .replace(/[\s()（）]/g, '')
    .replace(/^\+?86-?/, '');
  if (/^1[3-9]\d{9}$/.test(v)) return { kind: 'mobile', normalized: v };
  const land = /^(0\d{2,3})-?(\d{7,8})(?:(?:-|转)(\d{1,6}))?$/.exec(v);
  if (land) return { kind: 'landline', normalized: `${land[1]}-${land[2]}${land[3] ? `-${land[3]}` : ''}` };
  if (/^\d{7,8}$/.test(v)) return { kind: 'landline', normalized: v };
  const service = /^([48]00)-?(\d{3})-?(\d{4})$/.exec(v);
  if (service) return { kind: 'landline', normalized: `${service[1]}-${service[2]}-${service[3]}` };
  return undefined;
}

/** The masked form of a mobile number as exports show it: 138****5678. */
export function maskMobile(mobile: string): string {
  return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}

export function isMaskedMobile(v: string): boolean {
  return /^1[3-9]\d\*{4}\d{4}$/.test(v.trim());
}

export function kindOfCategory(codeOrName: string): EstablishmentCategory['kind'] | undefined {
  return resolveCategory(codeOrName)?.kind;
}
