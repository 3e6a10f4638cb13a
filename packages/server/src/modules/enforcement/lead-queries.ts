import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { likeEscape } from '../registry/establishment-record.js';
import { enforcementRoles, iso, unitOwned } from './access.js';
import { type LeadRow, loadLead } from './lead-record.js';

export function presentLead(l: LeadRow) {
  return {
    id: l.id,
    number: l.number,
    source: l.source,
    sourceRef: l.source_ref,
    complaintId: l.complaint_id,
    establishmentId: l.establishment_id,
    practitionerId: l.practitioner_id,
    regionCode: l.region_code,
    departmentCode: l.department_code,
    unit: { id: l.unit_id, name: l.unit_name },
    summary: l.summary,
    details: l.details,
    state: l.state,
    receivedOn: l.received_on,
    triagedOn: l.triaged_on,
    triageReason: l.triage_reason,
    rectificationDue: l.rectification_due,
    caseId: l.case_id,
    version: l.version,
    updatedAt: iso(l.updated_at),
  };
}

export async function searchLeads(
  db: Executor,
  actor: Actor,
  q: {
    state?: string | undefined;
    source?: string | undefined;
    q?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  const where: SQL[] = [unitOwned(actor, 'l')];
  if (q.state) where.push(sql`l.state = ANY(${sql.param(q.state.split(','))}::text[])`);
  if (q.source) where.push(sql`l.source = ${q.source}`);
  if (q.q)
    where.push(sql`(l.number LIKE ${`%${likeEscape(q.q)}%`} OR l.summary LIKE ${`%${likeEscape(q.q)}%`})`);
  const w = sql.join(where, sql` AND `);
  const rows = await queryRows<LeadRow>(
    db,
    sql`SELECT l.*, un.name AS unit_name FROM enforcement_lead l JOIN unit un ON un.id = l.unit_id WHERE ${w}
        ORDER BY (l.state = 'open') DESC, l.received_on, l.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM enforcement_lead l WHERE ${w}`,
  );
  return {
    items: rows.map((r) =>
      presentLead({
        ...r,
        id: Number(r.id),
        unit_id: Number(r.unit_id),
        establishment_id: r.establishment_id === null ? null : Number(r.establishment_id),
        practitioner_id: r.practitioner_id === null ? null : Number(r.practitioner_id),
        complaint_id: r.complaint_id === null ? null : Number(r.complaint_id),
        case_id: r.case_id === null ? null : Number(r.case_id),
        details: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<
          string,
          unknown
        >,
      }),
    ),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function leadDetail(db: Executor, actor: Actor, id: number) {
  const l = await loadLead(db, actor, id);
  const triage = l.state === 'open' && enforcementRoles(actor).includes('investigator');
  return {
    ...presentLead(l),
    availableActions: triage
      ? [
          { action: 'dismiss', labelZh: '不予处理（说明理由）', labelEn: 'No action (with reasons)' },
          { action: 'order_rectification', labelZh: '责令限期整改', labelEn: 'Order rectification' },
          { action: 'open_case', labelZh: '提请立案', labelEn: 'Propose a case' },
        ]
      : [],
  };
}
