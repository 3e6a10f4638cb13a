import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../bin/weijian.js', import.meta.url));
const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weijian-cli-'));
const env = { ...process.env, WEIJIAN_DATA_DIR: emptyDir, DATABASE_URL: '' };

describe('the weijian command', () => {
  it('prints the due date alone on standard output', async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      [BIN, 'calendar', 'add-working-days', '2025-09-26', '8'],
      { env },
    );
    expect(stdout).toBe('2025-10-14\n');
    expect(stderr).toBe('');
  });

  it('warns on standard error when the result is provisional', async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      [BIN, 'calendar', 'add-working-days', '2026-12-25', '10'],
      { env },
    );
    expect(stdout).toBe('2027-01-11\n');
    expect(stderr).toContain('2027');
    expect(stderr).toContain('provisional');
  });

  it('refuses an impossible date with a message in both languages and a non-zero status', async () => {
    const err = await run(process.execPath, [BIN, 'calendar', 'add-working-days', '2025-02-30', '3'], {
      env,
    }).catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr).toContain('日期无效');
    expect(err.stderr).toContain('Invalid date');
  });

  it('stops start-up on a bad configuration value, naming the variable', async () => {
    const err = await run(process.execPath, [BIN, 'start'], { env: { ...env, PORT: 'abc' } }).catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stderr).toContain('PORT');
  });
});

describe('weijian audit verify', () => {
  it('passes on an intact trail and names the first altered row', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weijian-audit-'));
    const dirEnv = { ...env, WEIJIAN_DATA_DIR: dir, WEIJIAN_DEMO_PASSWORD: 'Demo-passw0rd!' };
    await run(process.execPath, [BIN, 'seed'], { env: dirEnv });
    const ok = await run(process.execPath, [BIN, 'audit', 'verify'], { env: dirEnv });
    expect(ok.stdout).toMatch(/Audit trail intact: \d+ rows/);

    // Tamper as someone with direct database access would: switch off the guard, change a row.
    const { openPglite } = await import('../src/db/database.js');
    const db = await openPglite({ dataDir: dir });
    await db.execScript(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update;
      UPDATE audit_event SET actor_name = 'someone-else' WHERE id = 5;
      ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update;`);
    await db.close();

    const broken = await run(process.execPath, [BIN, 'audit', 'verify'], { env: dirEnv }).catch((e) => e);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('broken at row id 5');
  }, 400_000);
});
