import { ESTABLISHMENT_FLAGS, MANUAL_FLAGS } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../../db/database.js';
import type { AuditActor } from '../../audit/record-audit.js';

/**
 * Merges the staged rows into `establishment`, set-based: rows whose credit code exists update that
 * establishment (only if something changed: a new version with its diff), the others are inserted
 * (version 1). Manual flags of an existing record are kept; derived ones follow the new values.
 * The version diffs use the same field names as the API (establishment-record.ts snapshotOf).
 */
export const FLAG_ORDER = sql.raw(`ARRAY[${ESTABLISHMENT_FLAGS.map((f) => `'${f}'`).join(', ')}]::text[]`);
const MANUAL = sql.raw(`ARRAY[${MANUAL_FLAGS.map((f) => `'${f}'`).join(', ')}]::text[]`);

/** jsonb of the versioned fields of an establishment-shaped row (alias.column names). */
export function snapshot(a: string, phone: string, flags: string) {
  const c = (col: string) => sql.raw(`${a}.${col}`);
  return sql`jsonb_build_object('name', ${c('name')}, 'uscc', ${c('uscc')}, 'usccCheckFailed', ${c('uscc_check_failed')}, 'kind', ${c('kind')},
    'categoryCode', ${c('category_code')}, 'regionCode', ${c('region_code')}, 'address', ${c('address')},
    'legalRepresentative', ${c('legal_representative')}, 'contactPhone', ${sql.raw(phone)}, 'ownership', ${c('ownership')},
    'forProfit', ${c('for_profit')}, 'beds', ${c('beds')}, 'clinicalSubjects', to_jsonb(${c('clinical_subjects')}),
    'status', ${c('status')}, 'flags', to_jsonb(${sql.raw(flags)}))`;
}

