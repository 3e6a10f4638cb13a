import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { lockDataDir } from '../db/data-dir-lock.js';
import { type Database, openPglite, queryRows } from '../db/database.js';
import { readMigrations } from '../db/migrate.js';
import { BackupError, type BackupHeader, openBackupFile, writeBackupFile } from './backup-format.js';

/**
 * `weijian backup` / `weijian restore` for the embedded database: the PGlite data directory dumped
 * while this process holds its lock (so nothing writes during the dump: a consistent copy), the
 * uploaded files under files/, and the key files the data directory keeps (secret.key encrypts
 * personal data; without it a restored database cannot be read). PostgreSQL deployments use
 * pg_dump/pg_restore plus a copy of the file store (docs/deployment.md).
 */
const KEY_FILES = ['secret.key', 'demo-password.txt'];

function filesUnder(root: string, dir = root): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return filesUnder(root, p);
    return e.isFile() ? [path.relative(root, p)] : [];
  });
}

/** Rows per table of the public schema (the restore check compares them). */
export async function rowCounts(database: Database): Promise<Record<string, number>> {
  const tables = await queryRows<{ name: string }>(
    database.db,
    sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const r = await queryRows<{ n: number }>(
      database.db,
      sql.raw(`SELECT count(*)::int AS n FROM "${name}"`),
    );
    counts[name] = r[0]!.n;
  }
  return counts;
}

export async function backupDataDir(opts: {
  dataDir: string;
  file: string;
  version: string;
}): Promise<BackupHeader> {
  const { dataDir } = opts;
  if (!fs.existsSync(path.join(dataDir, 'pgdata'))) {
    throw new BackupError(
      'not_a_backup',
      `${dataDir} 中没有嵌入式数据库（pgdata）；PostgreSQL 请用 pg_dump 备份（见 docs/deployment.md）。`,
      `${dataDir} holds no embedded database (pgdata); back up PostgreSQL with pg_dump (docs/deployment.md).`,
    );
  }
  // Opening takes the data-directory lock: a running server makes this fail with its clear message.
  const database = await openPglite({ dataDir });
  try {
    return await backupOpenDatabase(database, opts);
  } finally {
    await database.close();
  }
}

/**
 * The backup of an embedded database this process already owns: the `weijian backup` command after
 * opening it (nothing else runs), or the running server's nightly job (`snapshot`), which first
 * clones the database in memory — PGlite's dump waits for the statement in progress but not for a
 * transaction, and requests go on meanwhile — so the row counts and the dump come from one state.
 * Files are content-addressed and never rewritten, so copying them afterwards can only add a file
 * nothing in the dump refers to yet.
 */
export async function backupOpenDatabase(
  database: Database,
  opts: { dataDir: string; file: string; version: string; snapshot?: boolean },
): Promise<BackupHeader> {
  const { dataDir, file, version } = opts;
  if (!database.pglite) throw new Error('backupOpenDatabase: not an embedded database');
  const source = opts.snapshot ? await database.pglite.clone() : database.pglite;
  let migrations: string[];
  let counts: Record<string, number>;
  let dump: Buffer;
  try {
    migrations = (
      await source.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY version')
    ).rows.map((r) => r.name);
    counts = {};
    const tables = await source.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    );
    for (const { name } of tables.rows) {
      counts[name] = (await source.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`))
        .rows[0]!.n;
    }
    dump = Buffer.from(await (await source.dumpDataDir('gzip')).arrayBuffer());
  } finally {
    if (source !== database.pglite) await source.close();
  }
  const filesDir = path.join(dataDir, 'files');
  const entries = [
    { name: 'pgdata.tar.gz', read: () => dump },
    ...KEY_FILES.filter((k) => fs.existsSync(path.join(dataDir, k))).map((k) => ({
      name: k,
      read: () => fs.readFileSync(path.join(dataDir, k)),
    })),
    ...filesUnder(filesDir)
      // A file being written (file-store.ts writes `<name>.<pid>.<time>.tmp`, then renames) is not yet in the store.
      .filter((rel) => !rel.endsWith('.tmp'))
      .map((rel) => ({
        name: `files/${rel.split(path.sep).join('/')}`,
        read: () => fs.readFileSync(path.join(filesDir, rel)),
      })),
  ];
  return writeBackupFile(
    file,
    { version, migrations, createdAt: new Date().toISOString(), rowCounts: counts },
    entries,
  );
}

/** Whether a data directory already holds a database or files (a restore would overwrite them). */
function occupied(dataDir: string): string[] {
  return ['pgdata', 'files', ...KEY_FILES].filter((n) => {
    const p = path.join(dataDir, n);
    if (!fs.existsSync(p)) return false;
    return fs.statSync(p).isDirectory() ? fs.readdirSync(p).length > 0 : true;
  });
}

export async function restoreDataDir(opts: {
  file: string;
  dataDir: string;
  force: boolean;
  version: string;
}): Promise<{ header: BackupHeader; counts: Record<string, number> }> {
  const { file, dataDir, force, version } = opts;
  const backup = openBackupFile(
    file,
    readMigrations().map((m) => m.name),
    version,
  );
  try {
    const present = occupied(dataDir);
    if (present.length > 0 && !force) {
      throw new BackupError(
        'target_not_empty',
        `目标目录 ${dataDir} 不是空的（已有 ${present.join('、')}）；恢复会覆盖其中的数据。确认要覆盖请加 --force。`,
        `The target directory ${dataDir} is not empty (it has ${present.join(', ')}); a restore would overwrite it. Add --force to overwrite.`,
      );
    }
    fs.mkdirSync(dataDir, { recursive: true });
    // A running server owns the directory: refuse (its clear message) before deleting anything.
    lockDataDir(dataDir).release();
    for (const n of present) fs.rmSync(path.join(dataDir, n), { recursive: true, force: true });
    const pgdata = backup.header.entries.find((e) => e.name === 'pgdata.tar.gz');
    if (!pgdata) throw new BackupError('damaged', '备份中没有数据库。', 'The backup holds no database.');
    const database = await openPglite({
      dataDir,
      loadDataDir: new Blob([new Uint8Array(backup.read(pgdata))]),
    });
    let counts: Record<string, number>;
    try {
      counts = await rowCounts(database);
    } finally {
      await database.close();
    }
    for (const e of backup.header.entries) {
      if (e.name === 'pgdata.tar.gz') continue;
      if (e.name.includes('..')) continue; // never write outside the data directory
      const target = path.join(dataDir, ...e.name.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, backup.read(e), { mode: KEY_FILES.includes(e.name) ? 0o600 : 0o644 });
    }
    return { header: backup.header, counts };
  } finally {
    backup.close();
  }
}
