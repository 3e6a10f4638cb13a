import { categoryByCode, clinicalSubjectByCode, publicPath } from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, queryOne } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import type { ResolvedEstablishment } from './establishment-input.js';
import type { EstablishmentInput, establishmentSchema, establishmentSummarySchema } from './schemas.js';
import { establishmentInScope, establishmentNotFound } from './scope.js';

/** An establishment row as the registry reads it (region name joined). */
export interface EstablishmentRecord {
  id: number;
  public_code: string;
  name: string;
  uscc: string | null;
  uscc_check_failed: boolean;
  kind: string;
  category_code: string;
  region_code: string;
  region_name: string;
  address: string;
  legal_representative: string | null;
  contact_phone: string | null;
  contact_mobile_enc: string | null;
  contact_mobile_hash: string | null;
  contact_mobile_masked: string | null;
  ownership: 'public' | 'private' | null;
  for_profit: boolean | null;
  level: 'level1' | 'level2' | 'level3' | 'unrated' | null;
  beds: number | null;
  clinical_subjects: string[];
  status: 'preparing' | 'operating' | 'suspended' | 'deregistered';
  flags: string[];
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

export const ESTABLISHMENT_COLUMNS =
  sql.raw(`e.id, e.public_code, e.name, e.uscc, e.uscc_check_failed, e.kind,
  e.category_code, e.region_code, r.name AS region_name, e.address, e.legal_representative, e.contact_phone,
  e.contact_mobile_enc, e.contact_mobile_hash, e.contact_mobile_masked, e.ownership, e.for_profit, e.level, e.beds,
  e.clinical_subjects, e.status, e.flags, e.version, e.created_at, e.updated_at`);

export const iso = (v: Date | string): string => new Date(v).toISOString();

/** Loads one establishment the actor may see (404 otherwise); `forUpdate` locks the row. */
export async function loadEstablishment(
  db: Executor,
  actor: Actor,
  id: number,
  opts: { forUpdate?: boolean } = {},
): Promise<EstablishmentRecord> {
  const row = await queryOne<EstablishmentRecord>(
    db,
    sql`SELECT ${ESTABLISHMENT_COLUMNS} FROM establishment e JOIN region r ON r.code = e.region_code
        WHERE e.id = ${id} AND ${establishmentInScope(actor)} ${opts.forUpdate ? sql`FOR UPDATE OF e` : sql``}`,
  );
  if (!row) throw establishmentNotFound(id);
  return row;
}

/**
 * The fields a version records, under their API names (the import computes the same keys in SQL).
 * A mobile number appears masked: history and audit never hold it in clear.
 */
export function snapshotOf(r: EstablishmentRecord): Record<string, unknown> {
  return {
    name: r.name,
    uscc: r.uscc,
    usccCheckFailed: r.uscc_check_failed,
    kind: r.kind,
    categoryCode: r.category_code,
    regionCode: r.region_code,
    address: r.address,
    legalRepresentative: r.legal_representative,
    contactPhone: r.contact_phone ?? r.contact_mobile_masked,
    ownership: r.ownership,
    forProfit: r.for_profit,
    level: r.level,
    beds: r.beds,
    clinicalSubjects: r.clinical_subjects,
    status: r.status,
    flags: r.flags,
  };
}

export function presentSummary(r: EstablishmentRecord): z.infer<typeof establishmentSummarySchema> {
  return {
    id: r.id,
    publicCode: r.public_code,
    name: r.name,
    uscc: r.uscc,
    usccCheckFailed: r.uscc_check_failed,
    kind: r.kind as never,
    categoryCode: r.category_code,
    categoryName: categoryByCode(r.category_code)?.nameZh ?? r.category_code,
    regionCode: r.region_code,
    regionName: r.region_name,
    address: r.address,
    contactPhone: r.contact_phone ?? r.contact_mobile_masked,
    contactPhoneKind: r.contact_phone ? 'landline' : r.contact_mobile_masked ? 'mobile' : null,
    ownership: r.ownership,
    forProfit: r.for_profit,
    level: r.level,
    beds: r.beds,
    status: r.status,
    flags: r.flags as never,
    version: r.version,
    updatedAt: iso(r.updated_at),
  };
}

export function presentEstablishment(
  r: EstablishmentRecord,
  extra: Pick<z.infer<typeof establishmentSchema>, 'regionPath' | 'usccAcceptance' | 'practitionerCount'> & {
    createdAt?: string;
  },
): z.infer<typeof establishmentSchema> {
  return {
    ...presentSummary(r),
    publicPath: publicPath(r.public_code),
    legalRepresentative: r.legal_representative,
    clinicalSubjects: r.clinical_subjects.map((code) => ({
      code,
      nameZh: clinicalSubjectByCode(code)?.nameZh ?? code,
    })),
    regionPath: extra.regionPath,
    usccAcceptance: extra.usccAcceptance,
    practitionerCount: extra.practitionerCount,
    createdAt: iso(r.created_at),
  };
}

/** `e.col LIKE prefix%` for a region filter: a 6-digit code's subtree by its GB/T 2260 level. */
export function regionFilterPrefix(code: string): string {
  if (code.length === 9) return code;
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/**
 * A name search: LIKE '%q%'. Trigram indexes answer it from three characters on; two characters
 * (口腔, 诊所 — common in Chinese) are answered by the bigram GIN index of migration 0004, so for
 * them the pair condition is added (equivalent to the LIKE for a pair; the LIKE stays first so a
 * plan that filters row by row pays for the cheap test, not the function).
 */
export function nameMatches(column: SQL, q: string): SQL {
  const like = sql`${column} LIKE ${`%${likeEscape(q)}%`}`;
  if ([...q].length !== 2) return like;
  return sql`(${like} AND registry_bigrams(${column}) @> ${sql.param([q])}::text[])`;
}

export function likeEscape(s: string): string {
  return s.replace(/[%_\\]/g, '\\$&');
}

/** The record as a full input, so a PATCH can be applied on top of it. */
export function inputOf(r: EstablishmentRecord): EstablishmentInput {
  return {
    name: r.name,
    uscc: r.uscc,
    categoryCode: r.category_code,
    regionCode: r.region_code,
    address: r.address,
    legalRepresentative: r.legal_representative,
    contactPhone: r.contact_phone ?? r.contact_mobile_masked,
    ownership: r.ownership,
    forProfit: r.for_profit,
    level: r.level,
    beds: r.beds,
    clinicalSubjects: r.clinical_subjects,
    status: r.status,
    manualFlags: r.flags.filter((f) => f === 'tcm_filed_clinic' || f === 'remote_monitoring') as never,
  };
}

/** The version snapshot of resolved values (same keys as snapshotOf). */
export function snapshotOfResolved(v: ResolvedEstablishment): Record<string, unknown> {
  return {
    name: v.name,
    uscc: v.uscc,
    usccCheckFailed: v.usccCheckFailed,
    kind: v.kind,
    categoryCode: v.categoryCode,
    regionCode: v.regionCode,
    address: v.address,
    legalRepresentative: v.legalRepresentative,
    contactPhone: v.contactPhone ?? v.mobile?.masked ?? null,
    ownership: v.ownership,
    forProfit: v.forProfit,
    level: v.level,
    beds: v.beds,
    clinicalSubjects: v.clinicalSubjects,
    status: v.status,
    flags: v.flags,
  };
}
