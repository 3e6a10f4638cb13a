import type { Citation, CreditSubjectType, DemeritCycle } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../../db/database.js';
import { emitEvent } from '../../events/events.js';
import { type AuditActor, recordAudit } from '../audit/record-audit.js';
import { recordEntry } from './entries.js';
import type { ResolvedSubject } from './subjects.js';

export interface NewDemerit {
  subject: ResolvedSubject;
  behaviourCode: string | null;
  points: number;
  actZh: string;
  actEn: string;
  article: Citation;
  occurredOn: string;
  cycle: DemeritCycle;
  source: { module: string; type: string; id: string };
  sourceEventId?: number | null;
  note: string;
  by: { userId: number | null; name: string };
  audit: AuditActor;
}

/**
 * Records demerit points, never silently: the points row, an entry in the credit file the party
 * sees (the act and the article), an audit row and `credit.demerit.recorded` for disclosure.
 */
export async function recordDemeritIn(tx: Executor, d: NewDemerit, at: Date): Promise<number> {
  const entryId = await recordEntry(
    tx,
    {
      subject: d.subject,
      kind: 'demerit_recorded',
      occurredOn: d.occurredOn,
      summaryZh: `记 ${d.points} 分：${d.actZh}${d.note ? `（${d.note}）` : ''}`,
      summaryEn: `${d.points} demerit points: ${d.actEn}`,
      citation: d.article,
      source: d.source,
      sourceEventId: d.sourceEventId ?? null,
      data: { points: d.points, behaviourCode: d.behaviourCode },
      recordedBy: d.by,
    },
    at,
  );
  const row = await queryOne<{ id: number }>(
    tx,
    sql`INSERT INTO credit_demerit (subject_type, subject_id, establishment_id, region_code, behaviour_code, points, act_zh, act_en,
          article, occurred_on, cycle_start, cycle_end, source_module, source_type, source_id, entry_id, note, recorded_at,
          recorded_by, recorded_by_name)
        VALUES (${d.subject.type}, ${d.subject.id}, ${d.subject.establishmentId}, ${d.subject.regionCode}, ${d.behaviourCode}, ${d.points},
          ${d.actZh}, ${d.actEn}, ${JSON.stringify(d.article)}::jsonb, ${d.occurredOn}, ${d.cycle.start}, ${d.cycle.end},
          ${d.source.module}, ${d.source.type}, ${d.source.id}, ${entryId ?? null}, ${d.note}, ${at.toISOString()},
          ${d.by.userId}, ${d.by.name})
        RETURNING id`,
  );
  const id = Number(row!.id);
  await recordAudit(
    tx,
    d.audit,
    {
      action: 'credit.demerit.record',
      entityType: 'credit_demerit',
      entityId: id,
      diff: {
        subject: [null, `${d.subject.type}:${d.subject.id}`],
        points: [null, d.points],
        behaviourCode: [null, d.behaviourCode],
        act: [null, d.actZh],
        article: [null, d.article.zh],
        source: [null, `${d.source.module}.${d.source.type}:${d.source.id}`],
      },
    },
    at,
  );
  await emitEvent(
    tx,
    {
      type: 'credit.demerit.recorded',
      aggregateType: d.subject.type,
      aggregateId: d.subject.id,
      payload: {
        demeritId: id,
        subjectType: d.subject.type,
        subjectId: d.subject.id,
        establishmentId: d.subject.establishmentId,
        points: d.points,
        behaviourCode: d.behaviourCode,
        actZh: d.actZh,
        article: d.article,
        occurredOn: d.occurredOn,
        cycleStart: d.cycle.start,
        cycleEnd: d.cycle.end,
      },
    },
    at,
  );
  return id;
}

export interface DemeritRow {
  id: number;
  subject_type: CreditSubjectType;
  subject_id: number;
  establishment_id: number;
  region_code: string;
  points: number;
  act_zh: string;
  status: 'active' | 'revoked';
  source_module: string;
  source_type: string;
  source_id: string;
}

/** Revokes points (kept, no longer counted), with the reason in the file and the trail. */
export async function revokeDemeritIn(
  tx: Executor,
  d: DemeritRow,
  reason: string,
  by: { userId: number | null; name: string },
  audit: AuditActor,
  subject: ResolvedSubject,
  today: string,
  at: Date,
): Promise<void> {
  await tx.execute(sql`UPDATE credit_demerit SET status = 'revoked', revoked_reason = ${reason}, revoked_at = ${at.toISOString()},
    revoked_by = ${by.userId} WHERE id = ${d.id}`);
  await recordEntry(
    tx,
    {
      subject,
      kind: 'demerit_revoked',
      occurredOn: today,
      summaryZh: `撤销记分 ${d.points} 分（${d.act_zh}）：${reason}`,
      summaryEn: `${d.points} demerit points revoked: ${reason}`,
      source: { module: 'credit', type: 'demerit', id: d.id },
      data: { points: d.points, demeritId: d.id },
      recordedBy: by,
    },
    at,
  );
  await recordAudit(
    tx,
    audit,
    {
      action: 'credit.demerit.revoke',
      entityType: 'credit_demerit',
      entityId: d.id,
      diff: { status: ['active', 'revoked'], reason: [null, reason] },
    },
    at,
  );
}
