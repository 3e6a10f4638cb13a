import { DomainError, REFERRAL_CITATION } from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import { emitEvent } from '../../events/events.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { inUnitScope } from '../identity/scope.js';
import { assertVersion, enforcementRoles, iso, legalToday, notFound, REFERRAL, refuse } from './access.js';
import { loadCase } from './case-record.js';
import { loadLead } from './lead-record.js';
import { insertLead } from './leads.js';
import { appendRecord } from './record-chain.js';
import { competentUnit } from './routing.js';
import { nextRegisterNumber } from './sequences.js';

/**
 * 移送: a case or lead goes to another department (police for crimes against medical order or
 * illegal practice, market regulation for prices and drugs…) or to the judiciary for a suspected
 * crime (§27). A department in the system receives it as a lead in its own workflow and acknowledges
 * it; for a body outside the system the sending unit records the receipt (回执). Then the result.
 */
export interface ReferralInput {
  caseId?: number | undefined;
  leadId?: number | undefined;
  toKind: 'department' | 'judiciary';
  toDepartmentCode?: string | undefined;
  toBodyName?: string | undefined;
  reason: string;
  suspectedCrime: boolean;
  materials: string;
}

function referralScope(actor: Actor): SQL {
  return sql`(${inUnitScope(actor, sql`f.from_region_code`, sql`f.from_department_code`)} OR (f.to_unit_id IS NOT NULL AND ${inUnitScope(
    actor,
    sql`f.to_region_code`,
    sql`f.to_department_code`,
  )}))`;
}

interface ReferralRow {
  id: number;
  number: string;
  case_id: number | null;
  lead_id: number | null;
  from_unit_id: number;
  from_unit_name: string;
  from_region_code: string;
  from_department_code: string;
  to_kind: 'department' | 'judiciary';
  to_department_code: string | null;
  to_unit_id: number | null;
  to_region_code: string | null;
  to_body_name: string;
  reason: string;
  suspected_crime: boolean;
  materials: string;
  state: 'sent' | 'acknowledged' | 'concluded';
  sent_on: string;
  acknowledged_on: string | null;
  receipt_no: string | null;
  acknowledged_by_name: string | null;
  result: string | null;
  result_on: string | null;
  received_lead_id: number | null;
  version: number;
  created_at: Date | string;
}

async function loadReferral(db: Executor, actor: Actor, id: number, forUpdate = false): Promise<ReferralRow> {
  const r = await queryOne<ReferralRow>(
    db,
    sql`SELECT f.*, un.name AS from_unit_name FROM enforcement_referral f JOIN unit un ON un.id = f.from_unit_id
        WHERE f.id = ${id} AND ${referralScope(actor)} ${forUpdate ? sql`FOR UPDATE OF f` : sql``}`,
  );
  if (!r) throw notFound(REFERRAL, id);
  return r;
}

/** Whether the actor is at the receiving end of the referral (rather than the sender). */
function isReceiver(actor: Actor, r: ReferralRow): boolean {
  if (r.to_unit_id === null || actor.regionPrefix === null || !actor.unit) return false;
  const sender =
    r.from_region_code.startsWith(actor.regionPrefix) && actor.unit.departmentCode === r.from_department_code;
  return (
    !sender &&
    r.to_region_code!.startsWith(actor.regionPrefix) &&
    actor.unit.departmentCode === r.to_department_code
  );
}

export function presentReferral(actor: Actor, r: ReferralRow) {
  return {
    id: Number(r.id),
    number: r.number,
    caseId: r.case_id === null ? null : Number(r.case_id),
    leadId: r.lead_id === null ? null : Number(r.lead_id),
    from: {
      unitId: Number(r.from_unit_id),
      unitName: r.from_unit_name,
      departmentCode: r.from_department_code,
    },
    toKind: r.to_kind,
    toDepartmentCode: r.to_department_code,
    toBodyName: r.to_body_name,
    reason: r.reason,
    suspectedCrime: r.suspected_crime,
    materials: r.materials,
    state: r.state,
    sentOn: r.sent_on,
    acknowledgedOn: r.acknowledged_on,
    receiptNo: r.receipt_no,
    acknowledgedBy: r.acknowledged_by_name,
    result: r.result,
    resultOn: r.result_on,
    receivedLeadId: r.received_lead_id === null || !isReceiver(actor, r) ? null : Number(r.received_lead_id),
    direction: isReceiver(actor, r) ? ('received' as const) : ('sent' as const),
    version: r.version,
    createdAt: iso(r.created_at),
  };
}

export async function referralDetail(db: Executor, actor: Actor, id: number) {
  return presentReferral(actor, await loadReferral(db, actor, id));
}

