import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';

export interface AuditEvent {
  id: number;
  /** ISO 8601, UTC. */
  occurredAt: string;
  /** null = the system. */
  actorUserId: number | null;
  actorName: string | null;
  actorRoles: string[];
  actorUnit: { id: number; name: string } | null;
  sourceIp: string | null;
  requestId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** {field: [before, after]} for changes; other facts as they are. Personal data masked. */
  diff: Record<string, unknown>;
}

/** Days are China time (UTC+8) on the server too. */
export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
}

export interface ChainVerdict {
  ok: boolean;
  rows: number;
  brokenAt?: number;
  reason?: 'hash_mismatch' | 'prev_hash_mismatch';
  lastHash?: string;
}

/** The server refuses larger exports (export_too_large). */
export const MAX_EXPORT_ROWS = 100_000;

export function useAuditEvents(filter: AuditFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit-events', filter, page, pageSize],
    queryFn: ({ signal }) =>
      api.get<{ items: AuditEvent[]; total: number }>('/audit-events', { ...filter, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

/** A plain link: the browser downloads the file with the session cookie (a GET, so no CSRF header). */
export function auditExportUrl(filter: AuditFilter, format: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams({ format });
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
  return `/api/v1/audit-events/export?${params}`;
}

export const verifyAuditChain = () => api.get<ChainVerdict>('/audit-events/verify');

/** An ISO instant in China time (UTC+8, no daylight saving): 2026-03-10 10:00:00. */
export function chinaTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 19).replace('T', ' ');
}
