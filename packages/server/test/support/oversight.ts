import { sql } from 'drizzle-orm';
import { queryOne } from '../../src/db/database.js';
import { insertStaff } from '../identity-helpers.js';
import type { TestApp } from './app.js';

/**
 * A city-level leader of the supervision institute (济南市卫生健康监督所): the demo has city staff
 * only in the health commission, whose records are few; this user sees the whole city's
 * supervision records, the county leader (lc.sv.leader) only 历城区's.
 */
export async function insertCitySupervisionLeader(t: TestApp, username = 'city.sv.leader'): Promise<string> {
  const unit = await queryOne<{ id: number }>(
    t.database.db,
    sql`SELECT id FROM unit WHERE department_code = 'supervision' AND region_code = '370100' LIMIT 1`,
  );
  await insertStaff(t, username, Number(unit!.id), ['leader']);
  return username;
}
