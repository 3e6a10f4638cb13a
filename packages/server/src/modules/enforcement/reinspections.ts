import { DomainError } from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { enforcementRoles, legalToday, notFound, REINSPECTION, unitOwned } from './access.js';
import { insertLead } from './leads.js';

/**
 * 处罚后复查: created when a penalty case closes (with its due date); done with an outcome. A
 * re-inspection that finds the violation continuing raises a new lead.
 */
interface Row {
  id: number;
  case_id: number;
  case_number: string;
  establishment_id: number | null;
  region_code: string;
  department_code: string;
  unit_id: number;
  due_on: string;
  state: 'open' | 'done';
  done_on: string | null;
  outcome: 'compliant' | 'non_compliant' | null;
  note: string | null;
}

const present = (r: Row, today: string) => ({
  id: Number(r.id),
  caseId: Number(r.case_id),
  caseNumber: r.case_number,
  establishmentId: r.establishment_id === null ? null : Number(r.establishment_id),
  regionCode: r.region_code,
  dueOn: r.due_on,
  overdue: r.state === 'open' && today > r.due_on,
  state: r.state,
  doneOn: r.done_on,
  outcome: r.outcome,
  note: r.note,
});

const FROM = sql.raw('enforcement_reinspection r JOIN enforcement_case k ON k.id = r.case_id');

export async function searchReinspections(
  db: Executor,
  actor: Actor,
  q: { state?: string | undefined; page: number; pageSize: number },
  today: string,
) {
  const where: SQL[] = [unitOwned(actor, 'r')];
  if (q.state) where.push(sql`r.state = ${q.state}`);
  const w = sql.join(where, sql` AND `);
  const rows = await queryRows<Row>(
    db,
    sql`SELECT r.*, k.number AS case_number FROM ${FROM} WHERE ${w} ORDER BY r.due_on, r.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM enforcement_reinspection r WHERE ${w}`,
  );
  return {
    items: rows.map((r) => present(r, today)),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function completeReinspection(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: { outcome: 'compliant' | 'non_compliant'; note: string };
}) {
  const { ctx, actor, id, input } = opts;
  const at = ctx.now();
  const today = legalToday(ctx);
  return ctx.database.db.transaction(async (tx) => {
    const r = await queryOne<Row>(
      tx,
      sql`SELECT r.*, k.number AS case_number FROM ${FROM} WHERE r.id = ${id} AND ${unitOwned(actor, 'r')} FOR UPDATE OF r`,
    );
    if (!r) throw notFound(REINSPECTION, id);
    if (!enforcementRoles(actor).includes('investigator'))
      throw new DomainError('forbidden', '只有执法人员可以复查', 'Only officers re-inspect');
    if (r.state !== 'open')
      throw new DomainError('invalid_transition', '复查已完成', 'Already done', {
        state: r.state,
        allowedActions: [],
      });
    await tx.execute(sql`UPDATE enforcement_reinspection SET state = 'done', done_on = ${today}, outcome = ${input.outcome}, note = ${input.note},
      updated_at = ${at.toISOString()} WHERE id = ${id}`);
    let leadId: number | null = null;
    if (input.outcome === 'non_compliant') {
      leadId = (
        await insertLead(tx, {
          source: 'manual',
          sourceRef: `reinspection:${id}`,
          establishmentId: r.establishment_id === null ? null : Number(r.establishment_id),
          regionCode: r.region_code,
          departmentCode: r.department_code,
          unitId: Number(r.unit_id),
          summary: `处罚后复查（案件 ${r.case_number}）发现违法行为仍在继续：${input.note}`,
          receivedOn: today,
          at,
          createdBy: actor.userId,
        })
      ).id;
    }
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'enforcement.reinspection.complete',
        entityType: 'enforcement_reinspection',
        entityId: id,
        diff: { state: ['open', 'done'], outcome: [null, input.outcome], leadId: [null, leadId] },
      },
      at,
    );
    return {
      ...present({ ...r, state: 'done', done_on: today, outcome: input.outcome, note: input.note }, today),
      leadId,
    };
  });
}
