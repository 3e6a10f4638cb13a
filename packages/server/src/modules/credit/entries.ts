import {
  type Citation,
  CREDIT_ENTRY_KIND_INFO,
  type CreditEntryKind,
  type CreditFact,
  type CreditSubjectType,
  type PenaltySeverity,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';

/** Who an entry is about, and where (scope). */
export interface SubjectRef {
  type: CreditSubjectType;
  id: number;
  establishmentId: number;
  regionCode: string;
  name: string;
}

export interface NewEntry {
  subject: SubjectRef;
  kind: CreditEntryKind;
  occurredOn: string;
  severity?: PenaltySeverity | null;
  summaryZh: string;
  summaryEn: string;
  citation?: Citation;
  source: { module: string; type: string; id: string | number };
  sourceEventId?: number | null;
  data?: Record<string, unknown>;
  recordedBy: { userId: number | null; name: string };
}

/**
 * Writes one credit-file entry with its source record and citation. An event applied twice
 * (cannot happen through event_delivery, but a replay might) writes nothing the second time.
 */
export async function recordEntry(tx: Executor, e: NewEntry, at: Date): Promise<number | undefined> {
  const info = CREDIT_ENTRY_KIND_INFO[e.kind];
  const row = await queryOne<{ id: number }>(
    tx,
    sql`INSERT INTO credit_entry (subject_type, subject_id, establishment_id, region_code, kind, polarity, severity, occurred_on,
          summary_zh, summary_en, citation, source_module, source_type, source_id, source_event_id, data, recorded_at, recorded_by, recorded_by_name)
        VALUES (${e.subject.type}, ${e.subject.id}, ${e.subject.establishmentId}, ${e.subject.regionCode}, ${e.kind}, ${info.polarity},
          ${e.severity ?? null}, ${e.occurredOn}, ${e.summaryZh}, ${e.summaryEn}, ${JSON.stringify(e.citation ?? info.citation)}::jsonb,
          ${e.source.module}, ${e.source.type}, ${String(e.source.id)}, ${e.sourceEventId ?? null}, ${JSON.stringify(e.data ?? {})}::jsonb,
          ${at.toISOString()}, ${e.recordedBy.userId}, ${e.recordedBy.name})
        ON CONFLICT DO NOTHING RETURNING id`,
  );
  return row ? Number(row.id) : undefined;
}

/** Whether a subject's file holds an active entry from this source record (points need one). */
export async function sourceInFile(
  db: Executor,
  subject: { type: CreditSubjectType; id: number },
  source: { module: string; type: string; id: string },
): Promise<boolean> {
  const row = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM credit_entry WHERE subject_type = ${subject.type} AND subject_id = ${subject.id}
          AND source_module = ${source.module} AND source_type = ${source.type} AND source_id = ${source.id} AND status = 'active'`,
  );
  return (row?.n ?? 0) > 0;
}

export interface FactRow {
  subject_type: CreditSubjectType;
  subject_id: number;
  kind: CreditEntryKind;
  occurred_on: string;
  severity: PenaltySeverity | null;
  data: Record<string, unknown> | string;
}

/** The scoring facts of many subjects' files (active entries of the last five years). */
export async function factsOf(
  db: Executor,
  subjects: { type: CreditSubjectType; id: number }[],
  today: string,
): Promise<Map<string, CreditFact[]>> {
  const out = new Map<string, CreditFact[]>();
  const est = subjects.filter((s) => s.type === 'establishment').map((s) => s.id);
  const pra = subjects.filter((s) => s.type === 'practitioner').map((s) => s.id);
  if (est.length + pra.length === 0) return out;
  const rows = await queryRows<FactRow>(
    db,
    sql`SELECT subject_type, subject_id, kind, occurred_on::text AS occurred_on, severity, data FROM credit_entry
        WHERE status = 'active' AND occurred_on > (${today}::date - 1827)
          AND ((subject_type = 'establishment' AND subject_id = ANY(${sql.param(est)}::bigint[]))
            OR (subject_type = 'practitioner' AND subject_id = ANY(${sql.param(pra)}::bigint[])))`,
  );
  for (const r of rows) {
    const key = `${r.subject_type}:${Number(r.subject_id)}`;
    const d = (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, unknown>;
    const fact: CreditFact = { kind: r.kind, occurredOn: r.occurred_on, severity: r.severity };
    if (typeof d.licenceRevoked === 'boolean') fact.licenceRevoked = d.licenceRevoked;
    if (typeof d.nonCompliantItems === 'number') fact.nonCompliantItems = d.nonCompliantItems;
    if (typeof d.rectified === 'boolean') fact.rectified = d.rectified;
    if (typeof d.endStatus === 'string') fact.endStatus = d.endStatus;
    if (typeof d.grade === 'string') fact.grade = d.grade;
    const list = out.get(key) ?? [];
    list.push(fact);
    out.set(key, list);
  }
  return out;
}
