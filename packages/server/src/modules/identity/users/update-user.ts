import { regionScopePrefix } from '@weijian/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../../http/context.js';
import { diffOf, recordAudit } from '../../audit/record-audit.js';
import { type Actor, auditActorOf } from '../actor.js';
import { assertAdministrationRemains, lockAdministration } from '../roles/last-administrator.js';
import { assertGrantableRoles, assertNotMorePrivileged } from '../roles/role-grants.js';
import { getUnit } from '../units/queries.js';
import { assertNoOpenTasksOutside } from './open-task-checks.js';
import { chinaDate, type SealedValue, sealIdNumber, sealPhone } from './personal-data.js';
import { getUser, presentUser } from './queries.js';
import type { UpdateUserBody, UserDto } from './schemas.js';

/**
 * Edits a user: name, unit (a move, refused while they have open tasks the new unit's region does
 * not cover), roles (only ones the actor may grant; never leaving the system without an
 * administrator), phone and ID number (stored encrypted; the audit diff shows them masked).
 */
export async function updateUser({
  ctx,
  actor,
  userId,
  input,
}: {
  ctx: AppContext;
  actor: Actor;
  userId: number;
  input: UpdateUserBody;
}): Promise<UserDto> {
  const at = ctx.now();
  const phone: SealedValue | null | undefined =
    input.phone === undefined ? undefined : input.phone === null ? null : sealPhone(ctx.secrets, input.phone);
  const idNumber: SealedValue | null | undefined =
    input.idNumber === undefined
      ? undefined
      : input.idNumber === null
        ? null
        : sealIdNumber(ctx.secrets, input.idNumber, chinaDate(at));

  const user = await ctx.database.db.transaction(async (tx) => {
    if (input.roles) await lockAdministration(tx);
    const before = await getUser(tx, actor, userId, { forUpdate: true });
    await assertNotMorePrivileged(tx, actor, userId);
    const shown = presentUser(before, ctx.secrets, at);

    const sets: SQL[] = [];
    const diff: Record<string, [unknown, unknown]> = {};
    if (input.displayName !== undefined && input.displayName !== before.display_name) {
      sets.push(sql`display_name = ${input.displayName}`);
      diff.displayName = [before.display_name, input.displayName];
    }
    if (input.unitId !== undefined && input.unitId !== before.unit_id) {
      const unit = await getUnit(tx, actor, input.unitId, 'unitId');
      await assertNoOpenTasksOutside(tx, {
        userId,
        from: {
          unitId: before.unit_id!,
          regionCode: before.region_code!,
          departmentCode: before.department_code!,
        },
        to: {
          unitId: unit.id,
          regionCode: unit.regionCode,
          departmentCode: unit.departmentCode,
          regionPrefix: regionScopePrefix(unit.regionCode, unit.regionLevel),
        },
      });
      sets.push(sql`unit_id = ${unit.id}`);
      diff.unitId = [before.unit_id, unit.id];
    }
    if (phone !== undefined && (phone?.hash ?? null) !== (before.phone_hash?.trim() ?? null)) {
      sets.push(sql`phone_enc = ${phone?.enc ?? null}, phone_hash = ${phone?.hash ?? null}`);
      diff.phone = [shown.phoneMasked, phone?.masked ?? null];
    }
    if (idNumber !== undefined && (idNumber?.hash ?? null) !== (before.id_number_hash?.trim() ?? null)) {
      sets.push(sql`id_number_enc = ${idNumber?.enc ?? null}, id_number_hash = ${idNumber?.hash ?? null}`);
      diff.idNumber = [shown.idNumberMasked, idNumber?.masked ?? null];
    }
    const beforeRoles = before.roles.map((r) => r.code).sort();
    const roles = input.roles ? [...new Set(input.roles)].sort() : beforeRoles;
    const rolesChanged = JSON.stringify(roles) !== JSON.stringify(beforeRoles);
    if (rolesChanged) {
      await assertGrantableRoles(tx, actor, roles, before.kind);
      Object.assign(diff, diffOf({ roles: beforeRoles }, { roles }));
    }
    if (Object.keys(diff).length === 0) return before;

    if (sets.length > 0) {
      await tx.execute(sql`UPDATE app_user SET ${sql.join(sets, sql`, `)} WHERE id = ${userId}`);
    }
    if (rolesChanged) {
      await tx.execute(sql`DELETE FROM user_role WHERE user_id = ${userId}`);
      for (const role of roles) {
        await tx.execute(sql`INSERT INTO user_role (user_id, role_code) VALUES (${userId}, ${role})`);
      }
      await assertAdministrationRemains(tx);
    }
    await recordAudit(
      tx,
      auditActorOf(actor),
      { action: 'identity.user.update', entityType: 'user', entityId: userId, diff },
      at,
    );
    return getUser(tx, actor, userId);
  });
  return presentUser(user, ctx.secrets, at);
}
