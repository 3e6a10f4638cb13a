import { coverage, DomainError, ESTABLISHMENT_KINDS, findingsRate } from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Executor, queryRows } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { regionFilterPrefix } from '../registry/establishment-record.js';
import { establishmentFactsOf, poolCounts } from '../registry/pool-queries.js';
import { kindSchema } from '../registry/schemas.js';
import { coverageSchema } from './campaign-schemas.js';
import { chinaDay, dateText } from './dates.js';
import { sharedKinds } from './inspection-queries.js';
import { currentChecklists, currentPolicy } from './reference-queries.js';
import { inspectionReadable, inspectorInScope } from './scope.js';

export const figuresQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ description: 'Default: this year' }),
  regionCode: z
    .string()
    .regex(/^\d{6}(\d{3})?$/)
    .optional()
    .meta({ description: 'A region inside yours; default your unit’s region' }),
});

const coverageRow = coverageSchema.extend({
  planned: z.number().int().meta({ description: 'Drawn this year, done or not' }),
});

export const figuresSchema = z
  .object({
    year: z.number().int(),
    regionCode: z.string(),
    target: z.number(),
    total: coverageRow,
    byKind: z.array(coverageRow.extend({ kind: kindSchema })),
    byRegion: z.array(coverageRow.extend({ regionCode: z.string() })),
    findingsByItem: z.array(
      z.object({
        itemCode: z.string(),
        what: z.string(),
        checked: z.number().int(),
        nonCompliant: z.number().int(),
        rate: z.number(),
      }),
    ),
    workloads: z.array(
      z.object({
        inspectorId: z.number().int(),
        certificateNo: z.string(),
        name: z.string(),
        departmentCode: z.string(),
        drawn: z
          .number()
          .int()
          .meta({ description: 'Tasks of the year on which the officer is in the team' }),
        completed: z.number().int().meta({ description: 'Visits of the year the officer was present at' }),
        open: z.number().int(),
      }),
    ),
    overdue: z.object({
      tasks: z.number().int(),
      rectifications: z.number().int(),
      publications: z.number().int(),
      items: z.array(
        z.object({
          kind: z.enum(['task', 'rectification', 'publication']),
          inspectionId: z.number().int(),
          establishmentName: z.string().nullable(),
          dueOn: z.string(),
        }),
      ),
    }),
  })
  .meta({ id: 'InspectionFigures' });

/** The year, region, target and the SQL condition for the actor's inspections of that region. */
async function coverageScope(db: Executor, actor: Actor, q: z.infer<typeof figuresQuerySchema>, now: Date) {
  if (!actor.unit || actor.regionPrefix === null) {
    throw new DomainError('forbidden', '统计仅对工作人员开放', 'Figures are for staff');
  }
  const today = chinaDay(now);
  const year = q.year ?? Number(today.slice(0, 4));
  const regionCode =
    q.regionCode && actor.regionPrefix !== null && q.regionCode.startsWith(actor.regionPrefix)
      ? q.regionCode
      : actor.unit.regionCode;
  const prefix = regionFilterPrefix(regionCode);
  const target = (await currentPolicy(db)).values.yearCoverageTarget;
  const readable = inspectionReadable(actor, await sharedKinds(db, actor));
  const inYear: SQL = sql`i.region_code LIKE ${`${prefix}%`} AND ${readable}`;
  return { today, year, regionCode, prefix, target, inYear };
}

/**
 * Coverage of the year's random inspections by kind and region against the year's target (the part
 * of the figures that the oversight dashboard shows). Counts are of inspections the actor may read;
 * the population is the directory's operating establishments of the region.
 */
export async function inspectionCoverage(
  db: Executor,
  actor: Actor,
  q: z.infer<typeof figuresQuerySchema>,
  now: Date,
  /** The population already counted (the oversight dashboard's summary); default counted live. */
  counted?: readonly { kind: string; county: string; n: number }[],
) {
  const { year, regionCode, target, inYear } = await coverageScope(db, actor, q, now);
  const population =
    counted ??
    (await poolCounts(db, {
      regionCodes: [regionCode],
      kinds: ESTABLISHMENT_KINDS,
      statuses: ['operating'],
    }));
  const reached = await queryRows<{ kind: string; county: string; covered: number; planned: number }>(
    db,
    sql`SELECT i.establishment_kind AS kind, left(i.region_code, 6) AS county,
          count(DISTINCT i.establishment_id) FILTER (WHERE i.status = 'completed')::int AS covered,
          count(DISTINCT i.establishment_id)::int AS planned
        FROM inspection i JOIN campaign c ON c.id = i.campaign_id
        WHERE i.task_kind = 'random' AND i.status <> 'replaced' AND extract(year FROM c.period_start) = ${year} AND ${inYear}
        GROUP BY 1, 2`,
  );
  const sum = <K extends string>(keyOf: (r: { kind: string; county: string }) => K) => {
    const m = new Map<K, { population: number; covered: number; planned: number }>();
    const at = (k: K) => m.get(k) ?? m.set(k, { population: 0, covered: 0, planned: 0 }).get(k)!;
    for (const p of population) at(keyOf(p)).population += p.n;
    for (const r of reached) {
      at(keyOf(r)).covered += r.covered;
      at(keyOf(r)).planned += r.planned;
    }
    return m;
  };
  const row = (v: { population: number; covered: number; planned: number }) => ({
    ...coverage(v.covered, v.population, target),
    planned: v.planned,
  });
  const total = [...sum(() => 'all').values()][0] ?? { population: 0, covered: 0, planned: 0 };

  return {
    year,
    regionCode,
    target,
    total: row(total),
    byKind: [...sum((r) => r.kind).entries()].map(([kind, v]) => ({ kind: kind as never, ...row(v) })),
    byRegion: [...sum((r) => r.county).entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([code, v]) => ({ regionCode: code, ...row(v) })),
  };
}

