import { checkUscc, DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';

/**
 * Accepts a 统一社会信用代码 that fails its check character but was genuinely issued (standards-and-data
 * §3: e.g. 91350211M0000XUF46), with a stated reason. Imports and edits then take it, marked as
 * accepted. Audited; the acceptance is kept (an update replaces the reason and is audited again).
 */
export async function recordUsccAcceptance(
  tx: Executor,
  actor: Actor,
  acceptance: { uscc: string; reason: string },
  at: Date,
): Promise<void> {
  const check = checkUscc(acceptance.uscc);
  if (check.valid) {
    throw new DomainError(
      'uscc_valid',
      '该统一社会信用代码校验通过，无需确认',
      'The code passes its check; there is nothing to accept',
    );
  }
  if (check.errors.some((e) => e.code === 'uscc_format' || e.code === 'uscc_division_code')) {
    throw new DomainError(
      'uscc_format',
      `统一社会信用代码格式不正确，不能确认：${check.errors[0]!.messageZh}`,
      `A malformed code cannot be accepted: ${check.errors[0]!.messageEn}`,
    );
  }
  await tx.execute(sql`INSERT INTO uscc_acceptance (uscc, reason, accepted_by, accepted_by_name, region_code, accepted_at)
    VALUES (${check.normalized}, ${acceptance.reason}, ${actor.userId}, ${actor.username}, ${actor.unit?.regionCode ?? null}, ${at.toISOString()})
    ON CONFLICT (uscc) DO UPDATE SET reason = EXCLUDED.reason, accepted_by = EXCLUDED.accepted_by,
      accepted_by_name = EXCLUDED.accepted_by_name, region_code = EXCLUDED.region_code, accepted_at = EXCLUDED.accepted_at`);
  await recordAudit(
    tx,
    auditActorOf(actor),
    {
      action: 'registry.uscc.accept',
      entityType: 'uscc',
      entityId: check.normalized,
      diff: { reason: [null, acceptance.reason], checkErrors: [null, check.errors.map((e) => e.code)] },
    },
    at,
  );
}

export async function acceptUscc(opts: {
  ctx: AppContext;
  actor: Actor;
  input: { uscc: string; reason: string };
}): Promise<void> {
  const { ctx, actor, input } = opts;
  await ctx.database.db.transaction(async (tx) => recordUsccAcceptance(tx, actor, input, ctx.now()));
}
