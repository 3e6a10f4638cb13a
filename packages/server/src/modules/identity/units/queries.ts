import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryOne, queryRows } from '../../../db/database.js';
import type { Actor } from '../actor.js';
import { inUnitScope } from '../scope.js';
import type { UnitDto, UnitListQuery } from './schemas.js';

/** Reads of units: department-owned records of a region, scoped like users. */
interface UnitRow {
  id: number;
  name: string;
  department_code: string;
  department_name: string;
  region_code: string;
  region_name: string;
  region_level: UnitDto['regionLevel'];
  user_count: number;
  created_at: string;
}

const columns = sql`un.id, un.name, un.department_code, d.name_zh AS department_name, un.region_code,
  r.name AS region_name, r.level AS region_level, un.created_at,
  (SELECT count(*)::int FROM app_user u WHERE u.unit_id = un.id) AS user_count`;

const from = sql`FROM unit un JOIN department d ON d.code = un.department_code JOIN region r ON r.code = un.region_code`;

const unitScope = (actor: Actor) => inUnitScope(actor, sql`un.region_code`, sql`un.department_code`);

export function presentUnit(row: UnitRow): UnitDto {
  return {
    id: row.id,
    name: row.name,
    departmentCode: row.department_code,
    departmentName: row.department_name,
    regionCode: row.region_code,
    regionName: row.region_name,
    regionLevel: row.region_level,
    userCount: row.user_count,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export const unitNotFound = (id: number, path?: string) =>
  new DomainError(
    'not_found',
    `单位 ${id} 不存在或不在您的管理范围内。`,
    `Unit ${id} not found.`,
    path
      ? {
          errors: [
            {
              path,
              code: 'not_found',
              messageZh: '单位不存在或不在您的管理范围内',
              messageEn: 'No such unit in your scope',
            },
          ],
        }
      : undefined,
  );

export async function findUnit(db: Executor, actor: Actor, id: number): Promise<UnitDto | undefined> {
  const row = await queryOne<UnitRow>(
    db,
    sql`SELECT ${columns} ${from} WHERE un.id = ${id} AND ${unitScope(actor)}`,
  );
  return row ? presentUnit(row) : undefined;
}

/** A unit in the actor's scope; `path` names the request field when the unit is a target (unitId). */
export async function getUnit(db: Executor, actor: Actor, id: number, path?: string): Promise<UnitDto> {
  const unit = await findUnit(db, actor, id);
  if (!unit) throw unitNotFound(id, path);
  return unit;
}

export async function listUnits(
  db: Executor,
  actor: Actor,
  query: UnitListQuery,
): Promise<{ items: UnitDto[]; total: number }> {
  const where = [unitScope(actor)];
  if (query.departmentCode) where.push(sql`un.department_code = ${query.departmentCode}`);
  if (query.regionCode) where.push(sql`un.region_code LIKE ${`${query.regionCode}%`}`);
  if (query.q) where.push(sql`un.name LIKE ${`%${query.q.replace(/[%_\\]/g, '\\$&')}%`}`);
  const condition = sql.join(where, sql` AND `);
  const total = await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n ${from} WHERE ${condition}`);
  const rows = await queryRows<UnitRow>(
    db,
    sql`SELECT ${columns} ${from} WHERE ${condition}
        ORDER BY length(un.region_code), un.region_code, d.sort_order, un.name
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
  );
  return { items: rows.map(presentUnit), total: total?.n ?? 0 };
}

export async function listDepartments(db: Executor) {
  return queryRows<{ code: string; nameZh: string; nameEn: string }>(
    db,
    sql`SELECT code, name_zh AS "nameZh", name_en AS "nameEn" FROM department ORDER BY sort_order, code`,
  );
}

/**
 * The unit of a department at a region, whoever asks (the competent authority of a licensing
 * application is public knowledge): the oldest if a region has several.
 */
export async function unitAt(
  db: Executor,
  departmentCode: string,
  regionCode: string,
): Promise<{ id: number; name: string; regionCode: string; departmentCode: string } | undefined> {
  return queryOne(
    db,
    sql`SELECT id, name, region_code AS "regionCode", department_code AS "departmentCode" FROM unit
        WHERE department_code = ${departmentCode} AND region_code = ${regionCode} ORDER BY id LIMIT 1`,
  );
}
