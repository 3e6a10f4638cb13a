import { DomainError, REPAIR_CONDITION_NAMES, type RepairCondition } from '@weijian/domain';
import type { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import type { ownCreditSchema } from './own-schemas.js';
import { loadCreditPolicy } from './policy.js';
import { creditProfile, demeritsOf } from './queries.js';
import type { overrideSchema } from './schemas.js';

type OwnCredit = z.infer<typeof ownCreditSchema>;

/**
 * The signed-in institution user's own credit (issue 7: "regulated parties should be able to see why
 * they are where they are"): its establishment's level and the conditions behind it, the risk score
 * part by part, the mode and yearly frequency, its points with the act and article, its listings and
 * how to apply for credit repair. Read through the staff profile (same scope, same numbers), then
 * reduced to what the party may see: no staff names, no notes on points, no override authors.
 * Staff have no establishment of their own: "not found".
 */
export async function ownCredit(db: Executor, actor: Actor, at: Date, today: string): Promise<OwnCredit> {
  if (actor.kind !== 'institution' || actor.establishmentId === null)
    throw new DomainError(
      'not_found',
      '当前账号没有所属机构的信用档案（仅机构用户可用）',
      'This account has no establishment of its own (institution users only)',
    );
  const subject = { type: 'establishment' as const, id: actor.establishmentId };
  const p = await creditProfile(db, actor, subject, at, today);
  const demerits = await demeritsOf(db, actor, subject, at, today);
  const { policy } = await loadCreditPolicy(db);
  const conditions = policy.blacklist.repairConditions.map((c: RepairCondition) => ({
    code: c,
    ...REPAIR_CONDITION_NAMES[c],
  }));
  const ov = (o: z.infer<typeof overrideSchema> | null) =>
    o ? { value: o.value, reason: o.reason, validUntil: o.validUntil } : null;

  return {
    establishment: {
      id: p.subject.id,
      name: p.subject.name,
      publicCode: p.subject.publicCode,
      kind: p.subject.kind,
    },
    computedOn: p.computedOn,
    creditLevel: {
      level: p.creditLevel.level,
      nameZh: p.creditLevel.nameZh,
      nameEn: p.creditLevel.nameEn,
      reasons: p.creditLevel.reasons.map((r) => ({ reasonZh: r.reasonZh, reasonEn: r.reasonEn })),
      override: ov(p.creditLevel.override),
      citation: p.creditLevel.citation,
    },
    risk: p.risk && {
      score: p.risk.score,
      level: p.risk.level,
      nameZh: p.risk.nameZh,
      parts: p.risk.parts,
      cutPoints: p.risk.cutPoints,
      override: ov(p.risk.override),
      citation: p.risk.citation,
    },
    mode: p.mode && {
      mode: p.mode.mode,
      nameZh: p.mode.nameZh,
      nameEn: p.mode.nameEn,
      inspectionsPerYear: p.mode.inspectionsPerYear,
      reasons: p.mode.reasons,
      override: ov(p.mode.override),
      citation: p.mode.citation,
    },
    demerits: {
      points: demerits.points,
      cycleStart: demerits.cycleStart,
      cycleEnd: demerits.cycleEnd,
      band: demerits.band,
      nextBand: demerits.nextBand,
      items: demerits.items.map((d) => ({
        points: d.points,
        actZh: d.actZh,
        actEn: d.actEn,
        article: d.article,
        occurredOn: d.occurredOn,
        status: d.status,
        revokedReason: d.revokedReason,
      })),
    },
    blacklist: p.blacklist.map((l) => {
      const pending = l.repairs.some((r) => r.status === 'pending');
      return {
        id: l.id,
        ruleCode: l.ruleCode,
        reason: l.reason,
        basis: l.basis,
        flags: l.flags,
        enteredOn: l.enteredOn,
        repairFrom: l.repairFrom,
        endsOn: l.endsOn,
        repair: {
          canApplyNow: l.repairFrom <= today && !pending,
          conditions,
          howZh: `自 ${l.repairFrom} 起可提交信用修复申请：逐项说明下列条件并附证明材料，由监督部门审核；${l.endsOn} 期满自动移出。`,
          howEn: `From ${l.repairFrom} you may apply for credit repair: state each condition below with its evidence; the supervising department decides. The listing ends by itself on ${l.endsOn}.`,
          citation: policy.blacklist.citation,
        },
        repairs: l.repairs.map((r) => ({
          status: r.status,
          appliedAt: r.appliedAt,
          decidedAt: r.decidedAt,
          decisionReason: r.decisionReason,
        })),
      };
    }),
    grade: p.grade,
  };
}
