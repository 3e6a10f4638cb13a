import type { ComplianceGuideContent, EstablishmentKind } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { checkDepartments, conflict } from './guide-rules.js';

/** Saves a compliance guide as a new version (administrators; audited). */
export async function saveComplianceGuide(opts: {
  ctx: AppContext;
  actor: Actor;
  kind: EstablishmentKind;
  input: {
    content: ComplianceGuideContent;
    note: string;
    effectiveFrom: string | null;
    expectedVersion?: number | undefined;
  };
}): Promise<number> {
  const { ctx, actor, kind, input } = opts;
  const at = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const c = input.content;
    await checkDepartments(tx, [
      ...c.departments.map((d) => d.departmentCode),
      ...c.items.map((i) => i.departmentCode),
      ...c.process.flatMap((p) => (p.departmentCode ? [p.departmentCode] : [])),
    ]);
    await tx.execute(sql`SELECT pg_advisory_xact_lock(72010)`);
    const cur = await queryOne<{ v: number }>(
      tx,
      sql`SELECT coalesce(max(version), 0)::int AS v FROM compliance_guide WHERE kind = ${kind}`,
    );
    if (input.expectedVersion !== undefined && input.expectedVersion !== cur!.v) throw conflict(cur!.v);
    const version = cur!.v + 1;
    await tx.execute(sql`INSERT INTO compliance_guide (kind, version, content, note, effective_from, created_at, created_by, created_by_name)
      VALUES (${kind}, ${version}, ${JSON.stringify(c)}::jsonb, ${input.note}, ${input.effectiveFrom}, ${at.toISOString()}, ${actor.userId}, ${actor.username})`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'registry.guide.save',
        entityType: 'compliance_guide',
        entityId: `${kind}:${version}`,
        diff: { version: [cur!.v, version], note: [null, input.note] },
      },
      at,
    );
    return version;
  });
}
