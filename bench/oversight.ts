import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { type Database, type Executor, openPostgres, queryOne } from '../packages/server/src/db/database.js';
import type { Actor } from '../packages/server/src/modules/identity/actor.js';
import type { Permission } from '../packages/server/src/modules/identity/permissions.js';
import { dashboard } from '../packages/server/src/modules/oversight/dashboard.js';
import { refreshDeadlineSummary } from '../packages/server/src/modules/oversight/deadline-summary.js';
import { refreshEstablishmentSummary } from '../packages/server/src/modules/oversight/establishment-summary.js';
import { resolvePeriod } from '../packages/server/src/modules/oversight/period.js';
import { scopedRegion } from '../packages/server/src/modules/oversight/scope.js';
import { prepareDatabase } from '../packages/server/src/platform.js';
import { END, generateActivity } from './oversight-activity.js';
import { databaseUrl } from './pg.js';

/**
 * Oversight dashboard benchmark (issue 10, "Performance"):
 *   npm run bench -- oversight [--runs 3] [--skip-generate] [--applications 200000] [--complaints 100000] [--cases 20000]
 *
 * On the weijian_bench database the registry import benchmark left (1,000,000 establishments), it
 * generates a year of activity (oversight-activity.ts), then calls the dashboard use case the route
 * GET /oversight/dashboard calls, for a province-wide, a city and a county actor. Each panel's time
 * is measured by running the use case on a recording executor that runs its queries one at a time
 * and attributes each query to the panel that reads it; the dashboard's own time (queries in
 * parallel, as served) is measured separately. Medians of --runs runs, first with the establishment
 * panels counted live (no summary refreshed), then from the summaries after one refresh of each (as
 * their jobs do: establishments and coverage population, timeliness). Figures go to docs/benchmarks.md.
 */
const DB = 'weijian_bench';
const NOW = new Date(`${END}T04:00:00Z`);

/** The panel a query belongs to, by what it reads. */
function panelOf(text: string): string {
  if (text.includes('FROM oversight_population_summary')) return 'coverage: population (registry)';
  if (text.includes('oversight_deadline') && text.includes('AS child')) return 'map: overdue per area';
  if (/FROM oversight_deadline_(summary|irregular)/.test(text))
    return 'timeliness (approvals, post-approval, complaints, warnings, cases, publication)';
  if (text.includes('FROM oversight_summary_refresh')) return 'other (regions, permit types, summary times)';
  if (text.includes('FROM oversight_establishment') && text.includes('GROUP BY e.kind'))
    return 'establishments by kind';
  if (text.includes('FROM oversight_establishment') && text.includes('credit_level AS credit'))
    return 'credit and risk levels';
  if (text.includes('FROM oversight_establishment')) return 'map: establishments per area';
  if (text.includes('FROM oversight_deadline') && text.includes('left(d.region_code'))
    return 'map: overdue per area';
  if (text.includes('FROM oversight_deadline'))
    return 'timeliness (approvals, post-approval, complaints, warnings, cases, publication)';
  // inspectionFigures (the inspection module's) is called for its coverage; the rest it computes
  // (findings per item, workloads, overdue lists) the dashboard does not show.
  if (/FROM establishment e WHERE/.test(text)) return 'coverage: population (registry)';
  if (text.includes('FROM inspection i JOIN campaign c') && text.includes('count(DISTINCT'))
    return 'coverage: inspections of the year';
  if (/inspection_item_result|FROM inspector o|'task' AS kind|FROM establishment WHERE id = ANY/.test(text))
    return 'inspection figures the dashboard does not show (findings, workloads, overdue)';
  if (/\b(inspection_policy|checklist|compliance_guide|inspection_list)\b/.test(text))
    return 'coverage: reference data (policy, guides)';
  return 'other (regions, permit types, summary times)';
}

