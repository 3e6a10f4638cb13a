import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import { queryRows } from '../../db/database.js';
import { type AuditContent, auditHash, GENESIS_HASH } from './chain.js';

export type ChainVerdict =
  | { ok: true; rows: number; lastHash: string }
  | { ok: false; rows: number; brokenAt: number; reason: 'hash_mismatch' | 'prev_hash_mismatch' };

interface StoredRow {
  id: number;
  occurred_at: string | Date;
  actor_user_id: number | null;
  actor_name: string | null;
  actor_roles: string[] | string;
  actor_unit_id: number | null;
  source_ip: string | null;
  request_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  diff: unknown;
  prev_hash: string;
  hash: string;
}

function toContent(r: StoredRow): AuditContent {
  return {
    id: Number(r.id),
    occurredAt: new Date(r.occurred_at).toISOString(),
    actorUserId: r.actor_user_id === null ? null : Number(r.actor_user_id),
    actorName: r.actor_name,
    actorRoles: Array.isArray(r.actor_roles) ? r.actor_roles : [],
    actorUnitId: r.actor_unit_id === null ? null : Number(r.actor_unit_id),
    sourceIp: r.source_ip,
    requestId: r.request_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    diff: typeof r.diff === 'string' ? JSON.parse(r.diff) : r.diff,
  };
}

/** Recomputes the chain in id order, in pages, and names the first row that does not match. */
export async function verifyAuditChain(db: Executor, pageSize = 5000): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let afterId = 0;
  let rows = 0;
  for (;;) {
    const page = await queryRows<StoredRow>(
      db,
      sql`
      SELECT * FROM audit_event WHERE id > ${afterId} ORDER BY id LIMIT ${pageSize}`,
    );
    if (page.length === 0) return { ok: true, rows, lastHash: prev };
    for (const r of page) {
      rows++;
      if (r.prev_hash !== prev)
        return { ok: false, rows, brokenAt: Number(r.id), reason: 'prev_hash_mismatch' };
      const expected = auditHash(prev, toContent(r));
      if (expected !== r.hash) return { ok: false, rows, brokenAt: Number(r.id), reason: 'hash_mismatch' };
      prev = r.hash;
      afterId = Number(r.id);
    }
  }
}
