import { DomainError, proposalActions } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { factsOf, presentProposal, proposalRow } from './proposal-queries.js';
import type { defenceInputSchema } from './proposal-schemas.js';
import { chinaDay, creditNotFound } from './scope.js';

/**
 * 陈述申辩: the subject (its institution user) states its case against a proposed listing, or
 * declares it waives the right; staff may record a statement received on paper. Only while the
 * proposal is pending and the defence awaited; the deciding officer sees it before approving.
 */
export async function stateDefence(opts: {
  ctx: AppContext;
  actor: Actor;
  proposalId: number;
  input: z.infer<typeof defenceInputSchema>;
}) {
  const { ctx, actor, proposalId, input } = opts;
  const at = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    const p = await proposalRow(tx, actor, proposalId, true);
    if (!p) throw creditNotFound('proposal', proposalId);
    if (!proposalActions(factsOf(p), chinaDay(at)).includes('defend')) {
      throw new DomainError(
        'invalid_transition',
        p.status !== 'pending' ? '该提议已处理，不能再陈述申辩' : '该提议无需或已收到陈述申辩',
        p.status !== 'pending'
          ? 'The proposal was decided; a defence can no longer be stated'
          : 'This proposal takes no defence, or one was already recorded',
        { allowedActions: [] },
      );
    }
    await tx.execute(sql`UPDATE credit_blacklist_proposal SET defence_status = ${input.kind}, defence_statement = ${input.statement},
      defence_at = ${at.toISOString()}, defence_by = ${actor.userId}, defence_by_name = ${actor.username} WHERE id = ${proposalId}`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'credit.blacklist.defence',
        entityType: 'credit_blacklist_proposal',
        entityId: proposalId,
        diff: { defenceStatus: ['awaiting', input.kind], statement: [null, input.statement] },
      },
      at,
    );
  });
  return (await presentProposal(ctx.database.db, actor, proposalId, at))!;
}
