/**
 * Practitioners: professions, 医师执业类别 (卫医发〔2001〕169号, statistical codes 1–4) and 执业范围
 * statistical codes, and titles (职称). Nurses have no 执业类别; registration records only the place.
 */
export const PRACTICE_CITATION = {
  zh: '《关于医师执业注册中执业范围的暂行规定》（卫医发〔2001〕169号）',
  en: 'Provisional rules on the scope of practice in physician registration (MoH 2001 No. 169)',
} as const;

export const PROFESSIONS = ['doctor', 'nurse', 'pharmacist', 'technician'] as const;
export type Profession = (typeof PROFESSIONS)[number];

export const PROFESSION_NAMES: Readonly<Record<Profession, string>> = {
  doctor: '医师',
  nurse: '护士',
  pharmacist: '药师',
  technician: '技师',
};

export const PRACTICE_CATEGORIES: Readonly<Record<string, string>> = {
  '1': '临床',
  '2': '口腔',
  '3': '公共卫生',
  '4': '中医',
};

/** 执业范围 codes with the 执业类别 each belongs to ('' = any category: 57 省级规定的其他). */
function scopesOf(category: string, entries: readonly (readonly [string, string])[]) {
  return entries.map(([code, nameZh]) => ({ code, nameZh, category }));
}
export const PRACTICE_SCOPES: readonly { code: string; nameZh: string; category: string }[] = [
  ...scopesOf('1', [
    ['11', '内科专业'],
    ['12', '外科专业'],
    ['13', '妇产科专业'],
    ['14', '儿科专业'],
    ['15', '眼耳鼻咽喉科专业'],
    ['16', '皮肤病与性病专业'],
    ['17', '精神卫生专业'],
    ['18', '职业病专业'],
    ['19', '医学影像和放射治疗专业'],
    ['20', '医学检验、病理专业'],
    ['21', '全科医学专业'],
    ['22', '急救医学专业'],
    ['23', '康复医学专业'],
    ['24', '预防保健专业'],
    ['25', '特种医学与军事医学专业'],
    ['26', '计划生育技术服务专业'],
  ]),
  ...scopesOf('2', [['31', '口腔专业']]),
  ...scopesOf('3', [['41', '公共卫生类别专业']]),
  ...scopesOf('4', [
    ['51', '中医专业'],
    ['52', '中西医结合专业'],
    ['53', '蒙医专业'],
    ['54', '藏医专业'],
    ['55', '维医专业'],
    ['56', '傣医专业'],
  ]),
  ...scopesOf('', [['57', '省级卫生健康行政部门规定的其他专业']]),
];

/** 职称 grades; the name depends on the profession (主任医师, 主管护师 …). */
export const TITLE_GRADES = ['senior', 'associate_senior', 'intermediate', 'junior', 'assistant'] as const;
export type TitleGrade = (typeof TITLE_GRADES)[number];

export const TITLE_NAMES: Readonly<Record<Profession, Readonly<Record<TitleGrade, string>>>> = {
  doctor: {
    senior: '主任医师',
    associate_senior: '副主任医师',
    intermediate: '主治医师',
    junior: '医师',
    assistant: '医士',
  },
  nurse: {
    senior: '主任护师',
    associate_senior: '副主任护师',
    intermediate: '主管护师',
    junior: '护师',
    assistant: '护士',
  },
  pharmacist: {
    senior: '主任药师',
    associate_senior: '副主任药师',
    intermediate: '主管药师',
    junior: '药师',
    assistant: '药士',
  },
  technician: {
    senior: '主任技师',
    associate_senior: '副主任技师',
    intermediate: '主管技师',
    junior: '技师',
    assistant: '技士',
  },
};

/** Whether a scope may be registered under a category (57 goes with any). */
export function scopeFitsCategory(scopeCode: string, categoryCode: string): boolean {
  const scope = PRACTICE_SCOPES.find((s) => s.code === scopeCode);
  if (!scope) return false;
  return scope.category === '' || scope.category === categoryCode;
}
