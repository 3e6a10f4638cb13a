import { sql } from 'drizzle-orm';
import { queryOne } from '../../db/database.js';
import type { OpenTaskCheck } from '../identity/users/open-task-checks.js';

/**
 * A staff member handling open licensing work (an application under review, a verification, a
 * revalidation) outside the region of the unit they move to must hand it over first (issue 3).
 */
export const licensingOpenTasks: OpenTaskCheck = async (tx, move) => {
  const outside = sql`NOT LIKE ${`${move.to.regionPrefix}%`}`;
  const row = await queryOne<{ n: number }>(
    tx,
    sql`SELECT (
          (SELECT count(*) FROM licensing_application WHERE handler_user_id = ${move.userId}
             AND state IN ('submitted', 'correction_requested', 'under_review', 'excluded_period', 'public_notice')
             AND unit_region_code ${outside})
        + (SELECT count(*) FROM licensing_task WHERE assignee_user_id = ${move.userId}
             AND state IN ('open', 'rectifying') AND unit_region_code ${outside})
        + (SELECT count(*) FROM licensing_revalidation WHERE handler_user_id = ${move.userId}
             AND state IN ('submitted', 'deferred') AND unit_region_code ${outside}))::int AS n`,
  );
  const count = row?.n ?? 0;
  return count > 0
    ? { kind: 'licensing.work', count, labelZh: '许可审批与核查', labelEn: 'licensing cases' }
    : null;
};
