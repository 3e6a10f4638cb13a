import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../packages/server/src/config.js';
import {
  type Database,
  openPglite,
  openPostgres,
  queryOne,
  queryRows,
} from '../packages/server/src/db/database.js';
import type { AppContext } from '../packages/server/src/http/context.js';
import type { Actor } from '../packages/server/src/modules/identity/actor.js';
import { ALL_PERMISSIONS } from '../packages/server/src/modules/identity/permissions.js';
import { SecretBox } from '../packages/server/src/modules/identity/secret-box.js';
import { approveCampaign } from '../packages/server/src/modules/inspection/approve-campaign.js';
import { drawCampaign } from '../packages/server/src/modules/inspection/draw-campaign.js';
import { freezeCampaign } from '../packages/server/src/modules/inspection/freeze-campaign.js';
import { registerLevelSource } from '../packages/server/src/modules/inspection/levels.js';
import { loadRecordGz } from '../packages/server/src/modules/inspection/record-store.js';
import { createCampaign } from '../packages/server/src/modules/inspection/save-campaign.js';
import { prepareDatabase, VERSION } from '../packages/server/src/platform.js';
import { generate, TABLE_COLUMNS } from './generate.js';
import { recreateDatabase } from './pg.js';

/**
 * The draw benchmark of issue 6: draw 20% of a 1,000,000-establishment pool in 60 strata, with
 * teams from 2,000 officers, through the platform's own use cases (close the pool, then draw: the
 * snapshot, hashes, keys, teams, 200,000 tasks and the stored record), on PostgreSQL and on
 * PGlite; in the same run the naive peer, `ORDER BY random() LIMIT n_h` per stratum on the same
 * table; then `weijian draw verify` on the record. Each step runs in its own process, so its peak
 * memory (RSS, from /usr/bin/time) is its own.
 *
 *   npm run bench -- draw [--rows 1000000] [--officers 2000] [--db both|postgres|pglite]
 *
 * The 60 strata: the 7 kinds the generator makes × risk × credit levels that this benchmark's
 * level source assigns from the establishment id (the credit module does that in production),
 * every ratio 0.2.
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const SEED = 20_260_101;
const DB = 'weijian_bench_draw';
/**
 * Risk and credit levels per kind: 4 × 3 for public places, medical institutions and schools, 3 × 2
 * for the four other kinds the generator makes (it makes no "other") = 60 strata.
 */
const LEVELS: Record<string, [number, number]> = { medical: [4, 3], public_place: [4, 3], school: [4, 3] };
const levelsOf = (kind: string) => LEVELS[kind] ?? [3, 2];
const riskOf = (id: number, kind: string) => `r${id % levelsOf(kind)[0]}`;
const creditOf = (id: number, kind: string) => `c${Math.floor(id / 10) % levelsOf(kind)[1]}`;

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const seconds = (m: number) => +(m / 1000).toFixed(1);

function actor(userId: number, unit: { id: number; regionCode: string }): Actor {
  return {
    userId,
    username: `bench.${userId}`,
    displayName: 'bench',
    kind: 'staff',
    unit: {
      id: unit.id,
      name: 'bench',
      departmentCode: 'supervision',
      departmentName: '卫生监督所',
      regionCode: unit.regionCode,
      regionName: '山东省',
      regionLevel: 'province',
    },
    regionPrefix: '37',
    establishmentId: null,
    roles: [{ code: 'admin', name: 'admin', nameEn: 'admin' }],
    permissions: new Set(ALL_PERMISSIONS),
    secondFactorEnabled: true,
    mustChangePassword: false,
    sessionId: null,
    ip: null,
    requestId: null,
  };
}

async function open(kind: string, dir: string): Promise<Database> {
  if (kind === 'postgres') return openPostgres(process.env.BENCH_URL!, 4);
  return openPglite({ dataDir: dir });
}

function context(database: Database, at: () => Date): AppContext {
  return {
    config: loadConfig({ WEIJIAN_DATA_DIR: os.tmpdir(), LOG_LEVEL: 'silent' }),
    database,
    secrets: new SecretBox('b'.repeat(64)),
    now: at,
    version: VERSION,
  };
}

