import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from './database.js';
import { queryRows } from './database.js';

/**
 * Plain SQL migrations, applied in file-name order, each in its own transaction, recorded in
 * schema_migration with a checksum. An advisory lock serialises processes that start together.
 */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
const MIGRATION_LOCK_KEY = 72_001; // arbitrary, stable: "weijian migrations"

export interface MigrationFile {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      return {
        version: f.slice(0, 4),
        name: f.replace(/\.sql$/, ''),
        sql: text,
        checksum: createHash('sha256').update(text).digest('hex'),
      };
    });
}

export class MigrationChangedError extends Error {
  constructor(name: string) {
    super(
      `迁移文件 ${name} 在应用后被修改；已应用的迁移不可更改，请新增迁移文件。\n` +
        `Migration ${name} was changed after it was applied; add a new migration instead of editing an applied one.`,
    );
  }
}

export async function migrate(database: Database, files = readMigrations()): Promise<string[]> {
  return database.withAdvisoryLock(MIGRATION_LOCK_KEY, async (script) => {
    await script(`CREATE TABLE IF NOT EXISTS schema_migration (
      version text PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = await queryRows<{ version: string; name: string; checksum: string }>(
      database.db,
      sql`SELECT version, name, checksum FROM schema_migration`,
    );
    const byVersion = new Map(applied.map((r) => [r.version, r]));
    const done: string[] = [];
    for (const f of files) {
      const prior = byVersion.get(f.version);
      if (prior) {
        if (prior.checksum !== f.checksum) throw new MigrationChangedError(f.name);
        continue;
      }
      const record = `INSERT INTO schema_migration (version, name, checksum) VALUES ('${f.version}', '${f.name}', '${f.checksum}');`;
      await script(`BEGIN;\n${f.sql}\n;${record}\nCOMMIT;`).catch(async (e: unknown) => {
        await script('ROLLBACK').catch(() => undefined);
        throw new Error(`迁移 ${f.name} 失败 / migration ${f.name} failed: ${(e as Error).message}`);
      });
      done.push(f.name);
    }
    return done;
  });
}

export async function currentMigration(database: Database): Promise<string | null> {
  const r = await queryRows<{ name: string }>(
    database.db,
    sql`SELECT name FROM schema_migration ORDER BY version DESC LIMIT 1`,
  );
  return r[0]?.name ?? null;
}
