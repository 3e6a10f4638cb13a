import {
  type Calendar,
  DomainError,
  disclose,
  PENALTY_KIND_NAMES,
  publicationPlan,
  publicationVisible,
  publishedParty,
  redactText,
  TEXT_MASKING_RULES,
  withdrawalDue,
} from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { iso, legalToday, notFound, PUBLICATION, unitOwned } from './access.js';
import type { CaseDecision, CaseRow } from './case-record.js';

/**
 * 执法公示: a decided penalty gets a publication record — the public fields of the national
 * credit-disclosure format, already masked, with the rule applied to each field; published within 7
 * working days (双公示); shown for the period its severity sets (《信用修复管理办法》) and then no
 * longer (visibility is computed from the dates, so take-down needs no job); withdrawn within 3
 * working days when the decision is changed or revoked. Cases involving minors are never published.
 */
export interface PublicationContent {
  party: { name: string; kindZh: string; creditCode: string | null; legalRepresentative: string | null };
  decisionNo: string;
  violationType: string;
  facts: string;
  basis: string;
  penaltyKinds: string[];
  penaltyContent: string;
  fineAmountWan: number;
  confiscationAmountWan: number;
  licence: string | null;
  decidedOn: string;
  displayUntil: string | null;
  authority: string;
  dataSource: string;
}

function penaltyContentText(d: CaseDecision): string {
  return d.kinds
    .map((k) =>
      k === 'fine'
        ? `罚款人民币${d.fineAmount}元`
        : k === 'confiscation'
          ? `没收违法所得${d.confiscationAmount}元`
          : PENALTY_KIND_NAMES[k].zh,
    )
    .join('；');
}

export async function createPublication(
  tx: Executor,
  opts: {
    c: CaseRow;
    decision: CaseDecision;
    decisionVersion: number;
    violationName: string;
    calendar: Calendar;
    at: Date;
    namesToMask: string[];
    publicFacts: string | null;
    publishMinor: boolean;
  },
): Promise<{ id: number; status: string }> {
  const { c, decision: d } = opts;
  const plan = publicationPlan({
    calendar: opts.calendar,
    severity: d.severity,
    decidedOn: d.decidedOn,
    partyIsMinor: c.party_is_minor,
    publishMinor: opts.publishMinor,
  });
  const { party, rules } = publishedParty({
    kind: c.party_kind,
    name: c.party_name,
    creditCode: c.party_credit_code,
    legalRepresentative: c.party_representative,
  });
  const names = [...opts.namesToMask, ...(c.party_kind === 'person' ? [c.party_name] : [])];
  const content: PublicationContent = {
    party,
    decisionNo: d.decisionNo,
    violationType: opts.violationName,
    facts: redactText(opts.publicFacts ?? d.facts, names),
    basis: d.basis,
    penaltyKinds: d.kinds.map((k) => PENALTY_KIND_NAMES[k].zh),
    penaltyContent: penaltyContentText(d),
    fineAmountWan: Math.round(d.fineAmount) / 10_000,
    confiscationAmountWan: Math.round(d.confiscationAmount) / 10_000,
    licence:
      d.kinds.includes('revocation') || d.kinds.includes('licence_suspension') ? '医疗机构执业许可证' : null,
    decidedOn: d.decidedOn,
    displayUntil: plan.maxUntil,
    authority: c.unit_name,
    dataSource: c.unit_name,
  };
  const masking = [
    ...rules,
    ...TEXT_MASKING_RULES,
    { field: 'partyAddress', ruleZh: '当事人地址、联系方式不公示', ruleEn: 'Address and contacts not shown' },
  ];
  const row = await queryOne<{ id: number }>(
    tx,
    sql`INSERT INTO penalty_publication (case_id, decision_version, severity, status, withheld_reason, decided_on, publish_by, min_until,
          max_until, content, masking, region_code, department_code, created_at, updated_at)
        VALUES (${c.id}, ${opts.decisionVersion}, ${d.severity}, ${plan.publish ? 'pending' : 'withheld'}, ${plan.withheld}, ${d.decidedOn},
          ${plan.publishBy}, ${plan.minUntil}, ${plan.maxUntil}, ${JSON.stringify(content)}::jsonb, ${JSON.stringify(masking)}::jsonb,
          ${c.region_code}, ${c.department_code}, ${opts.at.toISOString()}, ${opts.at.toISOString()})
        RETURNING id`,
  );
  return { id: Number(row!.id), status: plan.publish ? 'pending' : 'withheld' };
}

