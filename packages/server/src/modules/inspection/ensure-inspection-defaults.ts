import {
  DEFAULT_INSPECTION_POLICY,
  DEFAULT_POLICY_CITATIONS,
  defaultChecklists,
  defaultInspectionItems,
  defaultResponsibilities,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';

/**
 * The shipped defaults of "一表两清单" and the inspection policy, as version 1 of each (idempotent):
 * checklists derived from the compliance guides, the item list, the responsibility list.
 */
export async function ensureInspectionDefaults(db: Executor, at: Date = new Date(0)): Promise<void> {
  const when = at.toISOString();
  await db.execute(sql`INSERT INTO inspection_policy (version, "values", citations, note, created_at)
    VALUES (1, ${JSON.stringify(DEFAULT_INSPECTION_POLICY)}::jsonb, ${JSON.stringify(DEFAULT_POLICY_CITATIONS)}::jsonb,
      '默认值 Defaults', ${when}) ON CONFLICT DO NOTHING`);
  for (const c of defaultChecklists()) {
    await db.execute(sql`INSERT INTO checklist (kind, department_code, version, title, items, note, created_at)
      VALUES (${c.kind}, ${c.departmentCode}, 1, ${c.title}, ${JSON.stringify(c.items)}::jsonb,
        '默认检查表（取自合规指引）Default, from the compliance guide', ${when})
      ON CONFLICT DO NOTHING`);
  }
  for (const [list, entries] of [
    ['items', defaultInspectionItems()],
    ['responsibilities', defaultResponsibilities()],
  ] as const) {
    await db.execute(sql`INSERT INTO inspection_list (list, version, entries, note, created_at)
      VALUES (${list}, 1, ${JSON.stringify(entries)}::jsonb, '默认清单 Default list', ${when}) ON CONFLICT DO NOTHING`);
  }
}
