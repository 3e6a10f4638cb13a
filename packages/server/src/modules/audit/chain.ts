import { createHash } from 'node:crypto';

/**
 * The audit trail's hash chain (docs/audit-chain.md): each row's hash is
 * sha256(prev_hash || "\n" || canonical JSON of the row's content), so changing, inserting or
 * removing any row breaks every hash after it.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  id: number;
  occurredAt: string; // ISO 8601 with milliseconds, UTC
  actorUserId: number | null;
  actorName: string | null;
  actorRoles: string[];
  actorUnitId: number | null;
  sourceIp: string | null;
  requestId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  diff: unknown;
}

/** JSON with object keys sorted at every level: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function auditHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalJson(content)}`)
    .digest('hex');
}
