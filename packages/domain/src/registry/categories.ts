import { WS218_CITATION, WS218_CLASSES, WS218_CODES, WS218_GROUPS } from './ws218-categories.js';

/**
 * Kinds of supervised establishment (监管对象类型) and their categories. Medical institutions use the
 * WS 218-2002 codes; the other kinds have no national code list covering them, so Weijian gives them
 * its own codes with letters WS 218 does not use (S–Y), so one category code always names one kind.
 */
export const ESTABLISHMENT_KINDS = [
  'medical',
  'public_place',
  'drinking_water',
  'disinfection',
  'radiation',
  'school',
  'occupational',
  'other',
] as const;
export type EstablishmentKind = (typeof ESTABLISHMENT_KINDS)[number];

export const KIND_NAMES: Readonly<Record<EstablishmentKind, { zh: string; en: string }>> = {
  medical: { zh: '医疗卫生机构', en: 'Medical and health institution' },
  public_place: { zh: '公共场所', en: 'Public place' },
  drinking_water: { zh: '生活饮用水供水单位', en: 'Drinking-water supplier' },
  disinfection: { zh: '消毒产品生产企业', en: 'Disinfectant-product maker' },
  radiation: { zh: '放射卫生', en: 'Radiology user or radiation-health service' },
  school: { zh: '学校卫生', en: 'School or childcare facility' },
  occupational: { zh: '职业卫生', en: 'Occupational health' },
  other: { zh: '其他', en: 'Other' },
};

export interface EstablishmentCategory {
  code: string;
  nameZh: string;
  kind: EstablishmentKind;
  /** Parent node in the tree: a WS 218 group (A5) or class (A), or the kind's own class (S1). */
  parent: string;
}

export interface CategoryTreeNode {
  code: string;
  nameZh: string;
  parent: string | null;
}

const WEIJIAN_CODES_CITATION = {
  zh: '卫监自定代码（无覆盖该类对象的国家代码表）；公共场所分类依《公共场所卫生管理条例》第二条',
  en: "Weijian's own codes (no national list covers these); public places follow art. 2 of the Regulation on Public Place Hygiene",
} as const;
export const CATEGORY_CITATIONS = { ws218: WS218_CITATION, weijian: WEIJIAN_CODES_CITATION } as const;

/** Classes of Weijian's own codes (second level of the tree under each kind). */
const OWN_CLASSES: readonly (readonly [string, string, EstablishmentKind])[] = [
  ['S1', '住宿与交际场所', 'public_place'],
  ['S2', '洗浴与美容场所', 'public_place'],
  ['S3', '文化娱乐场所', 'public_place'],
  ['S4', '体育与游乐场所', 'public_place'],
  ['S5', '文化交流场所', 'public_place'],
  ['S6', '购物场所', 'public_place'],
  ['S7', '就诊与交通场所', 'public_place'],
  ['T', '生活饮用水', 'drinking_water'],
  ['U', '消毒产品', 'disinfection'],
  ['V', '放射卫生', 'radiation'],
  ['W', '学校卫生', 'school'],
  ['X', '职业卫生', 'occupational'],
  ['Y', '其他', 'other'],
];

