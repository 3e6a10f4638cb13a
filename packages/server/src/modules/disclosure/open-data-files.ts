import { DATASET_IDS, type DatasetId, DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { queryOne, queryRows } from '../../db/database.js';
import { readFile } from '../../files/file-store.js';
import type { AppContext } from '../../http/context.js';
import { ALL_REGIONS, type EnsureOptions, ensureOpenData } from './generate-open-data.js';

/**
 * The open data as files: each request serves the stored file of the day (written by the job
 * disclosure.open-data, or on first request; a daily snapshot the job has not written yet is served
 * from the day before), after checking that its source has not moved since (ensureOpenData).
 * Manifest reads and on-demand writes use the primary database: a replica could lag behind the
 * file just written.
 */
export interface ManifestEntry {
  day: string;
  dataset: DatasetId;
  region: string;
  format: 'csv' | 'json';
  records: number;
  sha256: string;
  bytes: number;
  generatedAt: string;
}

interface ManifestRow {
  day: string;
  dataset: DatasetId;
  region_code: string;
  format: 'csv' | 'json';
  records: number;
  sha256: string;
  bytes: number | string;
  generated_at: Date | string;
}

const entry = (r: ManifestRow): ManifestEntry => ({
  day: r.day,
  dataset: r.dataset,
  region: r.region_code,
  format: r.format,
  records: Number(r.records),
  sha256: r.sha256.trim(),
  bytes: Number(r.bytes),
  generatedAt: new Date(r.generated_at).toISOString(),
});

const COLUMNS = sql`day::text AS day, dataset, region_code, format, records, sha256, bytes, generated_at`;

/**
 * The files of each data set's latest day up to `day`: that day itself, except a daily snapshot
 * not yet written for it, which a reader gets from the day before (EnsureOptions.reader).
 */
const LATEST = (day: string) =>
  sql`current AND day = (SELECT max(g.day) FROM open_data_file g
        WHERE g.dataset = open_data_file.dataset AND g.current AND g.day <= ${day})`;

/** Today's manifest (current files), made current first; optionally one region and/or data set. */
export async function openDataManifest(
  ctx: AppContext,
  day: string,
  filter: { region?: string | undefined; dataset?: DatasetId | undefined } = {},
  opts: EnsureOptions = {},
): Promise<ManifestEntry[]> {
  await ensureOpenData(ctx, day, filter.dataset ? [filter.dataset] : DATASET_IDS, opts);
  const rows = await queryRows<ManifestRow>(
    ctx.database.db,
    sql`SELECT ${COLUMNS} FROM open_data_file WHERE ${LATEST(day)}
          ${filter.region ? sql`AND region_code = ${filter.region}` : sql``}
          ${filter.dataset ? sql`AND dataset = ${filter.dataset}` : sql``}
        ORDER BY CASE WHEN region_code = ${ALL_REGIONS} THEN 0 ELSE 1 END, region_code, dataset, format`,
  );
  const order = new Map(DATASET_IDS.map((id, i) => [id as string, i]));
  return rows
    .map(entry)
    .sort(
      (a, b) =>
        (a.region === b.region
          ? 0
          : a.region === ALL_REGIONS
            ? -1
            : b.region === ALL_REGIONS
              ? 1
              : a.region < b.region
                ? -1
                : 1) ||
        order.get(a.dataset)! - order.get(b.dataset)! ||
        (a.format < b.format ? -1 : 1),
    );
}

export function noSuchFile(region: string): DomainError {
  return new DomainError(
    'not_found',
    `没有行政区划 ${region} 的开放数据文件（按县级区划代码提供，如 370112）`,
    `No open data file for region ${region} (files are per county code, e.g. 370112)`,
  );
}

/** One current file and its bytes (regenerated first if its source moved). */
export async function openDataFile(
  ctx: AppContext,
  day: string,
  dataset: DatasetId,
  format: 'csv' | 'json',
  region: string = ALL_REGIONS,
  opts: EnsureOptions = {},
): Promise<{ entry: ManifestEntry; body: Buffer }> {
  // Twice at most: bytes replaced between reading the manifest and the file are read again.
  for (let attempt = 0; attempt < 2; attempt++) {
    await ensureOpenData(ctx, day, [dataset], opts);
    const row = await queryOne<ManifestRow>(
      ctx.database.db,
      sql`SELECT ${COLUMNS} FROM open_data_file
          WHERE dataset = ${dataset} AND region_code = ${region} AND format = ${format} AND ${LATEST(day)}`,
    );
    if (!row) throw noSuchFile(region);
    const body = await readFile(ctx, row.sha256.trim());
    if (body) return { entry: entry(row), body };
  }
  throw new DomainError(
    'service_unavailable',
    '开放数据文件暂不可用，请稍后重试',
    'The open data file is not available; try again shortly',
  );
}
