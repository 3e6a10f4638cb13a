import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { legalToday, money, notFound } from './access.js';
import { addComplaintNote, loadComplaint } from './complaint-record.js';

const REPORTER = { zh: '举报人', en: 'Reporter' };

/**
 * A reporter's identity in clear, for the handling unit only (the complaint must be in the actor's
 * unit scope). Each reading is recorded in the audit trail in the same transaction: no record, no
 * data (个人信息保护法 §51; the reporter's identity is never disclosed).
 */
export async function readReporterIdentity(opts: {
  ctx: AppContext;
  actor: Actor;
  complaintId: number;
  reporterId: number;
}) {
  const { ctx, actor, complaintId, reporterId } = opts;
  const at = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    await loadComplaint(tx, actor, complaintId);
    const r = await queryOne<{
      anonymous: boolean;
      name_enc: string | null;
      phone_enc: string | null;
      id_number_enc: string | null;
    }>(
      tx,
      sql`SELECT anonymous, name_enc, phone_enc, id_number_enc FROM complaint_reporter WHERE id = ${reporterId} AND complaint_id = ${complaintId}`,
    );
    if (!r) throw notFound(REPORTER, reporterId);
    const open = (v: string | null) => (v ? ctx.secrets.decrypt(v) : null);
    const identity = { name: open(r.name_enc), phone: open(r.phone_enc), idNumber: open(r.id_number_enc) };
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'enforcement.complaint.reporter.read',
        entityType: 'complaint_reporter',
        entityId: reporterId,
        diff: {
          complaintId: [null, complaintId],
          fields: [
            null,
            Object.entries(identity)
              .filter(([, v]) => v !== null)
              .map(([k]) => k),
          ],
        },
      },
      at,
    );
    return { reporterId, anonymous: r.anonymous, ...identity };
  });
}

/** 举报奖励: recorded for a named reporter of a substantiated complaint. */
export async function addReward(opts: {
  ctx: AppContext;
  actor: Actor;
  complaintId: number;
  input: { reporterId: number; amount: number; basis: string };
}) {
  const { ctx, actor, complaintId, input } = opts;
  const at = ctx.now();
  const today = legalToday(ctx);
  return ctx.database.db.transaction(async (tx) => {
    const c = await loadComplaint(tx, actor, complaintId, true);
    if (c.substantiated !== true) {
      throw new DomainError(
        'not_substantiated',
        '只有经查属实的举报可以给予奖励',
        'Only a substantiated report is rewarded',
      );
    }
    const r = await queryOne<{ anonymous: boolean }>(
      tx,
      sql`SELECT anonymous FROM complaint_reporter WHERE id = ${input.reporterId} AND complaint_id = ${complaintId}`,
    );
    if (!r) throw notFound(REPORTER, input.reporterId);
    if (r.anonymous) {
      throw new DomainError(
        'anonymous_reporter',
        '匿名举报人无法领取奖励',
        'An anonymous reporter cannot be paid a reward',
        {
          errors: [
            { path: 'reporterId', code: 'anonymous_reporter', messageZh: '匿名举报', messageEn: 'Anonymous' },
          ],
        },
      );
    }
    const row = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO complaint_reward (complaint_id, reporter_id, amount, basis, decided_on, decided_by, status, created_at)
          VALUES (${complaintId}, ${input.reporterId}, ${input.amount}, ${input.basis}, ${today}, ${actor.userId}, 'approved', ${at.toISOString()})
          RETURNING id`,
    );
    await addComplaintNote(tx, {
      complaintId,
      visibility: 'internal',
      action: 'reward',
      text: `决定给予举报奖励 ${input.amount} 元：${input.basis}`,
      onDate: today,
      at,
      actor,
    });
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'enforcement.complaint.reward',
        entityType: 'complaint',
        entityId: complaintId,
        diff: {
          rewardId: [null, Number(row!.id)],
          reporterId: [null, input.reporterId],
          amount: [null, input.amount],
        },
      },
      at,
    );
    return {
      id: Number(row!.id),
      amount: money(input.amount),
      status: 'approved' as const,
      decidedOn: today,
    };
  });
}

export async function payReward(opts: {
  ctx: AppContext;
  actor: Actor;
  complaintId: number;
  rewardId: number;
  note: string;
}) {
  const { ctx, actor, complaintId, rewardId } = opts;
  const at = ctx.now();
  const today = legalToday(ctx);
  await ctx.database.db.transaction(async (tx) => {
    await loadComplaint(tx, actor, complaintId, true);
    const r = await queryOne<{ status: string }>(
      tx,
      sql`SELECT status FROM complaint_reward WHERE id = ${rewardId} AND complaint_id = ${complaintId} FOR UPDATE`,
    );
    if (!r) throw notFound({ zh: '奖励', en: 'Reward' }, rewardId);
    if (r.status === 'paid')
      throw new DomainError('invalid_transition', '奖励已发放', 'The reward has been paid', {
        state: 'paid',
      });
    await tx.execute(
      sql`UPDATE complaint_reward SET status = 'paid', paid_on = ${today}, note = ${opts.note} WHERE id = ${rewardId}`,
    );
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'enforcement.complaint.reward.pay',
        entityType: 'complaint',
        entityId: complaintId,
        diff: { rewardId: [null, rewardId], status: ['approved', 'paid'] },
      },
      at,
    );
  });
}