/** [code, name, kind] — public places by the seven classes of 公共场所卫生管理条例 art. 2. */
const OWN_CODES: readonly (readonly [string, string, EstablishmentKind])[] = [
  ['S101', '宾馆、酒店', 'public_place'],
  ['S102', '旅店、招待所', 'public_place'],
  ['S103', '咖啡馆、酒吧、茶座', 'public_place'],
  ['S201', '公共浴室', 'public_place'],
  ['S202', '理发店', 'public_place'],
  ['S203', '美容店', 'public_place'],
  ['S301', '影剧院、录像厅（室）', 'public_place'],
  ['S302', '游艺厅（室）、舞厅', 'public_place'],
  ['S303', '音乐厅', 'public_place'],
  ['S401', '体育场（馆）', 'public_place'],
  ['S402', '游泳场（馆）', 'public_place'],
  ['S403', '公园', 'public_place'],
  ['S501', '展览馆', 'public_place'],
  ['S502', '博物馆、美术馆', 'public_place'],
  ['S503', '图书馆', 'public_place'],
  ['S601', '商场（店）', 'public_place'],
  ['S602', '书店', 'public_place'],
  ['S701', '候诊室', 'public_place'],
  ['S702', '候车（机、船）室', 'public_place'],
  ['S703', '公共交通工具', 'public_place'],
  ['T100', '集中式供水单位', 'drinking_water'],
  ['T200', '二次供水单位', 'drinking_water'],
  ['T300', '现制现售饮用水经营单位', 'drinking_water'],
  ['T400', '涉及饮用水卫生安全产品生产企业', 'drinking_water'],
  ['U100', '消毒剂生产企业', 'disinfection'],
  ['U200', '消毒器械生产企业', 'disinfection'],
  ['U300', '卫生用品生产企业', 'disinfection'],
  ['V100', '放射诊疗单位', 'radiation'],
  ['V200', '放射卫生技术服务机构', 'radiation'],
  ['W100', '托幼机构', 'school'],
  ['W200', '中小学校', 'school'],
  ['W300', '高等学校', 'school'],
  ['X100', '存在职业病危害的用人单位', 'occupational'],
  ['X200', '职业卫生技术服务机构', 'occupational'],
  ['Y100', '其他监管对象', 'other'],
];

function ws218Parent(code: string): string {
  const group = code.slice(0, 2);
  return WS218_GROUPS[group] ? group : code.slice(0, 1);
}

export const CATEGORIES: readonly EstablishmentCategory[] = [
  ...WS218_CODES.map(([code, nameZh]) => ({
    code,
    nameZh,
    kind: 'medical' as const,
    parent: ws218Parent(code),
  })),
  ...OWN_CODES.map(([code, nameZh, kind]) => ({
    code,
    nameZh,
    kind,
    parent: code.startsWith('S') ? code.slice(0, 2) : code.slice(0, 1),
  })),
];

const BY_CODE = new Map(CATEGORIES.map((c) => [c.code, c]));
/** Names are unique except WS 218's P939 "其他", which is only accepted by code. */
const BY_NAME = new Map<string, EstablishmentCategory>();
for (const c of CATEGORIES) {
  if (c.nameZh === '其他') continue;
  BY_NAME.set(normaliseName(c.nameZh), c);
}

function normaliseName(name: string): string {
  return name.replace(/\s+/g, '').replaceAll('(', '（').replaceAll(')', '）');
}

export function categoryByCode(code: string): EstablishmentCategory | undefined {
  return BY_CODE.get(code.trim().toUpperCase());
}

/** A category from its code (`A100`, any case) or its exact name (`综合医院`). */
export function resolveCategory(codeOrName: string): EstablishmentCategory | undefined {
  const v = codeOrName.trim();
  return BY_CODE.get(v.toUpperCase()) ?? BY_NAME.get(normaliseName(v));
}

export function categoriesOfKind(kind: EstablishmentKind): EstablishmentCategory[] {
  return CATEGORIES.filter((c) => c.kind === kind);
}

/** The category tree for pickers: kinds' classes and groups first, then the codes. */
export function categoryTree(): CategoryTreeNode[] {
  const nodes: CategoryTreeNode[] = [];
  for (const [code, nameZh] of Object.entries(WS218_CLASSES)) nodes.push({ code, nameZh, parent: null });
  for (const [code, nameZh] of Object.entries(WS218_GROUPS))
    nodes.push({ code, nameZh, parent: code.slice(0, 1) });
  for (const [code, nameZh] of OWN_CLASSES) {
    nodes.push({ code, nameZh, parent: code.length === 2 ? 'S' : null });
  }
  nodes.push({ code: 'S', nameZh: '公共场所', parent: null });
  for (const c of CATEGORIES) nodes.push({ code: c.code, nameZh: c.nameZh, parent: c.parent });
  return nodes;
}
