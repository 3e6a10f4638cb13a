import { sql } from 'drizzle-orm';
import { queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import {
  assertPersonNew,
  checkPractitionerFields,
  invalidPractitioner,
  resolveIdNumber,
} from './practitioner-input.js';
import { practitionerSnapshot } from './practitioner-record.js';
import type { PractitionerInput } from './practitioner-schemas.js';
import { creationDiff, writeVersion } from './versions.js';

/** Registers a practitioner: ID number checked, encrypted and hashed (one record per person), version 1, audit. */
export async function createPractitioner(opts: {
  ctx: AppContext;
  actor: Actor;
  input: PractitionerInput;
}): Promise<number> {
  const { ctx, actor, input } = opts;
  const at = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const id = resolveIdNumber(input.idNumber, at.toISOString().slice(0, 10));
    const problems = await checkPractitionerFields(tx, actor, input);
    if (id.problem) problems.unshift(id.problem);
    if (problems.length) throw invalidPractitioner(problems);
    const hash = ctx.secrets.lookupHash(id.value!.normalized);
    await assertPersonNew(tx, hash);
    const row = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO practitioner (name, id_number_enc, id_number_hash, id_number_masked, profession, qualification_cert_no,
            practising_cert_no, practice_category, practice_scopes, title_grade, primary_establishment_id, status, version,
            created_at, updated_at, created_by, updated_by)
          VALUES (${input.name}, ${ctx.secrets.encrypt(id.value!.normalized)}, ${hash}, ${id.value!.masked}, ${input.profession},
            ${input.qualificationCertNo}, ${input.practisingCertNo}, ${input.practiceCategory}, ${sql.param(input.practiceScopes)}::text[],
            ${input.titleGrade}, ${input.primaryEstablishmentId}, ${input.status}, 1, ${at.toISOString()}, ${at.toISOString()},
            ${actor.userId}, ${actor.userId})
          RETURNING id`,
    );
    const pid = row!.id;
    const diff = creationDiff(
      practitionerSnapshot({
        name: input.name,
        id_number_masked: id.value!.masked,
        profession: input.profession,
        qualification_cert_no: input.qualificationCertNo,
        practising_cert_no: input.practisingCertNo,
        practice_category: input.practiceCategory,
        practice_scopes: input.practiceScopes,
        title_grade: input.titleGrade,
        primary_establishment_id: input.primaryEstablishmentId,
        status: input.status,
      }),
    );
    const audit = auditActorOf(actor);
    await writeVersion(tx, 'practitioner', { id: pid, version: 1, action: 'create', diff, actor: audit, at });
    await recordAudit(
      tx,
      audit,
      { action: 'registry.practitioner.create', entityType: 'practitioner', entityId: pid, diff },
      at,
    );
    return pid;
  });
}
