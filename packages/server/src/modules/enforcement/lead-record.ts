import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { LEAD, notFound, unitOwned } from './access.js';

export interface LeadRow {
  id: number;
  number: string;
  source: 'complaint' | 'inspection' | 'alert' | 'referral' | 'manual';
  source_ref: string;
  complaint_id: number | null;
  establishment_id: number | null;
  practitioner_id: number | null;
  region_code: string;
  department_code: string;
  unit_id: number;
  unit_name: string;
  summary: string;
  details: Record<string, unknown>;
  state: 'open' | 'no_action' | 'rectification' | 'case';
  received_on: string;
  triaged_on: string | null;
  triage_reason: string | null;
  rectification_due: string | null;
  case_id: number | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

export async function loadLead(db: Executor, actor: Actor, id: number, forUpdate = false): Promise<LeadRow> {
  const r = await queryOne<LeadRow>(
    db,
    sql`SELECT l.*, un.name AS unit_name FROM enforcement_lead l JOIN unit un ON un.id = l.unit_id
        WHERE l.id = ${id} AND ${unitOwned(actor, 'l')} ${forUpdate ? sql`FOR UPDATE OF l` : sql``}`,
  );
  if (!r) throw notFound(LEAD, id);
  return {
    ...r,
    id: Number(r.id),
    unit_id: Number(r.unit_id),
    establishment_id: r.establishment_id === null ? null : Number(r.establishment_id),
    practitioner_id: r.practitioner_id === null ? null : Number(r.practitioner_id),
    complaint_id: r.complaint_id === null ? null : Number(r.complaint_id),
    case_id: r.case_id === null ? null : Number(r.case_id),
    details: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown>,
  };
}
