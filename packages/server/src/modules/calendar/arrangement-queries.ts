import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database.js';

export interface ArrangementRow {
  year: number;
  docNo: string;
  sourceUrl: string | null;
  publishedOn: string | null;
  status: 'draft' | 'active';
  enteredBy: string | null;
  approvedBy: string | null;
  days: { date: string; kind: 'holiday' | 'makeup_workday'; festival: string | null }[];
}

export async function listArrangements(db: Executor): Promise<ArrangementRow[]> {
  const rows = await queryRows<Omit<ArrangementRow, 'days'>>(
    db,
    sql`SELECT a.year, a.doc_no AS "docNo", a.source_url AS "sourceUrl", a.published_on::text AS "publishedOn", a.status,
               e.display_name AS "enteredBy", p.display_name AS "approvedBy"
        FROM holiday_arrangement a
        LEFT JOIN app_user e ON e.id = a.entered_by LEFT JOIN app_user p ON p.id = a.approved_by
        ORDER BY a.year DESC`,
  );
  const days = await queryRows<{
    year: number;
    date: string;
    kind: 'holiday' | 'makeup_workday';
    festival: string | null;
  }>(db, sql`SELECT year, date::text AS date, kind, festival FROM calendar_override ORDER BY date`);
  return rows.map((r) => ({
    ...r,
    days: days.filter((d) => d.year === r.year).map(({ year: _y, ...d }) => d),
  }));
}
