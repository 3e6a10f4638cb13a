import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { makePublicCode } from '@weijian/domain';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { loadConfig } from '../packages/server/src/config.js';
import {
  type Database,
  openPglite,
  openPostgres,
  queryOne,
  queryRows,
} from '../packages/server/src/db/database.js';
import type { AppContext } from '../packages/server/src/http/context.js';
import { SecretBox } from '../packages/server/src/modules/identity/secret-box.js';
import { prepareDatabase, VERSION } from '../packages/server/src/platform.js';
import { databaseUrl, recreateDatabase } from './pg.js';

/**
 * Public portal load test (issue 9, "Performance"): autocannon on loopback against the establishment
 * page API (GET /api/v1/public/establishments/{code}, seven reads through the disclosure gate) and
 * public search, and — in the same run, on the same table — a bare Fastify route doing one indexed
 * lookup by establishment code. Requests rotate over 2,000 sampled codes.
 *
 *   node --import tsx bench/portal.ts [--establishments 1000000] [--pglite] [--duration 30] [--connections 50] [--reuse]
 *
 * PostgreSQL at BENCH_DATABASE_URL (else TEST_DATABASE_URL, else local), database weijian_bench_portal,
 * or an in-memory PGlite with --pglite. The portal's per-address rate limits are scaled up
 * (WEIJIAN_PORTAL_RATE_SCALE) since all load comes from one address. Figures go to docs/benchmarks.md.
 */
const { values } = parseArgs({
  options: {
    establishments: { type: 'string', default: '50000' },
    pglite: { type: 'boolean', default: false },
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '50' },
    reuse: { type: 'boolean', default: false },
  },
});
const N = Number(values.establishments);
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
process.env.WEIJIAN_PORTAL_RATE_SCALE = '100000';

async function generate(database: Database, n: number) {
  await database.execScript(`
    CREATE TEMP TABLE bench_region AS
      SELECT code, row_number() OVER (ORDER BY code) - 1 AS i FROM region WHERE level = 'county' AND code LIKE '37%' AND NOT retired;
    INSERT INTO establishment (public_code, name, kind, category_code, region_code, address, legal_representative, status, created_at, updated_at)
    SELECT 'B' || lpad(g::text, 12, '0'), '基准机构' || g,
      (ARRAY['medical','medical','medical','public_place','drinking_water'])[1 + g % 5],
      (ARRAY['D211','D215','A100','S101','T101'])[1 + g % 5],
      (SELECT code FROM bench_region WHERE i = g % (SELECT count(*) FROM bench_region)),
      '基准路' || g || '号', '张基准', 'operating', '2020-01-01', '2026-03-01T00:00:00Z'
    FROM generate_series(1, ${n}) g;
  `);
  // 2,000 sampled rows get real establishment codes (check character included), as the QR carries.
  const ids = await queryRows<{ id: number }>(
    database.db,
    sql`SELECT id FROM establishment ORDER BY md5(id::text) LIMIT 2000`,
  );
  const codes: string[] = [];
  for (const { id } of ids) {
    const code = makePublicCode(randomBytes(12));
    codes.push(code);
    await database.db.execute(sql`UPDATE establishment SET public_code = ${code} WHERE id = ${id}`);
  }
  await database.execScript('ANALYZE establishment');
  return codes;
}

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  rssMb: number;
}

async function load(name: string, url: string, paths: string[]): Promise<Result> {
  let i = 0;
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
  });
  return {
    name,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
    rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
  };
}

async function main() {
  // --reuse (PostgreSQL): the database a previous run generated, its sampled codes read back.
  const reuse = values.reuse && !values.pglite;
  const database = values.pglite
    ? await openPglite()
    : await openPostgres(
        reuse ? databaseUrl('weijian_bench_portal') : await recreateDatabase('weijian_bench_portal'),
        10,
      );
  await prepareDatabase(database);
  const t0 = Date.now();
  const codes = reuse
    ? (
        await queryRows<{ public_code: string }>(
          database.db,
          sql`SELECT public_code FROM establishment WHERE public_code NOT LIKE 'B%' LIMIT 2000`,
        )
      ).map((r) => r.public_code)
    : await generate(database, N);
  console.error(
    `${reuse ? 'reused' : 'generated'} ${N} establishments in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  const ctx: AppContext = {
    config: loadConfig({ WEIJIAN_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' }),
    database,
    secrets: new SecretBox('b'.repeat(64)),
    now: () => new Date(),
    version: VERSION,
  };
  const { buildApp } = await import('../packages/server/src/http/app.js');
  const app = await buildApp(ctx, { serveWeb: false, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const bare = Fastify({ logger: false });
  bare.get<{ Params: { code: string } }>('/bare/:code', async (request) =>
    queryOne(
      database.db,
      sql`SELECT id, public_code, name, kind, region_code, address, status FROM establishment WHERE public_code = ${request.params.code}`,
    ),
  );
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const port = (s: typeof app) => (s.server.address() as { port: number }).port;
  const appUrl = `http://127.0.0.1:${port(app)}`;
  const bareUrl = `http://127.0.0.1:${port(bare as never)}`;
  const fragments = codes
    .slice(0, 500)
    .map((_, k) => `/api/v1/public/establishments?q=${encodeURIComponent(`基准机构${(k * 7919) % N}`)}`);
  const results = [
    await load(
      'bare lookup',
      bareUrl,
      codes.map((c) => `/bare/${c}`),
    ),
    await load(
      'establishment page API',
      appUrl,
      codes.map((c) => `/api/v1/public/establishments/${c}`),
    ),
    await load('search API', appUrl, fragments),
  ];
  const backend = values.pglite ? 'PGlite' : 'PostgreSQL';
  console.log(
    JSON.stringify({
      date: new Date().toISOString(),
      backend,
      establishments: N,
      duration: DURATION,
      connections: CONNECTIONS,
      nproc: os.availableParallelism(),
      loadavg: os.loadavg(),
      node: process.version,
    }),
  );
  console.log('| backend | establishments | route | req/s | p50 | p99 | errors / non-2xx | RSS |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results)
    console.log(
      `| ${backend} | ${N.toLocaleString('en')} | ${r.name} | ${r.rps} | ${r.p50} ms | ${r.p99} ms | ${r.errors} / ${r.non2xx} | ${r.rssMb} MB |`,
    );
  const page = results[1]!;
  console.log(`ratio bare/page req/s: ${(results[0]!.rps / Math.max(1, page.rps)).toFixed(1)}`);
  await app.close();
  await bare.close();
  await database.close();
}

await main();
