import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import { queryRows } from '../../db/database.js';
import { type Division, readDivisions } from './division-codes.js';

/**
 * Loads the GB/T 2260 table into `region` once (idempotent: codes already present are updated, so
 * a newer data file can be applied by restarting). Deployment-added towns are not touched.
 */
export async function loadDivisions(db: Executor, divisions: Division[] = readDivisions()): Promise<number> {
  const chunk = 400;
  for (let i = 0; i < divisions.length; i += chunk) {
    const part = divisions.slice(i, i + chunk);
    const values = sql.join(
      part.map(
        (d) =>
          sql`(${d.code}, ${d.name}, ${d.level}, ${d.parentCode}, ${d.retired}, ${d.validFrom}, ${d.validTo}, ${`{${d.replacedBy.join(',')}}`}::text[], ${JSON.stringify(d.formerNames)}::jsonb, 'gbt2260')`,
      ),
      sql`, `,
    );
    await db.execute(sql`
      INSERT INTO region (code, name, level, parent_code, retired, valid_from, valid_to, replaced_by, former_names, source)
      VALUES ${values}
      ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code,
        retired = EXCLUDED.retired, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
        replaced_by = EXCLUDED.replaced_by, former_names = EXCLUDED.former_names
      WHERE region.source = 'gbt2260'`);
  }
  return divisions.length;
}

export async function divisionsLoaded(db: Executor): Promise<boolean> {
  const r = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM region WHERE source = 'gbt2260'`,
  );
  return (r[0]?.n ?? 0) > 0;
}