/** An executor whose queries run one after another, each timed and filed under its panel. */
function recording(db: Executor, times: Map<string, number>): Executor {
  const dialect = new PgDialect();
  let chain: Promise<unknown> = Promise.resolve();
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'execute') return Reflect.get(target, prop, receiver);
      return (query: SQL) => {
        const text = dialect.sqlToQuery(query).sql;
        const next = chain.then(async () => {
          const t = process.hrtime.bigint();
          const result = await target.execute(query);
          const ms = Number(process.hrtime.bigint() - t) / 1e6;
          const panel = panelOf(text);
          times.set(panel, (times.get(panel) ?? 0) + ms);
          return result;
        });
        chain = next.catch(() => undefined);
        return next;
      };
    },
  });
}

function actorOf(
  unit: { id: number; name: string; department_code: string; region_code: string },
  region: { name: string; level: string },
  allDepartments: boolean,
): Actor {
  const permissions = new Set<Permission>(['oversight.read' as Permission]);
  if (allDepartments) permissions.add('identity.scope.all-departments' as Permission);
  const code = unit.region_code;
  return {
    userId: 0,
    username: 'bench',
    displayName: 'bench',
    kind: 'staff',
    unit: {
      id: unit.id,
      name: unit.name,
      departmentCode: unit.department_code,
      departmentName: unit.department_code,
      regionCode: code,
      regionName: region.name,
      regionLevel: region.level as never,
    },
    regionPrefix: code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code,
    establishmentId: null,
    roles: [],
    permissions,
    secondFactorEnabled: false,
    mustChangePassword: false,
    sessionId: null,
    ip: null,
    requestId: null,
  };
}

async function benchActor(
  database: Database,
  regionCode: string,
  department: string,
  allDepartments: boolean,
) {
  const unit = await queryOne<{ id: number; name: string; department_code: string; region_code: string }>(
    database.db,
    sql`SELECT id::int, name, department_code, region_code FROM bench_unit WHERE region_code = ${regionCode} AND department_code = ${department}`,
  );
  const region = await queryOne<{ name: string; level: string }>(
    database.db,
    sql`SELECT name, level FROM region WHERE code = ${regionCode}`,
  );
  if (!unit || !region)
    throw new Error(`no bench unit for ${regionCode}/${department}; run without --skip-generate`);
  return actorOf(unit, region, allDepartments);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function machine() {
  const cpu =
    fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.+)/)?.[1] ?? os.cpus()[0]?.model;
  let memory = `${Math.round(os.totalmem() / 2 ** 30)} GiB`;
  try {
    memory =
      execFileSync('free', ['-h'], { encoding: 'utf8' }).split('\n')[1]?.replace(/\s+/g, ' ').trim() ??
      memory;
  } catch {}
  return {
    date: new Date().toISOString(),
    nproc: os.availableParallelism(),
    cpu,
    memory,
    node: process.version,
  };
}

