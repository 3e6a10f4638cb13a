import type { InspectionPolicy, InspectionPolicyCitations } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../http/context.js';
import { diffOf, recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { conflict } from '../registry/guide-rules.js';
import { currentPolicy } from './reference-queries.js';

/** Saves new policy values (with their citations) as a new version (administrators; audited). */
export async function savePolicy(opts: {
  ctx: AppContext;
  actor: Actor;
  input: {
    values: InspectionPolicy;
    citations: InspectionPolicyCitations;
    note: string;
    effectiveFrom: string | null;
    expectedVersion?: number | undefined;
  };
}): Promise<number> {
  const { ctx, actor, input } = opts;
  const at = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(72022)`);
    const cur = await currentPolicy(tx);
    if (input.expectedVersion !== undefined && input.expectedVersion !== cur.version)
      throw conflict(cur.version);
    const version = cur.version + 1;
    await tx.execute(sql`INSERT INTO inspection_policy (version, "values", citations, note, effective_from, created_at, created_by, created_by_name)
      VALUES (${version}, ${JSON.stringify(input.values)}::jsonb, ${JSON.stringify(input.citations)}::jsonb, ${input.note},
        ${input.effectiveFrom}, ${at.toISOString()}, ${actor.userId}, ${actor.username})`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'inspection.policy.save',
        entityType: 'inspection_policy',
        entityId: version,
        diff: diffOf(
          cur.values as unknown as Record<string, unknown>,
          input.values as unknown as Record<string, unknown>,
        ),
      },
      at,
    );
    return version;
  });
}
