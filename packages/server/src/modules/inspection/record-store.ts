import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DomainError, type DrawRecord, type DrawSnapshot, jcs } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';

/**
 * A campaign's frozen snapshot and its draw record are stored gzipped (a million-establishment pool
 * is ~70 MB of JSON, ~15 MB gzipped). The record is kept in canonical JSON (RFC 8785), so the file
 * anyone downloads is byte-identical to the one whose SHA-256 the platform shows.
 */
export interface StoredSnapshot {
  snapshot: DrawSnapshot;
  /** Establishment id of each pool entry (same order as snapshot.pool). */
  poolIds: number[];
  /** Kind of each pool entry. */
  poolKinds: string[];
  /** Inspector id of each roster entry. */
  rosterIds: number[];
}

const toBytes = (v: unknown): Buffer => (Buffer.isBuffer(v) ? v : Buffer.from(v as Uint8Array));

export function gzipJson(value: unknown): Buffer {
  return gzipSync(Buffer.from(JSON.stringify(value), 'utf8'), { level: 6 });
}

export async function loadSnapshot(db: Executor, campaignId: number): Promise<StoredSnapshot> {
  const r = await queryOne<{ snapshot_gz: unknown }>(
    db,
    sql`SELECT snapshot_gz FROM campaign_draw WHERE campaign_id = ${campaignId}`,
  );
  if (!r)
    throw new DomainError('not_frozen', '该计划的名录尚未封存', 'The campaign’s pool has not been closed');
  return JSON.parse(gunzipSync(toBytes(r.snapshot_gz)).toString('utf8')) as StoredSnapshot;
}

export interface EncodedRecord {
  gz: Buffer;
  sha256: string;
}

export function encodeRecord(record: DrawRecord): EncodedRecord {
  const bytes = Buffer.from(jcs(record), 'utf8');
  return { gz: gzipSync(bytes, { level: 6 }), sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The record as stored: gzipped canonical JSON bytes, or undefined before the draw. */
export async function loadRecordGz(
  db: Executor,
  campaignId: number,
): Promise<{ gz: Buffer; sha256: string } | undefined> {
  const r = await queryOne<{ record_gz: unknown; record_sha256: string | null }>(
    db,
    sql`SELECT record_gz, record_sha256 FROM campaign_draw WHERE campaign_id = ${campaignId}`,
  );
  if (!r?.record_gz) return undefined;
  return { gz: toBytes(r.record_gz), sha256: r.record_sha256! };
}

export async function loadRecord(db: Executor, campaignId: number): Promise<DrawRecord> {
  const stored = await loadRecordGz(db, campaignId);
  if (!stored) throw new DomainError('not_drawn', '该计划尚未抽取', 'The campaign has not been drawn');
  return JSON.parse(gunzipSync(stored.gz).toString('utf8')) as DrawRecord;
}
