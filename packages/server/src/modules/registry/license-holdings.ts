import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database.js';
import { subscribe } from '../../events/events.js';

/**
 * Licences held (on the establishment record). The registry owns this view; the licensing module
 * never writes it but tells what happened through `licensing.license.*` events, which this
 * subscriber applies, exactly once each, in the order they happened (an older event never
 * overwrites a newer one).
 */
export interface LicenseHeld {
  licenseId: number;
  permitCode: string;
  licenseNameZh: string;
  number: string;
  issuerName: string;
  validFrom: string;
  validTo: string | null;
  status: 'valid' | 'deregistered' | 'withdrawn' | 'revoked';
}

interface LicensePayload {
  licenseId: number;
  establishmentId: number;
  permitCode: string;
  licenseNameZh: string;
  number: string;
  issuerName: string;
  validFrom: string;
  validTo: string | null;
  status: LicenseHeld['status'];
}

subscribe({
  subscriber: 'registry.license-holdings',
  eventTypes: ['licensing.license.issued', 'licensing.license.changed', 'licensing.license.status-changed'],
  async handle(tx, event, ctx) {
    const p = event.payload as unknown as LicensePayload;
    await tx.execute(sql`
      INSERT INTO establishment_license (license_id, establishment_id, permit_code, license_name_zh, number, issuer_name,
        valid_from, valid_to, status, updated_at, last_event_id)
      VALUES (${p.licenseId}, ${p.establishmentId}, ${p.permitCode}, ${p.licenseNameZh}, ${p.number}, ${p.issuerName},
        ${p.validFrom}, ${p.validTo}, ${p.status}, ${ctx.now().toISOString()}, ${event.id})
      ON CONFLICT (license_id) DO UPDATE SET
        permit_code = EXCLUDED.permit_code, license_name_zh = EXCLUDED.license_name_zh, number = EXCLUDED.number,
        issuer_name = EXCLUDED.issuer_name, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
        status = EXCLUDED.status, updated_at = EXCLUDED.updated_at, last_event_id = EXCLUDED.last_event_id
      WHERE establishment_license.last_event_id < EXCLUDED.last_event_id`);
  },
});

/** The licences an establishment holds or held, newest first (callers check the establishment's scope). */
export async function licensesHeldBy(db: Executor, establishmentId: number): Promise<LicenseHeld[]> {
  return queryRows<LicenseHeld>(
    db,
    sql`SELECT license_id AS "licenseId", permit_code AS "permitCode", license_name_zh AS "licenseNameZh", number,
          issuer_name AS "issuerName", valid_from::text AS "validFrom", valid_to::text AS "validTo", status
        FROM establishment_license WHERE establishment_id = ${establishmentId}
        ORDER BY valid_from DESC, license_id DESC`,
  );
}

/** Valid licences of the given permit types held on `asOf` (the data lookup that replaces paper copies). */
export async function validLicensesOf(
  db: Executor,
  establishmentId: number,
  permitCodes: readonly string[],
  asOf: string,
): Promise<LicenseHeld[]> {
  const held = await licensesHeldBy(db, establishmentId);
  return held.filter(
    (l) =>
      permitCodes.includes(l.permitCode) &&
      l.status === 'valid' &&
      l.validFrom <= asOf &&
      (l.validTo === null || l.validTo >= asOf),
  );
}
