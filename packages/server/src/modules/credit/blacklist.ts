import { checkRepair, DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryOne, queryRows } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { inRegionScope } from '../identity/scope.js';
import { exitIn, type ListingRow } from './blacklist-records.js';
import { loadCreditPolicy } from './policy.js';
import { blacklistEntry } from './queries.js';
import { recomputeSubjects } from './recompute.js';
import type { repairDecisionSchema, repairInputSchema } from './schemas.js';
import { chinaDay, creditNotFound } from './scope.js';
import { resolveSubject } from './subjects.js';

const LISTING = sql.raw(
  `id, subject_type, subject_id, establishment_id, rule_code, status, repair_from::text AS repair_from, ends_on::text AS ends_on`,
);

/**
 * 信用修复: the listed party (or staff on its behalf) applies, declaring each condition of the
 * rules with its evidence. Refused before the minimum period; one pending application at a time.
 */
export async function applyForRepair(opts: {
  ctx: AppContext;
  actor: Actor;
  blacklistId: number;
  input: z.infer<typeof repairInputSchema>;
}) {
  const { ctx, actor, blacklistId, input } = opts;
  const at = ctx.now();
  const today = chinaDay(at);
  return ctx.database.db.transaction(async (tx) => {
    const listing = await blacklistEntry(tx, actor, blacklistId, true);
    if (listing.status !== 'listed')
      throw new DomainError('invalid_transition', '已移出黑名单', 'No longer listed', { allowedActions: [] });
    if (listing.repairFrom > today) {
      throw new DomainError(
        'repair_too_early',
        `最短公示期未满，${listing.repairFrom} 起方可申请信用修复`,
        `Repair may be applied for from ${listing.repairFrom}`,
        {
          repairFrom: listing.repairFrom,
        },
      );
    }
    if (listing.repairs.some((r) => r.status === 'pending')) {
      throw new DomainError(
        'conflict',
        '已有待审核的信用修复申请',
        'A repair application is already pending',
      );
    }
    const row = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO credit_repair (blacklist_id, statement, conditions, applied_at, applied_by, applied_by_name)
          VALUES (${blacklistId}, ${input.statement}, ${JSON.stringify(input.conditions)}::jsonb, ${at.toISOString()}, ${actor.userId}, ${actor.username})
          RETURNING id`,
    );
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'credit.repair.apply',
        entityType: 'credit_repair',
        entityId: Number(row!.id),
        diff: { blacklistId: [null, blacklistId], statement: [null, input.statement] },
      },
      at,
    );
    return blacklistEntry(tx, actor, blacklistId);
  });
}

/** Staff grant (the listing ends by repair) or refuse an application, with a reason. */
export async function decideRepair(opts: {
  ctx: AppContext;
  actor: Actor;
  blacklistId: number;
  repairId: number;
  input: z.infer<typeof repairDecisionSchema>;
}) {
  const { ctx, actor, blacklistId, repairId, input } = opts;
  const at = ctx.now();
  const today = chinaDay(at);
  return ctx.database.db.transaction(async (tx) => {
    if (actor.kind !== 'staff') throw creditNotFound('blacklist', blacklistId);
    const listing = await blacklistEntry(tx, actor, blacklistId, true);
    const repair = listing.repairs.find((r) => r.id === repairId);
    if (!repair) throw creditNotFound('repair', repairId);
    if (repair.status !== 'pending' || listing.status !== 'listed') {
      throw new DomainError('invalid_transition', '该申请已处理', 'The application was already decided', {
        allowedActions: [],
      });
    }
    if (input.decision === 'grant') {
      const { policy } = await loadCreditPolicy(tx);
      const check = checkRepair(policy.blacklist, listing, today, repair.conditions);
      if (!check.eligible) {
        throw new DomainError(
          'repair_conditions_unmet',
          `不符合信用修复条件：${check.problems.map((p) => p.zh).join('；')}`,
          `Repair conditions not met: ${check.problems.map((p) => p.en).join('; ')}`,
          {
            problems: check.problems,
          },
        );
      }
    }
    await tx.execute(sql`UPDATE credit_repair SET status = ${input.decision === 'grant' ? 'granted' : 'refused'}, decided_at = ${at.toISOString()},
      decided_by = ${actor.userId}, decided_by_name = ${actor.username}, decision_reason = ${input.reason} WHERE id = ${repairId}`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: `credit.repair.${input.decision}`,
        entityType: 'credit_repair',
        entityId: repairId,
        diff: {
          status: ['pending', input.decision === 'grant' ? 'granted' : 'refused'],
          reason: [null, input.reason],
        },
      },
      at,
    );
    if (input.decision === 'grant') {
      const row = await queryOne<ListingRow>(
        tx,
        sql`SELECT ${LISTING} FROM credit_blacklist WHERE id = ${blacklistId}`,
      );
      const s = (await resolveSubject(tx, { type: listing.subjectType, id: listing.subjectId }))!;
      await exitIn(
        tx,
        row!,
        s,
        { kind: 'repair', reason: input.reason, on: today },
        { userId: actor.userId, name: actor.username },
        auditActorOf(actor),
        at,
      );
      await recomputeSubjects(tx, [{ type: s.type, id: s.id }], at);
    }
    return blacklistEntry(tx, actor, blacklistId);
  });
}

/** Listings past their maximum period end by themselves (run by staff or a job; idempotent). */
export async function expireListings(opts: { ctx: AppContext; actor: Actor | null }): Promise<number> {
  const { ctx, actor } = opts;
  const at = ctx.now();
  const today = chinaDay(at);
  return ctx.database.db.transaction(async (tx) => {
    const rows = await queryRows<ListingRow>(
      tx,
      sql`SELECT ${LISTING} FROM credit_blacklist b WHERE status = 'listed' AND ends_on < ${today}
            ${actor ? sql`AND ${inRegionScope(actor, sql`b.region_code`)}` : sql``}
          ORDER BY id FOR UPDATE`,
    );
    const who = actor ? { userId: actor.userId, name: actor.username } : { userId: null, name: 'system' };
    const audit = actor ? auditActorOf(actor) : SYSTEM_ACTOR;
    for (const l of rows) {
      const s = await resolveSubject(tx, { type: l.subject_type, id: Number(l.subject_id) });
      if (!s) continue;
      await exitIn(
        tx,
        l,
        s,
        { kind: 'expiry', reason: `最长公示期至 ${l.ends_on} 届满`, on: today },
        who,
        audit,
        at,
      );
      await recomputeSubjects(tx, [{ type: s.type, id: s.id }], at);
    }
    return rows.length;
  });
}
