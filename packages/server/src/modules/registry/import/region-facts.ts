import type { RegionFacts } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../db/database.js';

/** Every region code with what row validation needs, loaded once per import (a few thousand rows). */
export async function loadRegionFacts(db: Executor, scopePrefix: string): Promise<Map<string, RegionFacts>> {
  const rows = await queryRows<{
    code: string;
    level: RegionFacts['level'];
    retired: boolean;
    replaced_by: string[];
  }>(db, sql`SELECT code, level, retired, replaced_by FROM region`);
  return new Map(
    rows.map((r) => [
      r.code,
      {
        level: r.level,
        retired: r.retired,
        replacedBy: r.replaced_by,
        inScope: r.code.startsWith(scopePrefix),
      },
    ]),
  );
}

export async function loadAcceptedUsccs(db: Executor): Promise<Set<string>> {
  const rows = await queryRows<{ uscc: string }>(db, sql`SELECT uscc FROM uscc_acceptance`);
  return new Set(rows.map((r) => r.uscc));
}
