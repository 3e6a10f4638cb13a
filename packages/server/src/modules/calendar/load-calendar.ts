import { Calendar, type CalendarOverride, type HolidayArrangement } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import { queryRows } from '../../db/database.js';

/**
 * The working-day calendar with the administrators' arrangements for years the packaged data does
 * not cover. Read from the database each time: the tables are tiny and every process must agree.
 */
export async function loadCalendar(db: Executor): Promise<Calendar> {
  const arrangements = await queryRows<HolidayArrangement>(
    db,
    sql`SELECT year, status, doc_no AS "docNo" FROM holiday_arrangement`,
  );
  const overrides = await queryRows<{
    date: string;
    kind: CalendarOverride['kind'];
    festival: string | null;
  }>(
    db,
    sql`SELECT o.date::text AS date, o.kind, o.festival FROM calendar_override o
        JOIN holiday_arrangement a ON a.year = o.year WHERE a.status = 'active' AND o.region_code IS NULL`,
  );
  return new Calendar({
    arrangements: arrangements,
    overrides: overrides.map((o) => ({
      date: o.date,
      kind: o.kind,
      ...(o.festival ? { festival: o.festival } : {}),
    })),
  });
}
