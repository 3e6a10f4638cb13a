import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import { type FileStoreContext, readFile } from '../../files/file-store.js';
import { canonicalJson, GENESIS_HASH } from '../audit/chain.js';
import type { Actor } from '../identity/actor.js';
import { iso } from './access.js';

/**
 * The enforcement record (执法全过程记录, 行政处罚法 §47): every step of a case — its action, states,
 * legal day, instant, actor and role, details and the SHA-256 of every file it brought in — chained
 * per case like the audit trail: hash = sha256(prev_hash || "\n" || canonical JSON of the entry).
 * The case row holds the head hash and the length, so removing the last entries is detected too.
 */
export interface RecordEntryContent {
  caseId: number;
  seq: number;
  action: string;
  fromState: string | null;
  toState: string;
  onDate: string;
  at: string;
  actorUserId: number | null;
  actorName: string | null;
  actorRole: string | null;
  details: unknown;
  fileHashes: string[];
}

export function recordEntryHash(prevHash: string, content: RecordEntryContent): string {
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalJson(content)}`)
    .digest('hex');
}

export interface RecordStep {
  action: string;
  fromState: string | null;
  toState: string;
  onDate: string;
  at: Date;
  actor: Actor | null;
  role: string | null;
  details?: Record<string, unknown>;
  fileHashes?: string[];
}

/** Appends a step to the case's chain; call it in the transaction that makes the change (case row locked). */
export async function appendRecord(tx: Executor, caseId: number, step: RecordStep): Promise<string> {
  const head = await queryOne<{ record_head: string; record_length: number }>(
    tx,
    sql`SELECT record_head, record_length FROM enforcement_case WHERE id = ${caseId} FOR UPDATE`,
  );
  if (!head) throw new Error(`case ${caseId} does not exist`);
  const content: RecordEntryContent = {
    caseId,
    seq: head.record_length + 1,
    action: step.action,
    fromState: step.fromState,
    toState: step.toState,
    onDate: step.onDate,
    at: step.at.toISOString(),
    actorUserId: step.actor?.userId ?? null,
    actorName: step.actor?.username ?? null,
    actorRole: step.role,
    details: step.details ?? {},
    fileHashes: step.fileHashes ?? [],
  };
  const hash = recordEntryHash(head.record_head, content);
  await tx.execute(sql`INSERT INTO enforcement_record_entry (case_id, seq, action, from_state, to_state, on_date, at,
      actor_user_id, actor_name, actor_role, details, file_hashes, prev_hash, hash)
    VALUES (${caseId}, ${content.seq}, ${content.action}, ${content.fromState}, ${content.toState}, ${content.onDate}, ${content.at},
      ${content.actorUserId}, ${content.actorName}, ${content.actorRole}, ${JSON.stringify(content.details)}::jsonb,
      ${sql.param(content.fileHashes)}::text[], ${head.record_head}, ${hash})`);
  await tx.execute(
    sql`UPDATE enforcement_case SET record_head = ${hash}, record_length = ${content.seq} WHERE id = ${caseId}`,
  );
  return hash;
}

export interface StoredEntry {
  id: number;
  case_id: number;
  seq: number;
  action: string;
  from_state: string | null;
  to_state: string;
  on_date: string;
  at: Date | string;
  actor_user_id: number | null;
  actor_name: string | null;
  actor_role: string | null;
  details: unknown;
  file_hashes: string[];
  prev_hash: string;
  hash: string;
}

export function contentOf(r: StoredEntry): RecordEntryContent {
  return {
    caseId: Number(r.case_id),
    seq: r.seq,
    action: r.action,
    fromState: r.from_state,
    toState: r.to_state,
    onDate: r.on_date,
    at: iso(r.at),
    actorUserId: r.actor_user_id === null ? null : Number(r.actor_user_id),
    actorName: r.actor_name,
    actorRole: r.actor_role,
    details: typeof r.details === 'string' ? JSON.parse(r.details) : r.details,
    fileHashes: r.file_hashes ?? [],
  };
}

export async function recordEntries(db: Executor, caseId: number): Promise<StoredEntry[]> {
  return queryRows<StoredEntry>(
    db,
    sql`SELECT * FROM enforcement_record_entry WHERE case_id = ${caseId} ORDER BY seq`,
  );
}

export type RecordProblem =
  | 'hash_mismatch'
  | 'prev_hash_mismatch'
  | 'sequence_gap'
  | 'head_mismatch'
  | 'file_missing'
  | 'file_altered';

export interface RecordVerdict {
  ok: boolean;
  caseId: number;
  entries: number;
  headHash: string;
  files: { sha256: string; ok: boolean; problem: 'file_missing' | 'file_altered' | null }[];
  /** The first entry (seq) that does not match, with why. */
  broken: { seq: number | null; reason: RecordProblem } | null;
}

async function fileProblem(
  ctx: FileStoreContext,
  sha256: string,
): Promise<'file_missing' | 'file_altered' | null> {
  const bytes = await readFile(ctx, sha256);
  if (!bytes) return 'file_missing';
  const actual = createHash('sha256').update(bytes).digest('hex');
  return actual === sha256 ? null : 'file_altered';
}

/**
 * Recomputes the case's chain: each entry's prev_hash and hash, the sequence, the head kept on the
 * case, and (when `ctx` is given) that every file the record names is in the file store with that hash.
 */
export async function verifyCaseRecord(
  db: Executor,
  caseId: number,
  ctx?: FileStoreContext,
): Promise<RecordVerdict> {
  const head = await queryOne<{ record_head: string; record_length: number }>(
    db,
    sql`SELECT record_head, record_length FROM enforcement_case WHERE id = ${caseId}`,
  );
  if (!head) throw new Error(`case ${caseId} does not exist`);
  const rows = await recordEntries(db, caseId);
  let prev = GENESIS_HASH;
  let broken: RecordVerdict['broken'] = null;
  const hashes = new Set<string>();
  for (const [i, r] of rows.entries()) {
    if (r.seq !== i + 1) {
      broken = { seq: r.seq, reason: 'sequence_gap' };
      break;
    }
    if (r.prev_hash !== prev) {
      broken = { seq: r.seq, reason: 'prev_hash_mismatch' };
      break;
    }
    if (recordEntryHash(prev, contentOf(r)) !== r.hash) {
      broken = { seq: r.seq, reason: 'hash_mismatch' };
      break;
    }
    for (const h of r.file_hashes ?? []) hashes.add(h);
    prev = r.hash;
  }
  if (!broken && (head.record_head !== prev || head.record_length !== rows.length)) {
    broken = { seq: null, reason: 'head_mismatch' };
  }
  const files: RecordVerdict['files'] = [];
  for (const sha256 of ctx ? hashes : []) {
    const problem = await fileProblem(ctx!, sha256);
    files.push({ sha256, ok: problem === null, problem });
  }
  if (!broken) {
    const bad = files.find((f) => !f.ok);
    if (bad) broken = { seq: null, reason: bad.problem! };
  }
  return { ok: broken === null, caseId, entries: rows.length, headHash: head.record_head, files, broken };
}
