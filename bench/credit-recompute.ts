import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../packages/server/src/config.js';
import { type Database, openPglite, openPostgres, queryOne } from '../packages/server/src/db/database.js';
import { drainEvents } from '../packages/server/src/events/dispatch.js';
import { emitEvent } from '../packages/server/src/events/events.js';
import type { AppContext } from '../packages/server/src/http/context.js';
import { publicCredit } from '../packages/server/src/modules/credit/queries.js';
import '../packages/server/src/modules/credit/subscribers.js';
import { recomputeAll } from '../packages/server/src/modules/credit/sweeps.js';
import { SecretBox } from '../packages/server/src/modules/identity/secret-box.js';
import { prepareDatabase, VERSION } from '../packages/server/src/platform.js';
import { recreateDatabase } from './pg.js';

/**
 * Credit recompute benchmark (issue 7, "Performance"):
 *   1. a full recompute of credit levels, risk scores and modes for N establishments whose credit
 *      files hold N × E entries (and the demerit points of their penalties);
 *   2. the incremental update after one new penalty: from the `enforcement.penalty.decided` event
 *      written to the outbox until the establishment's risk level, mode and public record reflect it
 *      (delivery as the job runtime does it, through the same handler, timed in-process).
 *
 *   node --import tsx bench/credit-recompute.ts [--establishments 1000000] [--entries 10] [--pglite] [--batch 2000]
 *
 * PostgreSQL at BENCH_DATABASE_URL (else TEST_DATABASE_URL, else local) in database weijian_bench_credit,
 * or an in-memory PGlite with --pglite. Figures go to docs/benchmarks.md; nothing here is a test.
 */
const DB = 'weijian_bench_credit';

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
    loadavg: os.loadavg().map((x) => +x.toFixed(2)),
    node: process.version,
  };
}

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;

/** Establishments and their credit files, generated in the database (set-based, reproducible). */
async function generate(database: Database, n: number, perEstablishment: number) {
  const at = '2026-03-01T00:00:00Z';
  await database.execScript(`
    CREATE TEMP TABLE bench_region AS
      SELECT code, row_number() OVER (ORDER BY code) - 1 AS i FROM region WHERE level = 'county' AND code LIKE '37%' AND NOT retired;
    INSERT INTO establishment (public_code, name, kind, category_code, region_code, address, status, flags, clinical_subjects, beds, created_at, updated_at)
    SELECT 'B' || lpad(g::text, 12, '0'),
      '基准机构' || g,
      (ARRAY['medical','medical','medical','medical','medical','public_place','public_place','drinking_water','radiation','medical'])[1 + g % 10],
      (ARRAY['D211','D211','D215','D216','A100','S101','S402','T101','V101','J100'])[1 + g % 10],
      (SELECT code FROM bench_region WHERE i = g % (SELECT count(*) FROM bench_region)),
      '基准路' || g || '号', 'operating',
      (ARRAY['{}','{}','{dental}','{medical_beauty}','{}','{}','{remote_monitoring}','{}','{}','{village_clinic}'])[1 + g % 10]::text[],
      (ARRAY['{02}','{02}','{12}','{14}','{03,04,32.02}','{}','{}','{}','{}','{02}'])[1 + g % 10]::text[],
      CASE WHEN g % 10 = 4 THEN 100 + g % 500 END,
      '2020-01-01', '${at}'
    FROM generate_series(1, ${n}) g;
    ANALYZE establishment;
  `);
  // Entries: the kind, day and facts follow a hash of (establishment, k), so runs are comparable.
  const kinds = `(ARRAY['inspection_compliant','inspection_compliant','inspection_compliant','inspection_compliant','licence_granted',
    'inspection_non_compliant','rectification_closed','complaint_substantiated','penalty','rectification_ordered'])`;
  await database.execScript(`
    INSERT INTO credit_entry (subject_type, subject_id, establishment_id, region_code, kind, polarity, severity, occurred_on, summary_zh, summary_en,
      citation, source_module, source_type, source_id, data, recorded_at, recorded_by_name)
    SELECT 'establishment', e.id, e.id, e.region_code, k.kind,
      CASE WHEN k.kind IN ('inspection_compliant','licence_granted') THEN 'positive' WHEN k.kind IN ('rectification_ordered','rectification_closed') THEN 'neutral' ELSE 'negative' END,
      CASE WHEN k.kind = 'penalty' THEN (ARRAY['minor','minor','minor','general','general','serious'])[1 + k.h % 6] END,
      DATE '2026-03-01' - (k.h % 1400),
      '基准', 'bench', '{"zh":"基准","en":"bench"}', 'bench', 'entry', e.id || ':' || k.j,
      CASE k.kind WHEN 'inspection_non_compliant' THEN jsonb_build_object('nonCompliantItems', 1 + k.h % 4)
                  WHEN 'rectification_closed' THEN jsonb_build_object('rectified', k.h % 3 <> 0)
                  ELSE '{}'::jsonb END,
      '${at}', 'bench'
    FROM establishment e
    CROSS JOIN LATERAL (
      SELECT j, h, ${kinds}[1 + (h / 7) % 10] AS kind
      FROM (SELECT j, abs(hashint4(e.id::int * 31 + j)) AS h FROM generate_series(1, ${perEstablishment}) j) x
    ) k;
    INSERT INTO credit_demerit (subject_type, subject_id, establishment_id, region_code, points, act_zh, act_en, article, occurred_on, cycle_start,
      cycle_end, source_module, source_type, source_id, recorded_at, recorded_by_name)
    SELECT 'establishment', subject_id, establishment_id, region_code,
      CASE severity WHEN 'minor' THEN 2 WHEN 'general' THEN 4 ELSE 6 END, '基准', 'bench', '{"zh":"基准","en":"bench"}', occurred_on,
      date_trunc('year', occurred_on)::date, (date_trunc('year', occurred_on) + interval '1 year - 1 day')::date,
      'bench', 'entry', source_id, '${at}', 'bench'
    FROM credit_entry WHERE kind = 'penalty';
    ANALYZE credit_entry;
    ANALYZE credit_demerit;
  `);
}

