import type { DepartmentDuty } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { checkDepartments, conflict } from './guide-rules.js';

/** Saves the responsibility map (职责分工) as a new version (administrators; audited). */
export async function saveResponsibilityMap(opts: {
  ctx: AppContext;
  actor: Actor;
  input: { entries: DepartmentDuty[]; note: string; expectedVersion?: number | undefined };
}): Promise<number> {
  const { ctx, actor, input } = opts;
  const at = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    await checkDepartments(
      tx,
      input.entries.map((e) => e.departmentCode),
    );
    await tx.execute(sql`SELECT pg_advisory_xact_lock(72011)`);
    const cur = await queryOne<{ v: number }>(
      tx,
      sql`SELECT coalesce(max(version), 0)::int AS v FROM responsibility_map`,
    );
    if (input.expectedVersion !== undefined && input.expectedVersion !== cur!.v) throw conflict(cur!.v);
    const version = cur!.v + 1;
    await tx.execute(sql`INSERT INTO responsibility_map (version, entries, note, created_at, created_by, created_by_name)
      VALUES (${version}, ${JSON.stringify(input.entries)}::jsonb, ${input.note}, ${at.toISOString()}, ${actor.userId}, ${actor.username})`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'registry.responsibility-map.save',
        entityType: 'responsibility_map',
        entityId: version,
        diff: { version: [cur!.v, version], note: [null, input.note] },
      },
      at,
    );
    return version;
  });
}
