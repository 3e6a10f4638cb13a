import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { queryOne } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { diffOf, recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { inRegionScope } from '../identity/scope.js';
import { isUniqueViolation } from '../identity/users/db-errors.js';
import { getRegion, type RegionRow } from './queries.js';

/**
 * A deployment adds the levels GB/T 2260 does not list: streets and towns (9 digits, GB/T 10114
 * style) under a county, villages and communities (12 digits) under a town. The parent must be in
 * the actor's region scope and in use; the new code extends the parent's.
 */
const CHILD_LEVEL = { county: { level: 'town', digits: 9 }, town: { level: 'village', digits: 12 } } as const;

const fieldError = (code: string, path: string, zh: string, en: string) =>
  new DomainError(code, zh, en, { errors: [{ path, code, messageZh: zh, messageEn: en }] });

export async function addRegion({
  ctx,
  actor,
  input,
}: {
  ctx: AppContext;
  actor: Actor;
  input: { parentCode: string; code: string; name: string };
}): Promise<RegionRow> {
  const at = ctx.now();
  const codeTaken = () =>
    fieldError('conflict', 'code', `区划代码 ${input.code} 已存在`, `Region code ${input.code} exists`);
  try {
    return await ctx.database.db.transaction(async (tx) => {
      const parent = await queryOne<{ code: string; level: string; retired: boolean }>(
        tx,
        sql`SELECT r.code, r.level, r.retired FROM region r
            WHERE r.code = ${input.parentCode} AND ${inRegionScope(actor, sql`r.code`)}`,
      );
      if (!parent) {
        throw fieldError(
          'not_found',
          'parentCode',
          `上级区划 ${input.parentCode} 不存在或不在您的管理范围内`,
          `Parent region ${input.parentCode} not found in your scope`,
        );
      }
      if (parent.retired) {
        throw fieldError('region_retired', 'parentCode', '上级区划已撤销', 'The parent region is retired');
      }
      const child = CHILD_LEVEL[parent.level as keyof typeof CHILD_LEVEL];
      if (!child) {
        throw fieldError(
          'invalid_parent_level',
          'parentCode',
          '只能在区县下添加乡镇（街道），在乡镇（街道）下添加村（社区）',
          'Towns are added under a county, villages under a town',
        );
      }
      if (
        input.code.length !== child.digits ||
        !input.code.startsWith(parent.code) ||
        /^0+$/.test(input.code.slice(parent.code.length))
      ) {
        throw fieldError(
          'code_not_under_parent',
          'code',
          `代码应为 ${child.digits} 位，以上级代码 ${parent.code} 开头，且末段不全为 0`,
          `The code must have ${child.digits} digits, start with the parent's code ${parent.code} and not end in zeros only`,
        );
      }
      if (await queryOne(tx, sql`SELECT 1 FROM region WHERE code = ${input.code}`)) throw codeTaken();
      const sibling = await queryOne(
        tx,
        sql`SELECT 1 FROM region WHERE parent_code = ${parent.code} AND name = ${input.name} AND NOT retired`,
      );
      if (sibling) {
        throw fieldError(
          'conflict',
          'name',
          `上级区划下已有“${input.name}”`,
          `The parent already has "${input.name}"`,
        );
      }
      await tx.execute(sql`INSERT INTO region (code, name, level, parent_code, source)
        VALUES (${input.code}, ${input.name}, ${child.level}, ${parent.code}, 'deployment')`);
      await recordAudit(
        tx,
        auditActorOf(actor),
        {
          action: 'identity.region.create',
          entityType: 'region',
          entityId: input.code,
          diff: diffOf(null, { name: input.name, level: child.level, parentCode: parent.code }),
        },
        at,
      );
      return (await getRegion(tx, input.code))!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw codeTaken();
    throw e;
  }
}
