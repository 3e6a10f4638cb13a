import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../db/database.js';
import { likeEscape } from '../establishment-record.js';
import type { ImportError } from './report.js';

const USCC = '统一社会信用代码';
const PHONE = '联系电话';

/**
 * Checks that need the whole file or the database, run on the staged rows:
 *  - a credit code that appears twice in the file (the later rows are errors);
 *  - a code that matches an establishment outside the importing user's area (it cannot be updated);
 *  - a masked mobile number (as exports show it) that does not match the record it would keep.
 */
export async function stagedRowErrors(tx: Executor, scopePrefix: string): Promise<ImportError[]> {
  const errors: ImportError[] = [];
  const duplicates = await queryRows<{ row_no: number; uscc: string; first_row: number }>(
    tx,
    sql`SELECT s.row_no, s.uscc, f.first_row FROM import_stage s
        JOIN (SELECT uscc, min(row_no) AS first_row FROM import_stage GROUP BY uscc HAVING count(*) > 1) f ON f.uscc = s.uscc
        WHERE s.row_no <> f.first_row ORDER BY s.row_no`,
  );
  for (const d of duplicates) {
    errors.push({
      row: d.row_no,
      column: USCC,
      code: 'duplicate_uscc',
      message: `统一社会信用代码 ${d.uscc} 与第 ${d.first_row} 行重复；同一机构在文件中只能出现一次`,
      messageEn: `Credit code ${d.uscc} repeats row ${d.first_row}`,
    });
  }
  const outside = await queryRows<{ row_no: number; uscc: string }>(
    tx,
    sql`SELECT s.row_no, s.uscc FROM import_stage s JOIN establishment e ON e.uscc = s.uscc
        WHERE NOT (e.region_code LIKE ${`${likeEscape(scopePrefix)}%`}) ORDER BY s.row_no`,
  );
  for (const o of outside) {
    errors.push({
      row: o.row_no,
      column: USCC,
      code: 'uscc_out_of_scope',
      message: `统一社会信用代码 ${o.uscc} 已登记在您管辖范围以外的监管对象名下，不能通过导入修改`,
      messageEn: `Credit code ${o.uscc} belongs to an establishment outside your area`,
    });
  }
  const masked = await queryRows<{ row_no: number; mobile_masked: string }>(
    tx,
    sql`SELECT s.row_no, s.mobile_masked FROM import_stage s LEFT JOIN establishment e ON e.uscc = s.uscc
        WHERE s.phone_mode = 'masked' AND (e.id IS NULL OR e.contact_mobile_masked IS DISTINCT FROM s.mobile_masked)
        ORDER BY s.row_no`,
  );
  for (const m of masked) {
    errors.push({
      row: m.row_no,
      column: PHONE,
      code: 'masked_phone',
      message: `联系电话 ${m.mobile_masked} 是脱敏号码，与登记的号码不符；请填写完整号码`,
      messageEn: `The masked number ${m.mobile_masked} does not match the record; enter it in full`,
    });
  }
  return errors;
}

export async function dropStagedRows(tx: Executor, rows: number[]): Promise<void> {
  if (rows.length)
    await tx.execute(sql`DELETE FROM import_stage WHERE row_no = ANY(${sql.param(rows)}::int[])`);
}
