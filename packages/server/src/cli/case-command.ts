import { sql } from 'drizzle-orm';
import type { Config } from '../config.js';
import { queryOne } from '../db/database.js';
import { verifyCaseRecord } from '../modules/enforcement/record-chain.js';
import { openDatabase } from '../platform.js';

/**
 * `weijian case verify CASE_ID`: recomputes one case's enforcement record (执法全过程记录) — its hash
 * chain, the head kept on the case, and the hash of every evidence file in the file store. CASE_ID is the
 * case's id or its register number (AJ370112-2026-000001). Exit 0 when intact, 1 when not.
 */
export async function caseCommand(config: Config, args: string[]): Promise<number> {
  const [sub, ref] = args;
  if (sub !== 'verify' || !ref) {
    process.stderr.write('用法 Usage: weijian case verify CASE_ID\n');
    return 2;
  }
  const database = await openDatabase(config);
  try {
    const row = await queryOne<{ id: number; number: string }>(
      database.db,
      /^\d+$/.test(ref)
        ? sql`SELECT id, number FROM enforcement_case WHERE id = ${Number(ref)}`
        : sql`SELECT id, number FROM enforcement_case WHERE number = ${ref}`,
    );
    if (!row) {
      process.stderr.write(`案件不存在 No such case: ${ref}\n`);
      return 1;
    }
    const v = await verifyCaseRecord(database.db, Number(row.id), { config, database });
    const files = `${v.files.filter((f) => f.ok).length}/${v.files.length}`;
    if (v.ok) {
      process.stdout.write(
        `执法记录完整 Enforcement record intact: case ${row.number} (id ${row.id}), ${v.entries} steps, ${files} files verified, head ${v.headHash}\n`,
      );
      return 0;
    }
    const where = v.broken!.seq === null ? '' : ` at step ${v.broken!.seq}`;
    process.stdout.write(
      `执法记录被篡改 Enforcement record broken${where} (${v.broken!.reason}): case ${row.number} (id ${row.id}); files ${files}\n`,
    );
    for (const f of v.files.filter((x) => !x.ok)) process.stdout.write(`  ${f.problem}: ${f.sha256}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
