import {
  DomainError,
  disclose,
  discloseAll,
  isPublicCode,
  type PublicRecord,
  type PublicSupervisionMode,
  publicSupervisionMode,
} from '@weijian/domain';
import type { Database } from '../../db/database.js';
import { pageBundle } from './page-bundle.js';

export interface EstablishmentPage {
  establishment: PublicRecord;
  licences: PublicRecord[];
  revokedLicences: PublicRecord[];
  commitments: PublicRecord[];
  inspections: PublicRecord[];
  penalties: PublicRecord[];
  credit: PublicRecord | null;
  blacklist: PublicRecord[];
  supervisionMode: PublicSupervisionMode | null;
  asOf: string;
  lastUpdated: string | null;
}

/** The input is not echoed back: whatever was typed or scanned stays out of the answer. */
export function establishmentNotFound(): DomainError {
  return new DomainError(
    'not_found',
    '未找到该机构码对应的机构，请核对机构码或按名称查询',
    'No establishment has this code; check the code or search by name',
  );
}

/**
 * What one scan of the establishment code (一码) shows a patient: licences and their validity and
 * revalidation, commitments, published inspection results, penalties within their period, credit
 * grade, demerit points, blacklist listings and the supervision mode where policy makes it public
 * (domain disclosure/supervision-mode.ts) — every part through the disclosure gate for `today`.
 */
export async function establishmentPage(
  db: Pick<Database, 'db' | 'pool' | 'pglite'>,
  rawCode: string,
  today: string,
): Promise<EstablishmentPage> {
  const code = rawCode.trim().toUpperCase();
  const bundle = isPublicCode(code) ? await pageBundle(db, code) : undefined;
  if (!bundle) throw establishmentNotFound();
  const { establishment: e, licences, commitments, inspections, penalties, credit, blacklist } = bundle;
  const shownPenalties: PublicRecord[] = [];
  for (const p of penalties) {
    const d = disclose('penalties', p.record, today, { personNames: p.personNames });
    if (d) shownPenalties.push(d);
  }
  const shownInspections = discloseAll('inspection_results', inspections, today);
  const mode = credit
    ? disclose('supervision_modes', { ...credit, mode: credit.supervisionMode as string | null }, today)
    : null;
  // Last updated: the newest change among what is shown (dates of publications count as their day).
  const stamps = [
    e.updatedAt,
    ...licences.map((l) => l.updatedAt),
    ...shownInspections.map((i) => i.publishedOn),
    ...shownPenalties.map((p) => p.publishedOn),
  ]
    .filter((v): v is string | Date => !!v)
    .map((v) => (typeof v === 'string' && v.length === 10 ? v : new Date(v).toISOString()));
  return {
    establishment: disclose('establishments', e, today)!,
    licences: discloseAll('licences', licences, today),
    revokedLicences: discloseAll('revoked_licences', licences, today),
    commitments: discloseAll('commitments', commitments, today),
    inspections: shownInspections,
    penalties: shownPenalties,
    credit: credit ? disclose('credit', credit, today) : null,
    blacklist: discloseAll('blacklist', blacklist, today),
    supervisionMode: mode ? publicSupervisionMode(mode.mode as string) : null,
    asOf: today,
    lastUpdated: stamps.sort().at(-1) ?? null,
  };
}