async function main() {
  const { values } = parseArgs({
    options: {
      establishments: { type: 'string', default: '20000' },
      entries: { type: 'string', default: '10' },
      batch: { type: 'string', default: '2000' },
      incremental: { type: 'string', default: '20' },
      pglite: { type: 'boolean', default: false },
    },
  });
  const n = Number(values.establishments);
  const per = Number(values.entries);
  const database = values.pglite ? await openPglite() : await openPostgres(await recreateDatabase(DB), 4);
  try {
    await prepareDatabase(database);
    const version = (await queryOne<{ v: string }>(database.db, sql`SELECT version() AS v`))?.v;
    let now = new Date('2026-03-10T02:00:00Z');
    const ctx: AppContext = {
      config: loadConfig({ WEIJIAN_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' }),
      database,
      secrets: new SecretBox('b'.repeat(64)),
      now: () => now,
      version: VERSION,
    };
    let t = process.hrtime.bigint();
    await generate(database, n, per);
    const generateSeconds = seconds(t);
    const entries = (await queryOne<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM credit_entry`,
    ))!.n;
    const demerits = (await queryOne<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM credit_demerit`,
    ))!.n;

    const rss0 = process.memoryUsage().rss;
    let peakRss = rss0;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 200);
    t = process.hrtime.bigint();
    const full = await recomputeAll({ ctx, actor: null, batchSize: Number(values.batch) });
    const fullSeconds = seconds(t);
    clearInterval(sampler);
    const levels = await database.db.execute(
      sql`SELECT risk_level, count(*)::int AS n FROM credit_profile WHERE subject_type = 'establishment' GROUP BY risk_level ORDER BY risk_level`,
    );

    // Incremental: one penalty at a time, event to outbox → delivered → profile and public record.
    const samples: number[] = [];
    const step = Math.max(1, Math.floor(n / Number(values.incremental)));
    for (let i = 0; i < Number(values.incremental); i++) {
      const id = (await queryOne<{ id: number }>(
        database.db,
        sql`SELECT id FROM establishment ORDER BY id OFFSET ${i * step} LIMIT 1`,
      ))!.id;
      now = new Date(now.getTime() + 60_000);
      const started = process.hrtime.bigint();
      await database.db.transaction((tx) =>
        emitEvent(
          tx,
          {
            type: 'enforcement.penalty.decided',
            aggregateType: 'case',
            aggregateId: `BENCH-${i}`,
            payload: {
              caseId: `BENCH-${i}`,
              establishmentId: id,
              practitionerId: null,
              severity: 'serious',
              kinds: ['fine'],
              fineAmount: 50_000,
              licenceRevoked: false,
              decidedOn: '2026-03-10',
              violationCode: 'unqualified_staff',
              basis: '基准',
            },
          },
          now,
        ),
      );
      await drainEvents(ctx);
      const p = await queryOne<{ risk_level: string; mode: string; public_code: string }>(
        database.db,
        sql`SELECT risk_level, mode, public_code FROM credit_profile WHERE subject_type = 'establishment' AND subject_id = ${id}`,
      );
      const pub = await publicCredit(database.db, p!.public_code);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (p!.risk_level !== 'severe' || p!.mode !== 'stationed' || pub.demeritPoints < 6)
        throw new Error(`penalty not reflected for ${id}: ${JSON.stringify({ p, pub })}`);
      samples.push(ms);
    }
    samples.sort((a, b) => a - b);
    const q = (p: number) =>
      +samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!.toFixed(1);
    const report = {
      machine: { ...machine(), database: database.kind, server: version },
      weijian: VERSION,
      scale: { establishments: n, entries, demerits, entriesPerEstablishment: per },
      generateSeconds: +generateSeconds.toFixed(1),
      fullRecompute: {
        seconds: +fullSeconds.toFixed(1),
        establishmentsPerSecond: Math.round(full.computed / fullSeconds),
        computed: full.computed,
        batchSize: Number(values.batch),
        rssBeforeMb: Math.round(rss0 / 2 ** 20),
        peakRssMb: Math.round(peakRss / 2 ** 20),
        riskLevels: (levels as unknown as { rows: { risk_level: string; n: number }[] }).rows,
      },
      incrementalPenalty: {
        samples: samples.length,
        medianMs: q(0.5),
        p95Ms: q(0.95),
        maxMs: +samples.at(-1)!.toFixed(1),
      },
      extrapolated1M: { fullRecomputeMinutes: +(1_000_000 / (full.computed / fullSeconds) / 60).toFixed(1) },
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await database.close();
  }
}

await main();
