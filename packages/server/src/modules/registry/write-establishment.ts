import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import { queryOne } from '../../db/database.js';
import type { ResolvedEstablishment } from './establishment-input.js';

/** 409 when another establishment already holds the credit code (the unique index is the last word). */
export async function assertUsccFree(
  tx: Executor,
  uscc: string | null,
  selfId: number | null,
): Promise<void> {
  if (!uscc) return;
  const other = await queryOne<{ id: number }>(
    tx,
    sql`SELECT id FROM establishment WHERE uscc = ${uscc} ${selfId === null ? sql`` : sql`AND id <> ${selfId}`}`,
  );
  if (other) {
    throw new DomainError(
      'uscc_taken',
      `统一社会信用代码 ${uscc} 已登记在另一监管对象名下`,
      `The credit code ${uscc} is already registered to another establishment`,
    );
  }
}

/** Column values of a resolved establishment, in the order of `ESTABLISHMENT_WRITE_COLUMNS`. */
export function columnValues(v: ResolvedEstablishment) {
  return sql`${v.name}, ${v.uscc}, ${v.usccCheckFailed}, ${v.kind}, ${v.categoryCode}, ${v.regionCode}, ${v.address},
    ${v.legalRepresentative}, ${v.contactPhone}, ${v.mobile?.enc ?? null}, ${v.mobile?.hash ?? null}, ${v.mobile?.masked ?? null},
    ${v.ownership}, ${v.forProfit}, ${v.level}, ${v.beds}, ${sql.param(v.clinicalSubjects)}::text[], ${v.status},
    ${sql.param(v.flags)}::text[]`;
}

export const ESTABLISHMENT_WRITE_COLUMNS =
  sql.raw(`name, uscc, uscc_check_failed, kind, category_code, region_code, address,
  legal_representative, contact_phone, contact_mobile_enc, contact_mobile_hash, contact_mobile_masked,
  ownership, for_profit, level, beds, clinical_subjects, status, flags`);
