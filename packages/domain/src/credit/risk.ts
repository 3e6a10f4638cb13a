import type { Citation } from '../calendar/calendar.js';
import { type EstablishmentKind, KIND_NAMES } from '../registry/categories.js';
import { CREDIT_CITATIONS, dayNumber, type PenaltySeverity } from './citations.js';
import type { CreditLevel } from './credit-level.js';
import type { CreditFact } from './entries.js';

/**
 * The explainable risk score (docs/risk-model.md): an additive points score with published weights,
 * in the style of FSA Annex 5 and China's food risk grading (static + dynamic). Seven parts, each
 * capped, each made of reasons with a stable code; the score is the sum of the parts and each part
 * the sum of its reasons (a cap shows as a reason of its own). Cut-points map the score to 低 / 中 /
 * 高 / 严重. Inspector identity is not an input: nothing about who inspected can move a score.
 */
export const RISK_LEVELS = ['low', 'medium', 'high', 'severe'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LEVEL_NAMES: Readonly<Record<RiskLevel, { zh: string; en: string }>> = {
  low: { zh: '低', en: 'low' },
  medium: { zh: '中', en: 'medium' },
  high: { zh: '高', en: 'high' },
  severe: { zh: '严重', en: 'severe' },
};

export const RISK_PARTS = [
  'inherent',
  'penalties',
  'findings',
  'complaints',
  'credit_level',
  'demerits',
  'monitoring',
] as const;
export type RiskPartCode = (typeof RISK_PARTS)[number];
export const RISK_PART_NAMES: Readonly<Record<RiskPartCode, { zh: string; en: string }>> = {
  inherent: { zh: '固有风险（类型与服务）', en: 'Inherent risk (kind and services)' },
  penalties: { zh: '行政处罚（按严重程度、随时间衰减）', en: 'Penalties (by severity, decaying)' },
  findings: { zh: '检查发现与整改', en: 'Inspection findings and rectification' },
  complaints: { zh: '查实投诉（经验贝叶斯收缩）', en: 'Substantiated complaints (shrunk)' },
  credit_level: { zh: '信用等级', en: 'Credit level' },
  demerits: { zh: '不良执业行为记分', en: 'Demerit points' },
  monitoring: { zh: '监测预警', en: 'Monitoring alerts' },
};

export interface ServiceWeight {
  code: string;
  nameZh: string;
  nameEn: string;
  points: number;
  /** Clinical subject codes (a first-level code covers its second-level codes). */
  subjects: string[];
  flags: string[];
  kinds: string[];
}

export interface RiskWeights {
  inherent: {
    byKind: Record<string, number>;
    services: ServiceWeight[];
    beds: { atLeast: number; points: number }[];
    cap: number;
  };
  penalties: {
    bySeverity: Record<PenaltySeverity, number>;
    revocation: number;
    halfLifeDays: number;
    horizonDays: number;
    cap: number;
  };
  findings: {
    perInspection: number;
    perItem: number;
    maxItems: number;
    notRectified: number;
    halfLifeDays: number;
    horizonDays: number;
    cap: number;
  };
  complaints: {
    /** Kind's mean rate of substantiated complaints per year (the prior). */
    priorRatePerYear: number;
    /** Prior strength in years of observation: the shrinkage. */
    priorStrengthYears: number;
    maxExposureYears: number;
    horizonDays: number;
    pointsPerExcess: number;
    cap: number;
  };
  creditLevel: Record<CreditLevel, number>;
  demerits: { perPoint: number; cap: number };
  monitoring: {
    perAlert: Record<'high' | 'medium' | 'low', number>;
    perReading: number;
    readingCap: number;
    cap: number;
  };
  /** Lowest score of each level above `low`. */
  cutPoints: { medium: number; high: number; severe: number };
  citation: Citation;
}

export const DEFAULT_RISK_WEIGHTS: RiskWeights = {
  inherent: {
    byKind: {
      medical: 10,
      radiation: 15,
      drinking_water: 15,
      disinfection: 10,
      occupational: 10,
      school: 8,
      public_place: 5,
      other: 5,
    },
    services: [
      {
        code: 'dialysis',
        nameZh: '血液透析（肾病学专业）',
        nameEn: 'Dialysis (nephrology)',
        points: 10,
        subjects: ['03.06'],
        flags: [],
        kinds: [],
      },
      {
        code: 'surgery',
        nameZh: '手术（外科、小儿外科）',
        nameEn: 'Surgery',
        points: 10,
        subjects: ['04', '08'],
        flags: [],
        kinds: [],
      },
      {
        code: 'obstetrics',
        nameZh: '产科',
        nameEn: 'Obstetrics',
        points: 8,
        subjects: ['05.02'],
        flags: [],
        kinds: [],
      },
      {
        code: 'medical_beauty',
        nameZh: '医疗美容',
        nameEn: 'Medical beauty',
        points: 12,
        subjects: ['14'],
        flags: ['medical_beauty'],
        kinds: [],
      },
      {
        code: 'radiology',
        nameZh: '放射诊疗',
        nameEn: 'Radiology',
        points: 10,
        subjects: ['32.01', '32.02', '32.04', '32.09', '32.10'],
        flags: [],
        kinds: ['radiation'],
      },
      {
        code: 'anaesthesia',
        nameZh: '麻醉',
        nameEn: 'Anaesthesia',
        points: 6,
        subjects: ['26'],
        flags: [],
        kinds: [],
      },
      {
        code: 'dental',
        nameZh: '口腔诊疗（侵入性操作、器械消毒）',
        nameEn: 'Dentistry (invasive, instrument sterilisation)',
        points: 6,
        subjects: ['12'],
        flags: ['dental'],
        kinds: [],
      },
      {
        code: 'infectious',
        nameZh: '传染病、结核病诊疗',
        nameEn: 'Infectious diseases',
        points: 6,
        subjects: ['16', '17'],
        flags: [],
        kinds: [],
      },
    ],
    beds: [
      { atLeast: 100, points: 5 },
      { atLeast: 500, points: 10 },
    ],
    cap: 35,
  },
  penalties: {
    bySeverity: { minor: 6, general: 15, serious: 30 },
    revocation: 10,
    halfLifeDays: 365,
    horizonDays: 1095,
    cap: 45,
  },
  findings: {
    perInspection: 4,
    perItem: 1,
    maxItems: 5,
    notRectified: 8,
    halfLifeDays: 365,
    horizonDays: 1095,
    cap: 20,
  },
  complaints: {
    priorRatePerYear: 0.2,
    priorStrengthYears: 2,
    maxExposureYears: 3,
    horizonDays: 1095,
    pointsPerExcess: 10,
    cap: 15,
  },
  creditLevel: { A: 0, B: 5, C: 12, D: 25 },
  demerits: { perPoint: 1, cap: 20 },
  monitoring: { perAlert: { high: 6, medium: 3, low: 1 }, perReading: 1, readingCap: 5, cap: 15 },
  cutPoints: { medium: 20, high: 35, severe: 55 },
  citation: CREDIT_CITATIONS.riskMethod,
};

export interface RiskEstablishment {
  kind: string;
  beds: number | null;
  flags: readonly string[];
  clinicalSubjects: readonly string[];
}

export interface RiskInputs {
  establishment: RiskEstablishment;
  facts: readonly CreditFact[];
  /** Years the establishment has been observed (for the complaint rate). */
  exposureYears: number;
  creditLevel: CreditLevel;
  demeritPoints: number;
  openAlerts: { high: number; medium: number; low: number };
  outOfLimitReadings: number;
}

export interface RiskReason {
  code: string;
  points: number;
  zh: string;
  en: string;
  occurredOn?: string;
}

export interface RiskPart {
  code: RiskPartCode;
  points: number;
  cap: number;
  reasons: RiskReason[];
}

export interface RiskResult {
  score: number;
  level: RiskLevel;
  parts: RiskPart[];
  cutPoints: RiskWeights['cutPoints'];
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/** 0.5^(age / half-life): the weight of an event `age` days old. */
export function decay(ageDays: number, halfLifeDays: number): number {
  return 0.5 ** (Math.max(0, ageDays) / halfLifeDays);
}

function part(code: RiskPartCode, cap: number, reasons: RiskReason[]): RiskPart {
  const rounded: RiskReason[] = [];
  let raw = 0;
  for (const r of reasons) {
    const points = r1(r.points);
    if (points === 0) continue;
    rounded.push({ ...r, points });
    raw += points;
  }
  raw = r1(raw);
  if (raw > cap) {
    rounded.push({
      code: `${code.toUpperCase()}.CAP`,
      points: r1(cap - raw),
      zh: `本项封顶 ${cap} 分`,
      en: `part capped at ${cap}`,
    });
  }
  return { code, cap, points: Math.min(raw, cap), reasons: rounded };
}

export function subjectMatches(held: readonly string[], codes: readonly string[]): boolean {
  for (const h of held) {
    for (const c of codes) if (h === c || h.startsWith(`${c}.`)) return true;
  }
  return false;
}

function anyIn(xs: readonly string[], ys: readonly string[]): boolean {
  for (const x of xs) if (ys.includes(x)) return true;
  return false;
}

function inherentPart(e: RiskEstablishment, w: RiskWeights['inherent']): RiskPart {
  const reasons: RiskReason[] = [];
  const base = w.byKind[e.kind] ?? w.byKind.other ?? 0;
  reasons.push({
    code: `INH.KIND.${e.kind}`,
    points: base,
    zh: `监管对象类型：${KIND_NAMES[e.kind as EstablishmentKind]?.zh ?? e.kind}`,
    en: `kind: ${KIND_NAMES[e.kind as EstablishmentKind]?.en ?? e.kind}`,
  });
  for (const s of w.services) {
    if (
      subjectMatches(e.clinicalSubjects, s.subjects) ||
      anyIn(s.flags, e.flags) ||
      s.kinds.includes(e.kind)
    ) {
      reasons.push({
        code: `INH.SVC.${s.code}`,
        points: s.points,
        zh: `开展${s.nameZh}`,
        en: `provides ${s.nameEn}`,
      });
    }
  }
  let bed: { atLeast: number; points: number } | undefined;
  for (const b of w.beds) if ((e.beds ?? 0) >= b.atLeast && (!bed || b.atLeast > bed.atLeast)) bed = b;
  if (bed)
    reasons.push({
      code: `INH.BEDS.${bed.atLeast}`,
      points: bed.points,
      zh: `床位 ${e.beds} 张（≥${bed.atLeast}）`,
      en: `${e.beds} beds (≥${bed.atLeast})`,
    });
  return part('inherent', w.cap, reasons);
}

function ageOf(f: CreditFact, asOf: string) {
  return dayNumber(asOf) - dayNumber(f.occurredOn);
}

function penaltiesPart(facts: readonly CreditFact[], w: RiskWeights['penalties'], asOf: string): RiskPart {
  const reasons: RiskReason[] = [];
  for (const f of facts) {
    if (f.kind !== 'penalty' || !f.severity) continue;
    const age = ageOf(f, asOf);
    if (age < 0 || age >= w.horizonDays) continue;
    const k = decay(age, w.halfLifeDays);
    const base = w.bySeverity[f.severity] + (f.licenceRevoked ? w.revocation : 0);
    reasons.push({
      code: `PEN.${f.severity}${f.licenceRevoked ? '.revoked' : ''}`,
      points: base * k,
      zh: `${f.occurredOn} ${{ minor: '轻微', general: '一般', serious: '严重' }[f.severity]}处罚${f.licenceRevoked ? '（吊销）' : ''} ${base} 分 × 衰减 ${k.toFixed(2)}`,
      en: `${f.occurredOn} ${f.severity} penalty${f.licenceRevoked ? ' (revocation)' : ''}: ${base} × decay ${k.toFixed(2)}`,
      occurredOn: f.occurredOn,
    });
  }
  return part('penalties', w.cap, reasons);
}

function findingsPart(facts: readonly CreditFact[], w: RiskWeights['findings'], asOf: string): RiskPart {
  const reasons: RiskReason[] = [];
  for (const f of facts) {
    const age = ageOf(f, asOf);
    if (age < 0 || age >= w.horizonDays) continue;
    const k = decay(age, w.halfLifeDays);
    if (f.kind === 'inspection_non_compliant') {
      const items = Math.min(w.maxItems, Math.max(1, f.nonCompliantItems ?? 1));
      const base = w.perInspection + w.perItem * items;
      reasons.push({
        code: 'FND.non_compliant',
        points: base * k,
        zh: `${f.occurredOn} 检查不合格（${items} 项）${base} 分 × 衰减 ${k.toFixed(2)}`,
        en: `${f.occurredOn} non-compliant inspection (${items} items): ${base} × decay ${k.toFixed(2)}`,
        occurredOn: f.occurredOn,
      });
    } else if (f.kind === 'rectification_closed' && f.rectified === false) {
      reasons.push({
        code: 'FND.not_rectified',
        points: w.notRectified * k,
        zh: `${f.occurredOn} 复查未整改 ${w.notRectified} 分 × 衰减 ${k.toFixed(2)}`,
        en: `${f.occurredOn} not rectified at re-inspection: ${w.notRectified} × decay ${k.toFixed(2)}`,
        occurredOn: f.occurredOn,
      });
    }
  }
  return part('findings', w.cap, reasons);
}

/**
 * Empirical-Bayes shrinkage of the complaint rate: (k + m·μ) / (t + m), with k substantiated
 * complaints over t years and a prior of μ per year worth m years; points for the excess over μ.
 */
export function shrunkComplaintRate(k: number, years: number, w: RiskWeights['complaints']): number {
  return (k + w.priorStrengthYears * w.priorRatePerYear) / (years + w.priorStrengthYears);
}

function complaintsPart(
  facts: readonly CreditFact[],
  exposureYears: number,
  w: RiskWeights['complaints'],
  asOf: string,
): RiskPart {
  let k = 0;
  for (const f of facts) {
    if (f.kind !== 'complaint_substantiated') continue;
    const age = ageOf(f, asOf);
    if (age >= 0 && age < w.horizonDays) k++;
  }
  const t = Math.max(0.25, Math.min(w.maxExposureYears, exposureYears));
  const rate = shrunkComplaintRate(k, t, w);
  const excess = Math.max(0, rate - w.priorRatePerYear);
  const reasons: RiskReason[] =
    k === 0
      ? []
      : [
          {
            code: 'CMP.excess',
            points: excess * w.pointsPerExcess,
            zh: `查实投诉 ${k} 件 / ${t.toFixed(1)} 年，收缩后年率 ${rate.toFixed(2)}（同类均值 ${w.priorRatePerYear}），超出部分 × ${w.pointsPerExcess}`,
            en: `${k} substantiated complaints in ${t.toFixed(1)} years, shrunk rate ${rate.toFixed(2)}/yr (prior ${w.priorRatePerYear}); excess × ${w.pointsPerExcess}`,
          },
        ];
  return part('complaints', w.cap, reasons);
}

/** The score of an establishment on a day, with every part and reason. */
export function riskScore(inputs: RiskInputs, w: RiskWeights, asOf: string): RiskResult {
  const { establishment: e, facts } = inputs;
  const dm = Math.max(0, inputs.demeritPoints);
  const alerts = inputs.openAlerts;
  const monitoringReasons: RiskReason[] = [];
  for (const sev of ['high', 'medium', 'low'] as const) {
    if (alerts[sev] > 0)
      monitoringReasons.push({
        code: `MON.alert.${sev}`,
        points: alerts[sev] * w.monitoring.perAlert[sev],
        zh: `未办结预警（${{ high: '高', medium: '中', low: '低' }[sev]}）${alerts[sev]} 条 × ${w.monitoring.perAlert[sev]}`,
        en: `${alerts[sev]} open ${sev} alerts × ${w.monitoring.perAlert[sev]}`,
      });
  }
  if (inputs.outOfLimitReadings > 0) {
    monitoringReasons.push({
      code: 'MON.readings',
      points: Math.min(w.monitoring.readingCap, inputs.outOfLimitReadings * w.monitoring.perReading),
      zh: `近 90 天超限监测读数 ${inputs.outOfLimitReadings} 个`,
      en: `${inputs.outOfLimitReadings} out-of-limit readings in 90 days`,
    });
  }
  const parts: RiskPart[] = [
    inherentPart(e, w.inherent),
    penaltiesPart(facts, w.penalties, asOf),
    findingsPart(facts, w.findings, asOf),
    complaintsPart(facts, inputs.exposureYears, w.complaints, asOf),
    part('credit_level', Math.max(w.creditLevel.A, w.creditLevel.B, w.creditLevel.C, w.creditLevel.D), [
      {
        code: `CRD.${inputs.creditLevel}`,
        points: w.creditLevel[inputs.creditLevel],
        zh: `信用等级 ${inputs.creditLevel}`,
        en: `credit level ${inputs.creditLevel}`,
      },
    ]),
    part(
      'demerits',
      w.demerits.cap,
      dm > 0
        ? [
            {
              code: 'DMR.points',
              points: dm * w.demerits.perPoint,
              zh: `本周期记分 ${dm} 分`,
              en: `${dm} demerit points this cycle`,
            },
          ]
        : [],
    ),
    part('monitoring', w.monitoring.cap, monitoringReasons),
  ];
  let sum = 0;
  for (const p of parts) sum += p.points;
  const score = r1(sum);
  return { score, level: riskLevelOf(score, w.cutPoints), parts, cutPoints: w.cutPoints };
}

export function riskLevelOf(score: number, cut: RiskWeights['cutPoints']): RiskLevel {
  if (score >= cut.severe) return 'severe';
  if (score >= cut.high) return 'high';
  if (score >= cut.medium) return 'medium';
  return 'low';
}

export function riskWeightProblems(w: RiskWeights): string[] {
  const problems: string[] = [];
  const nonNegative = (v: number, path: string) => {
    if (!Number.isFinite(v) || v < 0) problems.push(path);
  };
  for (const [k, v] of Object.entries(w.inherent.byKind)) nonNegative(v, `inherent.byKind.${k}`);
  w.inherent.services.forEach((s, i) => {
    nonNegative(s.points, `inherent.services[${i}].points`);
  });
  for (const [k, v] of Object.entries(w.penalties.bySeverity)) nonNegative(v, `penalties.bySeverity.${k}`);
  for (const path of ['penalties', 'findings'] as const) {
    if (!(w[path].halfLifeDays > 0)) problems.push(`${path}.halfLifeDays`);
    if (!(w[path].horizonDays > 0)) problems.push(`${path}.horizonDays`);
    nonNegative(w[path].cap, `${path}.cap`);
  }
  if (!(w.complaints.priorRatePerYear > 0)) problems.push('complaints.priorRatePerYear');
  if (!(w.complaints.priorStrengthYears > 0)) problems.push('complaints.priorStrengthYears');
  const c = w.cutPoints;
  if (!(c.medium > 0 && c.medium < c.high && c.high < c.severe))
    problems.push('cutPoints (0 < medium < high < severe)');
  return problems;
}
