import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';

/**
 * Read functions the credit module uses (ARCHITECTURE.md: reads across modules go through a
 * module's exported query functions, never its tables): what risk scoring needs of an
 * establishment, lookups by the codes institutions' systems send, and who may practise where.
 */
export interface SupervisionFacts {
  id: number;
  publicCode: string;
  name: string;
  kind: string;
  categoryCode: string;
  regionCode: string;
  flags: string[];
  clinicalSubjects: string[];
  beds: number | null;
  level: string | null;
  status: string;
  createdAt: string;
}

export async function supervisionFactsOf(
  db: Executor,
  ids: readonly number[],
): Promise<Map<number, SupervisionFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<SupervisionFacts & { createdAt: Date | string }>(
    db,
    sql`SELECT id, public_code AS "publicCode", name, kind, category_code AS "categoryCode", region_code AS "regionCode",
          flags, clinical_subjects AS "clinicalSubjects", beds, level, status, created_at AS "createdAt"
        FROM establishment WHERE id = ANY(${sql.param([...new Set(ids)])}::bigint[])`,
  );
  return new Map(
    rows.map((r) => [
      Number(r.id),
      { ...r, id: Number(r.id), createdAt: new Date(r.createdAt).toISOString() },
    ]),
  );
}

/** An establishment by its public code (一码) or 统一社会信用代码, or undefined. */
export async function establishmentIdByCode(db: Executor, code: string): Promise<number | undefined> {
  const c = code.trim().toUpperCase();
  const row = await queryOne<{ id: number }>(
    db,
    sql`SELECT id FROM establishment WHERE public_code = ${c} OR uscc = ${c} ORDER BY id LIMIT 1`,
  );
  return row ? Number(row.id) : undefined;
}

/** Practitioners by 执业证书编码, with the sites they may practise at on `day` (primary + active filings). */
export async function practitionersByCertNo(
  db: Executor,
  certNos: readonly string[],
  day: string,
): Promise<{ id: number; name: string; practisingCertNo: string; sites: number[] }[]> {
  if (certNos.length === 0) return [];
  const rows = await queryRows<{
    id: number;
    name: string;
    practising_cert_no: string;
    sites: (number | string)[];
  }>(
    db,
    sql`SELECT p.id, p.name, p.practising_cert_no,
          array_append(COALESCE((SELECT array_agg(f.site_establishment_id) FROM multi_site_filing f
            WHERE f.practitioner_id = p.id AND f.status = 'active' AND f.valid_from <= ${day} AND f.valid_to >= ${day}), '{}'),
            p.primary_establishment_id) AS sites
        FROM practitioner p WHERE p.status = 'active' AND p.practising_cert_no = ANY(${sql.param([...new Set(certNos)])}::text[])`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    practisingCertNo: r.practising_cert_no,
    sites: r.sites.map(Number),
  }));
}

/**
 * Ids of establishments that are not deregistered, in keyset pages, optionally under a region
 * code prefix (the whole directory when null): what a full recompute walks.
 */
export async function* supervisedEstablishmentIds(
  db: Executor,
  regionPrefix: string | null,
  pageSize = 2000,
): AsyncGenerator<number[]> {
  const region: SQL = regionPrefix !== null ? sql`AND region_code LIKE ${`${regionPrefix}%`}` : sql``;
  let after = 0;
  for (;;) {
    const rows = await queryRows<{ id: number }>(
      db,
      sql`SELECT id FROM establishment WHERE status <> 'deregistered' ${region} AND id > ${after} ORDER BY id LIMIT ${pageSize}`,
    );
    if (rows.length === 0) return;
    yield rows.map((r) => Number(r.id));
    after = Number(rows[rows.length - 1]!.id);
  }
}
