import { sql } from 'drizzle-orm';
import { queryOne } from '../../db/database.js';
import type { OpenTaskCheck } from '../identity/users/open-task-checks.js';

/**
 * An inspector whose staff account moves to a unit outside the region of their open inspections
 * would strand them: the move is refused until the tasks are done or handed over (issue 3).
 */
export const openInspectionTasks: OpenTaskCheck = async (tx, move) => {
  const r = await queryOne<{ n: number }>(
    tx,
    sql`SELECT count(DISTINCT i.id)::int AS n FROM inspector o
        JOIN inspection_team t ON t.inspector_id = o.id JOIN inspection i ON i.id = t.inspection_id
        WHERE o.user_id = ${move.userId} AND i.status = 'assigned' AND i.region_code NOT LIKE ${`${move.to.regionPrefix}%`}`,
  );
  return r && r.n > 0
    ? { kind: 'inspection.inspection', count: r.n, labelZh: '检查任务', labelEn: 'inspection tasks' }
    : null;
};
