import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';
import { nextRegisterNumber } from './sequences.js';

/**
 * Leads (线索) arrive from complaints, inspection findings, alerts, referrals, or an officer. One
 * source gives one lead per department: a repeated event or request finds the lead already there.
 */
export interface NewLead {
  source: 'complaint' | 'inspection' | 'alert' | 'referral' | 'manual';
  sourceRef: string;
  complaintId?: number | null;
  establishmentId: number | null;
  practitionerId?: number | null;
  regionCode: string;
  departmentCode: string;
  unitId: number;
  summary: string;
  details?: Record<string, unknown>;
  receivedOn: string;
  at: Date;
  createdBy: number | null;
}

/** Inserts the lead (or finds the one of the same source and department); returns its id and whether it is new. */
export async function insertLead(tx: Executor, lead: NewLead): Promise<{ id: number; created: boolean }> {
  const existing = await queryOne<{ id: number }>(
    tx,
    sql`SELECT id FROM enforcement_lead WHERE source = ${lead.source} AND source_ref = ${lead.sourceRef}
          AND department_code = ${lead.departmentCode}`,
  );
  if (existing) return { id: Number(existing.id), created: false };
  const number = await nextRegisterNumber(tx, 'lead', lead.regionCode, lead.receivedOn);
  const row = await queryOne<{ id: number }>(
    tx,
    sql`INSERT INTO enforcement_lead (number, source, source_ref, complaint_id, establishment_id, practitioner_id, region_code,
          department_code, unit_id, summary, details, state, received_on, created_at, created_by, updated_at)
        VALUES (${number}, ${lead.source}, ${lead.sourceRef}, ${lead.complaintId ?? null}, ${lead.establishmentId},
          ${lead.practitionerId ?? null}, ${lead.regionCode}, ${lead.departmentCode}, ${lead.unitId}, ${lead.summary},
          ${JSON.stringify(lead.details ?? {})}::jsonb, 'open', ${lead.receivedOn}, ${lead.at.toISOString()}, ${lead.createdBy},
          ${lead.at.toISOString()})
        RETURNING id`,
  );
  return { id: Number(row!.id), created: true };
}
