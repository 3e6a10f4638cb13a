import { openPostgres } from '../packages/server/src/db/database.js';
import { SYSTEM_ACTOR } from '../packages/server/src/modules/audit/record-audit.js';
import { SecretBox } from '../packages/server/src/modules/identity/secret-box.js';
import { importEstablishments } from '../packages/server/src/modules/registry/import/import-establishments.js';

/**
 * Runs the importer exactly as `weijian import establishments FILE` does, in its own process, and
 * prints one JSON line: rows, time and the process's peak resident memory (getrusage ru_maxrss).
 * Usage: node --import tsx bench/import-child.ts DATABASE_URL FILE
 */
const [url, file] = process.argv.slice(2);
if (!url || !file) throw new Error('usage: import-child DATABASE_URL FILE');
const database = await openPostgres(url);
const started = process.hrtime.bigint();
const report = await importEstablishments({
  database,
  secrets: new SecretBox('b'.repeat(64)),
  now: () => new Date(),
  actor: { audit: { ...SYSTEM_ACTOR, name: 'cli:bench' }, regionPrefix: '' },
  path: file,
  fileName: 'bench.csv',
  dryRun: false,
  onProgress: (p) => {
    const s = (Number(process.hrtime.bigint() - started) / 1e9).toFixed(1);
    if (p.phase !== 'reading' || p.rows % 100_000 === 0)
      process.stderr.write(`${s} s ${p.phase} ${p.rows}\n`);
  },
});
const ms = Number(process.hrtime.bigint() - started) / 1e6;
await database.close();
process.stdout.write(
  `${JSON.stringify({
    ms,
    rows: report.rows,
    inserted: report.inserted,
    errors: report.errorCount,
    committed: report.committed,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
