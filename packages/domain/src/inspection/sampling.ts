import { DomainError } from '../errors.js';
import { ESTABLISHMENT_KINDS, type EstablishmentKind } from '../registry/categories.js';
import { ESTABLISHMENT_FLAGS, type EstablishmentFlag } from '../registry/establishment-fields.js';
import type { StratumParams } from './draw-record.js';
import type { InspectionPolicy } from './policy.js';
import { ratioFromNumber } from './ratio.js';

/**
 * The sampling-ratio matrix of a campaign (抽查比例): strata are kind × sector × risk level × credit
 * level. Risk and credit come from the credit module when it lands; until then every establishment
 * is at the level `default`. Establishments of a full-coverage or differentiated sector (seed 002
 * 二(一)) form strata of their own, so a key sector's ratio of 1 never dilutes the others.
 * A stratum's id is `kind/sector/risk/credit`, e.g. `medical/dental/default/default`.
 */
export const DEFAULT_LEVEL = 'default';
export const GENERAL_SECTOR = 'general';
const LEVEL_PATTERN = /^[a-z0-9_-]{1,20}$/;

export interface SamplingCell {
  kind: EstablishmentKind;
  riskLevel: string;
  creditLevel: string;
  ratio: number;
}

export interface SectorRatio {
  flag: EstablishmentFlag;
  ratio: number;
}

export interface KindQualification {
  kind: EstablishmentKind;
  qualification: string;
}

export interface SamplingMatrix {
  /** Ratio of any general stratum the cells do not list. */
  defaultRatio: number;
  cells: SamplingCell[];
  /** Sectors with strata of their own, and their ratios. */
  sectors: SectorRatio[];
  /** A specialty the inspectors of a kind's targets must hold (e.g. radiation). */
  qualifications: KindQualification[];
}

export function defaultSamplingMatrix(policy: InspectionPolicy): SamplingMatrix {
  return {
    defaultRatio: policy.defaultRatio,
    cells: [],
    sectors: [
      ...policy.fullCoverageFlags.map((flag) => ({ flag, ratio: 1 })),
      ...policy.differentiatedFlags.map((flag) => ({ flag, ratio: policy.defaultRatio })),
    ],
    qualifications: [],
  };
}

function bad(field: string, zh: string, en: string): never {
  throw new DomainError('invalid_sampling', `${field}：${zh}`, `${field}: ${en}`, {
    errors: [
      { path: field, code: 'invalid_sampling', messageZh: `${field}：${zh}`, messageEn: `${field}: ${en}` },
    ],
  });
}

/** Refuses ratios outside 0–1 (naming the field), unknown kinds and flags, and duplicate cells. */
export function checkSamplingMatrix(m: SamplingMatrix, field = 'sampling'): void {
  const ratio = (v: number, f: string) => {
    try {
      ratioFromNumber(v, f);
    } catch {
      bad(
        f,
        `抽查比例应在 0 到 1 之间、最多 6 位小数（收到 ${v}）`,
        `a ratio must lie between 0 and 1 with at most 6 decimals (got ${v})`,
      );
    }
  };
  ratio(m.defaultRatio, `${field}.defaultRatio`);
  const cells = new Set<string>();
  m.cells.forEach((c, i) => {
    const f = `${field}.cells[${i}]`;
    if (!ESTABLISHMENT_KINDS.includes(c.kind)) bad(`${f}.kind`, '未知的监管对象类型', 'unknown kind');
    for (const k of ['riskLevel', 'creditLevel'] as const) {
      if (!LEVEL_PATTERN.test(c[k]))
        bad(`${f}.${k}`, '等级应为小写字母、数字、_ 或 -', 'levels are lower-case letters, digits, _ or -');
    }
    ratio(c.ratio, `${f}.ratio`);
    const key = `${c.kind}/${c.riskLevel}/${c.creditLevel}`;
    if (cells.has(key)) bad(f, `重复的抽查层 ${key}`, `duplicate cell ${key}`);
    cells.add(key);
  });
  const sectors = new Set<string>();
  m.sectors.forEach((s, i) => {
    const f = `${field}.sectors[${i}]`;
    if (!ESTABLISHMENT_FLAGS.includes(s.flag)) bad(`${f}.flag`, '未知的行业标识', 'unknown flag');
    if (sectors.has(s.flag)) bad(`${f}.flag`, '重复的行业', 'duplicate sector');
    sectors.add(s.flag);
    ratio(s.ratio, `${f}.ratio`);
  });
  m.qualifications.forEach((q, i) => {
    const f = `${field}.qualifications[${i}]`;
    if (!ESTABLISHMENT_KINDS.includes(q.kind)) bad(`${f}.kind`, '未知的监管对象类型', 'unknown kind');
    if (!/^[\x21-\x7e]{1,100}$/.test(q.qualification))
      bad(`${f}.qualification`, '资质代码应为可打印 ASCII', 'printable ASCII expected');
  });
}

export interface StratifiedEstablishment {
  kind: EstablishmentKind;
  flags: readonly string[];
  riskLevel?: string | null;
  creditLevel?: string | null;
}

export interface StratumDefinition extends StratumParams {
  kind: EstablishmentKind;
  sector: string;
  riskLevel: string;
  creditLevel: string;
}

/** The stratum of one establishment under a matrix, with its ratio and required qualification. */
export function stratumOf(e: StratifiedEstablishment, m: SamplingMatrix): StratumDefinition {
  const riskLevel = e.riskLevel ?? DEFAULT_LEVEL;
  const creditLevel = e.creditLevel ?? DEFAULT_LEVEL;
  const sectorFlags = new Map(m.sectors.map((s) => [s.flag, s.ratio]));
  const sector = ESTABLISHMENT_FLAGS.find((f) => sectorFlags.has(f) && e.flags.includes(f)) ?? GENERAL_SECTOR;
  const cell = m.cells.find(
    (c) => c.kind === e.kind && c.riskLevel === riskLevel && c.creditLevel === creditLevel,
  );
  const ratio =
    sector === GENERAL_SECTOR
      ? (cell?.ratio ?? m.defaultRatio)
      : sectorFlags.get(sector as EstablishmentFlag)!;
  return {
    id: `${e.kind}/${sector}/${riskLevel}/${creditLevel}`,
    ratio: ratioFromNumber(ratio),
    qualification: m.qualifications.find((q) => q.kind === e.kind)?.qualification ?? null,
    kind: e.kind,
    sector,
    riskLevel,
    creditLevel,
  };
}
