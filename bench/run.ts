import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openPostgres, queryOne, queryRows } from '../packages/server/src/db/database.js';
import { prepareDatabase } from '../packages/server/src/platform.js';
import { generate, TABLE_COLUMNS } from './generate.js';
import { databaseUrl, recreateDatabase } from './pg.js';
import { searchBenchmark } from './search.js';

/**
 * npm run bench -- import [--rows 1000000]   importer vs plain COPY on PostgreSQL, then name search
 * npm run bench -- search                    name search on the database the import left
 * npm run bench -- generate --rows N [--out DIR]   the scale generator alone (both CSV files)
 * Benchmarks are never timed assertions in tests; figures go to docs/benchmarks.md.
 */
const DB = 'weijian_bench';
const SEED = 20_260_101;

function machine() {
  const cpu =
    fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.+)/)?.[1] ?? os.cpus()[0]?.model;
  const free = (() => {
    try {
      return execFileSync('free', ['-h'], { encoding: 'utf8' }).split('\n')[1]?.replace(/\s+/g, ' ').trim();
    } catch {
      return `${Math.round(os.totalmem() / 2 ** 30)} GiB`;
    }
  })();
  return {
    date: new Date().toISOString(),
    nproc: os.availableParallelism(),
    cpu,
    memory: free,
    node: process.version,
  };
}

async function files(rows: number, url: string, dir = os.tmpdir()) {
  const templateFile = path.join(dir, `weijian-bench-${rows}-${SEED}-template.csv`);
  const tableFile = path.join(dir, `weijian-bench-${rows}-${SEED}-table.csv`);
  if (!fs.existsSync(templateFile) || !fs.existsSync(tableFile)) {
    const db = await openPostgres(url, 1);
    const regions = await queryRows<{ code: string; name: string }>(
      db.db,
      sql`SELECT code, name FROM region WHERE level = 'county' AND NOT retired AND code LIKE '37%' ORDER BY code`,
    );
    await db.close();
    const t = Date.now();
    await generate({
      rows,
      seed: SEED,
      templateFile,
      tableFile,
      regions: regions.map((r) => ({ ...r, weight: 1 })),
    });
    process.stderr.write(`generated ${rows} rows in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
  }
  fs.chmodSync(tableFile, 0o644);
  return { templateFile, tableFile };
}

function importChild(
  url: string,
  file: string,
): Promise<{ ms: number; rows: number; inserted: number; maxRssMb: number }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'import-child.ts'), url, file],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  return new Promise((resolve, reject) =>
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`importer exited ${code}`)),
    ),
  );
}

async function importBenchmark(rows: number) {
  const url = await recreateDatabase(DB);
  const database = await openPostgres(url, 2);
  await prepareDatabase(database);
  const { templateFile, tableFile } = await files(rows, url);
  const version = await queryOne<{ v: string }>(database.db, sql`SELECT version() AS v`);

  // 1. A plain COPY of the same rows into the same table (same indexes), read by the server.
  let t = process.hrtime.bigint();
  await database.execScript(
    `COPY establishment (${TABLE_COLUMNS.join(', ')}) FROM '${tableFile}' WITH (FORMAT csv)`,
  );
  const copyMs = Number(process.hrtime.bigint() - t) / 1e6;
  const copied = (await queryOne<{ n: number }>(
    database.db,
    sql`SELECT count(*)::int AS n FROM establishment`,
  ))!.n;
  await database.execScript(
    'TRUNCATE establishment_version, establishment, import_batch RESTART IDENTITY CASCADE',
  );
  await database.execScript('VACUUM ANALYZE establishment');

  // 2. The importer, in its own process (as `weijian import`), from the template CSV.
  t = process.hrtime.bigint();
  const imported = await importChild(url, templateFile);
  const importMs = Number(process.hrtime.bigint() - t) / 1e6;
  const versions = (await queryOne<{ n: number }>(
    database.db,
    sql`SELECT count(*)::int AS n FROM establishment_version`,
  ))!.n;

  const search = await searchBenchmark(database);
  await database.close();
  return {
    machine: { ...machine(), postgres: version?.v },
    rows,
    files: {
      templateMb: +(fs.statSync(templateFile).size / 2 ** 20).toFixed(1),
      tableMb: +(fs.statSync(tableFile).size / 2 ** 20).toFixed(1),
    },
    copy: {
      rows: copied,
      seconds: +(copyMs / 1000).toFixed(1),
      rowsPerSecond: Math.round(copied / (copyMs / 1000)),
    },
    importer: {
      rows: imported.inserted,
      versions,
      seconds: +(importMs / 1000).toFixed(1),
      insideSeconds: +(imported.ms / 1000).toFixed(1),
      rowsPerSecond: Math.round(imported.inserted / (importMs / 1000)),
      peakRssMb: imported.maxRssMb,
    },
    ratio: +(importMs / copyMs).toFixed(1),
    search,
  };
}

const { positionals, values } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  // Sub-benchmarks (draw, oversight) parse their own options.
  strict: false,
  options: {
    rows: { type: 'string' },
    out: { type: 'string' },
    officers: { type: 'string' },
    db: { type: 'string' },
  },
});
const rows = Number(values.rows ?? 1_000_000);
switch (positionals[0] ?? 'import') {
  case 'import':
    process.stdout.write(`${JSON.stringify(await importBenchmark(rows), null, 2)}\n`);
    break;
  case 'search': {
    const database = await openPostgres(databaseUrl(DB), 2);
    process.stdout.write(
      `${JSON.stringify({ machine: machine(), search: await searchBenchmark(database) }, null, 2)}\n`,
    );
    await database.close();
    break;
  }
  case 'generate': {
    const dir = typeof values.out === 'string' ? values.out : os.tmpdir();
    const url = await recreateDatabase(DB);
    // Two connections: prepareDatabase holds one for its advisory lock while it works on the other.
    const database = await openPostgres(url, 2);
    await prepareDatabase(database);
    await database.close();
    process.stdout.write(`${JSON.stringify(await files(rows, url, dir))}\n`);
    break;
  }
  case 'draw':
    // The draw benchmark (issue 6): npm run bench -- draw [--rows N] [--officers N] [--db postgres|pglite]
    await (await import('./draw.js')).main(process.argv.slice(3));
    break;
  case 'oversight':
    // The oversight dashboard benchmark (issue 10): npm run bench -- oversight [--runs 5] [--skip-generate]
    await (await import('./oversight.js')).main(process.argv.slice(3));
    break;
  default:
    process.stderr.write('usage: npm run bench -- import|search|generate|draw|oversight [--rows N]\n');
    process.exitCode = 2;
}
