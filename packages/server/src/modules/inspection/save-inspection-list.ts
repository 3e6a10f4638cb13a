import { DomainError, type InspectionItemEntry, type ResponsibilityEntry } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { checkDepartments, conflict } from '../registry/guide-rules.js';
import type { InspectionListName } from './reference-queries.js';

/** Saves the item list or the responsibility list as a new version (administrators; audited). */
export async function saveInspectionList(opts: {
  ctx: AppContext;
  actor: Actor;
  list: InspectionListName;
  input: {
    entries: (InspectionItemEntry | ResponsibilityEntry)[];
    note: string;
    expectedVersion?: number | undefined;
  };
}): Promise<number> {
  const { ctx, actor, list, input } = opts;
  const at = ctx.now();
  const codes = input.entries.map((e) => e.code);
  const dup = codes.find((c, i) => codes.indexOf(c) !== i);
  if (dup)
    throw new DomainError('duplicate_entry', `清单条目代码重复：${dup}`, `Duplicate entry code: ${dup}`);
  return ctx.database.db.transaction(async (tx) => {
    await checkDepartments(
      tx,
      input.entries.map((e) => e.departmentCode),
    );
    await tx.execute(sql`SELECT pg_advisory_xact_lock(72021)`);
    const cur = await queryOne<{ v: number }>(
      tx,
      sql`SELECT coalesce(max(version), 0)::int AS v FROM inspection_list WHERE list = ${list}`,
    );
    if (input.expectedVersion !== undefined && input.expectedVersion !== cur!.v) throw conflict(cur!.v);
    const version = cur!.v + 1;
    await tx.execute(sql`INSERT INTO inspection_list (list, version, entries, note, created_at, created_by, created_by_name)
      VALUES (${list}, ${version}, ${JSON.stringify(input.entries)}::jsonb, ${input.note}, ${at.toISOString()}, ${actor.userId}, ${actor.username})`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'inspection.list.save',
        entityType: 'inspection_list',
        entityId: `${list}:${version}`,
        diff: { version: [cur!.v, version], entries: [null, input.entries.length], note: [null, input.note] },
      },
      at,
    );
    return version;
  });
}
