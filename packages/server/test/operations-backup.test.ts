import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../src/db/database.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { verifyAuditChain } from '../src/modules/audit/verify-chain.js';
import { SecretBox } from '../src/modules/identity/secret-box.js';
import { restoreDataDir, rowCounts } from '../src/ops/backup.js';
import { BackupError } from '../src/ops/backup-format.js';
import { VERSION } from '../src/platform.js';
import { TEST_NOW, TEST_PASSWORD, TEST_SECRET_KEY } from './support/app.js';
import { pgliteTemplate } from './support/database.js';
import { BIN } from './support/server-process.js';

const run = promisify(execFile);

/** Every file under a directory with its content, for comparing the restored file store. */
function tree(root: string, dir = root): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  return Object.assign(
    {},
    ...fs.readdirSync(dir, { withFileTypes: true }).map((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory()
        ? tree(root, p)
        : { [path.relative(root, p)]: fs.readFileSync(p).toString('base64') };
    }),
  );
}

/**
 * `weijian backup` and `weijian restore` on the embedded database with the demo data (a small
 * registry, the licensing demo's uploaded materials): the restore into an empty directory has the
 * same rows, the same files and an audit chain that verifies; bad files and targets are refused.
 */
describe('backup and restore of the embedded database', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'weijian-backup-'));
  const source = path.join(tmp, 'source');
  const target = path.join(tmp, 'target');
  const file = path.join(tmp, 'weijian.backup');
  let counts: Record<string, number>;
  const env = (dir: string) => ({
    ...process.env,
    WEIJIAN_DATA_DIR: dir,
    DATABASE_URL: '',
    LOG_LEVEL: 'silent',
  });

  beforeAll(async () => {
    const db = await openPglite({ dataDir: source, loadDataDir: await pgliteTemplate() });
    await seedDemo(db, {
      password: TEST_PASSWORD,
      now: TEST_NOW,
      secrets: new SecretBox(TEST_SECRET_KEY),
      registryScale: 0.05,
      dataDir: source,
    });
    counts = await rowCounts(db);
    await db.close();
    fs.writeFileSync(path.join(source, 'secret.key'), `${TEST_SECRET_KEY}\n`);
  }, 120_000);
  afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('backs up the demo data and restores it into an empty directory: same rows, files and audit chain', async () => {
    expect(Object.keys(tree(path.join(source, 'files'))).length).toBeGreaterThan(0);
    expect(counts.audit_event).toBeGreaterThan(0);
    const backup = await run(process.execPath, [BIN, 'backup', file], { env: env(source) });
    expect(backup.stdout).toContain('Backed up');
    const restore = await run(process.execPath, [BIN, 'restore', file], { env: env(target) });
    expect(restore.stdout).toContain('row counts match');

    const restored = await openPglite({ dataDir: target });
    try {
      expect(await rowCounts(restored)).toEqual(counts);
      const verdict = await verifyAuditChain(restored.db);
      expect(verdict).toMatchObject({ ok: true, rows: counts.audit_event });
    } finally {
      await restored.close();
    }
    expect(tree(path.join(target, 'files'))).toEqual(tree(path.join(source, 'files')));
    expect(fs.readFileSync(path.join(target, 'secret.key'), 'utf8')).toBe(`${TEST_SECRET_KEY}\n`);
  }, 120_000);

  it('refuses a non-empty target unless forced, a truncated, damaged or newer file, and a second process on a directory', async () => {
    const refused = await run(process.execPath, [BIN, 'restore', file], { env: env(target) }).catch((e) => e);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('不是空的');
    expect(refused.stderr).toContain('Add --force to overwrite');

    const restore = (f: string, force = false) =>
      restoreDataDir({ file: f, dataDir: path.join(tmp, 'other'), force, version: VERSION });
    const bytes = fs.readFileSync(file);
    const cut = path.join(tmp, 'cut.backup');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    await expect(restore(cut)).rejects.toThrow(/被截断[\s\S]*truncated/);
    const newer = path.join(tmp, 'newer.backup');
    fs.writeFileSync(
      newer,
      Buffer.from(bytes.toString('latin1').replace('"format":1', '"format":2'), 'latin1'),
    );
    await expect(restore(newer)).rejects.toThrow(/更新的卫监版本[\s\S]*newer Weijian/);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 200]! ^= 0xff;
    const damaged = path.join(tmp, 'damaged.backup');
    fs.writeFileSync(damaged, flipped);
    await expect(restore(damaged)).rejects.toBeInstanceOf(BackupError);
    expect(fs.existsSync(path.join(tmp, 'other', 'pgdata'))).toBe(false);

    // A second process on a directory the first one holds: refused, with the reason.
    const holder = await openPglite({ dataDir: source });
    try {
      const second = await run(process.execPath, [BIN, 'start'], {
        env: { ...env(source), PORT: '3999' },
        timeout: 60_000, // a start that wrongly succeeded would never exit
      }).catch((e) => e);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain('已被另一个进程');
      expect(second.stderr).toContain('is in use by another process');
    } finally {
      await holder.close();
    }

    // Forced, over the earlier restore.
    const forced = await restoreDataDir({ file, dataDir: target, force: true, version: VERSION });
    expect(forced.counts).toEqual(counts);
  }, 120_000);
});
