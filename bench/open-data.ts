import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../packages/server/src/config.js';
import { openPostgres, queryRows } from '../packages/server/src/db/database.js';
import type { AppContext } from '../packages/server/src/http/context.js';
import {
  generateDataset,
  pruneOpenData,
} from '../packages/server/src/modules/disclosure/generate-open-data.js';
import { SecretBox } from '../packages/server/src/modules/identity/secret-box.js';
import { prepareDatabase, VERSION } from '../packages/server/src/platform.js';
import { databaseUrl } from './pg.js';

/**
 * The open data job at a province's scale (issue 9 item 7): writes one data set's files — whole
 * deployment and every county, CSV and JSON — from the database bench/portal.ts generated
 * (weijian_bench_portal, 1,000,000 establishments), and reports time, sizes and the process's
 * peak memory; then removes what it wrote (manifest rows and stored bytes).
 *
 *   node --import tsx bench/open-data.ts [--dataset establishments]
 */
const { values } = parseArgs({ options: { dataset: { type: 'string', default: 'establishments' } } });
const database = await openPostgres(databaseUrl('weijian_bench_portal'), 4);
await prepareDatabase(database);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weijian-bench-open-data-'));
const ctx: AppContext = {
  config: loadConfig({ WEIJIAN_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
  database,
  secrets: new SecretBox('b'.repeat(64)),
  now: () => new Date(),
  version: VERSION,
};
const day = '2000-01-01'; // a day of its own, removed afterwards
let peak = 0;
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 100);
const t0 = Date.now();
const r = await generateDataset(ctx, values.dataset as 'establishments', day, 'bench');
const ms = Date.now() - t0;
clearInterval(timer);
const files = await queryRows<{ region_code: string; format: string; bytes: number; records: number }>(
  database.db,
  sql`SELECT region_code, format, bytes, records FROM open_data_file WHERE day = ${day} ORDER BY region_code, format`,
);
const whole = files.filter((f) => f.region_code === 'all');
console.log(
  JSON.stringify({
    date: new Date().toISOString(),
    dataset: values.dataset,
    records: r.records,
    files: r.files,
    seconds: ms / 1000,
    wholeBytes: Object.fromEntries(whole.map((f) => [f.format, Number(f.bytes)])),
    counties: files.length / 2 - 1,
    totalBytes: files.reduce((n, f) => n + Number(f.bytes), 0),
    peakRssMb: Math.round(peak / 2 ** 20),
    loadavg: os.loadavg(),
  }),
);
// Clean up: the manifest rows of the bench day, then their bytes (pruned as old files are).
await database.db.execute(sql`UPDATE open_data_file SET current = false WHERE day = ${day}`);
await pruneOpenData(ctx, day);
await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });
