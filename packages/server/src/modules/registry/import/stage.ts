import type { EstablishmentRow } from '@weijian/domain';
import { derivedFlags } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import type { SecretBox } from '../../identity/secret-box.js';
import { newPublicCodes } from '../public-codes.js';

/**
 * The staging table of an import: valid rows land here first (inside the import's transaction, so
 * it vanishes with it), then set-based SQL checks what needs the whole file or the database —
 * duplicates inside the file, matches outside the user's area — and merges into `establishment`.
 */
export async function createStage(tx: Executor): Promise<void> {
  await tx.execute(sql`CREATE TEMP TABLE import_stage (
    row_no integer NOT NULL, name text NOT NULL, uscc text NOT NULL, uscc_check_failed boolean NOT NULL,
    kind text NOT NULL, category_code text NOT NULL, region_code text NOT NULL, address text NOT NULL,
    legal_representative text, phone_mode text NOT NULL, contact_phone text, mobile_enc text, mobile_hash text,
    mobile_masked text, ownership text, for_profit boolean, beds integer, clinical_subjects text[] NOT NULL,
    status text NOT NULL, flags text[] NOT NULL, public_code text NOT NULL
  ) ON COMMIT DROP`);
}

export interface StagedRow {
  row: number;
  value: EstablishmentRow;
}

/** Writes a chunk of valid rows with one statement (arrays unnested), mobile numbers encrypted. */
export async function stageRows(tx: Executor, secrets: SecretBox, rows: StagedRow[]): Promise<void> {
  if (rows.length === 0) return;
  const codes = newPublicCodes(rows.length);
  const col = <T>(f: (r: StagedRow, i: number) => T) => sql.param(rows.map(f));
  const phone = (r: StagedRow) => r.value.phone;
  const mobile = rows.map((r) => {
    const p = phone(r);
    if (p?.kind !== 'mobile') return null;
    return {
      enc: secrets.encrypt(p.normalized),
      hash: secrets.lookupHash(p.normalized),
      masked: `${p.normalized.slice(0, 3)}****${p.normalized.slice(-4)}`,
    };
  });
  await tx.execute(sql`INSERT INTO import_stage
    SELECT row_no, name, uscc, ucf, kind, cat, region, address, rep, phone_mode, contact_phone, mobile_enc, mobile_hash,
      mobile_masked, ownership, for_profit, beds, COALESCE(string_to_array(NULLIF(subjects, ''), ','), '{}'), status,
      COALESCE(string_to_array(NULLIF(flags, ''), ','), '{}'), public_code
    FROM unnest(
      ${col((r) => r.row)}::int[], ${col((r) => r.value.name)}::text[], ${col((r) => r.value.uscc)}::text[],
      ${col((r) => r.value.usccCheckFailed)}::boolean[], ${col((r) => r.value.kind)}::text[],
      ${col((r) => r.value.categoryCode)}::text[], ${col((r) => r.value.regionCode)}::text[],
      ${col((r) => r.value.address)}::text[], ${col((r) => r.value.legalRepresentative)}::text[],
      ${col((r) => phone(r)?.kind ?? 'none')}::text[],
      ${col((r) => (phone(r)?.kind === 'landline' ? (phone(r) as { normalized: string }).normalized : null))}::text[],
      ${col((_, i) => mobile[i]?.enc ?? null)}::text[], ${col((_, i) => mobile[i]?.hash ?? null)}::text[],
      ${col((r, i) => mobile[i]?.masked ?? (phone(r)?.kind === 'masked' ? (phone(r) as { masked: string }).masked : null))}::text[],
      ${col((r) => r.value.ownership)}::text[], ${col((r) => r.value.forProfit)}::boolean[],
      ${col((r) => r.value.beds)}::int[], ${col((r) => r.value.clinicalSubjects.join(','))}::text[],
      ${col((r) => r.value.status)}::text[],
      ${col((r) => derivedFlags({ categoryCode: r.value.categoryCode, clinicalSubjects: r.value.clinicalSubjects, uscc: r.value.uscc }).join(','))}::text[],
      ${col((_, i) => codes[i]!)}::text[]
    ) AS t(row_no, name, uscc, ucf, kind, cat, region, address, rep, phone_mode, contact_phone, mobile_enc, mobile_hash,
      mobile_masked, ownership, for_profit, beds, subjects, status, flags, public_code)`);
}

export async function indexStage(tx: Executor): Promise<void> {
  await tx.execute(sql`CREATE INDEX ON import_stage (uscc)`);
  await tx.execute(sql`ANALYZE import_stage`);
}
