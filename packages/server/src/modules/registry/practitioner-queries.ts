import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { iso, nameMatches } from './establishment-record.js';
import type { ExportedPractitioner } from './export/write-practitioner-workbook.js';
import { filingsOf } from './multi-site-filings.js';
import {
  loadPractitioner,
  PRACTITIONER_COLUMNS,
  type PractitionerRecord,
  presentPractitionerSummary,
} from './practitioner-record.js';
import type { PractitionerListQuery, practitionerSchema } from './practitioner-schemas.js';
import { COUNT_CAP } from './queries.js';
import { practitionerInScope } from './scope.js';

/** The WHERE clause of a filtered practitioner list, always inside the actor's scope. */
export function practitionerFilter(
  secrets: AppContext['secrets'],
  actor: Actor,
  q: Omit<PractitionerListQuery, 'page' | 'pageSize' | 'sort' | 'order'>,
) {
  const where = [practitionerInScope(actor)];
  if (q.q) where.push(nameMatches(sql.raw('p.name'), q.q));
  if (q.idNumber) where.push(sql`p.id_number_hash = ${secrets.lookupHash(q.idNumber)}`);
  if (q.certNo)
    where.push(sql`(p.practising_cert_no = ${q.certNo} OR p.qualification_cert_no = ${q.certNo})`);
  if (q.profession) where.push(sql`p.profession = ${q.profession}`);
  if (q.status) where.push(sql`p.status = ${q.status}`);
  if (q.establishmentId) {
    where.push(sql`(p.primary_establishment_id = ${q.establishmentId} OR EXISTS (SELECT 1 FROM multi_site_filing f
      WHERE f.practitioner_id = p.id AND f.site_establishment_id = ${q.establishmentId} AND f.status = 'active'))`);
  }
  return sql.join(where, sql` AND `);
}

export async function searchPractitioners(
  db: Executor,
  secrets: AppContext['secrets'],
  actor: Actor,
  q: PractitionerListQuery,
) {
  const filter = practitionerFilter(secrets, actor, q);
  const sort =
    q.sort === 'updatedAt' ? sql.raw('p.updated_at') : q.q ? sql.raw("(p.name || '')") : sql.raw('p.name');
  const dir = sql.raw(q.order === 'desc' ? 'DESC' : 'ASC');
  const rows = await queryRows<PractitionerRecord>(
    db,
    sql`SELECT ${PRACTITIONER_COLUMNS} FROM practitioner p JOIN establishment pe ON pe.id = p.primary_establishment_id
        WHERE ${filter} ORDER BY ${sort} ${dir}, p.id ${dir} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const counted = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM practitioner p JOIN establishment pe ON pe.id = p.primary_establishment_id
        WHERE ${filter} LIMIT ${COUNT_CAP + 1}) t`,
  );
  const n = counted?.n ?? 0;
  return {
    items: rows.map(presentPractitionerSummary),
    total: Math.min(n, COUNT_CAP),
    totalExact: n <= COUNT_CAP,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function practitionerDetail(
  db: Executor,
  actor: Actor,
  id: number,
): Promise<z.infer<typeof practitionerSchema>> {
  const r = await loadPractitioner(db, actor, id);
  return {
    ...presentPractitionerSummary(r),
    qualificationCertNo: r.qualification_cert_no,
    multiSiteFilings: await filingsOf(db, id),
    createdAt: iso(r.created_at),
  };
}

/** The ID number in full; the read itself is audited (identity.person.read-sensitive). */
export async function revealPractitionerId(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  return ctx.database.db.transaction(async (tx) => {
    const r = await loadPractitioner(tx, actor, id);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'registry.practitioner.read-sensitive',
        entityType: 'practitioner',
        entityId: id,
        diff: { field: [null, 'idNumber'] },
      },
      ctx.now(),
    );
    return { idNumber: ctx.secrets.decrypt(r.id_number_enc) };
  });
}

/** What licensing checks about practitioners (clinic filings, seal cards): by id, whatever the region. */
export interface PractitionerFacts {
  id: number;
  name: string;
  profession: string;
  status: string;
  titleGrade: string | null;
  practisingCertNo: string | null;
  primaryEstablishmentId: number;
}

export async function practitionerFacts(db: Executor, ids: readonly number[]): Promise<PractitionerFacts[]> {
  if (ids.length === 0) return [];
  return queryRows<PractitionerFacts>(
    db,
    sql`SELECT id, name, profession, status, title_grade AS "titleGrade", practising_cert_no AS "practisingCertNo",
          primary_establishment_id AS "primaryEstablishmentId"
        FROM practitioner WHERE id = ANY(${sql.param([...ids])}::bigint[]) ORDER BY id`,
  );
}

/** Active registered doctors whose primary institution is the establishment (seal-card lookup). */
export async function activeDoctorsOf(db: Executor, establishmentId: number): Promise<PractitionerFacts[]> {
  return queryRows<PractitionerFacts>(
    db,
    sql`SELECT id, name, profession, status, title_grade AS "titleGrade", practising_cert_no AS "practisingCertNo",
          primary_establishment_id AS "primaryEstablishmentId"
        FROM practitioner WHERE primary_establishment_id = ${establishmentId} AND profession = 'doctor' AND status = 'active'
        ORDER BY name, id`,
  );
}

/** Keyset pages of a filtered practitioner list with the primary institution's credit code, for exports. */
export async function* practitionersForExport(
  db: Executor,
  secrets: AppContext['secrets'],
  actor: Actor,
  q: Omit<PractitionerListQuery, 'page' | 'pageSize' | 'sort' | 'order'>,
): AsyncGenerator<ExportedPractitioner[]> {
  const filter = practitionerFilter(secrets, actor, q);
  let after = 0;
  for (;;) {
    const rows = await queryRows<ExportedPractitioner>(
      db,
      sql`SELECT ${PRACTITIONER_COLUMNS}, pe.uscc AS primary_uscc FROM practitioner p
          JOIN establishment pe ON pe.id = p.primary_establishment_id
          WHERE ${filter} AND p.id > ${after} ORDER BY p.id LIMIT 2000`,
    );
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}
