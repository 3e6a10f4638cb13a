import type { Citation } from '../calendar/calendar.js';
import { DomainError } from '../errors.js';
import { CREDIT_CITATIONS, weijianDefault } from './citations.js';

/**
 * 量化分级 of medical-beauty and dental clinics (seed 002 二(七), annex 2 item 8): a scored
 * checklist whose total maps to A 优秀 / B 良好 / C 一般 / D 差, which sets the inspection
 * frequency and is shown on the portal. A key item scored below half its maximum caps the grade.
 */
export const QUALITY_GRADES = ['A', 'B', 'C', 'D'] as const;
export type QualityGrade = (typeof QUALITY_GRADES)[number];
export const QUALITY_GRADE_NAMES: Readonly<Record<QualityGrade, { zh: string; en: string }>> = {
  A: { zh: 'A 优秀', en: 'A excellent' },
  B: { zh: 'B 良好', en: 'B good' },
  C: { zh: 'C 一般', en: 'C fair' },
  D: { zh: 'D 差', en: 'D poor' },
};

export const GRADED_SECTORS = ['medical_beauty', 'dental'] as const;
export type GradedSector = (typeof GRADED_SECTORS)[number];

export interface GradingItem {
  code: string;
  whatZh: string;
  whatEn: string;
  maxScore: number;
  /** Key item: below half its maximum, the grade is at best `keyItemCap`. */
  key: boolean;
  basis: Citation;
}

export interface GradingChecklist {
  sector: GradedSector;
  titleZh: string;
  items: GradingItem[];
}

export interface GradingRules {
  checklists: GradingChecklist[];
  /** Lowest total of each grade (D below C's). */
  bands: { A: number; B: number; C: number };
  keyItemCap: QualityGrade;
  citation: Citation;
}

const i = (
  code: string,
  whatZh: string,
  whatEn: string,
  maxScore: number,
  key: boolean,
  basis: Citation,
): GradingItem => ({
  code,
  whatZh,
  whatEn,
  maxScore,
  key,
  basis,
});
const b = (zh: string, en: string): Citation => ({ zh, en });

export const DEFAULT_GRADING_RULES: GradingRules = {
  checklists: [
    {
      sector: 'medical_beauty',
      titleZh: '医疗美容机构量化分级评分表',
      items: [
        i(
          'MB01',
          '执业许可证、医疗美容科目登记、美容主诊医师资质',
          'Licence, registered medical-beauty subject, lead physicians qualified',
          20,
          true,
          b('《医疗美容服务管理办法》第二章', 'Measures on Medical Beauty Services ch. 2'),
        ),
        i(
          'MB02',
          '医师、护士执业注册与执业地点一致',
          'Physicians and nurses registered at this place',
          15,
          true,
          b('《医师法》（2021）第十四条', 'Physicians Law (2021) art. 14'),
        ),
        i(
          'MB03',
          '按项目分级目录开展，未超范围',
          'Procedures within the graded catalogue and the licence',
          15,
          false,
          b('《医疗美容项目分级管理目录》', 'Catalogue of graded medical-beauty procedures'),
        ),
        i(
          'MB04',
          '消毒灭菌、手术室和治疗室院感管理',
          'Sterilisation, theatre and treatment-room infection control',
          20,
          true,
          b('《医院感染管理办法》', 'Measures on Hospital Infection Management'),
        ),
        i(
          'MB05',
          '注射用药品、医疗器械来源合法、使用登记',
          'Injectables and devices from lawful sources, use recorded',
          10,
          false,
          b(
            '《药品管理法》；《医疗器械监督管理条例》',
            'Drug Administration Law; Regulation on Medical Devices',
          ),
        ),
        i(
          'MB06',
          '病历书写与知情同意',
          'Medical records and informed consent',
          10,
          false,
          b('《医疗机构病历管理规定》', 'Provisions on Medical Records'),
        ),
        i(
          'MB07',
          '医疗废物分类、暂存与交接',
          'Medical waste sorted, stored, handed over',
          5,
          false,
          b('《医疗废物管理条例》', 'Regulation on Medical Waste'),
        ),
        i(
          'MB08',
          '医疗广告合法，收费公示',
          'Lawful advertising, prices displayed',
          5,
          false,
          b('《医疗广告管理办法》', 'Measures on Medical Advertising'),
        ),
      ],
    },
    {
      sector: 'dental',
      titleZh: '口腔医疗机构量化分级评分表',
      items: [
        i(
          'DT01',
          '执业许可证、诊疗科目与执业范围相符',
          'Licence and registered subjects match the practice',
          15,
          true,
          b('《医疗机构管理条例》', 'Regulation on Medical Institutions'),
        ),
        i(
          'DT02',
          '口腔医师、护士执业注册',
          'Dentists and nurses registered',
          15,
          true,
          b('《医师法》（2021）第十四条', 'Physicians Law (2021) art. 14'),
        ),
        i(
          'DT03',
          '口腔器械清洗、消毒、灭菌符合规范（一人一用一消毒/灭菌）',
          'Instruments cleaned, disinfected, sterilised per patient',
          25,
          true,
          b('WS 506-2016《口腔器械消毒灭菌技术操作规范》', 'WS 506-2016 dental instrument sterilisation'),
        ),
        i(
          'DT04',
          '诊室环境与院感防控',
          'Surgery environment and infection control',
          15,
          false,
          b('《医院感染管理办法》', 'Measures on Hospital Infection Management'),
        ),
        i(
          'DT05',
          '口腔 X 线设备放射防护与放射诊疗许可',
          'Dental X-ray radiation protection and permit',
          10,
          false,
          b('《放射诊疗管理规定》', 'Provisions on Radiological Diagnosis and Treatment'),
        ),
        i(
          'DT06',
          '病历与知情同意',
          'Medical records and informed consent',
          10,
          false,
          b('《医疗机构病历管理规定》', 'Provisions on Medical Records'),
        ),
        i(
          'DT07',
          '医疗废物分类、暂存与交接',
          'Medical waste sorted, stored, handed over',
          5,
          false,
          b('《医疗废物管理条例》', 'Regulation on Medical Waste'),
        ),
        i(
          'DT08',
          '诊疗科目、收费和人员信息公示',
          'Subjects, prices and staff displayed',
          5,
          false,
          b('《医疗机构管理条例》第二十六条', 'Regulation on Medical Institutions art. 26'),
        ),
      ],
    },
  ],
  bands: { A: 90, B: 75, C: 60 },
  keyItemCap: 'C',
  citation: {
    zh: `${CREDIT_CITATIONS.seed002Grading.zh}；${weijianDefault('满分 100，A ≥90、B 75–89、C 60–74、D <60，关键项得分不足一半时最高评 C', 'out of 100: A ≥90, B 75–89, C 60–74, D <60; a key item below half caps the grade at C').zh}`,
    en: `${CREDIT_CITATIONS.seed002Grading.en}; ${weijianDefault('满分 100', 'out of 100: A ≥90, B 75–89, C 60–74, D <60; a key item below half caps the grade at C').en}`,
  },
};

