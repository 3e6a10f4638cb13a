import type { LicenseState } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';
import { emitEvent } from '../../events/events.js';
import type { Actor } from '../identity/actor.js';
import { LICENSE, notFound, recordInScope } from './access.js';

export interface LicenseRow {
  id: number;
  number: string;
  permit_code: string;
  permit_version: number;
  license_name_zh: string;
  establishment_id: number;
  establishment_name: string;
  establishment_region: string;
  application_id: number | null;
  unit_id: number;
  unit_name: string;
  unit_region_code: string;
  department_code: string;
  status: LicenseState;
  issued_on: string;
  valid_from: string;
  valid_to: string | null;
  scope_text: string | null;
  conditions: string[];
  note: string | null;
  status_changed_on: string | null;
  status_reason: string | null;
  status_decision_no: string | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

export const LICENSE_COLUMNS =
  sql.raw(`l.id, l.number, l.permit_code, l.permit_version, l.license_name_zh, l.establishment_id,
  l.establishment_name, l.establishment_region, l.application_id, l.unit_id, l.unit_name, l.unit_region_code, l.department_code,
  l.status, l.issued_on::text AS issued_on, l.valid_from::text AS valid_from, l.valid_to::text AS valid_to, l.scope_text,
  l.conditions, l.note, l.status_changed_on::text AS status_changed_on, l.status_reason, l.status_decision_no, l.version,
  l.created_at, l.updated_at`);

export async function loadLicense(
  db: Executor,
  actor: Actor,
  id: number,
  opts: { forUpdate?: boolean } = {},
): Promise<LicenseRow> {
  const row = await queryOne<LicenseRow>(
    db,
    sql`SELECT ${LICENSE_COLUMNS} FROM licensing_license l WHERE l.id = ${id} AND ${recordInScope(actor, 'l')}
        ${opts.forUpdate ? sql`FOR UPDATE OF l` : sql``}`,
  );
  if (!row) throw notFound(LICENSE, id);
  return row;
}

/** The licence by id, for use cases that already hold it through an application or task. */
export async function licenseById(db: Executor, id: number, forUpdate = false): Promise<LicenseRow> {
  const row = await queryOne<LicenseRow>(
    db,
    sql`SELECT ${LICENSE_COLUMNS} FROM licensing_license l WHERE l.id = ${id} ${forUpdate ? sql`FOR UPDATE OF l` : sql``}`,
  );
  if (!row) throw notFound(LICENSE, id);
  return row;
}

/** 'expired' when a valid licence's term has ended (status stays as decided). */
export function effectiveStatus(
  l: Pick<LicenseRow, 'status' | 'valid_to'>,
  today: string,
): LicenseState | 'expired' {
  return l.status === 'valid' && l.valid_to !== null && l.valid_to < today ? 'expired' : l.status;
}

export type LicenseEventType =
  | 'licensing.license.issued'
  | 'licensing.license.changed'
  | 'licensing.license.status-changed';

/** Tells the other modules (the registry's licences held, disclosure) what happened to a licence. */
export async function emitLicenseEvent(
  tx: Executor,
  type: LicenseEventType,
  l: LicenseRow,
  at: Date,
  extra = {},
) {
  await emitEvent(
    tx,
    {
      type,
      aggregateType: 'license',
      aggregateId: l.id,
      payload: {
        licenseId: l.id,
        establishmentId: l.establishment_id,
        permitCode: l.permit_code,
        licenseNameZh: l.license_name_zh,
        number: l.number,
        issuerName: l.unit_name,
        validFrom: l.valid_from,
        validTo: l.valid_to,
        status: l.status,
        ...extra,
      },
    },
    at,
  );
}

export async function recordLicenseEvent(
  tx: Executor,
  e: {
    licenseId: number;
    action: string;
    onDate: string;
    at: Date;
    actor: Actor | null;
    diff?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.execute(sql`INSERT INTO licensing_license_event (license_id, action, on_date, at, actor_user_id, actor_name, diff)
    VALUES (${e.licenseId}, ${e.action}, ${e.onDate}, ${e.at.toISOString()}, ${e.actor?.userId ?? null},
      ${e.actor?.username ?? 'system'}, ${JSON.stringify(e.diff ?? {})}::jsonb)`);
}
