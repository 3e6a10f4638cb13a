/**
 * 医疗机构诊疗科目名录 (卫医发〔1994〕27号), with 27 疼痛科 (added 2007) and 28 重症医学科 (added 2009).
 * First-level codes as in standards-and-data.md §4; second-level codes ("专业") for the subjects
 * registrations most often itemise. Copies in HIS repositories contain OCR errors, so extend this
 * list only after proofreading against the notice.
 */
export const CLINICAL_SUBJECTS_CITATION = {
  zh: '《医疗机构诊疗科目名录》（卫医发〔1994〕27号），2007年增补疼痛科，2009年增补重症医学科',
  en: 'Catalogue of clinical subjects of medical institutions (MoH 1994 No. 27), with pain medicine (2007) and critical care (2009) added',
} as const;

export interface ClinicalSubject {
  code: string;
  nameZh: string;
  parent: string | null;
}

const TOP: readonly (readonly [string, string])[] = [
  ['01', '预防保健科'],
  ['02', '全科医疗科'],
  ['03', '内科'],
  ['04', '外科'],
  ['05', '妇产科'],
  ['06', '妇女保健科'],
  ['07', '儿科'],
  ['08', '小儿外科'],
  ['09', '儿童保健科'],
  ['10', '眼科'],
  ['11', '耳鼻咽喉科'],
  ['12', '口腔科'],
  ['13', '皮肤科'],
  ['14', '医疗美容科'],
  ['15', '精神科'],
  ['16', '传染科'],
  ['17', '结核病科'],
  ['18', '地方病科'],
  ['19', '肿瘤科'],
  ['20', '急诊医学科'],
  ['21', '康复医学科'],
  ['22', '运动医学科'],
  ['23', '职业病科'],
  ['24', '临终关怀科'],
  ['25', '特种医学与军事医学科'],
  ['26', '麻醉科'],
  ['27', '疼痛科'],
  ['28', '重症医学科'],
  ['30', '医学检验科'],
  ['31', '病理科'],
  ['32', '医学影像科'],
  ['50', '中医科'],
  ['51', '民族医学科'],
  ['52', '中西医结合科'],
  ['69', '其他业务科室'],
];

const SECOND: Readonly<Record<string, readonly string[]>> = {
  '03': [
    '呼吸内科专业',
    '消化内科专业',
    '神经内科专业',
    '心血管内科专业',
    '血液内科专业',
    '肾病学专业',
    '内分泌专业',
    '免疫学专业',
    '变态反应专业',
    '老年病专业',
    '其他',
  ],
  '04': [
    '普通外科专业',
    '神经外科专业',
    '骨科专业',
    '泌尿外科专业',
    '胸外科专业',
    '心脏大血管外科专业',
    '烧伤科专业',
    '整形外科专业',
    '其他',
  ],
  '05': ['妇科专业', '产科专业', '计划生育专业', '优生学专业', '生殖健康与不孕症专业', '其他'],
  '12': ['口腔内科专业', '口腔颌面外科专业', '正畸专业', '口腔修复专业', '口腔预防保健专业', '其他'],
  '13': ['皮肤病专业', '性传播疾病专业', '其他'],
  '32': [
    'X线诊断专业',
    'CT诊断专业',
    '磁共振成像诊断专业',
    '核医学专业',
    '超声诊断专业',
    '心电诊断专业',
    '脑电及脑血流图诊断专业',
    '神经肌电图专业',
    '介入放射学专业',
    '放射治疗专业',
    '其他',
  ],
};

export const CLINICAL_SUBJECTS: readonly ClinicalSubject[] = TOP.flatMap(([code, nameZh]) => [
  { code, nameZh, parent: null },
  ...(SECOND[code] ?? []).map((name, i) => ({
    code: `${code}.${String(i + 1).padStart(2, '0')}`,
    nameZh: name,
    parent: code,
  })),
]);

const BY_CODE = new Map(CLINICAL_SUBJECTS.map((s) => [s.code, s]));
/** Only first-level names are unique ("其他" and "内科专业" recur), so only they resolve by name. */
const BY_NAME = new Map(CLINICAL_SUBJECTS.filter((s) => s.parent === null).map((s) => [s.nameZh, s]));

export function clinicalSubjectByCode(code: string): ClinicalSubject | undefined {
  return BY_CODE.get(code);
}

/** A subject from its code (`03`, `3`, `03.01`) or a first-level name (`内科`). */
export function resolveClinicalSubject(token: string): ClinicalSubject | undefined {
  const t = token.trim();
  if (/^\d{1,2}(\.\d{1,2})?$/.test(t)) {
    const [a, b] = t.split('.');
    const code = b === undefined ? a!.padStart(2, '0') : `${a!.padStart(2, '0')}.${b.padStart(2, '0')}`;
    return BY_CODE.get(code);
  }
  return BY_NAME.get(t);
}

/** Splits a cell such as `03;04;12`, `内科、外科` or `03.01，12` into tokens. */
export function splitList(cell: string): string[] {
  return cell
    .split(/[;；,，、\s|/]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
