import { DATASET_IDS, type DatasetId, type PublicRecord } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/database.js';
import { putFile } from '../../files/file-store.js';
import { removeUnreferencedFiles } from '../../files/remove-unreferenced.js';
import type { AppContext } from '../../http/context.js';
import { type RegionalRecord, regionalRecords } from './datasets.js';
import { belongsTo, countyOf, renderFile } from './open-data-render.js';
import { DAILY_DATASETS, sourceVersions } from './open-data-versions.js';

/** The whole deployment's files carry this region. */
export const ALL_REGIONS = 'all';
/**
 * Days of files kept in the store (older manifests and their bytes are removed by the job). A
 * province's day is ~0.8 GB (1,000,000 establishments: directory CSV 119 MB and JSON 280 MB, the
 * same again split by county; docs/benchmarks.md); CSV files of an unchanged county are the same
 * bytes from day to day and stored once, the JSON files (dated inside) are not.
 */
export const KEEP_DAYS = 3;

const FORMATS = ['csv', 'json'] as const;

/** The counties that get files of their own: every county (6-digit code) with an establishment. */
async function counties(ctx: AppContext): Promise<string[]> {
  const rows = await queryRows<{ c: string }>(
    ctx.database.db,
    sql`SELECT DISTINCT left(region_code, 6) AS c FROM establishment ORDER BY 1`,
  );
  return rows.map((r) => r.c);
}

/**
 * Writes one data set's files for `day` — the whole deployment and each county, CSV and JSON —
 * into the file store, and replaces that day's manifest rows in one transaction, so a reader sees
 * either the old set or the new one. Every record went through `disclose()` for `day`.
 */
export async function generateDataset(
  ctx: AppContext,
  id: DatasetId,
  day: string,
  version: string,
): Promise<{ files: number; records: number }> {
  const records = await regionalRecords(ctx.database.db, id, day);
  const regions = [ALL_REGIONS, ...(await counties(ctx))];
  const at = ctx.now().toISOString();
  let files = 0;
  await ctx.database.db.transaction(async (tx) => {
    // The day's earlier files of this data set stay as history until the job removes them.
    await tx.execute(
      sql`UPDATE open_data_file SET current = false WHERE day = ${day} AND dataset = ${id} AND current`,
    );
    const byCounty = splitByCounty(records, regions.slice(1));
    for (const region of regions) {
      const subset = region === ALL_REGIONS ? records.map((r) => r.record) : (byCounty.get(region) ?? []);
      for (const format of FORMATS) {
        const bytes = renderFile(id, format, day, region, subset);
        const put = await putFile(ctx, bytes, tx);
        await tx.execute(
          sql`INSERT INTO open_data_file (day, dataset, region_code, format, records, sha256, bytes, source_version, generated_at)
              VALUES (${day}, ${id}, ${region}, ${format}, ${subset.length}, ${put.sha256}, ${put.size}, ${version}, ${at})`,
        );
        files++;
      }
    }
  });
  return { files, records: records.length };
}

/**
 * The records of each county, in one pass (a province's directory is a million records and some
 * 140 counties): a record's own county, or every county its city or province code covers.
 */
function splitByCounty(records: readonly RegionalRecord[], counties: readonly string[]) {
  const known = new Set(counties);
  const out = new Map<string, PublicRecord[]>(counties.map((c) => [c, []]));
  for (const r of records) {
    const into = new Set<string>();
    for (const code of r.regions) {
      const own = countyOf(code);
      if (known.has(own)) into.add(own);
      // A city or province code (a campaign over a whole city) covers its counties too.
      if (own.endsWith('00')) for (const c of counties) if (belongsTo(code, c)) into.add(c);
    }
    for (const c of into) out.get(c)!.push(r.record);
  }
  return out;
}

/** In-process single flight: concurrent requests for a stale data set wait for one generation. */
const running = new WeakMap<object, Map<string, Promise<{ files: number }>>>();

function flightsOf(ctx: AppContext): Map<string, Promise<{ files: number }>> {
  let flights = running.get(ctx.database);
  if (!flights) {
    flights = new Map();
    running.set(ctx.database, flights);
  }
  return flights;
}

