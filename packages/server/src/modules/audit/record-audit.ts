import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import { queryRows } from '../../db/database.js';
import { type AuditContent, auditHash, GENESIS_HASH } from './chain.js';

/** Who acted, as recorded in the trail. `null` user = the system (start-up, jobs, demo seed). */
export interface AuditActor {
  userId: number | null;
  name: string | null;
  roles: string[];
  unitId: number | null;
  ip: string | null;
  requestId: string | null;
}

export const SYSTEM_ACTOR: AuditActor = {
  userId: null,
  name: 'system',
  roles: [],
  unitId: null,
  ip: null,
  requestId: null,
};

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number | null;
  diff?: Record<string, unknown>;
}

// Serialises appends so the chain stays linear across concurrent transactions and processes.
const AUDIT_CHAIN_LOCK = 72_002;

/**
 * Appends one row to the audit trail. Call it inside the transaction that makes the change, so the
 * change and its record commit or roll back together.
 */
export async function recordAudit(
  tx: Executor,
  actor: AuditActor,
  entry: AuditEntry,
  at: Date,
): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const last = await queryRows<{ id: number; hash: string }>(
    tx,
    sql`SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1`,
  );
  const prevHash = last[0]?.hash ?? GENESIS_HASH;
  const next = await queryRows<{ id: number }>(tx, sql`SELECT nextval('audit_event_id_seq')::bigint AS id`);
  const content: AuditContent = {
    id: next[0]!.id,
    occurredAt: at.toISOString(),
    actorUserId: actor.userId,
    actorName: actor.name,
    actorRoles: actor.roles,
    actorUnitId: actor.unitId,
    sourceIp: actor.ip,
    requestId: actor.requestId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    diff: entry.diff ?? {},
  };
  const hash = auditHash(prevHash, content);
  await tx.execute(sql`
    INSERT INTO audit_event (id, occurred_at, actor_user_id, actor_name, actor_roles, actor_unit_id, source_ip,
      request_id, action, entity_type, entity_id, diff, prev_hash, hash)
    VALUES (${content.id}, ${content.occurredAt}, ${content.actorUserId}, ${content.actorName},
      ${`{${content.actorRoles.join(',')}}`}::text[], ${content.actorUnitId}, ${content.sourceIp}, ${content.requestId},
      ${content.action}, ${content.entityType}, ${content.entityId}, ${JSON.stringify(content.diff)}::jsonb,
      ${prevHash}, ${hash})`);
}

/** The before/after difference of two records: only the fields that changed, as [before, after]. */
export function diffOf(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Record<string, [unknown, unknown]> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of keys) {
    const b = before?.[k] ?? null;
    const a = after?.[k] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out[k] = [b, a];
  }
  return out;
}
