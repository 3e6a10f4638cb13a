import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/database.js';
import { type FileStoreContext, filePath, putFile, readFile } from '../src/files/file-store.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './support/database.js';

describe.each(DATABASE_KINDS)('file store on %s', (kind) => {
  let database: TestDatabase;
  let dataDir: string;
  let store: FileStoreContext;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weijian-files-'));
    store = { config: { dataDir }, database };
  });
  afterAll(async () => {
    await database.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores the same bytes once, reads them back equal, and knows no other hash', async () => {
    const bytes = Buffer.from('%PDF-1.4 the same content twice\n');
    const first = await putFile(store, bytes);
    const second = await putFile(store, Buffer.from(bytes));
    expect(first).toEqual({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      added: true,
    });
    expect(second).toEqual({ sha256: first.sha256, size: bytes.length, added: false });
    expect((await readFile(store, first.sha256))?.equals(bytes)).toBe(true);
    expect(await readFile(store, 'f'.repeat(64))).toBeNull();
    expect(await readFile(store, '../../etc/passwd')).toBeNull();

    const rows = await queryOne<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM stored_file WHERE sha256 = ${first.sha256}`,
    );
    const onDisk = fs.existsSync(filePath(dataDir, first.sha256));
    // PostgreSQL: one row, nothing on disk; PGlite: one file, no row (the backup copies the directory).
    expect({ rows: rows!.n, onDisk }).toEqual(
      kind === 'postgres' ? { rows: 1, onDisk: false } : { rows: 0, onDisk: true },
    );
    if (kind === 'pglite') {
      expect(fs.readdirSync(path.dirname(filePath(dataDir, first.sha256)))).toEqual([first.sha256]);
    }
  });
});
