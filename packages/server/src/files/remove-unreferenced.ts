import { sql } from 'drizzle-orm';
import { queryRows } from '../db/database.js';
import { type FileStoreContext, removeFile } from './file-store.js';

/**
 * Removes from the store those of `hashes` that nothing points at any more. The store keeps no
 * reference count, so every column of the schema named `sha256` or `…_sha256` (uploads, photos,
 * evidence, open data files) is searched for each hash first: bytes another module also holds are
 * never removed. Returns how many were removed.
 */
export async function removeUnreferencedFiles(
  ctx: FileStoreContext,
  hashes: readonly string[],
): Promise<number> {
  const unique = [...new Set(hashes.map((h) => h.trim()))];
  if (unique.length === 0) return 0;
  const columns = await queryRows<{ table_name: string; column_name: string }>(
    ctx.database.db,
    sql`SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND (column_name = 'sha256' OR column_name LIKE '%\\_sha256')
          AND table_name NOT IN ('stored_file')`,
  );
  // One query per column for all the hashes, not one per hash and column.
  const held = new Set<string>();
  for (const c of columns) {
    const hits = await queryRows<{ sha: string }>(
      ctx.database.db,
      sql`SELECT DISTINCT trim(${sql.identifier(c.column_name)}::text) AS sha FROM ${sql.identifier(c.table_name)}
          WHERE trim(${sql.identifier(c.column_name)}::text) = ANY(${sql.param(unique)}::text[])`,
    );
    for (const h of hits) held.add(h.sha);
  }
  const gone = unique.filter((sha) => !held.has(sha));
  for (const sha of gone) await removeFile(ctx, sha);
  return gone.length;
}