/** Child: schema, 1M establishments, 2,000 officers in the counties, a campaign approved before day D. */
async function setup(kind: string, dir: string, rows: number, officers: number) {
  const database = await open(kind, dir);
  await prepareDatabase(database);
  const db = database.db;
  const counties = await queryRows<{ code: string; name: string }>(
    db,
    sql`SELECT code, name FROM region WHERE level = 'county' AND NOT retired AND code LIKE '37%' ORDER BY code`,
  );
  const file = path.join(os.tmpdir(), `weijian-bench-draw-${rows}-${SEED}-table.csv`);
  if (!fs.existsSync(file)) {
    await generate({
      rows,
      seed: SEED,
      templateFile: '/dev/null',
      tableFile: file,
      regions: counties.map((c) => ({ ...c, weight: 1 })),
    });
  }
  const t = process.hrtime.bigint();
  const copy = `COPY establishment (${TABLE_COLUMNS.join(', ')}) FROM '${kind === 'postgres' ? file : '/dev/blob'}' WITH (FORMAT csv)`;
  if (kind === 'postgres') {
    fs.chmodSync(file, 0o644);
    await database.execScript(copy);
  } else {
    // PGlite inserts slowly into the name-search trigram index (a registry concern the draw never
    // uses): the benchmark database goes without it.
    await database.execScript('DROP INDEX IF EXISTS establishment_name_trgm_idx');
    await database.pglite!.query(copy, [], { blob: new Blob([fs.readFileSync(file)]) });
  }
  // Every establishment operating: the pool is the whole million.
  await database.execScript("UPDATE establishment SET status = 'operating' WHERE status <> 'operating'");
  await database.execScript('VACUUM ANALYZE establishment');
  const loadMs = ms(t);
  const province = await queryOne<{ id: number }>(
    db,
    sql`INSERT INTO unit (department_code, region_code, name) VALUES ('supervision', '370000', '山东省卫生健康监督所') RETURNING id`,
  );
  const at = '2026-01-01T00:00:00Z';
  for (const [i, c] of counties.entries()) {
    const unit = await queryOne<{ id: number }>(
      db,
      sql`INSERT INTO unit (department_code, region_code, name) VALUES ('supervision', ${c.code}, ${`${c.name}卫生健康监督所`}) RETURNING id`,
    );
    const n = Math.floor(officers / counties.length) + (i < officers % counties.length ? 1 : 0);
    await db.execute(sql`INSERT INTO inspector (certificate_no, name, unit_id, department_code, region_code, specialties, created_at, updated_at)
      SELECT ${c.code} || lpad(g::text, 4, '0'), '执法人员' || g, ${unit!.id}, 'supervision', ${c.code}, '{medical}', ${at}, ${at}
      FROM generate_series(1, ${n}) g`);
  }
  let now = new Date('2026-03-10T02:00:00Z');
  const ctx = context(database, () => now);
  const planner = actor(1, { id: Number(province!.id), regionCode: '370000' });
  const id = await createCampaign({
    ctx,
    actor: planner,
    input: {
      title: '全省双随机抽查（基准测试）',
      description: '',
      departments: ['supervision'],
      kinds: [
        'medical',
        'public_place',
        'drinking_water',
        'disinfection',
        'radiation',
        'school',
        'occupational',
        'other',
      ],
      regionCodes: ['370000'],
      itemCodes: ['medical.supervision'],
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
      sampling: { defaultRatio: 0.2, cells: [], sectors: [], qualifications: [] },
      teamSize: 2,
      workloadCap: null,
      crossRegion: false,
      yearTarget: 0.2,
      randomnessDate: '2026-03-16',
      sources: [{ id: 'sse-000001-close', description: '上证综指（000001）2026-03-16 收盘点位' }],
    },
  });
  now = new Date('2026-03-10T03:00:00Z');
  await approveCampaign({ ctx, actor: actor(2, { id: Number(province!.id), regionCode: '370000' }), id });
  const pool = (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM establishment`))!.n;
  const roster = (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM inspector`))!.n;
  await database.close();
  return {
    campaignId: id,
    provinceUnit: Number(province!.id),
    pool,
    roster,
    counties: counties.length,
    loadSeconds: seconds(loadMs),
  };
}

