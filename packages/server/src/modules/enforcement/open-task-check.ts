import { sql } from 'drizzle-orm';
import { queryOne } from '../../db/database.js';
import type { OpenTaskCheck } from '../identity/users/open-task-checks.js';

/**
 * A user who still handles open complaints or is an officer of open cases outside the new unit's
 * region cannot be moved there until the work is handed over (registered at start-up).
 */
export const enforcementOpenTasks: OpenTaskCheck = async (tx, move) => {
  const r = await queryOne<{ n: number }>(
    tx,
    sql`SELECT (
          (SELECT count(*) FROM enforcement_case k JOIN enforcement_case_officer o ON o.case_id = k.id
            WHERE o.user_id = ${move.userId} AND o.recused_on IS NULL
              AND k.state NOT IN ('closed', 'revoked', 'not_opened') AND k.region_code NOT LIKE ${`${move.to.regionPrefix}%`})
          + (SELECT count(*) FROM complaint c WHERE c.handler_user_id = ${move.userId}
              AND c.state IN ('accepted', 'concluded') AND c.region_code NOT LIKE ${`${move.to.regionPrefix}%`})
        )::int AS n`,
  );
  const n = r?.n ?? 0;
  return n > 0
    ? {
        kind: 'enforcement.case',
        count: n,
        labelZh: '未办结的案件和投诉举报',
        labelEn: 'open cases and complaints',
      }
    : null;
};
