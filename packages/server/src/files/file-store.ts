import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Config } from '../config.js';
import { type Database, type Executor, queryOne } from '../db/database.js';

/**
 * One store for uploaded files (licensing materials, inspection photos, enforcement evidence),
 * content-addressed by SHA-256. On PostgreSQL (DATABASE_URL) the bytes live in the table
 * stored_file, so any application process can serve any request without a shared mount (issue 11).
 * On the embedded database they stay under WEIJIAN_DATA_DIR/files/ab/abcdef…, which the backup
 * copies with the database.
 */
export interface FileStoreContext {
  config: Pick<Config, 'dataDir'>;
  database: Pick<Database, 'kind' | 'db'>;
}

export interface PutResult {
  sha256: string;
  size: number;
  /** Whether this call brought the bytes in (false when the same content was already stored). */
  added: boolean;
}

/** Where a file lives on the embedded database's data directory. */
export function filePath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'files', sha256.slice(0, 2), sha256);
}

const isHash = (s: string) => /^[0-9a-f]{64}$/.test(s);

/**
 * Stores bytes; idempotent by hash. `db` lets a caller store the bytes inside its own transaction
 * on PostgreSQL, so a refused upload leaves nothing behind.
 */
export async function putFile(ctx: FileStoreContext, bytes: Buffer, db?: Executor): Promise<PutResult> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const size = bytes.length;
  if (ctx.database.kind === 'postgres') {
    const row = await queryOne<{ sha256: string }>(
      db ?? ctx.database.db,
      sql`INSERT INTO stored_file (sha256, bytes, size, created_at) VALUES (${sha256}, ${bytes}, ${size}, now())
          ON CONFLICT (sha256) DO NOTHING RETURNING sha256`,
    );
    return { sha256, size, added: row !== undefined };
  }
  const file = filePath(ctx.config.dataDir, sha256);
  if (fs.existsSync(file)) return { sha256, size, added: false };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written to a temporary name, flushed, then renamed: a crash never leaves a half file under the hash.
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o640);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  return { sha256, size, added: true };
}

/** The stored bytes, or null when no file has that hash. */
export async function readFile(ctx: FileStoreContext, sha256: string, db?: Executor): Promise<Buffer | null> {
  if (!isHash(sha256)) return null;
  if (ctx.database.kind === 'postgres') {
    const row = await queryOne<{ bytes: Uint8Array }>(
      db ?? ctx.database.db,
      sql`SELECT bytes FROM stored_file WHERE sha256 = ${sha256}`,
    );
    return row ? Buffer.from(row.bytes) : null;
  }
  const file = filePath(ctx.config.dataDir, sha256);
  return fs.existsSync(file) ? fs.readFileSync(file) : null;
}

/** Removes bytes a refused upload brought in (only when that upload added them: see PutResult.added). */
export async function removeFile(ctx: FileStoreContext, sha256: string): Promise<void> {
  if (!isHash(sha256)) return;
  if (ctx.database.kind === 'postgres') {
    await ctx.database.db.execute(sql`DELETE FROM stored_file WHERE sha256 = ${sha256}`);
    return;
  }
  fs.rmSync(filePath(ctx.config.dataDir, sha256), { force: true });
}
