import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPglite, queryOne } from '../src/db/database.js';
import { SYSTEM_ACTOR } from '../src/modules/audit/record-audit.js';
import { SecretBox } from '../src/modules/identity/secret-box.js';
import { importEstablishments } from '../src/modules/registry/import/import-establishments.js';
import { prepareDatabase } from '../src/platform.js';
import { TEST_SECRET_KEY } from './support/app.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './support/database.js';
import { HEADERS, row, xlsxBuffer } from './support/registry-files.js';

/**
 * The weijian command: `import establishments FILE --dry-run --json` prints exactly the report, and a
 * committed import killed half-way (SIGKILL, after it reported progress) leaves the database as it was.
 */
const BIN = fileURLToPath(new URL('../bin/weijian.js', import.meta.url));

interface Target {
  env: NodeJS.ProcessEnv;
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

async function target(kind: 'pglite' | 'postgres', dir: string): Promise<Target> {
  if (kind === 'pglite') {
    const dataDir = path.join(dir, 'data');
    const db = await openPglite({ dataDir });
    await prepareDatabase(db);
    await db.close();
    return {
      env: { WEIJIAN_DATA_DIR: dataDir },
      open: () => openPglite({ dataDir }),
      cleanup: async () => undefined,
    };
  }
  const db: TestDatabase = await freshDatabase('postgres');
  const url = (db.pool as unknown as { options: { connectionString: string } }).options.connectionString;
  return { env: { DATABASE_URL: url }, open: async () => db, cleanup: () => db.dispose() };
}

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], {
    env: {
      ...process.env,
      ...env,
      WEIJIAN_DEMO: 'false',
      WEIJIAN_SECRET_KEY: TEST_SECRET_KEY,
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function collect(
  child: ChildProcess,
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

async function bigWorkbook(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet('机构名录');
  ws.addRow(HEADERS).commit();
  for (let i = 0; i < rows; i++) ws.addRow(validRow(i)).commit();
  ws.commit();
  await wb.commit();
}

/** Rows that pass every check on a database without demo data (county-level region). */
const validRow = (i: number) => row({ 机构名称: `历城区批量${i}号诊所`, 行政区划代码: '370112' });

const count = async (db: Database, table: string) =>
  (await queryOne<{ n: number }>(db.db, sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`))!.n;

describe.each(DATABASE_KINDS)('weijian import on %s', (kind) => {
  let dir: string;
  let t: Target;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weijian-cli-'));
    t = await target(kind, dir);
  });
  afterAll(async () => {
    await t?.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints exactly the JSON report with --dry-run --json', async () => {
    const file = path.join(dir, 'bad.xlsx');
    const r = (o: Record<string, string | number> = {}) => row({ 行政区划代码: '370112', ...o });
    fs.writeFileSync(file, await xlsxBuffer([r(), r({ 床位数: -1 }), r({ 行政区划代码: '999999' })]));
    const res = await collect(run(['import', 'establishments', file, '--dry-run', '--json'], t.env));
    expect(res.stdout, `stderr: ${res.stderr}`).not.toBe('');
    const report = JSON.parse(res.stdout);
    expect(Object.keys(report)).toEqual(['rows', 'valid', 'errors']);
    expect(report).toEqual({
      rows: 3,
      valid: 1,
      errors: [
        { row: 3, column: '床位数', code: 'negative_beds', message: expect.stringContaining('负数') },
        { row: 4, column: '行政区划代码', code: 'unknown_region', message: '行政区划代码 999999 不存在' },
      ],
    });
    expect(res.stdout.trim().split('\n')).toHaveLength(1);
    expect(res.code).toBe(1);
  }, 120_000);

  it('leaves the database unchanged when a committed import is killed half-way', async () => {
    const file = path.join(dir, 'big.xlsx');
    await bigWorkbook(file, 20_000);
    const db = await t.open();
    // The rows are valid: left alone, this import would commit.
    const sample = path.join(dir, 'sample.xlsx');
    fs.writeFileSync(sample, await xlsxBuffer(Array.from({ length: 50 }, (_, i) => validRow(i))));
    const check = await importEstablishments({
      database: db,
      secrets: new SecretBox(TEST_SECRET_KEY),
      now: () => new Date(),
      actor: { audit: SYSTEM_ACTOR, regionPrefix: '' },
      path: sample,
      fileName: 'sample.xlsx',
      dryRun: true,
    });
    expect(check).toMatchObject({ rows: 50, valid: 50, errorCount: 0 });
    const before = {
      e: await count(db, 'establishment'),
      v: await count(db, 'establishment_version'),
      b: await count(db, 'import_batch'),
    };
    if (kind === 'pglite') await db.close();

    const child = run(['import', 'establishments', file], t.env);
    const done = collect(child);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no progress reported in 150 s')), 150_000);
      child.stderr!.on('data', (d: Buffer) => {
        if (/progress: .*reading \d+/.test(String(d))) {
          clearTimeout(timer);
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    const res = await done;
    expect(res.signal).toBe('SIGKILL');
    expect(res.stdout).not.toContain('committed');

    const after = await t.open();
    expect({
      e: await count(after, 'establishment'),
      v: await count(after, 'establishment_version'),
      b: await count(after, 'import_batch'),
    }).toEqual(before);
    if (kind === 'pglite') await after.close();
  }, 240_000);

  it('exports every establishment to .xlsx with export establishments FILE', async () => {
    const out = path.join(dir, 'out.xlsx');
    const res = await collect(run(['export', 'establishments', out], t.env));
    expect(res.code, res.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(wb.worksheets.map((w) => w.name)).toContain('填写说明');
  }, 120_000);
});
