import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, queryOne, queryRows } from '../../db/database.js';
import type { Actor } from '../identity/actor.js';
import { likeEscape, regionFilterPrefix } from '../registry/establishment-record.js';
import { establishmentFactsOf } from '../registry/pool-queries.js';
import { dateText } from './dates.js';
import { iso } from './reference-queries.js';
import type { inspectorListQuerySchema } from './roster-schemas.js';
import { inspectorInScope, notFound } from './scope.js';

export interface InspectorRow {
  id: number;
  certificate_no: string;
  certificate_valid_until: Date | string | null;
  name: string;
  unit_id: number;
  unit_name: string;
  department_code: string;
  region_code: string;
  specialties: string[];
  available: boolean;
  unavailable_reason: string | null;
  user_id: number | null;
  version: number;
  updated_at: Date | string;
  open_tasks: number;
}

const COLUMNS = sql`o.id, o.certificate_no, o.certificate_valid_until::text AS certificate_valid_until, o.name, o.unit_id, un.name AS unit_name, o.department_code, o.region_code,
  o.specialties, o.available, o.unavailable_reason, o.user_id, o.version, o.updated_at,
  (SELECT count(*)::int FROM inspection_team t JOIN inspection i ON i.id = t.inspection_id
    WHERE t.inspector_id = o.id AND i.status = 'assigned') AS open_tasks`;

export const presentInspector = (r: InspectorRow) => ({
  id: Number(r.id),
  certificateNo: r.certificate_no,
  certificateValidUntil: dateText(r.certificate_valid_until),
  name: r.name,
  unit: { id: Number(r.unit_id), name: r.unit_name },
  departmentCode: r.department_code,
  regionCode: r.region_code,
  specialties: r.specialties,
  available: r.available,
  unavailableReason: r.unavailable_reason,
  userId: r.user_id === null ? null : Number(r.user_id),
  openTasks: r.open_tasks,
  version: r.version,
  updatedAt: iso(r.updated_at)!,
});

export async function loadInspector(
  db: Executor,
  actor: Actor,
  id: number,
  forUpdate = false,
): Promise<InspectorRow> {
  const r = await queryOne<InspectorRow>(
    db,
    sql`SELECT ${COLUMNS} FROM inspector o JOIN unit un ON un.id = o.unit_id
        WHERE o.id = ${id} AND ${inspectorInScope(actor)} ${forUpdate ? sql`FOR UPDATE OF o` : sql``}`,
  );
  if (!r) throw notFound('inspector', id);
  return r;
}

export async function searchInspectors(
  db: Executor,
  actor: Actor,
  q: z.infer<typeof inspectorListQuerySchema>,
) {
  const where: SQL[] = [inspectorInScope(actor)];
  if (q.q) {
    const like = `%${likeEscape(q.q)}%`;
    where.push(sql`(o.name LIKE ${like} OR o.certificate_no LIKE ${like})`);
  }
  if (q.departmentCode) where.push(sql`o.department_code = ${q.departmentCode}`);
  if (q.regionCode) where.push(sql`o.region_code LIKE ${`${regionFilterPrefix(q.regionCode)}%`}`);
  if (q.available) where.push(sql`o.available = ${q.available === 'true'}`);
  const w = sql.join(where, sql` AND `);
  const rows = await queryRows<InspectorRow>(
    db,
    sql`SELECT ${COLUMNS} FROM inspector o JOIN unit un ON un.id = o.unit_id WHERE ${w}
        ORDER BY o.region_code, o.department_code, o.certificate_no LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const total = await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM inspector o WHERE ${w}`);
  return { items: rows.map(presentInspector), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function inspectorDetail(db: Executor, actor: Actor, id: number) {
  const r = await loadInspector(db, actor, id);
  const conflicts = await queryRows<{
    id: number;
    establishment_id: number;
    reason: 'former_employer' | 'relative' | 'other';
    note: string;
    source: 'declared' | 'recorded';
    created_at: Date | string;
    created_by_name: string | null;
    ended_at: Date | string | null;
    end_reason: string | null;
  }>(
    db,
    sql`SELECT * FROM inspector_conflict WHERE inspector_id = ${id} ORDER BY ended_at NULLS FIRST, created_at DESC`,
  );
  const names = await establishmentFactsOf(
    db,
    conflicts.map((c) => Number(c.establishment_id)),
  );
  return {
    ...presentInspector(r),
    conflicts: conflicts.map((c) => ({
      id: Number(c.id),
      establishmentId: Number(c.establishment_id),
      establishmentName: names.get(Number(c.establishment_id))?.name ?? null,
      reason: c.reason,
      note: c.note,
      source: c.source,
      createdAt: iso(c.created_at)!,
      createdBy: c.created_by_name,
      endedAt: iso(c.ended_at),
      endReason: c.end_reason,
    })),
  };
}
