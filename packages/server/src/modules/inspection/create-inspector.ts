import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { checkInspectorRefs } from './inspector-rules.js';

export interface InspectorInput {
  certificateNo: string;
  /** 执法证有效期至 (YYYY-MM-DD); null = not recorded. */
  certificateValidUntil: string | null;
  name: string;
  unitId: number;
  specialties: string[];
  available: boolean;
  unavailableReason: string | null;
  userId: number | null;
}

/** Adds a certified officer to the roster (执法人员名录库), in a unit of the actor's scope. */
export async function createInspector(opts: {
  ctx: AppContext;
  actor: Actor;
  input: InspectorInput;
}): Promise<number> {
  const { ctx, actor, input } = opts;
  return ctx.database.db.transaction((tx) => insertInspector(tx, actor, input, ctx.now()));
}

/** The insert and its audit row, inside the caller's transaction (also used by the roster import). */
export async function insertInspector(
  tx: Executor,
  actor: Actor,
  input: InspectorInput,
  now: Date,
): Promise<number> {
  const at = now.toISOString();
  const unit = await checkInspectorRefs(tx, actor, input, null);
  const specialties = [...new Set(input.specialties)].sort();
  const row = await queryOne<{ id: number }>(
    tx,
    sql`INSERT INTO inspector (certificate_no, certificate_valid_until, name, unit_id, department_code, region_code, specialties, available,
            unavailable_reason, user_id, created_at, updated_at, created_by, updated_by)
          VALUES (${input.certificateNo}, ${input.certificateValidUntil}, ${input.name}, ${unit.id}, ${unit.departmentCode}, ${unit.regionCode},
            ${sql.param(specialties)}::text[], ${input.available}, ${input.available ? null : input.unavailableReason},
            ${input.userId}, ${at}, ${at}, ${actor.userId}, ${actor.userId}) RETURNING id`,
  );
  await recordAudit(
    tx,
    auditActorOf(actor),
    {
      action: 'inspection.inspector.create',
      entityType: 'inspector',
      entityId: row!.id,
      diff: {
        certificateNo: [null, input.certificateNo],
        certificateValidUntil: [null, input.certificateValidUntil],
        name: [null, input.name],
        unitId: [null, unit.id],
        specialties: [null, specialties],
        available: [null, input.available],
        userId: [null, input.userId],
      },
    },
    now,
  );
  return Number(row!.id);
}