export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export async function mergeStage(
  tx: Executor,
  opts: { batchId: number; actor: AuditActor; at: Date },
): Promise<MergeCounts> {
  const at = opts.at.toISOString();
  const { userId, name: actorName } = opts.actor;
  // 1. Matches with their new values, before/after snapshots and the diff.
  await tx.execute(sql`CREATE TEMP TABLE import_match ON COMMIT DROP AS
    WITH m AS (
      SELECT e.id AS eid, e.version AS old_version,
        CASE s.phone_mode WHEN 'landline' THEN s.contact_phone END AS new_phone,
        CASE s.phone_mode WHEN 'masked' THEN e.contact_mobile_enc
          WHEN 'mobile' THEN CASE WHEN e.contact_mobile_hash = s.mobile_hash THEN e.contact_mobile_enc ELSE s.mobile_enc END END AS new_mobile_enc,
        CASE s.phone_mode WHEN 'masked' THEN e.contact_mobile_hash WHEN 'mobile' THEN s.mobile_hash END AS new_mobile_hash,
        CASE s.phone_mode WHEN 'masked' THEN e.contact_mobile_masked WHEN 'mobile' THEN s.mobile_masked END AS new_mobile_masked,
        ARRAY(SELECT f FROM unnest(${FLAG_ORDER}) WITH ORDINALITY AS t(f, o)
              WHERE f = ANY(s.flags) OR (f = ANY(e.flags) AND f = ANY(${MANUAL})) ORDER BY o) AS new_flags,
        ${snapshot('e', 'COALESCE(e.contact_phone, e.contact_mobile_masked)', 'e.flags')} AS before,
        e.contact_phone AS old_phone, e.contact_mobile_hash AS old_mobile_hash, s.*
      FROM import_stage s JOIN establishment e ON e.uscc = s.uscc
    ), d AS (
      SELECT m.*, ${snapshot('m', 'COALESCE(m.new_phone, m.new_mobile_masked)', 'm.new_flags')} AS after FROM m
    )
    SELECT d.row_no, d.eid, d.old_version, d.new_phone, d.new_mobile_enc, d.new_mobile_hash, d.new_mobile_masked, d.new_flags,
      NULLIF(
        COALESCE((SELECT jsonb_object_agg(k, jsonb_build_array(d.before -> k, d.after -> k))
                  FROM jsonb_object_keys(d.after) AS k WHERE d.before -> k IS DISTINCT FROM d.after -> k), '{}'::jsonb)
        || CASE WHEN d.old_phone IS DISTINCT FROM d.new_phone OR d.old_mobile_hash IS DISTINCT FROM d.new_mobile_hash
             THEN jsonb_build_object('contactPhone', jsonb_build_array(d.before -> 'contactPhone', d.after -> 'contactPhone'))
             ELSE '{}'::jsonb END,
        '{}'::jsonb) AS diff
    FROM d`);

  // 2. Changed establishments: new values and a version each.
  await tx.execute(sql`UPDATE establishment e SET name = s.name, uscc_check_failed = s.uscc_check_failed, kind = s.kind,
      category_code = s.category_code, region_code = s.region_code, address = s.address,
      legal_representative = s.legal_representative, contact_phone = m.new_phone, contact_mobile_enc = m.new_mobile_enc,
      contact_mobile_hash = m.new_mobile_hash, contact_mobile_masked = m.new_mobile_masked, ownership = s.ownership,
      for_profit = s.for_profit, beds = s.beds, clinical_subjects = s.clinical_subjects, status = s.status,
      flags = m.new_flags, version = m.old_version + 1, updated_at = ${at}, updated_by = ${userId}
    FROM import_match m JOIN import_stage s ON s.row_no = m.row_no
    WHERE e.id = m.eid AND m.diff IS NOT NULL`);
  await tx.execute(sql`INSERT INTO establishment_version (establishment_id, version, changed_at, actor_user_id, actor_name, action, import_batch_id, diff)
    SELECT m.eid, m.old_version + 1, ${at}, ${userId}, ${actorName}, 'import', ${opts.batchId}, m.diff
    FROM import_match m WHERE m.diff IS NOT NULL`);

  // 3. New establishments, in file order, each with version 1 (every field from null).
  const inserted = await queryOne<{ n: number }>(
    tx,
    sql`WITH ins AS (
      INSERT INTO establishment (public_code, name, uscc, uscc_check_failed, kind, category_code, region_code, address,
        legal_representative, contact_phone, contact_mobile_enc, contact_mobile_hash, contact_mobile_masked, ownership,
        for_profit, level, beds, clinical_subjects, status, flags, version, created_at, updated_at, created_by, updated_by)
      SELECT s.public_code, s.name, s.uscc, s.uscc_check_failed, s.kind, s.category_code, s.region_code, s.address,
        s.legal_representative, CASE s.phone_mode WHEN 'landline' THEN s.contact_phone END,
        CASE s.phone_mode WHEN 'mobile' THEN s.mobile_enc END, CASE s.phone_mode WHEN 'mobile' THEN s.mobile_hash END,
        CASE s.phone_mode WHEN 'mobile' THEN s.mobile_masked END, s.ownership, s.for_profit, NULL, s.beds,
        s.clinical_subjects, s.status, s.flags, 1, ${at}, ${at}, ${userId}, ${userId}
      FROM import_stage s WHERE NOT EXISTS (SELECT 1 FROM import_match m WHERE m.row_no = s.row_no)
      ORDER BY s.row_no
      RETURNING id, ${snapshot('establishment', 'COALESCE(establishment.contact_phone, establishment.contact_mobile_masked)', 'establishment.flags')} AS snap
    ), v AS (
      INSERT INTO establishment_version (establishment_id, version, changed_at, actor_user_id, actor_name, action, import_batch_id, diff)
      SELECT ins.id, 1, ${at}, ${userId}, ${actorName}, 'import', ${opts.batchId},
        (SELECT COALESCE(jsonb_object_agg(k, jsonb_build_array(NULL, v)), '{}'::jsonb) FROM jsonb_each(ins.snap) AS t(k, v)
         WHERE v <> 'null'::jsonb AND v <> '[]'::jsonb)
      FROM ins RETURNING 1
    )
    SELECT count(*)::int AS n FROM v`,
  );
  const matched = await queryOne<{ total: number; changed: number }>(
    tx,
    sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE diff IS NOT NULL)::int AS changed FROM import_match`,
  );
  return {
    inserted: inserted?.n ?? 0,
    updated: matched?.changed ?? 0,
    unchanged: (matched?.total ?? 0) - (matched?.changed ?? 0),
  };
}
