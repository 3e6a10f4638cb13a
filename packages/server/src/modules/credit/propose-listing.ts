import { DomainError, defenceDueOn, listingNotice } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryOne } from '../../db/database.js';
import { emitEvent } from '../../events/events.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { loadCreditPolicy } from './policy.js';
import { presentProposal } from './proposal-queries.js';
import type { proposeListingSchema } from './proposal-schemas.js';
import { subjectInScope } from './queries.js';
import { chinaDay, creditNotFound } from './scope.js';

/**
 * 提议列入黑名单: an officer proposes to list a subject under a rule of the blacklist section, with a
 * reason and the source record. Nothing is listed yet: the subject is sent a notice (告知: grounds,
 * basis, its right to state a defence and the deadline; an event other modules may deliver), and
 * another officer decides (decide-proposal.ts). Audited; no credit-file entry until approval.
 */
export async function proposeListing(opts: {
  ctx: AppContext;
  actor: Actor;
  input: z.infer<typeof proposeListingSchema>;
}) {
  const { ctx, actor, input } = opts;
  const at = ctx.now();
  const today = chinaDay(at);
  const id = await ctx.database.db.transaction(async (tx) => {
    const s = await subjectInScope(tx, actor, { type: input.subjectType, id: input.subjectId });
    if (actor.kind !== 'staff') throw creditNotFound(input.subjectType, input.subjectId);
    const { policy } = await loadCreditPolicy(tx);
    const rule = policy.blacklist.rules.find((r) => r.code === input.ruleCode);
    if (!rule) {
      throw new DomainError(
        'unknown_rule',
        `黑名单规则 ${input.ruleCode} 不存在`,
        `No blacklist rule ${input.ruleCode}`,
        {
          errors: [
            {
              path: 'ruleCode',
              code: 'unknown_rule',
              messageZh: 'ruleCode：规则不存在',
              messageEn: 'ruleCode: no such rule',
            },
          ],
        },
      );
    }
    const same = sql`subject_type = ${s.type} AND subject_id = ${s.id} AND rule_code = ${rule.code}
      AND source_module = ${input.source.module} AND source_type = ${input.source.type} AND source_id = ${input.source.id}`;
    if (await queryOne(tx, sql`SELECT 1 FROM credit_blacklist WHERE ${same} AND status = 'listed'`))
      throw new DomainError('conflict', '该对象已因同一依据列入黑名单', 'Already listed on the same grounds');
    if (
      await queryOne(
        tx,
        sql`SELECT 1 FROM credit_blacklist_proposal WHERE ${same} AND action = 'enter' AND status = 'pending'`,
      )
    ) {
      throw new DomainError(
        'conflict',
        '已有同一依据的待审核列入提议',
        'A proposal on the same grounds is already pending',
      );
    }
    const due = defenceDueOn(await loadCalendar(tx), today);
    const notice = listingNotice({
      name: s.name,
      reason: input.reason,
      ruleNameZh: rule.nameZh,
      ruleNameEn: rule.nameEn,
      basis: rule.citation,
      dueOn: due,
    });
    const row = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO credit_blacklist_proposal (action, subject_type, subject_id, establishment_id, region_code, name, rule_code, reason,
            source_module, source_type, source_id, notice_zh, notice_en, noticed_on, defence_due_on, defence_status,
            proposed_at, proposed_by, proposed_by_name)
          VALUES ('enter', ${s.type}, ${s.id}, ${s.establishmentId}, ${s.regionCode}, ${s.name}, ${rule.code}, ${input.reason},
            ${input.source.module}, ${input.source.type}, ${input.source.id}, ${notice.zh}, ${notice.en}, ${today}, ${due}, 'awaiting',
            ${at.toISOString()}, ${actor.userId}, ${actor.username})
          RETURNING id`,
    );
    const id = Number(row!.id);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'credit.blacklist.propose',
        entityType: 'credit_blacklist_proposal',
        entityId: id,
        diff: {
          action: [null, 'enter'],
          subject: [null, `${s.type}:${s.id}`],
          ruleCode: [null, rule.code],
          reason: [null, input.reason],
          defenceDueOn: [null, due],
        },
      },
      at,
    );
    await emitEvent(
      tx,
      {
        type: 'credit.blacklist.proposed',
        aggregateType: s.type,
        aggregateId: s.id,
        payload: {
          proposalId: id,
          subjectType: s.type,
          subjectId: s.id,
          establishmentId: s.establishmentId,
          ruleCode: rule.code,
          noticeZh: notice.zh,
          noticeEn: notice.en,
          defenceDueOn: due,
        },
      },
      at,
    );
    return id;
  });
  return (await presentProposal(ctx.database.db, actor, id, at))!;
}
