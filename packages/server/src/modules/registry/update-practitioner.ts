import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../http/context.js';
import { diffOf, recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { checkPractitionerFields, invalidPractitioner } from './practitioner-input.js';
import { loadPractitioner, practitionerSnapshot } from './practitioner-record.js';
import type { PractitionerPatch } from './practitioner-schemas.js';
import { writeVersion } from './versions.js';

/** Changes a practitioner's professional fields (the ID number is fixed: a new person is a new record). */
export async function updatePractitioner(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  patch: PractitionerPatch;
}) {
  const { ctx, actor, id, patch } = opts;
  const at = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const cur = await loadPractitioner(tx, actor, id, { forUpdate: true });
    if (patch.expectedVersion !== undefined && patch.expectedVersion !== cur.version) {
      throw new DomainError(
        'version_conflict',
        `该记录已被他人修改（当前版本 ${cur.version}），请刷新后重试`,
        `The record has changed (now version ${cur.version})`,
        {
          currentVersion: cur.version,
        },
      );
    }
    const next = {
      name: patch.name ?? cur.name,
      profession: patch.profession ?? cur.profession,
      qualificationCertNo:
        patch.qualificationCertNo !== undefined ? patch.qualificationCertNo : cur.qualification_cert_no,
      practisingCertNo:
        patch.practisingCertNo !== undefined ? patch.practisingCertNo : cur.practising_cert_no,
      practiceCategory: (patch.practiceCategory !== undefined
        ? patch.practiceCategory
        : cur.practice_category) as '1' | null,
      practiceScopes: patch.practiceScopes ?? cur.practice_scopes,
      titleGrade: patch.titleGrade !== undefined ? patch.titleGrade : cur.title_grade,
      primaryEstablishmentId: patch.primaryEstablishmentId ?? cur.primary_establishment_id,
      status: patch.status ?? cur.status,
    };
    const problems = await checkPractitionerFields(tx, actor, next);
    if (problems.length) throw invalidPractitioner(problems);
    const after = {
      name: next.name,
      id_number_masked: cur.id_number_masked,
      profession: next.profession,
      qualification_cert_no: next.qualificationCertNo,
      practising_cert_no: next.practisingCertNo,
      practice_category: next.practiceCategory,
      practice_scopes: next.practiceScopes,
      title_grade: next.titleGrade,
      primary_establishment_id: next.primaryEstablishmentId,
      status: next.status,
    };
    const diff = diffOf(practitionerSnapshot(cur), practitionerSnapshot(after));
    if (Object.keys(diff).length === 0) return { changed: false };
    const version = cur.version + 1;
    await tx.execute(sql`UPDATE practitioner SET name = ${next.name}, profession = ${next.profession},
      qualification_cert_no = ${next.qualificationCertNo}, practising_cert_no = ${next.practisingCertNo},
      practice_category = ${next.practiceCategory}, practice_scopes = ${sql.param(next.practiceScopes)}::text[],
      title_grade = ${next.titleGrade}, primary_establishment_id = ${next.primaryEstablishmentId}, status = ${next.status},
      version = ${version}, updated_at = ${at.toISOString()}, updated_by = ${actor.userId} WHERE id = ${id}`);
    const audit = auditActorOf(actor);
    await writeVersion(tx, 'practitioner', { id, version, action: 'update', diff, actor: audit, at });
    await recordAudit(
      tx,
      audit,
      { action: 'registry.practitioner.update', entityType: 'practitioner', entityId: id, diff },
      at,
    );
    return { changed: true };
  });
}
