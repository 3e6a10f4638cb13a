import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/** `weijian draw verify` on the test vectors: no database, no configuration; exit status per §9. */
const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../bin/weijian.js', import.meta.url));
const VECTORS = fileURLToPath(new URL('../../domain/src/inspection/test-vectors/', import.meta.url));
// A configuration that would stop any other command: verify must not even read it.
const env = { ...process.env, PORT: 'not-a-port', DATABASE_URL: 'not-a-url' };

describe('weijian draw verify', () => {
  it('exits 0 on an intact record and names the first altered field with exit 1', async () => {
    const file = path.join(VECTORS, 'v1-joint-campaign.json');
    const ok = await run(process.execPath, [BIN, 'draw', 'verify', file], { env });
    expect(ok.stdout).toContain('370100-2026-0002');
    expect(ok.stdout).toContain('targets 32, replacements 2');

    const record = JSON.parse(fs.readFileSync(file, 'utf8'));
    record.replacements[1].reason = 'closed';
    const altered = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'weijian-draw-')), 'altered.json');
    fs.writeFileSync(altered, JSON.stringify(record));
    const bad = await run(process.execPath, [BIN, 'draw', 'verify', altered], { env }).catch((e) => e);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('replacements[1].hash');
  });

  it('exits 2 when the file cannot be read', async () => {
    const err = await run(process.execPath, [BIN, 'draw', 'verify', '/nonexistent/record.json'], {
      env,
    }).catch((e) => e);
    expect(err.code).toBe(2);
    const usage = await run(process.execPath, [BIN, 'draw'], { env }).catch((e) => e);
    expect(usage.code).toBe(2);
  });
});
