import { type Profession, TITLE_NAMES, type TitleGrade } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, queryOne } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { iso } from './establishment-record.js';
import type { practitionerSummarySchema } from './practitioner-schemas.js';
import { practitionerInScope, practitionerNotFound } from './scope.js';

export interface PractitionerRecord {
  id: number;
  name: string;
  id_number_enc: string;
  id_number_hash: string;
  id_number_masked: string;
  profession: Profession;
  qualification_cert_no: string | null;
  practising_cert_no: string | null;
  practice_category: string | null;
  practice_scopes: string[];
  title_grade: TitleGrade | null;
  primary_establishment_id: number;
  primary_name: string;
  primary_region: string;
  primary_kind: string;
  status: 'active' | 'inactive';
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

export const PRACTITIONER_COLUMNS =
  sql.raw(`p.id, p.name, p.id_number_enc, p.id_number_hash, p.id_number_masked,
  p.profession, p.qualification_cert_no, p.practising_cert_no, p.practice_category, p.practice_scopes, p.title_grade,
  p.primary_establishment_id, pe.name AS primary_name, pe.region_code AS primary_region, pe.kind AS primary_kind,
  p.status, p.version, p.created_at, p.updated_at`);

export async function loadPractitioner(
  db: Executor,
  actor: Actor,
  id: number,
  opts: { forUpdate?: boolean } = {},
): Promise<PractitionerRecord> {
  const row = await queryOne<PractitionerRecord>(
    db,
    sql`SELECT ${PRACTITIONER_COLUMNS} FROM practitioner p JOIN establishment pe ON pe.id = p.primary_establishment_id
        WHERE p.id = ${id} AND ${practitionerInScope(actor)} ${opts.forUpdate ? sql`FOR UPDATE OF p` : sql``}`,
  );
  if (!row) throw practitionerNotFound(id);
  return row;
}

/** The fields a practitioner version records; the ID number only masked. */
export function practitionerSnapshot(r: {
  name: string;
  id_number_masked: string;
  profession: string;
  qualification_cert_no: string | null;
  practising_cert_no: string | null;
  practice_category: string | null;
  practice_scopes: string[];
  title_grade: string | null;
  primary_establishment_id: number;
  status: string;
}): Record<string, unknown> {
  return {
    name: r.name,
    idNumber: r.id_number_masked,
    profession: r.profession,
    qualificationCertNo: r.qualification_cert_no,
    practisingCertNo: r.practising_cert_no,
    practiceCategory: r.practice_category,
    practiceScopes: r.practice_scopes,
    titleGrade: r.title_grade,
    primaryEstablishmentId: r.primary_establishment_id,
    status: r.status,
  };
}

export function presentPractitionerSummary(r: PractitionerRecord): z.infer<typeof practitionerSummarySchema> {
  return {
    id: r.id,
    name: r.name,
    idNumberMasked: r.id_number_masked,
    profession: r.profession,
    practiceCategory: r.practice_category,
    practiceScopes: r.practice_scopes,
    titleGrade: r.title_grade,
    titleName: r.title_grade ? TITLE_NAMES[r.profession][r.title_grade] : null,
    practisingCertNo: r.practising_cert_no,
    primaryEstablishment: {
      id: r.primary_establishment_id,
      name: r.primary_name,
      regionCode: r.primary_region,
    },
    status: r.status,
    version: r.version,
    updatedAt: iso(r.updated_at),
  };
}