/** §48: the case's live publications are withdrawn (at once, so within the 3 working days) with the reason. */
export async function withdrawPublications(
  tx: Executor,
  opts: { caseId: number; reason: string; today: string; calendar: Calendar; at: Date },
): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`UPDATE penalty_publication SET status = 'withdrawn', withdraw_by = ${withdrawalDue(opts.calendar, opts.today)},
          withdrawn_on = ${opts.today}, withdrawal_reason = ${opts.reason}, updated_at = ${opts.at.toISOString()}
        WHERE case_id = ${opts.caseId} AND status IN ('pending', 'published') RETURNING id`,
  );
  return rows.map((r) => Number(r.id));
}

interface PublicationRow {
  id: number;
  case_id: number;
  decision_version: number;
  severity: 'minor' | 'general' | 'serious';
  status: 'pending' | 'published' | 'withheld' | 'withdrawn';
  withheld_reason: string | null;
  decided_on: string;
  publish_by: string | null;
  published_on: string | null;
  min_until: string | null;
  max_until: string | null;
  withdraw_by: string | null;
  withdrawn_on: string | null;
  withdrawal_reason: string | null;
  repair_status: 'none' | 'applied' | 'repaired';
  content: PublicationContent | string;
  masking: unknown;
  updated_at: Date | string;
}

export function presentPublication(r: PublicationRow, today: string) {
  const visible = publicationVisible(
    { publishedOn: r.published_on, maxUntil: r.max_until, withdrawnOn: r.withdrawn_on },
    today,
  );
  const expired = r.status === 'published' && r.max_until !== null && today >= r.max_until;
  return {
    id: Number(r.id),
    caseId: Number(r.case_id),
    decisionVersion: r.decision_version,
    severity: r.severity,
    status: r.status,
    effectiveStatus: expired ? ('expired' as const) : r.status,
    visible,
    withheldReason: r.withheld_reason,
    decidedOn: r.decided_on,
    publishBy: r.publish_by,
    publishedOn: r.published_on,
    publishedOnTime: r.published_on && r.publish_by ? r.published_on <= r.publish_by : null,
    minUntil: r.min_until,
    maxUntil: r.max_until,
    withdrawBy: r.withdraw_by,
    withdrawnOn: r.withdrawn_on,
    withdrawalReason: r.withdrawal_reason,
    repairStatus: r.repair_status,
    content: (typeof r.content === 'string' ? JSON.parse(r.content) : r.content) as PublicationContent,
    masking: (typeof r.masking === 'string' ? JSON.parse(r.masking) : r.masking) as {
      field: string;
      ruleZh: string;
      ruleEn: string;
    }[],
    updatedAt: iso(r.updated_at),
  };
}

export async function publicationsOfCase(db: Executor, caseId: number, today: string) {
  const rows = await queryRows<PublicationRow>(
    db,
    sql`SELECT * FROM penalty_publication WHERE case_id = ${caseId} ORDER BY decision_version`,
  );
  return rows.map((r) => presentPublication(r, today));
}

