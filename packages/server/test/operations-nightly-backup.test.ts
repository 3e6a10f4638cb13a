import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nightlyBackup } from '../src/modules/system/nightly-backup.js';
import { restoreDataDir, rowCounts } from '../src/ops/backup.js';
import { VERSION } from '../src/platform.js';
import { type TestApp, testApp } from './support/app.js';

/**
 * The running server's nightly backup of the embedded database (`system.nightly-backup`): taken
 * while the database stays open, from one state (an in-memory clone), restorable by
 * `weijian restore` with the same rows; old backups beyond WEIJIAN_BACKUP_KEEP are removed, and on
 * PostgreSQL the job does nothing (pg_dump's work there).
 */
describe('nightly backup of the embedded database by the running server', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'weijian-nightly-'));
  const dataDir = path.join(tmp, 'data');
  let t: TestApp;
  beforeAll(async () => {
    fs.mkdirSync(dataDir);
    t = await testApp('pglite', { env: { WEIJIAN_DATA_DIR: dataDir, WEIJIAN_BACKUP_KEEP: '2' } });
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('writes the day’s backup while the database stays open, and it restores with the same rows', async () => {
    const result = await nightlyBackup(t.ctx);
    expect(result.rows).toBeGreaterThan(0);
    const file = path.join(dataDir, 'backups', 'weijian-2026-03-10.wjbak');
    expect(fs.existsSync(file), fs.readdirSync(path.join(dataDir, 'backups')).join(',')).toBe(true);
    // The server's database is still open and usable.
    const live = await rowCounts(t.database);
    await t.database.db.execute(sql`SELECT 1`);
    const restored = await restoreDataDir({
      file,
      dataDir: path.join(tmp, 'restored'),
      force: false,
      version: VERSION,
    });
    expect(restored.counts).toEqual(restored.header.rowCounts);
    expect(restored.counts.establishment).toBe(live.establishment);
    expect(restored.counts.app_user).toBe(live.app_user);
  });

  it('keeps the newest WEIJIAN_BACKUP_KEEP backups', async () => {
    const dir = path.join(dataDir, 'backups');
    for (const d of ['2026-03-01', '2026-03-02'])
      fs.writeFileSync(path.join(dir, `weijian-${d}.wjbak`), 'old');
    const result = await nightlyBackup(t.ctx);
    // Two kept (WEIJIAN_BACKUP_KEEP=2): today's, rewritten, and the newest older one.
    expect(result.removed).toBe(1);
    expect(fs.readdirSync(dir).sort()).toEqual(['weijian-2026-03-02.wjbak', 'weijian-2026-03-10.wjbak']);
  });
});