/** Waits for every generation this process has under way (tests; a clean shutdown). */
export async function openDataSettled(ctx: AppContext): Promise<void> {
  await Promise.allSettled([...flightsOf(ctx).values()]);
}

const dayBefore = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * When the daily job (schedules.ts) runs, China time, and how long it may take: a province's
 * directory is written in some 80 s, so an hour is ample. After that a missing snapshot means the
 * job did not run.
 */
export const OPEN_DATA_JOB = { hour: 2, minute: 30, expireInSeconds: 3600 };
const jobDoneBy = OPEN_DATA_JOB.hour * 60 + OPEN_DATA_JOB.minute + OPEN_DATA_JOB.expireInSeconds / 60;
/** Minutes since midnight, China time (UTC+8, no daylight saving). */
const chinaMinutes = (at: Date) => Math.floor((at.getTime() / 60_000 + 8 * 60) % (24 * 60));

export interface EnsureOptions {
  /**
   * Set when a reader asks (not the daily job). A daily snapshot (DAILY_DATASETS) whose files of
   * `day` are not written yet is then served from its latest earlier day rather than written while
   * the reader waits (80 s for a province's directory, docs/benchmarks.md): the job writes it after
   * the night's credit sweeps. When the job should have written it and has not (past its hour, or
   * that day is older than yesterday: a server off at night), a write is started in the background,
   * its failure logged here.
   */
  reader?: { log: { error: (obj: object, msg: string) => void } };
}

/**
 * Makes `day`'s files of the given data sets current: written when missing (a fresh install, a new
 * day) or when their source moved since (a withdrawal), else left alone. Returns what was written.
 */
export async function ensureOpenData(
  ctx: AppContext,
  day: string,
  ids: readonly DatasetId[] = DATASET_IDS,
  opts: EnsureOptions = {},
): Promise<{ datasets: number; files: number }> {
  const versions = await sourceVersions(ctx.database.db, ids);
  // The latest current files of each data set up to `day` (replaced files of a day are not current).
  const stored = await queryRows<{ dataset: string; day: string; source_version: string }>(
    ctx.database.db,
    sql`SELECT DISTINCT ON (dataset) dataset, day::text AS day, source_version FROM open_data_file
        WHERE day <= ${day} AND region_code = ${ALL_REGIONS} AND format = 'csv' AND current
        ORDER BY dataset, day DESC`,
  );
  const latest = new Map(stored.map((r) => [r.dataset, r]));
  const flights = flightsOf(ctx);
  let datasets = 0;
  let files = 0;
  for (const id of ids) {
    const version = versions.get(id)!;
    const have = latest.get(id);
    if (have?.day === day && have.source_version === version) continue;
    const key = `${day}|${id}|${version}`;
    const start = () => {
      let p = flights.get(key);
      if (!p) {
        p = generateDataset(ctx, id, day, version).finally(() => flights.delete(key));
        flights.set(key, p);
      }
      return p;
    };
    const { reader } = opts;
    if (reader && DAILY_DATASETS.has(id) && have && have.day < day) {
      if (have.day < dayBefore(day) || chinaMinutes(ctx.now()) >= jobDoneBy) {
        start().catch((err: unknown) =>
          reader.log.error({ err, dataset: id, day }, 'open data files could not be written'),
        );
      }
      continue;
    }
    files += (await start()).files;
    datasets++;
  }
  return { datasets, files };
}

/**
 * Drops manifests older than KEEP_DAYS and the ones replaced during their day, then the stored
 * bytes nothing points at any more (bytes another module also holds are never removed).
 */
export async function pruneOpenData(ctx: AppContext, today: string): Promise<number> {
  const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - KEEP_DAYS * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const gone = await queryRows<{ sha256: string }>(
    ctx.database.db,
    sql`DELETE FROM open_data_file WHERE day < ${cutoff} OR NOT current RETURNING sha256`,
  );
  return removeUnreferencedFiles(
    ctx,
    gone.map((g) => g.sha256),
  );
}
