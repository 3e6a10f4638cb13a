import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { queryOne } from '../../../db/database.js';
import type { AppContext } from '../../../http/context.js';
import { diffOf, recordAudit } from '../../audit/record-audit.js';
import { type Actor, auditActorOf } from '../actor.js';
import { inRegionScope } from '../scope.js';
import { isUniqueViolation } from '../users/db-errors.js';
import { getUnit } from './queries.js';
import type { UnitDto } from './schemas.js';

const field = (path: string, code: string, messageZh: string, messageEn: string) => ({
  errors: [{ path, code, messageZh, messageEn }],
});

export const unitNameTaken = (name: string) =>
  new DomainError(
    'conflict',
    `该部门在此区划已有名为“${name}”的单位。`,
    `The department already has a unit named "${name}" in this region.`,
    field(
      'name',
      'unit_name_taken',
      '同一部门、同一区划下单位名称不能重复',
      'Unit names are unique per department and region',
    ),
  );

/**
 * Creates a department's unit at a region: the region must exist, lie in the actor's scope and be
 * in use; the department must be the actor's own unless they may cross departments.
 */
export async function createUnit({
  ctx,
  actor,
  input,
}: {
  ctx: AppContext;
  actor: Actor;
  input: { departmentCode: string; regionCode: string; name: string };
}): Promise<UnitDto> {
  const at = ctx.now();
  try {
    return await ctx.database.db.transaction(async (tx) => {
      const department = await queryOne(
        tx,
        sql`SELECT 1 FROM department WHERE code = ${input.departmentCode}`,
      );
      if (!department) {
        throw new DomainError(
          'unknown_department',
          `部门 ${input.departmentCode} 不存在。`,
          `There is no department ${input.departmentCode}.`,
          field('departmentCode', 'unknown_department', '部门不存在', 'No such department'),
        );
      }
      if (
        !actor.permissions.has('identity.scope.all-departments') &&
        actor.unit?.departmentCode !== input.departmentCode
      ) {
        throw new DomainError(
          'department_out_of_scope',
          '只能为本部门创建单位。',
          'You can only create units of your own department.',
          field('departmentCode', 'department_out_of_scope', '只能选择本部门', 'Only your own department'),
        );
      }
      const region = await queryOne<{ retired: boolean }>(
        tx,
        sql`SELECT r.retired FROM region r WHERE r.code = ${input.regionCode} AND ${inRegionScope(actor, sql`r.code`)}`,
      );
      if (!region) {
        throw new DomainError(
          'not_found',
          `行政区划 ${input.regionCode} 不存在或不在您的管理范围内。`,
          `Region ${input.regionCode} not found in your scope.`,
          field('regionCode', 'not_found', '区划不存在或不在管理范围内', 'No such region in your scope'),
        );
      }
      if (region.retired) {
        throw new DomainError(
          'region_retired',
          `行政区划 ${input.regionCode} 已撤销，不能在其下新建单位。`,
          `Region ${input.regionCode} is retired; no new unit can be created there.`,
          field('regionCode', 'region_retired', '区划已撤销', 'The region is retired'),
        );
      }
      const taken = await queryOne(
        tx,
        sql`SELECT 1 FROM unit WHERE department_code = ${input.departmentCode} AND region_code = ${input.regionCode}
            AND name = ${input.name}`,
      );
      if (taken) throw unitNameTaken(input.name);
      const created = await queryOne<{ id: number }>(
        tx,
        sql`INSERT INTO unit (department_code, region_code, name, created_at)
            VALUES (${input.departmentCode}, ${input.regionCode}, ${input.name}, ${at.toISOString()}) RETURNING id`,
      );
      const id = created!.id;
      await recordAudit(
        tx,
        auditActorOf(actor),
        { action: 'identity.unit.create', entityType: 'unit', entityId: id, diff: diffOf(null, input) },
        at,
      );
      return getUnit(tx, actor, id);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw unitNameTaken(input.name);
    throw e;
  }
}