export interface GradingResult {
  sector: GradedSector;
  total: number;
  maxTotal: number;
  grade: QualityGrade;
  /** The grade the total alone gives. */
  gradeByTotal: QualityGrade;
  /** Key items that capped the grade. */
  cappedBy: string[];
}

function gradeOfTotal(total: number, bands: GradingRules['bands']): QualityGrade {
  if (total >= bands.A) return 'A';
  if (total >= bands.B) return 'B';
  if (total >= bands.C) return 'C';
  return 'D';
}

/** Grades a scored checklist; refuses unknown, missing or out-of-range item scores. */
export function gradeAssessment(
  rules: GradingRules,
  sector: GradedSector,
  scores: readonly { itemCode: string; score: number }[],
): GradingResult {
  const checklist = rules.checklists.find((c) => c.sector === sector);
  if (!checklist)
    throw new DomainError('unknown_sector', `没有 ${sector} 的评分表`, `No checklist for ${sector}`);
  const errors: { path: string; code: string; messageZh: string; messageEn: string }[] = [];
  scores.forEach((s, n) => {
    const item = checklist.items.find((it) => it.code === s.itemCode);
    if (!item)
      errors.push({
        path: `scores.${n}.itemCode`,
        code: 'unknown_item',
        messageZh: `未知评分项 ${s.itemCode}`,
        messageEn: `unknown item ${s.itemCode}`,
      });
    else if (!Number.isFinite(s.score) || s.score < 0 || s.score > item.maxScore)
      errors.push({
        path: `scores.${n}.score`,
        code: 'score_out_of_range',
        messageZh: `${s.itemCode} 得分应在 0–${item.maxScore} 之间`,
        messageEn: `${s.itemCode} scores 0–${item.maxScore}`,
      });
  });
  for (const item of checklist.items) {
    const n = scores.filter((s) => s.itemCode === item.code).length;
    if (n !== 1)
      errors.push({
        path: 'scores',
        code: n === 0 ? 'item_missing' : 'item_repeated',
        messageZh: `评分项 ${item.code} ${n === 0 ? '未评分' : '重复'}`,
        messageEn: `item ${item.code} ${n === 0 ? 'not scored' : 'scored twice'}`,
      });
  }
  if (errors.length)
    throw new DomainError('invalid_grading', '评分表填写有误', 'The scored checklist has errors', { errors });
  const total = Math.round(scores.reduce((s, x) => s + x.score, 0) * 10) / 10;
  const maxTotal = checklist.items.reduce((s, x) => s + x.maxScore, 0);
  const gradeByTotal = gradeOfTotal(total, rules.bands);
  const cappedBy = checklist.items
    .filter((it) => it.key && (scores.find((s) => s.itemCode === it.code)?.score ?? 0) < it.maxScore / 2)
    .map((it) => it.code);
  const capIndex = QUALITY_GRADES.indexOf(rules.keyItemCap);
  const grade =
    cappedBy.length && QUALITY_GRADES.indexOf(gradeByTotal) < capIndex ? rules.keyItemCap : gradeByTotal;
  return { sector, total, maxTotal, grade, gradeByTotal, cappedBy: grade === gradeByTotal ? [] : cappedBy };
}

/** The graded sector of an establishment's flags (medical beauty first), or null. */
export function gradedSectorOf(flags: readonly string[]): GradedSector | null {
  return GRADED_SECTORS.find((s) => flags.includes(s)) ?? null;
}

export function gradingRuleProblems(r: GradingRules): string[] {
  const problems: string[] = [];
  if (!(r.bands.C < r.bands.B && r.bands.B < r.bands.A)) problems.push('bands (C < B < A)');
  r.checklists.forEach((c, n) => {
    if (!(GRADED_SECTORS as readonly string[]).includes(c.sector)) problems.push(`checklists[${n}].sector`);
    const codes = new Set<string>();
    c.items.forEach((it, k) => {
      if (codes.has(it.code)) problems.push(`checklists[${n}].items[${k}].code duplicate`);
      codes.add(it.code);
      if (!(it.maxScore > 0)) problems.push(`checklists[${n}].items[${k}].maxScore`);
    });
  });
  return problems;
}
