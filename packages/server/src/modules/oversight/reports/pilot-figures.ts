import { ESTABLISHMENT_FLAGS, type EstablishmentFlag } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../../db/database.js';
import type { Actor } from '../../identity/actor.js';
import { inRegionScope } from '../../identity/scope.js';
import { inspectionInScope } from '../../inspection/scope.js';
import type { Period } from '../deadlines.js';
import { gridInScope } from '../grid-scope.js';
import type { ScopedRegion } from '../scope.js';

/** Flags whose coverage the pilot counts (seed 002 二(一)); remote monitoring is a mode, counted apart. */
export const COVERAGE_FLAGS = ESTABLISHMENT_FLAGS.filter((f) => f !== 'remote_monitoring');
/** Sectors to be inspected in full (seed 002 二(一): 医疗美容、中医备案诊所、口腔). */
export const KEY_FLAGS: readonly EstablishmentFlag[] = ['medical_beauty', 'tcm_filed_clinic', 'dental'];

export interface PilotFigures {
  coverage: { flag: EstablishmentFlag; population: number; covered: number }[];
  remoteMonitored: number;
  visits: {
    total: number;
    joint: number;
    reinspections: number;
    nonCompliant: number;
    published: number;
    publishedOnTime: number;
  };
  grids: { grids: number; areas: number; staff: number };
  patrols: { done: number; problems: number; establishments: number; withPhotos: number };
  rechecks: { created: number; done: number; overdue: number };
  campaigns: { name: string; departments: string[]; target: number; done: number; problems: number }[];
}

/**
 * The pilot summary's own figures for a period and region, counted from the records: coverage of
 * the flagged sectors by completed visits, joint visits, published results, grid patrols,
 * re-checks and special campaigns. Timeliness comes from the dashboard (the same deadline records).
 */
export async function pilotFigures(
  db: Executor,
  actor: Actor,
  region: ScopedRegion,
  p: Period,
): Promise<PilotFigures> {
  const like = `${region.prefix}%`;
  const visitScope = sql`v.region_code LIKE ${like} AND ${inspectionInScope(actor, 'v')}`;
  const inPeriod = sql`v.inspected_on BETWEEN ${p.from} AND ${p.to}`;
  const coverage = await queryRows<{ flag: EstablishmentFlag; population: number; covered: number }>(
    db,
    sql`SELECT f.flag, count(e.id)::int AS population,
          count(e.id) FILTER (WHERE EXISTS (SELECT 1 FROM oversight_inspection_visit v
            WHERE v.establishment_id = e.id AND ${inPeriod} AND ${visitScope}))::int AS covered
        FROM unnest(${sql`ARRAY[${sql.join(
          COVERAGE_FLAGS.map((f) => sql`${f}`),
          sql`, `,
        )}]::text[]`}) AS f(flag)
        LEFT JOIN oversight_establishment e ON f.flag = ANY(e.flags) AND e.status = 'operating'
          AND e.region_code LIKE ${like} AND ${inRegionScope(actor, sql`e.region_code`)}
        GROUP BY f.flag`,
  );
  const remote = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM oversight_establishment e
        WHERE 'remote_monitoring' = ANY(e.flags) AND e.status = 'operating' AND e.region_code LIKE ${like}
          AND ${inRegionScope(actor, sql`e.region_code`)}`,
  );
  const visits = await queryOne<PilotFigures['visits']>(
    db,
    sql`SELECT count(*)::int AS total,
          count(*) FILTER (WHERE cardinality(v.departments) > 1)::int AS joint,
          count(*) FILTER (WHERE v.task_kind = 'reinspection')::int AS reinspections,
          count(*) FILTER (WHERE v.outcome = 'non_compliant')::int AS "nonCompliant",
          count(*) FILTER (WHERE v.published_on IS NOT NULL)::int AS published,
          count(*) FILTER (WHERE v.published_on IS NOT NULL AND v.published_on <= v.publication_due)::int AS "publishedOnTime"
        FROM oversight_inspection_visit v WHERE ${inPeriod} AND ${visitScope}`,
  );
  const grids = sql`g.region_code LIKE ${like} AND ${gridInScope(actor)}`;
  const gridCounts = await queryOne<PilotFigures['grids']>(
    db,
    sql`SELECT count(*)::int AS grids,
          (SELECT count(*)::int FROM oversight_grid_area a JOIN oversight_grid g ON g.id = a.grid_id WHERE ${grids}) AS areas,
          (SELECT count(DISTINCT s.user_id)::int FROM oversight_grid_staff s JOIN oversight_grid g ON g.id = s.grid_id WHERE ${grids}) AS staff
        FROM oversight_grid g WHERE ${grids}`,
  );
  // Patrols by the day they were done, on China's calendar.
  const patrolDay = sql`(p.patrolled_at AT TIME ZONE 'Asia/Shanghai')::date`;
  const patrols = await queryOne<PilotFigures['patrols']>(
    db,
    sql`SELECT count(*)::int AS done,
          count(*) FILTER (WHERE p.problem_found)::int AS problems,
          count(DISTINCT p.establishment_id)::int AS establishments,
          count(*) FILTER (WHERE jsonb_array_length(p.photos) > 0)::int AS "withPhotos"
        FROM oversight_patrol p JOIN oversight_grid g ON g.id = p.grid_id
        WHERE p.status = 'done' AND ${patrolDay} BETWEEN ${p.from} AND ${p.to} AND ${grids}`,
  );
  const rechecks = await queryOne<PilotFigures['rechecks']>(
    db,
    sql`SELECT count(*) FILTER (WHERE (r.created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${p.from} AND ${p.to})::int AS created,
          count(*) FILTER (WHERE r.done_on BETWEEN ${p.from} AND ${p.to})::int AS done,
          count(*) FILTER (WHERE r.status = 'open' AND r.due_on < ${p.asOf})::int AS overdue
        FROM oversight_recheck_task r JOIN oversight_grid g ON g.id = r.grid_id WHERE ${grids}`,
  );
  const campaigns = await queryRows<{
    name: string;
    departments: string[];
    target: number;
    done: number;
    problems: number;
  }>(
    db,
    sql`SELECT c.name, c.target,
          (SELECT array_agg(d.name_zh ORDER BY d.sort_order, d.code) FROM department d WHERE d.code = ANY(c.departments)) AS departments,
          count(p.id) FILTER (WHERE p.status = 'done')::int AS done,
          count(p.id) FILTER (WHERE p.status = 'done' AND p.problem_found)::int AS problems
        FROM oversight_special_campaign c LEFT JOIN oversight_patrol p ON p.campaign_id = c.id
        WHERE c.region_code LIKE ${like} AND ${inRegionScope(actor, sql`c.region_code`)}
          AND c.starts_on <= ${p.to} AND c.ends_on >= ${p.from}
          ${region.departmentCode ? sql`AND ${region.departmentCode} = ANY(c.departments)` : sql``}
        GROUP BY c.id ORDER BY c.starts_on, c.id`,
  );
  return {
    coverage: COVERAGE_FLAGS.map((flag) => {
      const r = coverage.find((c) => c.flag === flag);
      return { flag, population: r?.population ?? 0, covered: r?.covered ?? 0 };
    }),
    remoteMonitored: remote!.n,
    visits: visits!,
    grids: gridCounts!,
    patrols: patrols!,
    rechecks: rechecks!,
    campaigns,
  };
}
