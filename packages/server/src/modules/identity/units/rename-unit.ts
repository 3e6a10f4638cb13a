import { sql } from 'drizzle-orm';
import { queryOne } from '../../../db/database.js';
import type { AppContext } from '../../../http/context.js';
import { recordAudit } from '../../audit/record-audit.js';
import { type Actor, auditActorOf } from '../actor.js';
import { isUniqueViolation } from '../users/db-errors.js';
import { unitNameTaken } from './create-unit.js';
import { getUnit } from './queries.js';
import type { UnitDto } from './schemas.js';

/** Renames a unit of the actor's scope (its department and region never change: create a new unit). */
export async function renameUnit({
  ctx,
  actor,
  unitId,
  name,
}: {
  ctx: AppContext;
  actor: Actor;
  unitId: number;
  name: string;
}): Promise<UnitDto> {
  const at = ctx.now();
  try {
    return await ctx.database.db.transaction(async (tx) => {
      const before = await getUnit(tx, actor, unitId);
      if (before.name === name) return before;
      const taken = await queryOne(
        tx,
        sql`SELECT 1 FROM unit WHERE department_code = ${before.departmentCode} AND region_code = ${before.regionCode}
            AND name = ${name} AND id <> ${unitId}`,
      );
      if (taken) throw unitNameTaken(name);
      await tx.execute(sql`UPDATE unit SET name = ${name} WHERE id = ${unitId}`);
      await recordAudit(
        tx,
        auditActorOf(actor),
        {
          action: 'identity.unit.update',
          entityType: 'unit',
          entityId: unitId,
          diff: { name: [before.name, name] },
        },
        at,
      );
      return getUnit(tx, actor, unitId);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw unitNameTaken(name);
    throw e;
  }
}
