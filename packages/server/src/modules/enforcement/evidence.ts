import type { Readable } from 'node:stream';
import { type CaseState, DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import { readFile, removeFile } from '../../files/file-store.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { EVIDENCE, enforcementRoles, iso, legalToday, notFound } from './access.js';
import { type CaseRow, loadCase } from './case-record.js';
import { pastOrToday } from './case-step.js';
import { storeFile } from './files.js';
import { appendRecord } from './record-chain.js';

/**
 * Evidence (证据): documents, photos, statements and on-site records, each file stored by its
 * SHA-256 and the hash written into the enforcement record, so a file changed on disk is detected
 * by the verification.
 */
export const EVIDENCE_KINDS = ['document', 'photo', 'statement', 'record', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** The name as given, without path separators or control characters, at most 200 characters. */
const safeFileName = (name: string) =>
  [...name]
    .map((ch) => (ch < ' ' || ch === '/' || ch === '\\' ? '_' : ch))
    .join('')
    .slice(0, 200) || 'file';

const EVIDENCE_STATES: readonly CaseState[] = [
  'investigating',
  'notified',
  'hearing_requested',
  'hearing_scheduled',
  'heard',
  'pending_decision',
  'legal_review',
  'decided',
  'served',
  'executed',
];

export interface EvidenceDto {
  id: number;
  kind: EvidenceKind;
  description: string;
  fileName: string;
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  sizeBytes: number;
  sha256: string;
  collectedOn: string;
  uploadedAt: string;
  uploadedBy: string | null;
}

export async function evidenceOf(db: Executor, caseId: number): Promise<EvidenceDto[]> {
  const rows = await queryRows<{
    id: number;
    kind: EvidenceKind;
    description: string;
    file_name: string;
    content_type: EvidenceDto['contentType'];
    size_bytes: number;
    sha256: string;
    collected_on: string;
    uploaded_at: Date | string;
    uploaded_by_name: string | null;
  }>(db, sql`SELECT * FROM enforcement_evidence WHERE case_id = ${caseId} ORDER BY id`);
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    description: r.description,
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    collectedOn: r.collected_on,
    uploadedAt: iso(r.uploaded_at),
    uploadedBy: r.uploaded_by_name,
  }));
}

/** Refuses before the upload is read: the actor must be an officer and the case must take evidence now. */
export function assertEvidenceOpen(actor: Actor, c: CaseRow): void {
  if (!enforcementRoles(actor).includes('investigator')) {
    throw new DomainError('forbidden', '只有执法办案人员可以提交证据', 'Only case officers add evidence');
  }
  if (!EVIDENCE_STATES.includes(c.state)) {
    throw new DomainError(
      'evidence_locked',
      '案件当前状态不能再提交证据',
      'The case does not take evidence in its current state',
      {
        state: c.state,
      },
    );
  }
}

export async function addEvidence(opts: {
  ctx: AppContext;
  actor: Actor;
  caseId: number;
  meta: { kind: EvidenceKind; description: string; collectedOn?: string | undefined };
  fileName: string;
  stream: Readable;
  truncated: () => boolean;
}): Promise<EvidenceDto> {
  const { ctx, actor, caseId, meta } = opts;
  const stored = await storeFile(ctx, opts.stream, opts.truncated);
  const at = ctx.now();
  const today = legalToday(ctx);
  try {
    return await ctx.database.db.transaction(async (tx) => {
      const c = await loadCase(tx, actor, caseId, true);
      assertEvidenceOpen(actor, c);
      const fileName = safeFileName(opts.fileName);
      const collectedOn = pastOrToday(meta.collectedOn, today);
      const row = await queryOne<{ id: number }>(
        tx,
        sql`INSERT INTO enforcement_evidence (case_id, kind, description, file_name, content_type, size_bytes, sha256, collected_on,
              uploaded_at, uploaded_by, uploaded_by_name)
            VALUES (${caseId}, ${meta.kind}, ${meta.description}, ${fileName}, ${stored.type}, ${stored.size}, ${stored.sha256},
              ${collectedOn}, ${at.toISOString()}, ${actor.userId}, ${actor.username}) RETURNING id`,
      );
      const evidenceId = Number(row!.id);
      await appendRecord(tx, caseId, {
        action: 'evidence',
        fromState: c.state,
        toState: c.state,
        onDate: today,
        at,
        actor,
        role: 'investigator',
        details: {
          evidenceId,
          kind: meta.kind,
          description: meta.description,
          fileName,
          sizeBytes: stored.size,
          collectedOn,
        },
        fileHashes: [stored.sha256],
      });
      await tx.execute(
        sql`UPDATE enforcement_case SET updated_at = ${at.toISOString()} WHERE id = ${caseId}`,
      );
      await recordAudit(
        tx,
        auditActorOf(actor),
        {
          action: 'enforcement.case.evidence',
          entityType: 'enforcement_case',
          entityId: caseId,
          diff: { evidenceId: [null, evidenceId], sha256: [null, stored.sha256], kind: [null, meta.kind] },
        },
        at,
      );
      return (await evidenceOf(tx, caseId)).find((e) => e.id === evidenceId)!;
    });
  } catch (e) {
    if (stored.added) await removeFile(ctx, stored.sha256);
    throw e;
  }
}

export async function openEvidence(opts: {
  ctx: AppContext;
  actor: Actor;
  caseId: number;
  evidenceId: number;
}) {
  const { ctx, actor, caseId, evidenceId } = opts;
  await loadCase(ctx.database.db, actor, caseId);
  const e = (await evidenceOf(ctx.database.db, caseId)).find((x) => x.id === evidenceId);
  if (!e) throw notFound(EVIDENCE, evidenceId);
  const bytes = await readFile(ctx, e.sha256);
  if (!bytes) throw notFound(EVIDENCE, evidenceId);
  return { evidence: e, bytes };
}