export async function searchReferrals(
  db: Executor,
  actor: Actor,
  q: {
    direction?: 'sent' | 'received' | undefined;
    state?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  const where: SQL[] = [referralScope(actor)];
  if (q.state) where.push(sql`f.state = ${q.state}`);
  if (q.direction === 'received')
    where.push(inUnitScope(actor, sql`f.to_region_code`, sql`f.to_department_code`));
  if (q.direction === 'sent')
    where.push(inUnitScope(actor, sql`f.from_region_code`, sql`f.from_department_code`));
  const w = sql.join(where, sql` AND `);
  const rows = await queryRows<ReferralRow>(
    db,
    sql`SELECT f.*, un.name AS from_unit_name FROM enforcement_referral f JOIN unit un ON un.id = f.from_unit_id WHERE ${w}
        ORDER BY f.id DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM enforcement_referral f WHERE ${w}`,
  );
  return {
    items: rows.map((r) => presentReferral(actor, r)),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function sendReferral(opts: {
  ctx: AppContext;
  actor: Actor;
  input: ReferralInput;
}): Promise<number> {
  const { ctx, actor, input } = opts;
  if (!enforcementRoles(actor).includes('investigator')) {
    throw new DomainError('forbidden', '只有执法办案人员可以移送', 'Only case officers refer cases');
  }
  if ((input.caseId === undefined) === (input.leadId === undefined)) {
    throw new DomainError(
      'validation_failed',
      '请指定移送的案件或线索（二选一）',
      'Name either the case or the lead referred',
      {
        errors: [
          { path: 'caseId', code: 'required', messageZh: '案件或线索二选一', messageEn: 'A case or a lead' },
        ],
      },
    );
  }
  if (input.toKind === 'department' && !input.toDepartmentCode) {
    throw new DomainError('validation_failed', '请选择接收部门', 'Choose the receiving department', {
      errors: [
        { path: 'toDepartmentCode', code: 'required', messageZh: '请选择接收部门', messageEn: 'Required' },
      ],
    });
  }
  if (input.toKind === 'judiciary' && !input.toBodyName?.trim()) {
    throw new DomainError('validation_failed', '请填写接收的司法机关', 'Name the receiving judicial body', {
      errors: [{ path: 'toBodyName', code: 'required', messageZh: '请填写接收机关', messageEn: 'Required' }],
    });
  }
  return ctx.database.db.transaction((tx) => sendReferralIn(tx, ctx, actor, input));
}

/** The same inside a transaction the caller holds (the demo seed). */
export async function sendReferralIn(
  tx: Executor,
  ctx: AppContext,
  actor: Actor,
  input: ReferralInput,
): Promise<number> {
  const at = ctx.now();
  const today = legalToday(ctx);
  {
    const source =
      input.caseId !== undefined
        ? await loadCase(tx, actor, input.caseId, true)
        : await loadLead(tx, actor, input.leadId!, true);
    const from = {
      unitId: source.unit_id,
      regionCode: source.region_code,
      departmentCode: source.department_code,
    };
    if (input.toKind === 'department' && input.toDepartmentCode === from.departmentCode) {
      refuse('same_department', '不能移送给本部门', 'A referral goes to another department');
    }
    const toUnit =
      input.toKind === 'department'
        ? await competentUnit(tx, input.toDepartmentCode!, source.region_code)
        : null;
    const number = await nextRegisterNumber(tx, 'referral', source.region_code, today);
    const row = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO enforcement_referral (number, case_id, lead_id, from_unit_id, from_region_code, from_department_code, to_kind,
            to_department_code, to_unit_id, to_region_code, to_body_name, reason, suspected_crime, materials, state, sent_on,
            created_at, created_by, updated_at)
          VALUES (${number}, ${input.caseId ?? null}, ${input.leadId ?? null}, ${from.unitId}, ${from.regionCode}, ${from.departmentCode},
            ${input.toKind}, ${input.toDepartmentCode ?? null}, ${toUnit?.id ?? null}, ${toUnit?.regionCode ?? null},
            ${toUnit?.name ?? input.toBodyName!.trim()}, ${input.reason}, ${input.suspectedCrime}, ${input.materials}, 'sent', ${today},
            ${at.toISOString()}, ${actor.userId}, ${at.toISOString()})
          RETURNING id`,
    );
    const id = Number(row!.id);
    if (toUnit) {
      const lead = await insertLead(tx, {
        source: 'referral',
        sourceRef: String(id),
        establishmentId: source.establishment_id,
        regionCode: source.region_code,
        departmentCode: toUnit.departmentCode,
        unitId: toUnit.id,
        summary: `移送 ${number}：${input.reason}`,
        details: {
          referralId: id,
          fromDepartment: from.departmentCode,
          suspectedCrime: input.suspectedCrime,
        },
        receivedOn: today,
        at,
        createdBy: actor.userId,
      });
      await tx.execute(sql`UPDATE enforcement_referral SET received_lead_id = ${lead.id} WHERE id = ${id}`);
    }
    if (input.caseId !== undefined) {
      const c = source as Awaited<ReturnType<typeof loadCase>>;
      await appendRecord(tx, c.id, {
        action: 'refer',
        fromState: c.state,
        toState: c.state,
        onDate: today,
        at,
        actor,
        role: 'investigator',
        details: {
          referralId: id,
          number,
          to: toUnit?.name ?? input.toBodyName,
          suspectedCrime: input.suspectedCrime,
          citation: REFERRAL_CITATION.zh,
        },
      });
    }
    await emitEvent(
      tx,
      {
        type: 'enforcement.referral.sent',
        aggregateType: 'enforcement_referral',
        aggregateId: id,
        payload: {
          referralId: id,
          toDepartment: input.toDepartmentCode ?? 'judiciary',
          caseId: input.caseId ?? null,
        },
      },
      at,
    );
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'enforcement.referral.send',
        entityType: 'enforcement_referral',
        entityId: id,
        diff: {
          number: [null, number],
          to: [null, toUnit?.name ?? input.toBodyName],
          caseId: [null, input.caseId ?? null],
        },
      },
      at,
    );
    return id;
  }
}

export type ReferralActionInput = { expectedVersion: number } & (
  | {
      action: 'acknowledge';
      receiptNo: string;
      acknowledgedBy?: string | undefined;
      acknowledgedOn?: string | undefined;
    }
  | { action: 'record_result'; result: string }
);

export async function actOnReferral(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: ReferralActionInput;
}) {
  await opts.ctx.database.db.transaction((tx) =>
    actOnReferralIn(tx, opts.ctx, opts.actor, opts.id, opts.input),
  );
}

export async function actOnReferralIn(
  tx: Executor,
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: ReferralActionInput,
) {
  const at = ctx.now();
  const today = legalToday(ctx);
  {
    const r = await loadReferral(tx, actor, id, true);
    assertVersion(input.expectedVersion, r.version, REFERRAL);
    if (!enforcementRoles(actor).includes('investigator') && !enforcementRoles(actor).includes('approver')) {
      throw new DomainError('forbidden', '您无权办理移送', 'You may not act on referrals');
    }
    const receiver = isReceiver(actor, r);
    let set: SQL;
    if (input.action === 'acknowledge') {
      if (r.state !== 'sent')
        refuse('invalid_transition', '已签收', 'Already acknowledged', {
          state: r.state,
          allowedActions: ['record_result'],
        });
      if (r.to_unit_id !== null && !receiver) {
        refuse('forbidden', '应由接收单位签收', 'The receiving unit acknowledges it');
      }
      const on = input.acknowledgedOn && input.acknowledgedOn <= today ? input.acknowledgedOn : today;
      const by = receiver ? actor.displayName : input.acknowledgedBy?.trim() || r.to_body_name;
      set = sql`state = 'acknowledged', acknowledged_on = ${on}, receipt_no = ${input.receiptNo}, acknowledged_by_name = ${by}`;
    } else {
      if (r.state === 'concluded')
        refuse('invalid_transition', '已登记处理结果', 'The result is recorded', {
          state: r.state,
          allowedActions: [],
        });
      set = sql`state = 'concluded', result = ${input.result}, result_on = ${today}`;
    }
    await tx.execute(
      sql`UPDATE enforcement_referral SET ${set}, version = version + 1, updated_at = ${at.toISOString()} WHERE id = ${id}`,
    );
    if (r.case_id !== null) {
      await appendRecord(tx, Number(r.case_id), {
        action: `referral_${input.action}`,
        fromState: null,
        toState: (await queryOne<{ state: string }>(
          tx,
          sql`SELECT state FROM enforcement_case WHERE id = ${r.case_id}`,
        ))!.state,
        onDate: today,
        at,
        actor,
        role: receiver ? 'receiver' : 'investigator',
        details: {
          referralId: id,
          ...(input.action === 'acknowledge' ? { receiptNo: input.receiptNo } : { result: input.result }),
        },
      });
    }
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: `enforcement.referral.${input.action}`,
        entityType: 'enforcement_referral',
        entityId: id,
        diff: { state: [r.state, input.action === 'acknowledge' ? 'acknowledged' : 'concluded'] },
      },
      at,
    );
  }
}
