import { checkDecision, DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { exitIn, type ListingRow, listIn } from './blacklist-records.js';
import { loadCreditPolicy } from './policy.js';
import { factsOf, type ProposalRow, presentProposal, proposalRow } from './proposal-queries.js';
import type { proposalDecisionSchema } from './proposal-schemas.js';
import { recomputeSubjects } from './recompute.js';
import { chinaDay, creditNotFound } from './scope.js';
import { resolveSubject } from './subjects.js';

/**
 * 审核黑名单提议 (four-eyes): an officer other than the proposer, holding credit.blacklist.approve,
 * approves or rejects with a reason. A listing is approved only once the subject was heard, waived
 * or let the defence period pass. Only an approval changes the blacklist: the listing (or its end)
 * with its credit-file entry, audit row and event, and the profile is recomputed.
 */
export async function decideProposal(opts: {
  ctx: AppContext;
  actor: Actor;
  proposalId: number;
  input: z.infer<typeof proposalDecisionSchema>;
}) {
  const { ctx, actor, proposalId, input } = opts;
  const at = ctx.now();
  const today = chinaDay(at);
  await ctx.database.db.transaction(async (tx) => {
    const p = await proposalRow(tx, actor, proposalId, true);
    if (!p || actor.kind !== 'staff') throw creditNotFound('proposal', proposalId);
    checkDecision(factsOf(p), input.decision, actor.userId, today);
    const listingId = input.decision === 'approve' ? await carryOut(tx, actor, p, input.reason, at) : null;
    const status = input.decision === 'approve' ? 'approved' : 'rejected';
    await tx.execute(sql`UPDATE credit_blacklist_proposal SET status = ${status}, decided_at = ${at.toISOString()},
      decided_by = ${actor.userId}, decided_by_name = ${actor.username}, decision_reason = ${input.reason},
      blacklist_id = ${listingId ?? p.blacklist_id} WHERE id = ${proposalId}`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: `credit.blacklist.proposal.${input.decision}`,
        entityType: 'credit_blacklist_proposal',
        entityId: proposalId,
        diff: {
          status: ['pending', status],
          reason: [null, input.reason],
          proposedBy: [null, p.proposed_by_name],
          ...(listingId !== null ? { blacklistId: [null, listingId] } : {}),
        },
      },
      at,
    );
  });
  return (await presentProposal(ctx.database.db, actor, proposalId, at))!;
}

/** Lists the subject (enter) or ends the listing (remove); returns the listing's id. */
async function carryOut(tx: Executor, actor: Actor, p: ProposalRow, reason: string, at: Date) {
  const today = chinaDay(at);
  const s = await resolveSubject(tx, { type: p.subject_type, id: Number(p.subject_id) });
  if (!s) throw creditNotFound(p.subject_type, Number(p.subject_id));
  const by = { userId: actor.userId, name: actor.username };
  if (p.action === 'enter') {
    const { policy } = await loadCreditPolicy(tx);
    const rule = policy.blacklist.rules.find((r) => r.code === p.rule_code);
    if (!rule) {
      throw new DomainError(
        'unknown_rule',
        `黑名单规则 ${p.rule_code} 已不存在，请驳回后重新提议`,
        `Blacklist rule ${p.rule_code} no longer exists; reject and propose again`,
      );
    }
    const id = await listIn(
      tx,
      s,
      {
        ruleCode: rule.code,
        reason: p.reason,
        basis: rule.citation,
        flags: rule.flags,
        minDays: rule.minDays,
        maxDays: rule.maxDays,
      },
      { module: p.source_module!, type: p.source_type!, id: p.source_id! },
      today,
      by,
      auditActorOf(actor),
      at,
    );
    if (id === undefined)
      throw new DomainError('conflict', '该对象已因同一依据列入黑名单', 'Already listed on the same grounds');
    await recomputeSubjects(tx, [{ type: s.type, id: s.id }], at);
    return id;
  }
  const l = await queryOne<ListingRow>(
    tx,
    sql`SELECT id, subject_type, subject_id, establishment_id, rule_code, status, repair_from::text AS repair_from, ends_on::text AS ends_on
        FROM credit_blacklist WHERE id = ${p.blacklist_id} FOR UPDATE`,
  );
  if (l?.status !== 'listed') {
    throw new DomainError(
      'invalid_transition',
      '该记录已移出黑名单，请驳回此提议',
      'No longer listed; reject the proposal',
      {
        allowedActions: ['reject'],
      },
    );
  }
  await exitIn(
    tx,
    l,
    s,
    {
      kind: 'withdrawn',
      reason: `${p.reason}（${p.proposed_by_name} 提议，${actor.username} 批准：${reason}）`,
      on: today,
    },
    by,
    auditActorOf(actor),
    at,
  );
  await recomputeSubjects(tx, [{ type: s.type, id: s.id }], at);
  return Number(l.id);
}
