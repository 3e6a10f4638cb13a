import { type ComplaintState, DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { COMPLAINT, notFound, unitOwned } from './access.js';

export interface ComplaintRow {
  id: number;
  number: string;
  channel: 'portal' | 'hotline' | 'transfer' | 'visit' | 'letter';
  category: string;
  category_source: 'reporter' | 'keywords' | 'staff';
  category_keywords: string[];
  department_code: string;
  unit_id: number;
  unit_name: string;
  region_code: string;
  establishment_id: number | null;
  establishment_text: string;
  practitioner_text: string;
  location_text: string;
  description: string;
  needs_triage: boolean;
  transferred_from: string | null;
  state: ComplaintState;
  received_on: string;
  accept_due: string;
  accepted_on: string | null;
  handle_due: string | null;
  concluded_on: string | null;
  reply_due: string | null;
  replied_on: string | null;
  substantiated: boolean | null;
  conclusion: string | null;
  lead_id: number | null;
  handler_user_id: number | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
  reporters: number;
}

export const COMPLAINT_COLUMNS = sql.raw(`c.*, un.name AS unit_name,
  (SELECT count(*)::int FROM complaint_reporter r WHERE r.complaint_id = c.id) AS reporters`);

export async function loadComplaint(
  db: Executor,
  actor: Actor,
  id: number,
  forUpdate = false,
): Promise<ComplaintRow> {
  const row = await queryOne<ComplaintRow>(
    db,
    sql`SELECT ${COMPLAINT_COLUMNS} FROM complaint c JOIN unit un ON un.id = c.unit_id
        WHERE c.id = ${id} AND ${unitOwned(actor, 'c')} ${forUpdate ? sql`FOR UPDATE OF c` : sql``}`,
  );
  if (!row) throw notFound(COMPLAINT, id);
  return { ...row, id: Number(row.id), unit_id: Number(row.unit_id) };
}

export async function addComplaintNote(
  tx: Executor,
  note: {
    complaintId: number;
    visibility: 'public' | 'internal';
    action: string;
    fromState?: string | null;
    toState?: string | null;
    text: string;
    onDate: string;
    at: Date;
    actor: Actor | null;
  },
): Promise<void> {
  await tx.execute(sql`INSERT INTO complaint_note (complaint_id, visibility, from_state, to_state, action, text, on_date, at,
      actor_user_id, actor_name)
    VALUES (${note.complaintId}, ${note.visibility}, ${note.fromState ?? null}, ${note.toState ?? null}, ${note.action}, ${note.text},
      ${note.onDate}, ${note.at.toISOString()}, ${note.actor?.userId ?? null}, ${note.actor?.username ?? null})`);
}

export const textRequired = (path: string, zh: string, en: string) =>
  new DomainError('validation_failed', zh, en, {
    errors: [{ path, code: 'required', messageZh: zh, messageEn: en }],
  });
