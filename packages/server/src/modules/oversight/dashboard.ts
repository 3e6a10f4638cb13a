import { ESTABLISHMENT_KINDS, KIND_NAMES } from '@weijian/domain';
import type { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { inspectionCoverage } from '../inspection/figures.js';
import { permitTypesInForce } from '../licensing/catalogue.js';
import { listRegions } from '../regions/queries.js';
import { regionFilterPrefix } from '../registry/establishment-record.js';
import { summarisedOverdueByChild, summarisedTimeliness } from './deadline-summary.js';
import { overdueByChild, type Period, sumRows, timeliness } from './deadlines.js';
import { establishmentCounts } from './establishment-summary.js';
import { summarisedPopulation } from './population-summary.js';
import type { dashboardSchema } from './schemas.js';
import type { ScopedRegion } from './scope.js';

export type Dashboard = z.infer<typeof dashboardSchema>;

const CREDIT_LEVELS = [
  { key: 'A', nameZh: 'A 级', nameEn: 'A' },
  { key: 'B', nameZh: 'B 级', nameEn: 'B' },
  { key: 'C', nameZh: 'C 级', nameEn: 'C' },
  { key: 'D', nameZh: 'D 级', nameEn: 'D' },
  { key: 'none', nameZh: '未评定', nameEn: 'Not assessed' },
];
const RISK_LEVELS = [
  { key: 'low', nameZh: '低风险', nameEn: 'Low' },
  { key: 'medium', nameZh: '中风险', nameEn: 'Medium' },
  { key: 'high', nameZh: '高风险', nameEn: 'High' },
  { key: 'severe', nameZh: '严重风险', nameEn: 'Severe' },
  { key: 'none', nameZh: '未评定', nameEn: 'Not assessed' },
];

/**
 * 监管驾驶舱: every panel of issue 10 for one region and period, in the actor's scope. Deadlines come
 * from oversight_deadline (the modules' own records); coverage from the inspection module's figures;
 * establishments and levels from oversight_establishment (the registry and the credit profile).
 * Once their jobs have refreshed them, the slow panels read summaries and say when they were
 * counted: establishments and levels (establishment-summary.ts), the coverage population
 * (population-summary.ts) and, province- and city-wide, timeliness (deadline-summary.ts).
 */
export async function dashboard(
  db: Executor,
  actor: Actor,
  region: ScopedRegion,
  p: Period,
  now: Date,
  /** Reports count live: a document must match the registry at the time it is generated. */
  opts: { live?: boolean } = {},
): Promise<Dashboard> {
  const children = await listRegions(db, { parent: region.code, includeRetired: false });
  const childLength = children[0] ? regionFilterPrefix(children[0].code).length : region.prefix.length;

  const live = opts.live ?? false;
  const [counts, deadlines, population, permits, overdue] = await Promise.all([
    establishmentCounts(db, actor, region, childLength, live),
    (live ? Promise.resolve(null) : summarisedTimeliness(db, actor, region, p)).then(
      async (summed) => summed ?? { rows: await timeliness(db, actor, region, p), countedAt: null },
    ),
    live ? null : summarisedPopulation(db, region),
    permitTypesInForce(db, p.to),
    (live ? Promise.resolve(null) : summarisedOverdueByChild(db, actor, region, p, childLength)).then(
      async (summed) => summed ?? overdueByChild(db, actor, region, p, childLength),
    ),
  ]);
  const figures = await inspectionCoverage(
    db,
    actor,
    { year: Number(p.to.slice(0, 4)), regionCode: region.code },
    now,
    population?.rows,
  );
  const deadlineRows = deadlines.rows;

  const { kinds, levels, perChild } = counts;
  const permitName = new Map(permits.map((v) => [v.code, v.definition]));
  const byPermit = [
    ...new Set(deadlineRows.filter((r) => r.source === 'licensing_decision').map((r) => r.category)),
  ]
    .map((code) => ({
      permitCode: code,
      nameZh: permitName.get(code)?.nameZh ?? code,
      nameEn: permitName.get(code)?.nameEn ?? code,
      ...sumRows(deadlineRows, 'licensing_decision', code),
    }))
    .filter((r) => r.started + r.done + r.open > 0);
  const levelCount = (key: 'credit' | 'risk', level: string) =>
    levels.filter((l) => (l[key] ?? 'none') === level).reduce((s, l) => s + l.n, 0);
  const regionNames = new Map([
    [region.code, region.name],
    ...children.map((c) => [c.code, c.name] as const),
  ]);
  const coverageOf = new Map(figures.byRegion.map((r) => [r.regionCode, r]));

  return {
    region: { code: region.code, name: region.name, level: region.level },
    departmentCode: region.departmentCode,
    from: p.from,
    to: p.to,
    asOf: p.asOf,
    establishments: {
      total: kinds.reduce((s, k) => s + k.n, 0),
      countedAt: counts.countedAt,
      byKind: ESTABLISHMENT_KINDS.map((k) => ({
        key: k,
        nameZh: KIND_NAMES[k].zh,
        nameEn: KIND_NAMES[k].en,
        n: kinds.find((r) => r.kind === k)?.n ?? 0,
      })).filter((k) => k.n > 0),
    },
    credit: {
      byCreditLevel: CREDIT_LEVELS.map((l) => ({ ...l, n: levelCount('credit', l.key) })),
      byRiskLevel: RISK_LEVELS.map((l) => ({ ...l, n: levelCount('risk', l.key) })),
    },
    timelinessCountedAt: deadlines.countedAt,
    coverage: {
      populationCountedAt: population?.countedAt ?? null,
      year: figures.year,
      target: figures.target,
      population: figures.total.population,
      covered: figures.total.covered,
      share: figures.total.share,
      byRegion: figures.byRegion.map((r) => ({
        regionCode: r.regionCode,
        name: regionNames.get(r.regionCode) ?? r.regionCode,
        population: r.population,
        covered: r.covered,
        share: r.share,
      })),
    },
    approvals: { total: sumRows(deadlineRows, 'licensing_decision'), byPermit },
    postApproval: sumRows(deadlineRows, 'licensing_task'),
    complaints: sumRows(deadlineRows, 'complaint'),
    warnings: sumRows(deadlineRows, 'warning'),
    cases: {
      ...sumRows(deadlineRows, 'case'),
      penalties: sumRows(deadlineRows, 'case', 'penalty').done,
    },
    publications: sumRows(deadlineRows, 'publication'),
    map: children.map((c) => {
      const key = regionFilterPrefix(c.code);
      const cov = coverageOf.get(c.code);
      return {
        code: c.code,
        name: c.name,
        establishments: perChild.find((r) => r.child === key)?.n ?? 0,
        overdue: overdue.get(key) ?? 0,
        coverageShare: cov && cov.population > 0 ? cov.share : null,
      };
    }),
  };
}
