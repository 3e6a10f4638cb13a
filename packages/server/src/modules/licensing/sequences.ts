import { formatApplicationNumber, formatLicenseNumber } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';

/** Draws the next value of a counter; the row lock serialises concurrent draws. */
async function next(tx: Executor, scope: string, regionCode: string, year: number): Promise<number> {
  const row = await queryOne<{ last_value: number }>(
    tx,
    sql`INSERT INTO licensing_sequence (scope, region_code, year, last_value) VALUES (${scope}, ${regionCode}, ${year}, 1)
        ON CONFLICT (scope, region_code, year) DO UPDATE SET last_value = licensing_sequence.last_value + 1
        RETURNING last_value`,
  );
  return row!.last_value;
}

export async function nextApplicationNumber(
  tx: Executor,
  regionCode: string,
  onDate: string,
): Promise<string> {
  const year = Number(onDate.slice(0, 4));
  return formatApplicationNumber(regionCode, year, await next(tx, 'application', regionCode, year));
}

export async function nextLicenseNumber(
  tx: Executor,
  prefix: string,
  regionCode: string,
  onDate: string,
): Promise<string> {
  const year = Number(onDate.slice(0, 4));
  return formatLicenseNumber(prefix, regionCode, year, await next(tx, prefix, regionCode, year));
}
