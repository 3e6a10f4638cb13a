import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../http/context.js';
import { backupOpenDatabase } from '../../ops/backup.js';
import { VERSION } from '../../platform.js';

const PREFIX = 'weijian-';
const SUFFIX = '.wjbak';

/**
 * The embedded database's nightly backup, taken by the running server (a county office cannot be
 * asked to stop its only server each night to run `weijian backup`): the same checked file as the
 * command, written to `<data dir>/backups/weijian-<China day>.wjbak`, keeping the newest
 * WEIJIAN_BACKUP_KEEP (default 7). The backup holds the encryption key: copy the folder off the
 * machine (docs/deployment.md). PostgreSQL deployments back up with pg_dump / WAL archiving instead.
 */
export async function nightlyBackup(ctx: AppContext): Promise<Record<string, number>> {
  const database = ctx.database;
  if (!database.pglite) return { skipped: 1 };
  const dir = path.join(ctx.config.dataDir, 'backups');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(ctx.now());
  const file = path.join(dir, `${PREFIX}${day}${SUFFIX}`);
  const partial = `${file}.partial`;
  const header = await backupOpenDatabase(database, {
    dataDir: ctx.config.dataDir,
    file: partial,
    version: VERSION,
    snapshot: true,
  });
  // Only a complete file takes the day's name.
  fs.renameSync(partial, file);
  const keep = ctx.config.backupKeep;
  const old = fs
    .readdirSync(dir)
    .filter((n) => n.startsWith(PREFIX) && n.endsWith(SUFFIX))
    .sort()
    .slice(0, -keep);
  for (const n of old) fs.rmSync(path.join(dir, n));
  return {
    tables: Object.keys(header.rowCounts).length,
    rows: Object.values(header.rowCounts).reduce((a, b) => a + b, 0),
    bytes: fs.statSync(file).size,
    removed: old.length,
  };
}
