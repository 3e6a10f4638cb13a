import { DomainError, gradeAssessment, gradedSectorOf, QUALITY_GRADE_NAMES } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { recordEntry } from './entries.js';
import { loadCreditPolicy } from './policy.js';
import { gradingsOf, subjectInScope } from './queries.js';
import { recomputeSubjects } from './recompute.js';
import type { gradingInputSchema } from './schemas.js';
import { chinaDay, creditNotFound } from './scope.js';

/**
 * Records a 量化分级 assessment of a medical-beauty or dental clinic: the scored checklist is graded
 * by the rules (key items cap the grade), stored, entered in the file and audited; the profile is
 * recomputed, so the grade sets the frequency of the `graded` mode.
 */
export async function recordGrading(opts: {
  ctx: AppContext;
  actor: Actor;
  establishmentId: number;
  input: z.infer<typeof gradingInputSchema>;
}) {
  const { ctx, actor, establishmentId, input } = opts;
  const at = ctx.now();
  if (input.assessedOn > chinaDay(at)) {
    throw new DomainError(
      'date_in_future',
      '评定日期不能晚于今天',
      'The assessment cannot be dated in the future',
      {
        errors: [
          {
            path: 'assessedOn',
            code: 'date_in_future',
            messageZh: 'assessedOn：不能晚于今天',
            messageEn: 'assessedOn: in the future',
          },
        ],
      },
    );
  }
  return ctx.database.db.transaction(async (tx) => {
    const s = await subjectInScope(tx, actor, { type: 'establishment', id: establishmentId });
    if (actor.kind !== 'staff') throw creditNotFound('establishment', establishmentId);
    const sector = input.sector ?? gradedSectorOf(s.establishment.flags);
    if (!sector) {
      throw new DomainError(
        'not_graded',
        '量化分级仅适用于医疗美容和口腔医疗机构',
        'Quantitative grading applies to medical-beauty and dental clinics only',
        {
          errors: [
            {
              path: 'sector',
              code: 'not_graded',
              messageZh: 'sector：该机构不属于量化分级行业',
              messageEn: 'sector: this establishment is not in a graded sector',
            },
          ],
        },
      );
    }
    const { policy, versions } = await loadCreditPolicy(tx);
    const result = gradeAssessment(policy.grading, sector, input.scores);
    const row = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO credit_grading (establishment_id, region_code, sector, rule_version, scores, total, grade, grade_by_total, capped_by,
            assessed_on, note, recorded_at, recorded_by, recorded_by_name)
          VALUES (${establishmentId}, ${s.regionCode}, ${sector}, ${versions.grading}, ${JSON.stringify(input.scores)}::jsonb, ${result.total},
            ${result.grade}, ${result.gradeByTotal}, ${sql.param(result.cappedBy)}::text[], ${input.assessedOn}, ${input.note},
            ${at.toISOString()}, ${actor.userId}, ${actor.username}) RETURNING id`,
    );
    const id = Number(row!.id);
    await recordEntry(
      tx,
      {
        subject: s,
        kind: 'grading_assessed',
        occurredOn: input.assessedOn,
        summaryZh: `量化分级评定：${result.total} 分，${QUALITY_GRADE_NAMES[result.grade].zh}${result.cappedBy.length ? `（关键项 ${result.cappedBy.join('、')} 不达标）` : ''}`,
        summaryEn: `Quantitative grading: ${result.total} points, ${QUALITY_GRADE_NAMES[result.grade].en}`,
        citation: policy.grading.citation,
        source: { module: 'credit', type: 'grading', id },
        data: { grade: result.grade, total: result.total },
        recordedBy: { userId: actor.userId, name: actor.username },
      },
      at,
    );
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'credit.grading.record',
        entityType: 'credit_grading',
        entityId: id,
        diff: {
          establishmentId: [null, establishmentId],
          total: [null, result.total],
          grade: [null, result.grade],
        },
      },
      at,
    );
    await recomputeSubjects(tx, [{ type: 'establishment', id: establishmentId }], at);
    return (await gradingsOf(tx, actor, establishmentId)).find((g) => g.id === id)!;
  });
}
