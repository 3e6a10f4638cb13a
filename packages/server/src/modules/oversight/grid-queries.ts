import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { measureSql, type Period } from './deadlines.js';
import { gridInScope, loadGrid } from './grid-scope.js';

const day = (v: string | Date | null): string | null =>
  v === null ? null : typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10);

/**
 * Each grid with its workload and open items: establishments in its areas, patrols planned and done
 * in the period, open and overdue re-checks, and the deadline records of its areas that are open
 * and overdue (from the same view as the dashboard).
 */
export async function listGrids(db: Executor, actor: Actor, p: Period) {
  const rows = await queryRows<{
    id: number;
    code: string;
    name: string;
    region_code: string;
    department_code: string;
    duties: string;
    version: number;
    areas: string[] | null;
    establishments: number;
    patrols_planned: number;
    patrols_done: number;
    problems: number;
    rechecks_open: number;
    rechecks_overdue: number;
    deadlines_overdue: number;
  }>(
    db,
    sql`SELECT g.id, g.code, g.name, g.region_code, g.department_code, g.duties, g.version,
          (SELECT array_agg(a.area_code ORDER BY a.area_code) FROM oversight_grid_area a WHERE a.grid_id = g.id) AS areas,
          (SELECT count(*)::int FROM oversight_establishment e
            WHERE e.status <> 'deregistered' AND EXISTS (SELECT 1 FROM oversight_grid_area a WHERE a.grid_id = g.id AND e.region_code LIKE a.area_code || '%')) AS establishments,
          (SELECT count(*)::int FROM oversight_patrol x WHERE x.grid_id = g.id AND x.status = 'planned') AS patrols_planned,
          (SELECT count(*)::int FROM oversight_patrol x WHERE x.grid_id = g.id AND x.status = 'done'
            AND x.planned_on BETWEEN ${p.from} AND ${p.to}) AS patrols_done,
          (SELECT count(*)::int FROM oversight_patrol x WHERE x.grid_id = g.id AND x.problem_found
            AND x.planned_on BETWEEN ${p.from} AND ${p.to}) AS problems,
          (SELECT count(*)::int FROM oversight_recheck_task r WHERE r.grid_id = g.id AND r.status = 'open') AS rechecks_open,
          (SELECT count(*)::int FROM oversight_recheck_task r WHERE r.grid_id = g.id AND r.status = 'open' AND r.due_on < ${p.asOf}) AS rechecks_overdue,
          (SELECT count(*)::int FROM oversight_deadline d
            WHERE d.department_code = g.department_code AND ${measureSql('overdue', p)}
              AND EXISTS (SELECT 1 FROM oversight_grid_area a WHERE a.grid_id = g.id AND d.region_code LIKE a.area_code || '%')) AS deadlines_overdue
        FROM oversight_grid g WHERE ${gridInScope(actor)}
        ORDER BY g.region_code, g.code`,
  );
  const staff = await queryRows<{
    grid_id: number;
    user_id: number;
    display_name: string;
    role: string;
    duties: string;
  }>(
    db,
    sql`SELECT s.grid_id, s.user_id, u.display_name, s.role, s.duties
        FROM oversight_grid_staff s JOIN app_user u ON u.id = s.user_id JOIN oversight_grid g ON g.id = s.grid_id
        WHERE ${gridInScope(actor)} ORDER BY s.role, u.display_name`,
  );
  return rows.map((g) => ({
    id: Number(g.id),
    code: g.code,
    name: g.name,
    regionCode: g.region_code,
    departmentCode: g.department_code,
    duties: g.duties,
    version: g.version,
    areaCodes: g.areas ?? [],
    staff: staff
      .filter((s) => Number(s.grid_id) === Number(g.id))
      .map((s) => ({
        userId: Number(s.user_id),
        name: s.display_name,
        role: s.role as 'lead' | 'member',
        duties: s.duties,
      })),
    workload: {
      establishments: g.establishments,
      patrolsPlanned: g.patrols_planned,
      patrolsDone: g.patrols_done,
      problemsFound: g.problems,
      rechecksOpen: g.rechecks_open,
      rechecksOverdue: g.rechecks_overdue,
      deadlinesOverdue: g.deadlines_overdue,
    },
  }));
}

/** One grid's patrols and re-checks (open first). */
export async function gridItems(db: Executor, actor: Actor, id: number) {
  const grid = await loadGrid(db, actor, id);
  const patrols = await queryRows<{
    id: number;
    place: string;
    planned_on: string | Date;
    status: string;
    findings: string | null;
    problem_found: boolean | null;
    campaign_id: number | null;
    establishment_id: number | null;
    patrolled_at: string | Date | null;
    officer_name: string | null;
    photos: string[] | string;
  }>(
    db,
    sql`SELECT p.id, p.place, p.planned_on, p.status, p.findings, p.problem_found, p.campaign_id, p.establishment_id,
          p.patrolled_at, u.display_name AS officer_name, p.photos
        FROM oversight_patrol p LEFT JOIN app_user u ON u.id = p.officer_user_id
        WHERE p.grid_id = ${grid.id} ORDER BY (p.status = 'planned') DESC, p.planned_on DESC, p.id DESC LIMIT 200`,
  );
  const rechecks = await queryRows<{
    id: number;
    establishment_id: number;
    name: string;
    source: string;
    source_ref: string;
    due_on: string | Date;
    status: string;
    done_on: string | Date | null;
    result: string | null;
  }>(
    db,
    sql`SELECT r.id, r.establishment_id, e.name, r.source, r.source_ref, r.due_on, r.status, r.done_on, r.result
        FROM oversight_recheck_task r JOIN oversight_establishment e ON e.id = r.establishment_id
        WHERE r.grid_id = ${grid.id} ORDER BY (r.status = 'open') DESC, r.due_on, r.id LIMIT 200`,
  );
  return {
    id: grid.id,
    code: grid.code,
    name: grid.name,
    patrols: patrols.map((x) => ({
      id: Number(x.id),
      place: x.place,
      plannedOn: day(x.planned_on)!,
      status: x.status,
      findings: x.findings,
      problemFound: x.problem_found,
      campaignId: x.campaign_id === null ? null : Number(x.campaign_id),
      establishmentId: x.establishment_id === null ? null : Number(x.establishment_id),
      patrolledAt: x.patrolled_at === null ? null : new Date(x.patrolled_at).toISOString(),
      officerName: x.officer_name,
      photos: (typeof x.photos === 'string' ? JSON.parse(x.photos) : x.photos) as string[],
    })),
    rechecks: rechecks.map((r) => ({
      id: Number(r.id),
      establishmentId: Number(r.establishment_id),
      establishmentName: r.name,
      source: r.source,
      sourceRef: r.source_ref,
      dueOn: day(r.due_on)!,
      status: r.status,
      doneOn: day(r.done_on),
      result: r.result,
    })),
  };
}