export async function searchPublications(
  db: Executor,
  actor: Actor,
  q: { status?: string | undefined; page: number; pageSize: number },
  today: string,
) {
  const where: SQL[] = [unitOwned(actor, 'p')];
  if (q.status) where.push(sql`p.status = ${q.status}`);
  const w = sql.join(where, sql` AND `);
  const rows = await queryRows<PublicationRow>(
    db,
    sql`SELECT p.* FROM penalty_publication p WHERE ${w} ORDER BY p.publish_by ASC NULLS LAST, p.id DESC
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM penalty_publication p WHERE ${w}`,
  );
  return {
    items: rows.map((r) => presentPublication(r, today)),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The public list: what is on display today, nothing else. */
export async function publicPenalties(
  db: Executor,
  q: { region?: string | undefined; q?: string | undefined; page: number; pageSize: number },
  today: string,
) {
  const where: SQL[] = [
    sql`p.status = 'published'`,
    sql`p.published_on <= ${today}`,
    sql`p.withdrawn_on IS NULL`,
    sql`(p.max_until IS NULL OR p.max_until > ${today})`,
  ];
  if (q.region) where.push(sql`p.region_code LIKE ${`${q.region.replace(/0+$/, '')}%`}`);
  if (q.q)
    where.push(sql`p.content->'party'->>'name' LIKE ${`%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}`);
  const w = sql.join(where, sql` AND `);
  const rows = await queryRows<PublicationRow & { party_kind: string; party_name: string }>(
    db,
    sql`SELECT p.*, c.party_kind, c.party_name FROM penalty_publication p JOIN enforcement_case c ON c.id = p.case_id
        WHERE ${w} ORDER BY p.decided_on DESC, p.id DESC
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM penalty_publication p WHERE ${w}`,
  );
  return {
    items: rows.flatMap((r) => {
      const p = presentPublication(r, today);
      // The portal's one gate (@weijian/domain disclosure): period, withdrawal and masking again,
      // so that a slip upstream cannot publish a person's name, ID number or phone.
      const gate = disclose(
        'penalties',
        {
          partyKind: r.party_kind,
          partyName: p.content.party.name,
          legalRepresentative: p.content.party.legalRepresentative,
          facts: p.content.facts,
          status: r.status,
          publishedOn: p.publishedOn,
          displayUntil: p.maxUntil,
          withdrawnOn: p.withdrawnOn,
        },
        today,
        { personNames: r.party_kind === 'person' ? [r.party_name] : [] },
      );
      if (!gate) return [];
      const party = {
        ...p.content.party,
        name: String(gate.partyName),
        legalRepresentative: gate.legalRepresentative === null ? null : String(gate.legalRepresentative),
      };
      return {
        ...p.content,
        party,
        facts: String(gate.facts),
        id: p.id,
        severity: p.severity,
        publishedOn: p.publishedOn!,
        displayUntil: p.maxUntil,
      };
    }),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

async function loadPublication(tx: Executor, actor: Actor, id: number): Promise<PublicationRow> {
  const r = await queryOne<PublicationRow>(
    tx,
    sql`SELECT p.* FROM penalty_publication p WHERE p.id = ${id} AND ${unitOwned(actor, 'p')} FOR UPDATE OF p`,
  );
  if (!r) throw notFound(PUBLICATION, id);
  return r;
}

/** Publishes a pending record (双公示): the staff member has checked the masked content. */
export async function publishPublication(opts: { ctx: AppContext; actor: Actor; id: number }) {
  await opts.ctx.database.db.transaction((tx) => publishPublicationIn(tx, opts.ctx, opts.actor, opts.id));
}

export async function publishPublicationIn(tx: Executor, ctx: AppContext, actor: Actor, id: number) {
  const at = ctx.now();
  const today = legalToday(ctx);
  {
    const p = await loadPublication(tx, actor, id);
    if (p.status !== 'pending') {
      throw new DomainError(
        'invalid_transition',
        '只有待公示的记录可以公示',
        'Only a pending record can be published',
        {
          state: p.status,
          allowedActions: [],
        },
      );
    }
    await tx.execute(sql`UPDATE penalty_publication SET status = 'published', published_on = ${today}, published_by = ${actor.userId},
      updated_at = ${at.toISOString()} WHERE id = ${id}`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'enforcement.publication.publish',
        entityType: 'penalty_publication',
        entityId: id,
        diff: {
          status: ['pending', 'published'],
          publishedOn: [null, today],
          onTime: [null, p.publish_by ? today <= p.publish_by : null],
        },
      },
      at,
    );
  }
}

/** Credit repair (信用修复): applied, then granted after the shortest period — display then stops. */
export async function recordRepair(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  status: 'applied' | 'repaired';
  note: string;
}) {
  const { ctx, actor, id, status } = opts;
  const at = ctx.now();
  const today = legalToday(ctx);
  await ctx.database.db.transaction(async (tx) => {
    const p = await loadPublication(tx, actor, id);
    if (p.status !== 'published') {
      throw new DomainError(
        'invalid_transition',
        '只有公示中的记录可以信用修复',
        'Only a published record can be repaired',
        { state: p.status },
      );
    }
    if (status === 'repaired' && p.min_until && today < p.min_until) {
      throw new DomainError(
        'repair_too_early',
        `最短公示期至 ${p.min_until}，届满后方可修复`,
        `The shortest display period runs until ${p.min_until}; repair after it`,
        { minUntil: p.min_until },
      );
    }
    await tx.execute(sql`UPDATE penalty_publication SET repair_status = ${status},
      ${status === 'repaired' ? sql`status = 'withdrawn', withdrawn_on = ${today}, withdrawal_reason = ${`信用修复：${opts.note}`},` : sql``}
      updated_at = ${at.toISOString()} WHERE id = ${id}`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'enforcement.publication.repair',
        entityType: 'penalty_publication',
        entityId: id,
        diff: { repairStatus: [p.repair_status, status] },
      },
      at,
    );
  });
}
