import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  type CreditFact,
  creditLevelOf,
  DEFAULT_CREDIT_LEVEL_RULES,
  DEFAULT_DEMERIT_RULES,
  DEFAULT_RISK_WEIGHTS,
  penaltyDemerit,
  RISK_LEVELS,
  type RiskLevel,
  type RiskWeights,
  riskScore,
} from '@weijian/domain';

/**
 * Risk-targeting simulator (issue 7 item 9; docs/risk-model.md). It generates a population whose
 * hidden violations are correlated with what the system can observe, plays three years of history
 * (random inspections with inspector-stringency noise, penalties and demerit points, complaints
 * with a substantiation probability, noisy monitoring alerts), scores every establishment with the
 * production functions (creditLevelOf, riskScore, default weights and cut-points), and then draws
 * year 4's inspections at equal budgets with four policies:
 *   U  uniform sampling without replacement
 *   S  the default policy: a uniform control share, the rest stratified by risk level
 *   T  deterministic top-B by score (a ceiling; no randomness, no control)
 *   O  oracle (the true violators first)
 * and reports violations found per inspection (lift over U), the lowest inclusion probability, the
 * Horvitz–Thompson prevalence estimate, AUC, and selection fairness across regions.
 *
 *   node --import tsx bench/risk-simulator.ts [--n 5000] [--seeds 10] [--draws 20] [--control 0.2] [--coverage 0.2]
 *     [--cut 20/35/55] [--json]
 */

// --- seeded randomness --------------------------------------------------------------------------

class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  normal(): number {
    const u = Math.max(1e-12, this.next());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  poisson(lambda: number): number {
    const l = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.next();
    } while (p > l);
    return k - 1;
  }
  pick<T>(xs: readonly (readonly [T, number])[]): T {
    let r = this.next() * xs.reduce((s, x) => s + x[1], 0);
    for (const [v, w] of xs) {
      r -= w;
      if (r <= 0) return v;
    }
    return xs[xs.length - 1]![0];
  }
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

// --- the population -----------------------------------------------------------------------------

interface Archetype {
  name: string;
  share: number;
  kind: string;
  subjects: string[];
  flags: string[];
  beds: () => number | null;
  /** Log-odds of violating in a year (type effect). */
  effect: number;
  monitored: boolean;
}

function archetypes(rng: Rng): Archetype[] {
  return [
    {
      name: 'clinic',
      share: 0.4,
      kind: 'medical',
      subjects: ['02'],
      flags: [],
      beds: () => null,
      effect: -0.6,
      monitored: false,
    },
    {
      name: 'village',
      share: 0.12,
      kind: 'medical',
      subjects: ['02'],
      flags: ['village_clinic'],
      beds: () => null,
      effect: -0.8,
      monitored: false,
    },
    {
      name: 'dental',
      share: 0.1,
      kind: 'medical',
      subjects: ['12'],
      flags: ['dental'],
      beds: () => null,
      effect: -0.1,
      monitored: false,
    },
    {
      name: 'beauty',
      share: 0.04,
      kind: 'medical',
      subjects: ['14'],
      flags: ['medical_beauty'],
      beds: () => null,
      effect: 0.5,
      monitored: false,
    },
    {
      name: 'dialysis',
      share: 0.02,
      kind: 'medical',
      subjects: ['03', '03.06'],
      flags: [],
      beds: () => 20,
      effect: 0.3,
      monitored: false,
    },
    {
      name: 'hospital',
      share: 0.06,
      kind: 'medical',
      subjects: ['03', '04', '05.02', '32.02', '26'],
      flags: [],
      beds: () => 100 + Math.floor(rng.next() * 700),
      effect: 0.2,
      monitored: false,
    },
    {
      name: 'public_place',
      share: 0.18,
      kind: 'public_place',
      subjects: [],
      flags: [],
      beds: () => null,
      effect: -1.0,
      monitored: true,
    },
    {
      name: 'water',
      share: 0.04,
      kind: 'drinking_water',
      subjects: [],
      flags: [],
      beds: () => null,
      effect: -0.4,
      monitored: true,
    },
    {
      name: 'radiation',
      share: 0.04,
      kind: 'radiation',
      subjects: [],
      flags: [],
      beds: () => null,
      effect: -0.3,
      monitored: false,
    },
  ];
}

interface Unit {
  id: number;
  region: number;
  archetype: Archetype;
  latent: number[];
  violates: boolean[];
  facts: CreditFact[];
  demeritPoints: number;
  openAlerts: number;
}