/**
 * The figures of issue 6: coverage (above), findings rate per checklist item, officers' workloads,
 * and what is overdue (tasks, rectifications, publications).
 */
export async function inspectionFigures(
  db: Executor,
  actor: Actor,
  q: z.infer<typeof figuresQuerySchema>,
  now: Date,
) {
  const { today, year, prefix, inYear } = await coverageScope(db, actor, q, now);
  const coverageFigures = await inspectionCoverage(db, actor, q, now);
  const findings = await queryRows<{ item_code: string; checked: number; non_compliant: number }>(
    db,
    sql`SELECT r.item_code, count(*) FILTER (WHERE r.result <> 'not_applicable')::int AS checked,
          count(*) FILTER (WHERE r.result = 'non_compliant')::int AS non_compliant
        FROM inspection_item_result r JOIN inspection i ON i.id = r.inspection_id
        WHERE extract(year FROM i.inspected_on) = ${year} AND ${inYear}
        GROUP BY r.item_code ORDER BY r.item_code`,
  );
  const what = new Map(
    (await currentChecklists(db)).flatMap((c) => c.items.map((i) => [i.code, i.what] as const)),
  );

  const workloads = await queryRows<{
    id: number;
    certificate_no: string;
    name: string;
    department_code: string;
    drawn: number;
    completed: number;
    open: number;
  }>(
    db,
    sql`SELECT o.id, o.certificate_no, o.name, o.department_code,
          (SELECT count(*)::int FROM inspection_team t JOIN inspection i ON i.id = t.inspection_id JOIN campaign c ON c.id = i.campaign_id
            WHERE t.inspector_id = o.id AND i.status <> 'replaced' AND extract(year FROM c.period_start) = ${year}) AS drawn,
          (SELECT count(*)::int FROM inspection_officer p JOIN inspection i ON i.id = p.inspection_id
            WHERE p.inspector_id = o.id AND extract(year FROM i.inspected_on) = ${year}) AS completed,
          (SELECT count(*)::int FROM inspection_team t JOIN inspection i ON i.id = t.inspection_id
            WHERE t.inspector_id = o.id AND i.status = 'assigned') AS open
        FROM inspector o WHERE o.region_code LIKE ${`${prefix}%`} AND ${inspectorInScope(actor)}
        ORDER BY o.department_code, o.certificate_no`,
  );

  const overdue = await queryRows<{
    kind: 'task' | 'rectification' | 'publication';
    inspection_id: number;
    establishment_id: number;
    due: string;
  }>(
    db,
    sql`SELECT 'task' AS kind, i.id AS inspection_id, i.establishment_id, i.due_on AS due FROM inspection i
          WHERE i.status = 'assigned' AND i.due_on < ${today} AND ${inYear}
        UNION ALL
        SELECT 'rectification', i.id, i.establishment_id, x.deadline FROM rectification x JOIN inspection i ON i.id = x.inspection_id
          WHERE x.status = 'open' AND x.deadline < ${today} AND ${inYear}
        UNION ALL
        SELECT 'publication', i.id, i.establishment_id, i.publication_due FROM inspection i
          WHERE i.status = 'completed' AND i.published_at IS NULL AND i.publication_due < ${today} AND ${inYear}
        ORDER BY 4, 2`,
  );
  const names = await establishmentFactsOf(
    db,
    overdue.slice(0, 200).map((o) => Number(o.establishment_id)),
  );
  const count = (k: string) => overdue.filter((o) => o.kind === k).length;
  return {
    ...coverageFigures,
    findingsByItem: findings.map((f) => ({
      itemCode: f.item_code,
      what: what.get(f.item_code) ?? f.item_code,
      checked: f.checked,
      nonCompliant: f.non_compliant,
      rate: findingsRate(f.non_compliant, f.checked),
    })),
    workloads: workloads.map((w) => ({
      inspectorId: Number(w.id),
      certificateNo: w.certificate_no,
      name: w.name,
      departmentCode: w.department_code,
      drawn: w.drawn,
      completed: w.completed,
      open: w.open,
    })),
    overdue: {
      tasks: count('task'),
      rectifications: count('rectification'),
      publications: count('publication'),
      items: overdue.slice(0, 200).map((o) => ({
        kind: o.kind,
        inspectionId: Number(o.inspection_id),
        establishmentName: names.get(Number(o.establishment_id))?.name ?? null,
        dueOn: dateText(o.due)!,
      })),
    },
  };
}
