import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { queryOne } from '../../../db/database.js';
import type { AppContext } from '../../../http/context.js';
import { diffOf, recordAudit } from '../../audit/record-audit.js';
import { type Actor, auditActorOf } from '../actor.js';
import { getRole } from './queries.js';

/** Deletes a custom role that no user holds. Built-in roles stay (their permissions can be edited). */
export async function deleteRole({
  ctx,
  actor,
  code,
}: {
  ctx: AppContext;
  actor: Actor;
  code: string;
}): Promise<void> {
  const at = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    const before = await getRole(tx, actor, code);
    if (before.builtin) {
      throw new DomainError(
        'builtin_role',
        `角色 ${code} 为系统内置角色，不能删除（可以调整其权限）。`,
        `Role ${code} is built in and cannot be deleted (its permissions can be edited).`,
      );
    }
    await tx.execute(sql`SELECT code FROM role WHERE code = ${code} FOR UPDATE`);
    const holders = await queryOne<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM user_role WHERE role_code = ${code}`,
    );
    if ((holders?.n ?? 0) > 0) {
      throw new DomainError(
        'role_in_use',
        `仍有用户持有角色 ${code}，请先为这些用户调整角色后再删除。`,
        `Users still hold role ${code}; change their roles before deleting it.`,
      );
    }
    await tx.execute(sql`DELETE FROM role WHERE code = ${code}`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'identity.role.delete',
        entityType: 'role',
        entityId: code,
        diff: diffOf(
          {
            nameZh: before.nameZh,
            nameEn: before.nameEn,
            forKind: before.forKind,
            permissions: before.permissions,
          },
          null,
        ),
      },
      at,
    );
  });
}