export interface SimulationOptions {
  n: number;
  regions: number;
  seed: number;
  /** Baseline log-odds (sets prevalence near 15%). */
  intercept: number;
  /** Share of establishments inspected at random each history year. */
  historyCoverage: number;
}

const YEAR_START = ['2023-01-01', '2024-01-01', '2025-01-01', '2026-01-01'];
const AS_OF = '2025-12-31';

function dayIn(year: number, rng: Rng): string {
  const start = Date.parse(`${YEAR_START[year]}T00:00:00Z`);
  return new Date(start + Math.floor(rng.next() * 364) * 86_400_000).toISOString().slice(0, 10);
}

export function population(o: SimulationOptions): Unit[] {
  const rng = new Rng(o.seed);
  const types = archetypes(rng);
  const regionEffect = Array.from({ length: o.regions }, () => 0.35 * rng.normal());
  const regionWeight = Array.from({ length: o.regions }, () => 0.5 + rng.next());
  const units: Unit[] = [];
  for (let id = 0; id < o.n; id++) {
    const archetype = rng.pick(types.map((t) => [t, t.share] as const));
    const region = rng.pick(regionWeight.map((w, i) => [i, w] as const));
    const re = 0.9 * rng.normal();
    let drift = 0.5 * rng.normal();
    const latent: number[] = [];
    for (let y = 0; y < 4; y++) {
      latent.push(o.intercept + archetype.effect + regionEffect[region]! + re + drift);
      drift = 0.6 * drift + 0.5 * rng.normal();
    }
    units.push({
      id,
      region,
      archetype,
      latent,
      violates: latent.map((l) => rng.next() < sigmoid(l)),
      facts: [],
      demeritPoints: 0,
      openAlerts: 0,
    });
  }
  // Three years of history, as the credit file would hold it.
  for (const u of units) {
    for (let y = 0; y < 3; y++) {
      const v = u.violates[y]!;
      if (rng.next() < o.historyCoverage) {
        const stringency = 0.5 + 0.45 * rng.next(); // inspector effect: in the data, never in the score
        const on = dayIn(y, rng);
        if (v && rng.next() < stringency) {
          u.facts.push({
            kind: 'inspection_non_compliant',
            occurredOn: on,
            nonCompliantItems: 1 + Math.floor(rng.next() * 4),
          });
          if (rng.next() < 0.45) {
            const r = rng.next() + 0.15 * (u.latent[y]! + 1);
            const severity = r > 1.05 ? 'serious' : r > 0.7 ? 'general' : 'minor';
            u.facts.push({ kind: 'penalty', occurredOn: on, severity });
            if (y === 2)
              u.demeritPoints += penaltyDemerit(DEFAULT_DEMERIT_RULES, 'establishment', {
                severity,
                licenceRevoked: false,
              }).points;
          }
          if (rng.next() < 0.5)
            u.facts.push({
              kind: 'rectification_closed',
              occurredOn: on,
              rectified: rng.next() > 0.3 + 0.1 * u.latent[y]!,
            });
        } else {
          u.facts.push({ kind: 'inspection_compliant', occurredOn: on });
        }
      }
      const complaints = rng.poisson(0.08 + 0.5 * sigmoid(u.latent[y]!));
      for (let k = 0; k < complaints; k++) {
        if (rng.next() < (v ? 0.55 : 0.15))
          u.facts.push({ kind: 'complaint_substantiated', occurredOn: dayIn(y, rng) });
      }
      if (y === 2 && u.archetype.monitored && rng.next() < (v ? 0.35 : 0.06)) u.openAlerts++;
    }
    if (rng.next() < 0.3) u.facts.push({ kind: 'licence_granted', occurredOn: dayIn(0, rng) });
  }
  return units;
}

interface Scored extends Unit {
  score: number;
  level: RiskLevel;
  y: boolean;
}

export function score(units: Unit[], weights: RiskWeights = DEFAULT_RISK_WEIGHTS): Scored[] {
  return units.map((u) => {
    const file = { facts: u.facts, demeritPoints: u.demeritPoints, blacklisted: false };
    const credit = creditLevelOf(file, DEFAULT_CREDIT_LEVEL_RULES, AS_OF).level;
    const r = riskScore(
      {
        establishment: {
          kind: u.archetype.kind,
          beds: u.archetype.beds(),
          flags: u.archetype.flags,
          clinicalSubjects: u.archetype.subjects,
        },
        facts: u.facts,
        exposureYears: 3,
        creditLevel: credit,
        demeritPoints: u.demeritPoints,
        openAlerts: { high: u.openAlerts, medium: 0, low: 0 },
        outOfLimitReadings: 0,
      },
      weights,
      AS_OF,
    );
    return { ...u, score: r.score, level: r.level, y: u.violates[3]! };
  });
}