export async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '3' },
      'skip-generate': { type: 'boolean', default: false },
      applications: { type: 'string', default: '200000' },
      complaints: { type: 'string', default: '100000' },
      cases: { type: 'string', default: '20000' },
      alerts: { type: 'string', default: '30000' },
    },
  });
  const runs = Number(values.runs);
  const database = await openPostgres(databaseUrl(DB), 8);
  const single = await openPostgres(databaseUrl(DB), 1);
  try {
    await prepareDatabase(database);
    const establishments = (await queryOne<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM establishment`,
    ))!.n;
    if (establishments < 1000)
      throw new Error('weijian_bench has no establishments: run `npm run bench -- import` first');
    let generateSeconds: number | null = null;
    if (!values['skip-generate']) {
      const t = process.hrtime.bigint();
      await generateActivity(database, {
        applications: Number(values.applications),
        complaints: Number(values.complaints),
        cases: Number(values.cases),
        alerts: Number(values.alerts),
      });
      generateSeconds = +(Number(process.hrtime.bigint() - t) / 1e9).toFixed(1);
    }
    const counted = await queryOne<Record<string, number>>(
      database.db,
      sql`SELECT (SELECT count(*) FROM licensing_application)::int AS applications, (SELECT count(*) FROM licensing_task)::int AS tasks,
            (SELECT count(*) FROM complaint)::int AS complaints, (SELECT count(*) FROM credit_alert)::int AS warnings,
            (SELECT count(*) FROM enforcement_case)::int AS cases, (SELECT count(*) FROM penalty_publication)::int AS publications,
            (SELECT count(*) FROM credit_profile)::int AS profiles, (SELECT count(*) FROM inspection)::int AS inspections,
            (SELECT count(*) FROM inspection_item_result)::int AS item_results`,
    );
    const actors = [
      {
        label: 'province 370000 (health, all departments)',
        actor: await benchActor(database, '370000', 'health', true),
      },
      {
        label: 'city 370100 济南市 (health, all departments)',
        actor: await benchActor(database, '370100', 'health', true),
      },
      {
        label: 'county 370112 历城区 (supervision only)',
        actor: await benchActor(database, '370112', 'supervision', false),
      },
    ];
    const period = resolvePeriod({}, NOW);
    const loadavg: number[][] = [os.loadavg().map((x) => +x.toFixed(2))];
    const results: { mode: string; actor: string; dashboardMs: number; panelsMs: Record<string, number> }[] =
      [];
    // 'live': the establishment panels count oversight_establishment on each request (as before the
    // summary); 'summary': they read oversight_establishment_summary, refreshed as the job does.
    const refresh: Record<string, { rows: Record<string, number>; ms: number }> = {};
    for (const mode of ['live', 'summary'] as const) {
      if (mode === 'live') {
        // Every panel counted live: no summary has been refreshed.
        await database.execScript('DELETE FROM oversight_summary_refresh');
      } else {
        for (const [job, run] of [
          ['oversight.establishment-summary', refreshEstablishmentSummary],
          ['oversight.deadline-summary', refreshDeadlineSummary],
        ] as const) {
          const t = process.hrtime.bigint();
          const rows = await run(database.db, NOW);
          refresh[job] = { rows, ms: +(Number(process.hrtime.bigint() - t) / 1e6).toFixed(0) };
          process.stderr.write(`${job}: ${JSON.stringify(refresh[job])}\n`);
        }
      }
      for (const { label, actor } of actors) {
        const region = await scopedRegion(database.db, actor);
        // One warm-up run (plans, caches), then the measured runs.
        await dashboard(database.db, actor, region, period, NOW);
        const whole: number[] = [];
        const perPanel = new Map<string, number[]>();
        for (let i = 0; i < runs; i++) {
          const t = process.hrtime.bigint();
          await dashboard(database.db, actor, region, period, NOW);
          whole.push(Number(process.hrtime.bigint() - t) / 1e6);
          const times = new Map<string, number>();
          await dashboard(recording(single.db, times), actor, region, period, NOW);
          for (const [panel, ms] of times) perPanel.set(panel, [...(perPanel.get(panel) ?? []), ms]);
        }
        const panels = Object.fromEntries(
          [...perPanel.entries()].map(([panel, ms]) => [panel, +median(ms).toFixed(1)]),
        );
        results.push({ mode, actor: label, dashboardMs: +median(whole).toFixed(1), panelsMs: panels });
        process.stderr.write(`${mode} ${label}: dashboard ${median(whole).toFixed(0)} ms\n`);
      }
      loadavg.push(os.loadavg().map((x) => +x.toFixed(2)));
    }
    const report = {
      machine: { ...machine(), loadavg },
      postgres: (await queryOne<{ v: string }>(database.db, sql`SELECT version() AS v`))?.v,
      establishments,
      activity: counted,
      generateSeconds,
      period,
      runs,
      summaryRefresh: refresh,
      results,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    // The table for docs/benchmarks.md.
    const names = [...new Set(results.flatMap((r) => Object.keys(r.panelsMs)))];
    const lines = [
      `| panel | ${results.map((r) => `${r.mode}: ${r.actor}`).join(' | ')} |`,
      `|---|${results.map(() => '---:').join('|')}|`,
      ...names.map(
        (n) =>
          `| ${n} | ${results.map((r) => ((r.panelsMs as Record<string, number>)[n] ?? 0).toFixed(0)).join(' | ')} |`,
      ),
      `| **whole dashboard (queries in parallel, as served)** | ${results.map((r) => r.dashboardMs.toFixed(0)).join(' | ')} |`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await single.close();
    await database.close();
  }
}
