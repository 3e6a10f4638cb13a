import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { diffOf, recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import type { InspectorInput } from './create-inspector.js';
import { dateText } from './dates.js';
import { checkInspectorRefs } from './inspector-rules.js';
import { loadInspector } from './roster-queries.js';

/** Changes an officer's record; an officer with open tasks cannot be moved to a unit of another region. */
export async function updateInspector(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  patch: Partial<InspectorInput> & { expectedVersion?: number | undefined };
}): Promise<void> {
  const { ctx, actor, id, patch } = opts;
  await ctx.database.db.transaction((tx) => changeInspector(tx, actor, id, patch, ctx.now()));
}

/** The change and its audit row, inside the caller's transaction (also used by the roster import); false when nothing changed. */
export async function changeInspector(
  tx: Executor,
  actor: Actor,
  id: number,
  patch: Partial<InspectorInput> & { expectedVersion?: number | undefined },
  at: Date,
): Promise<boolean> {
  const cur = await loadInspector(tx, actor, id, true);
  if (patch.expectedVersion !== undefined && patch.expectedVersion !== cur.version) {
    throw new DomainError(
      'version_conflict',
      `该记录已被他人修改（当前版本 ${cur.version}）`,
      `The record has changed (now version ${cur.version})`,
      { currentVersion: cur.version },
    );
  }
  const before: InspectorInput = {
    certificateNo: cur.certificate_no,
    certificateValidUntil: dateText(cur.certificate_valid_until),
    name: cur.name,
    unitId: Number(cur.unit_id),
    specialties: cur.specialties,
    available: cur.available,
    unavailableReason: cur.unavailable_reason,
    userId: cur.user_id === null ? null : Number(cur.user_id),
  };
  const { expectedVersion: _, ...fields } = patch;
  const next: InspectorInput = {
    ...before,
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
  };
  next.specialties = [...new Set(next.specialties)].sort();
  if (next.available) next.unavailableReason = null;
  const diff = diffOf(
    before as unknown as Record<string, unknown>,
    next as unknown as Record<string, unknown>,
  );
  if (Object.keys(diff).length === 0) return false;
  const unit = await checkInspectorRefs(tx, actor, next, id);
  if (unit.regionCode !== cur.region_code && cur.open_tasks > 0) {
    throw new DomainError(
      'inspector_has_open_tasks',
      `该执法人员仍有 ${cur.open_tasks} 项未完成的检查任务，请完成或移交后再调整单位`,
      `The officer still has ${cur.open_tasks} open inspections; finish or hand them over first`,
      { openTasks: cur.open_tasks },
    );
  }
  await tx.execute(sql`UPDATE inspector SET certificate_no = ${next.certificateNo},
      certificate_valid_until = ${next.certificateValidUntil}, name = ${next.name}, unit_id = ${unit.id},
      department_code = ${unit.departmentCode}, region_code = ${unit.regionCode}, specialties = ${sql.param(next.specialties)}::text[],
      available = ${next.available}, unavailable_reason = ${next.unavailableReason}, user_id = ${next.userId},
      version = version + 1, updated_at = ${at.toISOString()}, updated_by = ${actor.userId} WHERE id = ${id}`);
  await recordAudit(
    tx,
    auditActorOf(actor),
    { action: 'inspection.inspector.update', entityType: 'inspector', entityId: id, diff },
    at,
  );
  return true;
}