// --- policies ----------------------------------------------------------------------------------

/** Default stratum weights: a high-risk establishment is k times as likely to be drawn as a low one. */
export const STRATUM_WEIGHTS: Record<RiskLevel, number> = { low: 1, medium: 4, high: 12, severe: 30 };

function shuffle<T>(xs: T[], rng: Rng): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/**
 * Stratum sampling ratios for `budget` draws after a uniform control share: the largest scale s
 * with Σ min(1, s·k_h)·N_h = remaining budget (water-filling), so a full stratum spills to the next.
 */
export function stratumRatios(
  sizes: Record<RiskLevel, number>,
  budget: number,
  weights: Record<RiskLevel, number> = STRATUM_WEIGHTS,
): Record<RiskLevel, number> {
  let lo = 0;
  let hi = 1e6;
  for (let i = 0; i < 100; i++) {
    const s = (lo + hi) / 2;
    const n = RISK_LEVELS.reduce((sum, h) => sum + Math.min(1, s * weights[h]) * sizes[h], 0);
    if (n > budget) hi = s;
    else lo = s;
  }
  return Object.fromEntries(RISK_LEVELS.map((h) => [h, Math.min(1, lo * weights[h])])) as Record<
    RiskLevel,
    number
  >;
}

interface Draw {
  selected: Set<number>;
  /** Inclusion probability of each unit (design, not Monte Carlo). */
  pi: (u: Scored) => number;
}

function uniformDraw(units: Scored[], b: number, rng: Rng): Draw {
  return {
    selected: new Set(
      shuffle(units, rng)
        .slice(0, b)
        .map((u) => u.id),
    ),
    pi: () => b / units.length,
  };
}

/** Control share c·B uniformly from all; the rest stratified by risk level from those not drawn. */
export function stratifiedDraw(
  units: Scored[],
  b: number,
  control: number,
  rng: Rng,
  weights: Record<RiskLevel, number> = STRATUM_WEIGHTS,
): Draw & { ratios: Record<RiskLevel, number> } {
  const m = Math.round(control * b);
  const first = shuffle(units, rng).slice(0, m);
  const selected = new Set(first.map((u) => u.id));
  const rest = units.filter((u) => !selected.has(u.id));
  const sizes = Object.fromEntries(
    RISK_LEVELS.map((h) => [h, rest.filter((u) => u.level === h).length]),
  ) as Record<RiskLevel, number>;
  const ratios = stratumRatios(sizes, b - m, weights);
  for (const h of RISK_LEVELS) {
    const pool = shuffle(
      rest.filter((u) => u.level === h),
      rng,
    );
    for (const u of pool.slice(0, Math.round(ratios[h] * sizes[h]))) selected.add(u.id);
  }
  const q = m / units.length;
  return { selected, ratios, pi: (u) => Math.min(1, q + (1 - q) * ratios[u.level]) };
}

function topDraw(units: Scored[], b: number, key: (u: Scored) => number): Set<number> {
  return new Set(
    [...units]
      .sort((x, y) => key(y) - key(x) || x.id - y.id)
      .slice(0, b)
      .map((u) => u.id),
  );
}