function benchLevels() {
  registerLevelSource(async (db, ids) => {
    const rows = await queryRows<{ id: number; kind: string }>(
      db,
      sql`SELECT id, kind FROM establishment WHERE id = ANY(${sql.param([...ids])}::bigint[])`,
    );
    return new Map(
      rows.map((r) => [
        Number(r.id),
        { riskLevel: riskOf(Number(r.id), r.kind), creditLevel: creditOf(Number(r.id), r.kind) },
      ]),
    );
  });
}

/** Child: close the pool and draw through the use cases; write the record for the verifier. */
async function draw(kind: string, dir: string, campaignId: number, provinceUnit: number, out: string) {
  benchLevels();
  const database = await open(kind, dir);
  let now = new Date('2026-03-12T02:00:00Z');
  const ctx = context(database, () => now);
  const a = actor(1, { id: provinceUnit, regionCode: '370000' });
  let t = process.hrtime.bigint();
  await freezeCampaign({ ctx, actor: a, id: campaignId });
  const freezeMs = ms(t);
  now = new Date('2026-03-16T08:00:00Z');
  t = process.hrtime.bigint();
  await drawCampaign({
    ctx,
    actor: a,
    id: campaignId,
    input: { sourceValues: [{ id: 'sse-000001-close', value: '3389.12' }] },
  });
  const drawMs = ms(t);
  const strata = await queryOne<{ strata: { id: string; population: number; sample: number }[] }>(
    database.db,
    sql`SELECT strata FROM campaign_draw WHERE campaign_id = ${campaignId}`,
  );
  const tasks = (await queryOne<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM inspection`))!
    .n;
  const stored = (await loadRecordGz(database.db, campaignId))!;
  fs.writeFileSync(out, stored.gz);
  await database.close();
  return {
    strata: strata!.strata.length,
    targets: tasks,
    freezeSeconds: seconds(freezeMs),
    drawSeconds: seconds(drawMs),
    totalSeconds: seconds(freezeMs + drawMs),
    recordGzMb: +(stored.gz.length / 2 ** 20).toFixed(1),
    strataList: strata!.strata,
  };
}

/** Child: the naive peer on the same table: ORDER BY random() LIMIT n_h, one query per stratum. */
async function naive(kind: string, dir: string, strataJson: string) {
  const database = await open(kind, dir);
  const strata = JSON.parse(fs.readFileSync(strataJson, 'utf8')) as { id: string; sample: number }[];
  const t = process.hrtime.bigint();
  let drawn = 0;
  for (const h of strata) {
    const [k, , risk, credit] = h.id.split('/') as [string, string, string, string];
    const [r, c] = levelsOf(k);
    const rows = await queryRows<{ id: number }>(
      database.db,
      sql`SELECT id FROM establishment WHERE status = 'operating' AND kind = ${k}
            AND id % ${r} = ${Number(risk.slice(1))} AND (id / 10) % ${c} = ${Number(credit.slice(1))}
          ORDER BY random() LIMIT ${h.sample}`,
    );
    drawn += rows.length;
  }
  const naiveMs = ms(t);
  await database.close();
  return { drawn, seconds: seconds(naiveMs) };
}

/** Runs a child step under /usr/bin/time to get its peak RSS. */
function child(args: string[]): Promise<{ result: Record<string, unknown>; peakRssMb: number }> {
  const p = spawn(
    '/usr/bin/time',
    [
      '-f',
      'RSS_KB=%M',
      process.execPath,
      '--max-old-space-size=8192',
      ...(process.env.BENCH_CPU_PROF && args[0] === 'draw'
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
        : []),
      '--import',
      'tsx',
      path.join(HERE, 'draw.ts'),
      ...args,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
    },
  );
  let out = '';
  let err = '';
  p.stdout.on('data', (d) => (out += d));
  p.stderr.on('data', (d) => (err += d));
  return new Promise((resolve, reject) =>
    p.on('close', (code) => {
      const rss = Number(/RSS_KB=(\d+)/.exec(err)?.[1] ?? 0);
      if (code !== 0) reject(new Error(`${args[0]} exited ${code}: ${err.slice(-2000)}`));
      else resolve({ result: JSON.parse(out), peakRssMb: Math.round(rss / 1024) });
    }),
  );
}

async function verify(file: string) {
  const bin = path.join(HERE, '../packages/server/bin/weijian.js');
  const t = process.hrtime.bigint();
  const p = spawn(
    '/usr/bin/time',
    ['-f', 'RSS_KB=%M', process.execPath, '--max-old-space-size=8192', bin, 'draw', 'verify', file],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  p.stdout.on('data', (d) => (out += d));
  p.stderr.on('data', (d) => (err += d));
  const code = await new Promise<number | null>((resolve) => p.on('close', resolve));
  return {
    exitCode: code,
    seconds: seconds(ms(t)),
    peakRssMb: Math.round(Number(/RSS_KB=(\d+)/.exec(err)?.[1] ?? 0) / 1024),
    output: out.trim().split('\n').slice(-1)[0],
  };
}

async function benchmark(kind: string, rows: number, officers: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `weijian-bench-draw-${kind}-`));
  if (kind === 'postgres') process.env.BENCH_URL = await recreateDatabase(DB);
  const s = await child(['setup', kind, dir, String(rows), String(officers)]);
  const setupResult = s.result as {
    campaignId: number;
    provinceUnit: number;
    pool: number;
    roster: number;
    loadSeconds: number;
  };
  const recordFile = path.join(dir, 'record.json.gz');
  const d = await child([
    'draw',
    kind,
    dir,
    String(setupResult.campaignId),
    String(setupResult.provinceUnit),
    recordFile,
  ]);
  const { strataList, ...drawResult } = d.result as { strataList: unknown[] } & Record<string, unknown>;
  const strataFile = path.join(dir, 'strata.json');
  fs.writeFileSync(strataFile, JSON.stringify(strataList));
  const n = await child(['naive', kind, dir, strataFile]);
  const v = await verify(recordFile);
  fs.rmSync(dir, { recursive: true, force: true });
  const platform = drawResult.totalSeconds as number;
  return {
    database: kind,
    pool: setupResult.pool,
    roster: setupResult.roster,
    setup: { loadSeconds: setupResult.loadSeconds, peakRssMb: s.peakRssMb },
    draw: { ...drawResult, peakRssMb: d.peakRssMb },
    naive: { ...n.result, peakRssMb: n.peakRssMb },
    ratio: +(platform / (n.result.seconds as number)).toFixed(1),
    verify: v,
  };
}

function machine() {
  const cpu =
    fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.+)/)?.[1] ?? os.cpus()[0]?.model;
  const memory = execFileSync('free', ['-h'], { encoding: 'utf8' })
    .split('\n')[1]
    ?.replace(/\s+/g, ' ')
    .trim();
  return {
    date: new Date().toISOString(),
    nproc: os.availableParallelism(),
    cpu,
    memory,
    node: process.version,
  };
}

/** `npm run bench -- draw …` (bench/run.ts) and the child steps. */
export async function main(argv: string[]): Promise<void> {
  const [mode, ...rest] = argv;
  if (mode === 'setup') {
    const [kind, dir, rows, officers] = rest as [string, string, string, string];
    process.stdout.write(JSON.stringify(await setup(kind, dir, Number(rows), Number(officers))));
  } else if (mode === 'draw') {
    const [kind, dir, id, unit, out] = rest as [string, string, string, string, string];
    process.stdout.write(JSON.stringify(await draw(kind, dir, Number(id), Number(unit), out)));
  } else if (mode === 'naive') {
    const [kind, dir, file] = rest as [string, string, string];
    process.stdout.write(JSON.stringify(await naive(kind, dir, file)));
  } else {
    const { values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { rows: { type: 'string' }, officers: { type: 'string' }, db: { type: 'string' } },
    });
    const rows = Number(values.rows ?? 1_000_000);
    const officers = Number(values.officers ?? 2000);
    const kinds = values.db === 'postgres' || values.db === 'pglite' ? [values.db] : ['postgres', 'pglite'];
    const results = [];
    for (const k of kinds) results.push(await benchmark(k, rows, officers));
    process.stdout.write(`${JSON.stringify({ machine: machine(), rows, officers, results }, null, 2)}\n`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await main(process.argv.slice(2));
