import { addDays, DomainError } from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { inUnitScope } from '../identity/scope.js';
import type { AuditEventDto, AuditFilter } from './schemas.js';

/**
 * Reads of the audit trail, scoped like the records they describe: a row is visible when the
 * actor's unit at the time lies in the reader's region subtree and department (or any department
 * for cross-department administrators). Rows without a unit (the system, sign-ins, institution
 * users, API keys) only to cross-department administrators at province or city level.
 */
export function seesUnitlessRows(actor: Actor): boolean {
  return (
    actor.permissions.has('identity.scope.all-departments') &&
    (actor.unit?.regionLevel === 'province' || actor.unit?.regionLevel === 'city')
  );
}

export function auditScope(actor: Actor): SQL {
  return sql`((a.actor_unit_id IS NOT NULL AND un.id IS NOT NULL AND ${inUnitScope(actor, sql`un.region_code`, sql`un.department_code`)})
    OR (a.actor_unit_id IS NULL AND ${seesUnitlessRows(actor) ? sql`true` : sql`false`}))`;
}

const from = sql`FROM audit_event a LEFT JOIN unit un ON un.id = a.actor_unit_id`;

const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');

/** The day boundaries are China time (UTC+8): an auditor's "10 March" is Beijing's. */
export function auditWhere(actor: Actor, f: AuditFilter, upToId?: number): SQL {
  const where = [auditScope(actor)];
  if (f.from) where.push(sql`a.occurred_at >= ${`${f.from}T00:00:00+08:00`}::timestamptz`);
  if (f.to) where.push(sql`a.occurred_at < ${`${addDays(f.to, 1)}T00:00:00+08:00`}::timestamptz`);
  if (f.actorUserId !== undefined) where.push(sql`a.actor_user_id = ${f.actorUserId}`);
  if (f.actor) {
    const p = `%${escapeLike(f.actor)}%`;
    where.push(sql`(a.actor_name ILIKE ${p} OR EXISTS (SELECT 1 FROM app_user au
      WHERE au.id = a.actor_user_id AND au.display_name ILIKE ${p}))`);
  }
  if (f.action) where.push(sql`a.action LIKE ${`${escapeLike(f.action)}%`}`);
  if (f.entityType) where.push(sql`a.entity_type = ${f.entityType}`);
  if (f.entityId) where.push(sql`a.entity_id = ${f.entityId}`);
  if (upToId !== undefined) where.push(sql`a.id <= ${upToId}`);
  return sql.join(where, sql` AND `);
}

export interface AuditRow {
  id: number;
  occurred_at: string;
  actor_user_id: number | null;
  actor_name: string | null;
  actor_roles: string[];
  actor_unit_id: number | null;
  actor_unit_name: string | null;
  source_ip: string | null;
  request_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  diff: unknown;
  hash: string;
}

const columns = sql`a.id, a.occurred_at, a.actor_user_id, a.actor_name, a.actor_roles, a.actor_unit_id,
  un.name AS actor_unit_name, a.source_ip, a.request_id, a.action, a.entity_type, a.entity_id, a.diff, a.hash`;

export function presentAuditEvent(r: AuditRow): AuditEventDto {
  const diff = typeof r.diff === 'string' ? JSON.parse(r.diff) : r.diff;
  return {
    id: Number(r.id),
    occurredAt: new Date(r.occurred_at).toISOString(),
    actorUserId: r.actor_user_id === null ? null : Number(r.actor_user_id),
    actorName: r.actor_name,
    actorRoles: Array.isArray(r.actor_roles) ? r.actor_roles : [],
    actorUnit:
      r.actor_unit_id === null ? null : { id: Number(r.actor_unit_id), name: r.actor_unit_name ?? '' },
    sourceIp: r.source_ip,
    requestId: r.request_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    diff: diff && typeof diff === 'object' && !Array.isArray(diff) ? diff : {},
  };
}

/** Newest first. */
export async function listAuditEvents(
  db: Executor,
  actor: Actor,
  f: AuditFilter & { page: number; pageSize: number },
): Promise<{ items: AuditEventDto[]; total: number }> {
  const where = auditWhere(actor, f);
  const total = await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n ${from} WHERE ${where}`);
  const rows = await queryRows<AuditRow>(
    db,
    sql`SELECT ${columns} ${from} WHERE ${where} ORDER BY a.id DESC
        LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
  );
  return { items: rows.map(presentAuditEvent), total: total?.n ?? 0 };
}

/** How many rows match, up to which id: an export reads exactly these, however the trail grows meanwhile. */
export async function countForExport(
  db: Executor,
  actor: Actor,
  f: AuditFilter,
): Promise<{ rows: number; upToId: number }> {
  const last = await queryOne<{ id: number | null }>(db, sql`SELECT max(id)::bigint AS id FROM audit_event`);
  const upToId = Number(last?.id ?? 0);
  const n = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n ${from} WHERE ${auditWhere(actor, f, upToId)}`,
  );
  return { rows: n?.n ?? 0, upToId };
}

/** The matching rows, newest first, a page at a time (keyset), for streaming exports. */
export async function* auditRowsForExport(
  db: Executor,
  actor: Actor,
  f: AuditFilter,
  upToId: number,
  pageSize = 1000,
): AsyncGenerator<AuditRow[]> {
  let below = upToId + 1;
  for (;;) {
    const rows = await queryRows<AuditRow>(
      db,
      sql`SELECT ${columns} ${from} WHERE ${auditWhere(actor, f, upToId)} AND a.id < ${below}
          ORDER BY a.id DESC LIMIT ${pageSize}`,
    );
    if (rows.length === 0) return;
    yield rows;
    below = Number(rows[rows.length - 1]!.id);
    if (rows.length < pageSize) return;
  }
}

export function assertMayVerifyChain(actor: Actor): void {
  if (!seesUnitlessRows(actor)) {
    throw new DomainError(
      'forbidden',
      '只有市级或省级的跨部门管理员可以校验整条审计日志。',
      'Only cross-department administrators at city or province level may verify the whole audit trail.',
    );
  }
}