export function auc(units: Scored[]): number {
  const sorted = [...units].sort((a, b) => a.score - b.score);
  let sumPos = 0;
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j < sorted.length && sorted[j]!.score === sorted[i]!.score) j++;
    const avg = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (sorted[k]!.y) sumPos += avg;
    i = j;
  }
  const pos = units.filter((u) => u.y).length;
  const neg = units.length - pos;
  return (sumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

// --- the experiment ----------------------------------------------------------------------------

export interface BudgetResult {
  budget: number;
  hitRate: { U: number; S: number; T: number; O: number };
  liftS: number;
  liftT: number;
  gainShare: number;
  minInclusion: number;
  htBiasPoints: number;
  ratios: Record<RiskLevel, number>;
  /** Max/min over regions of the mean selection rate (S): the design's fairness across regions. */
  regionMeanRatio: number;
  /** The same ratio per single draw, averaged: includes the sampling noise of one campaign. */
  regionSelectionRatio: number;
  regionDetail: {
    region: number;
    n: number;
    prevalence: number;
    selectedShareS: number;
    selectedShareU: number;
  }[];
}

export interface SimulationReport {
  options: SimulationOptions & { seeds: number; draws: number; control: number };
  prevalence: number;
  auc: number;
  levelShares: Record<RiskLevel, number>;
  levelPrevalence: Record<RiskLevel, number>;
  budgets: BudgetResult[];
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

export function simulate(
  opts: Partial<SimulationOptions> & {
    seeds?: number;
    draws?: number;
    control?: number;
    budgets?: number[];
    riskWeights?: RiskWeights;
    stratumWeights?: Record<RiskLevel, number>;
  } = {},
): SimulationReport {
  const o: SimulationOptions = {
    n: opts.n ?? 5000,
    regions: opts.regions ?? 8,
    seed: opts.seed ?? 20_260_301,
    intercept: opts.intercept ?? -1.55,
    historyCoverage: opts.historyCoverage ?? 0.2,
  };
  const seeds = opts.seeds ?? 10;
  const draws = opts.draws ?? 20;
  const control = opts.control ?? 0.2;
  const budgets = opts.budgets ?? [0.05, 0.1, 0.2];
  const prevalences: number[] = [];
  const aucs: number[] = [];
  const levelShares: Record<RiskLevel, number[]> = { low: [], medium: [], high: [], severe: [] };
  const levelPrev: Record<RiskLevel, number[]> = { low: [], medium: [], high: [], severe: [] };
  const acc = budgets.map(() => ({
    U: [] as number[],
    S: [] as number[],
    T: [] as number[],
    O: [] as number[],
    minPi: [] as number[],
    ht: [] as number[],
    ratios: [] as Record<RiskLevel, number>[],
    regionRatio: [] as number[],
    region: new Map<number, { n: number[]; prev: number[]; s: number[]; u: number[] }>(),
  }));

  for (let k = 0; k < seeds; k++) {
    const units = score(population({ ...o, seed: o.seed + k * 7919 }), opts.riskWeights);
    const truth = units.filter((u) => u.y).length / units.length;
    prevalences.push(truth);
    aucs.push(auc(units));
    for (const h of RISK_LEVELS) {
      const inH = units.filter((u) => u.level === h);
      levelShares[h].push(inH.length / units.length);
      if (inH.length) levelPrev[h].push(inH.filter((u) => u.y).length / inH.length);
    }
    const byId = new Map(units.map((u) => [u.id, u]));
    const hits = (s: Set<number>) => [...s].filter((id) => byId.get(id)!.y).length / s.size;
    budgets.forEach((budget, bi) => {
      const b = Math.round(budget * units.length);
      const a = acc[bi]!;
      a.T.push(hits(topDraw(units, b, (u) => u.score)));
      a.O.push(hits(topDraw(units, b, (u) => (u.y ? 1 : 0) + u.latent[3]! * 1e-6)));
      for (let d = 0; d < draws; d++) {
        const rng = new Rng(o.seed + k * 7919 + d * 104_729 + bi);
        const u = uniformDraw(units, b, rng);
        const s = stratifiedDraw(units, b, control, rng, opts.stratumWeights);
        a.U.push(hits(u.selected));
        a.S.push(hits(s.selected));
        a.minPi.push(Math.min(...units.map(s.pi)));
        a.ratios.push(s.ratios);
        const ht =
          [...s.selected].reduce((sum, id) => sum + (byId.get(id)!.y ? 1 / s.pi(byId.get(id)!) : 0), 0) /
          units.length;
        a.ht.push((ht - truth) * 100);
        const regionRates: number[] = [];
        for (let r = 0; r < o.regions; r++) {
          const inR = units.filter((x) => x.region === r);
          if (inR.length === 0) continue;
          const shareS = inR.filter((x) => s.selected.has(x.id)).length / inR.length;
          const shareU = inR.filter((x) => u.selected.has(x.id)).length / inR.length;
          regionRates.push(shareS);
          const cell = a.region.get(r) ?? { n: [], prev: [], s: [], u: [] };
          cell.n.push(inR.length);
          cell.prev.push(inR.filter((x) => x.y).length / inR.length);
          cell.s.push(shareS);
          cell.u.push(shareU);
          a.region.set(r, cell);
        }
        a.regionRatio.push(Math.max(...regionRates) / Math.max(1e-9, Math.min(...regionRates)));
      }
    });
  }

  return {
    options: { ...o, seeds, draws, control },
    prevalence: mean(prevalences),
    auc: mean(aucs),
    levelShares: Object.fromEntries(RISK_LEVELS.map((h) => [h, mean(levelShares[h])])) as Record<
      RiskLevel,
      number
    >,
    levelPrevalence: Object.fromEntries(RISK_LEVELS.map((h) => [h, mean(levelPrev[h])])) as Record<
      RiskLevel,
      number
    >,
    budgets: budgets.map((budget, bi) => {
      const a = acc[bi]!;
      const h = { U: mean(a.U), S: mean(a.S), T: mean(a.T), O: mean(a.O) };
      const regionMeans = [...a.region.values()].map((c) => mean(c.s));
      return {
        regionMeanRatio: Math.max(...regionMeans) / Math.min(...regionMeans),
        budget,
        hitRate: h,
        liftS: h.S / h.U,
        liftT: h.T / h.U,
        gainShare: (h.S - h.U) / (h.T - h.U),
        minInclusion: mean(a.minPi),
        htBiasPoints: mean(a.ht),
        ratios: Object.fromEntries(RISK_LEVELS.map((lv) => [lv, mean(a.ratios.map((r) => r[lv]))])) as Record<
          RiskLevel,
          number
        >,
        regionSelectionRatio: mean(a.regionRatio),
        regionDetail: [...a.region.entries()]
          .sort((x, y) => x[0] - y[0])
          .map(([region, c]) => ({
            region,
            n: mean(c.n),
            prevalence: mean(c.prev),
            selectedShareS: mean(c.s),
            selectedShareU: mean(c.u),
          })),
      };
    }),
  };
}

const pct = (x: number, d = 1) => `${(x * 100).toFixed(d)}%`;

export function formatReport(r: SimulationReport): string {
  const lines = [
    `Population ${r.options.n} × ${r.options.seeds} seeds, ${r.options.draws} draws each; control share ${pct(r.options.control, 0)}; prevalence ${pct(r.prevalence)}; AUC ${r.auc.toFixed(3)}`,
    `Levels (share / prevalence): ${RISK_LEVELS.map((h) => `${h} ${pct(r.levelShares[h])} / ${pct(r.levelPrevalence[h])}`).join('; ')}`,
    '',
    '| budget | hit U | hit S | hit T | hit O | lift S/U | lift T/U | S share of T gain | min π | HT bias (pp) | regions: max/min mean selection | … in one draw |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...r.budgets.map(
      (b) =>
        `| ${pct(b.budget, 0)} | ${pct(b.hitRate.U)} | ${pct(b.hitRate.S)} | ${pct(b.hitRate.T)} | ${pct(b.hitRate.O)} | ${b.liftS.toFixed(2)} | ${b.liftT.toFixed(2)} | ${b.gainShare.toFixed(2)} | ${pct(b.minInclusion, 2)} | ${b.htBiasPoints.toFixed(2)} | ${b.regionMeanRatio.toFixed(2)} | ${b.regionSelectionRatio.toFixed(2)} |`,
    ),
  ];
  const ten = r.budgets.find((b) => b.budget === 0.1);
  if (ten) {
    lines.push(
      '',
      `Stratum ratios at 10%: ${RISK_LEVELS.map((h) => `${h} ${pct(ten.ratios[h], 1)}`).join(', ')} (plus the uniform control share)`,
    );
    lines.push(
      '',
      '| region | establishments | prevalence | selected (S) | selected (U) |',
      '|---|---|---|---|---|',
    );
    for (const d of ten.regionDetail)
      lines.push(
        `| R${d.region + 1} | ${d.n.toFixed(0)} | ${pct(d.prevalence)} | ${pct(d.selectedShareS)} | ${pct(d.selectedShareU)} |`,
      );
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: '5000' },
      seeds: { type: 'string', default: '10' },
      draws: { type: 'string', default: '20' },
      control: { type: 'string', default: '0.2' },
      coverage: { type: 'string', default: '0.2' },
      cut: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const started = Date.now();
  const cut = values.cut?.split(/[/,]/).map(Number);
  const report = simulate({
    n: Number(values.n),
    seeds: Number(values.seeds),
    draws: Number(values.draws),
    control: Number(values.control),
    historyCoverage: Number(values.coverage),
    ...(cut?.length === 3
      ? {
          riskWeights: {
            ...DEFAULT_RISK_WEIGHTS,
            cutPoints: { medium: cut[0]!, high: cut[1]!, severe: cut[2]! },
          },
        }
      : {}),
  });
  process.stdout.write(
    values.json
      ? `${JSON.stringify(report, null, 2)}\n`
      : `${formatReport(report)}\n\n(${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
}
