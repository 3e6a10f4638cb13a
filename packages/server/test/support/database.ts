import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../../src/db/database.js';
import { readMigrations } from '../../src/db/migrate.js';
import { prepareDatabase } from '../../src/platform.js';

/**
 * A fresh, isolated database per test file, on PGlite always and on PostgreSQL when
 * TEST_DATABASE_URL is set. Both start from a migrated template (made once per schema version) so
 * a file does not pay for migrations and the division table each time.
 */
export type DatabaseKind = 'pglite' | 'postgres';

export const DATABASE_KINDS: DatabaseKind[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

/**
 * The template is keyed by everything that can shape a prepared database: the migrations, the data
 * files and the server and domain sources (reference data such as built-in roles is written by code).
 */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'test-vectors' ? [] : sourceFiles(p);
    return /\.(ts|sql|csv|json)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

const schemaVersion = (() => {
  const hash = createHash('sha256').update(
    readMigrations()
      .map((m) => m.checksum)
      .join(','),
  );
  const roots = ['../../src', '../../data', '../../migrations', '../../../domain/src'].map((r) =>
    fileURLToPath(new URL(r, import.meta.url)),
  );
  for (const file of roots.flatMap(sourceFiles).sort()) hash.update(file).update(fs.readFileSync(file));
  return hash.digest('hex').slice(0, 16);
})();

export interface TestDatabase extends Database {
  /** Closes and drops the database. */
  dispose(): Promise<void>;
}

export async function pgliteTemplate(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `weijian-template-${schemaVersion}.tar.gz`);
  if (!fs.existsSync(file)) {
    const db = await openPglite();
    await prepareDatabase(db);
    const dump = await db.pglite!.dumpDataDir('gzip');
    await db.close();
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, file); // atomic: parallel test files never read a half-written template
  }
  return new Blob([fs.readFileSync(file)]);
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function postgresTemplate(adminUrl: string): Promise<string> {
  const name = `weijian_tpl_${schemaVersion}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(72003)');
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      const building = `${name}_build_${process.pid}`;
      await admin.query(`DROP DATABASE IF EXISTS ${building}`);
      await admin.query(`CREATE DATABASE ${building}`);
      const db = await openPostgres(withDatabase(adminUrl, building), 2);
      await prepareDatabase(db);
      await db.close();
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
    await admin.query('SELECT pg_advisory_unlock(72003)');
  } finally {
    await admin.end();
  }
  return name;
}

export async function freshDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openPglite({ loadDataDir: await pgliteTemplate() });
    return Object.assign(db, { dispose: () => db.close() });
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const template = await postgresTemplate(adminUrl);
  const name = `weijian_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const db = await openPostgres(withDatabase(adminUrl, name), 4);
  return Object.assign(db, {
    async dispose() {
      await db.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  });
}
