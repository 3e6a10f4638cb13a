import {
  type CreditSubjectType,
  type DefenceStatus,
  PROPOSAL_CITATIONS,
  type ProposalAction,
  type ProposalFacts,
  type ProposalStatus,
  proposalActions,
} from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { loadCreditPolicy } from './policy.js';
import type { proposalListQuerySchema, proposalSchema } from './proposal-schemas.js';
import { chinaDay, creditInScope, dateText, iso } from './scope.js';

export interface ProposalRow {
  id: number;
  action: ProposalAction;
  subject_type: CreditSubjectType;
  subject_id: number;
  establishment_id: number;
  region_code: string;
  name: string;
  rule_code: string | null;
  blacklist_id: number | null;
  reason: string;
  source_module: string | null;
  source_type: string | null;
  source_id: string | null;
  notice_zh: string | null;
  notice_en: string | null;
  noticed_on: string | Date | null;
  defence_due_on: string | Date | null;
  defence_status: DefenceStatus;
  defence_statement: string | null;
  defence_at: string | Date | null;
  defence_by_name: string | null;
  status: ProposalStatus;
  proposed_at: string | Date;
  proposed_by: number | string;
  proposed_by_name: string;
  decided_at: string | Date | null;
  decided_by_name: string | null;
  decision_reason: string | null;
}

const COLUMNS = sql.raw(
  `p.id, p.action, p.subject_type, p.subject_id, p.establishment_id, p.region_code, p.name, p.rule_code, p.blacklist_id, p.reason,
   p.source_module, p.source_type, p.source_id, p.notice_zh, p.notice_en, p.noticed_on::text AS noticed_on,
   p.defence_due_on::text AS defence_due_on, p.defence_status, p.defence_statement, p.defence_at, p.defence_by_name, p.status, p.proposed_at,
   p.proposed_by, p.proposed_by_name, p.decided_at, p.decided_by_name, p.decision_reason`,
);

export function factsOf(r: ProposalRow): ProposalFacts {
  return {
    action: r.action,
    status: r.status,
    proposedBy: Number(r.proposed_by),
    defenceStatus: r.defence_status,
    defenceDueOn: dateText(r.defence_due_on),
  };
}

/** Actions this actor may take: the institution only defends; staff decide others' proposals only. */
function actionsFor(actor: Actor, r: ProposalRow, today: string) {
  return proposalActions(factsOf(r), today).filter((a) => {
    if (a === 'defend') return actor.permissions.has('credit.blacklist.defend');
    if (actor.kind !== 'staff' || !actor.permissions.has('credit.blacklist.approve')) return false;
    return Number(r.proposed_by) !== actor.userId;
  });
}

async function present(
  db: Executor,
  actor: Actor,
  rows: ProposalRow[],
  today: string,
): Promise<z.infer<typeof proposalSchema>[]> {
  const { policy } = await loadCreditPolicy(db);
  const staff = actor.kind === 'staff';
  return rows.map((r) => {
    const rule = r.rule_code ? policy.blacklist.rules.find((x) => x.code === r.rule_code) : undefined;
    return {
      id: Number(r.id),
      action: r.action,
      subjectType: r.subject_type,
      subjectId: Number(r.subject_id),
      establishmentId: Number(r.establishment_id),
      name: r.name,
      ruleCode: r.rule_code,
      ruleName: rule ? { zh: rule.nameZh, en: rule.nameEn } : null,
      basis: rule ? rule.citation : null,
      blacklistId: r.blacklist_id === null ? null : Number(r.blacklist_id),
      reason: r.reason,
      source:
        r.source_id === null
          ? null
          : { module: r.source_module ?? '', type: r.source_type ?? '', id: r.source_id },
      notice: r.notice_zh === null ? null : { zh: r.notice_zh, en: r.notice_en ?? '' },
      noticedOn: dateText(r.noticed_on),
      defenceDueOn: dateText(r.defence_due_on),
      defenceStatus: r.defence_status,
      defenceStatement: r.defence_statement,
      defenceAt: iso(r.defence_at),
      defenceBy: staff ? r.defence_by_name : null,
      status: r.status,
      proposedAt: iso(r.proposed_at)!,
      proposedBy: staff ? r.proposed_by_name : null,
      decidedAt: iso(r.decided_at),
      decidedBy: staff ? r.decided_by_name : null,
      decisionReason: r.decision_reason,
      allowedActions: actionsFor(actor, r, today),
      citation: r.action === 'enter' ? PROPOSAL_CITATIONS.notice : PROPOSAL_CITATIONS.fourEyes,
    };
  });
}

/** Proposals in scope (institution users: the notices about their own establishment), newest first. */
export async function searchProposals(
  db: Executor,
  actor: Actor,
  q: z.infer<typeof proposalListQuerySchema>,
  at: Date,
) {
  const where: SQL[] = [creditInScope(actor, 'p')];
  if (q.status) where.push(sql`p.status = ${q.status}`);
  const w = sql.join(where, sql` AND `);
  const rows = await queryRows<ProposalRow>(
    db,
    sql`SELECT ${COLUMNS} FROM credit_blacklist_proposal p WHERE ${w} ORDER BY p.id DESC
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM credit_blacklist_proposal p WHERE ${w}`,
  );
  return {
    items: await present(db, actor, rows, chinaDay(at)),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** One proposal in scope ("not found" otherwise), optionally locked for a state change. */
export async function proposalRow(db: Executor, actor: Actor, id: number, forUpdate = false) {
  return queryOne<ProposalRow>(
    db,
    sql`SELECT ${COLUMNS} FROM credit_blacklist_proposal p WHERE p.id = ${id} AND ${creditInScope(actor, 'p')}
        ${forUpdate ? sql`FOR UPDATE OF p` : sql``}`,
  );
}

export async function presentProposal(db: Executor, actor: Actor, id: number, at: Date) {
  const row = await proposalRow(db, actor, id);
  return (await present(db, actor, row ? [row] : [], chinaDay(at)))[0];
}
