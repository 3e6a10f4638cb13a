import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { queryOne } from '../../../db/database.js';
import type { AppContext } from '../../../http/context.js';
import { diffOf, recordAudit } from '../../audit/record-audit.js';
import { type Actor, auditActorOf } from '../actor.js';
import { newApiKey } from './api-key-token.js';
import { getApiKey } from './queries.js';
import type { ApiKeyDto } from './schemas.js';

/**
 * An institution user creates a key for their establishment's information system. The key carries
 * a subset of the user's own permissions, never the power to manage keys; it is shown once.
 */
export async function createApiKey({
  ctx,
  actor,
  input,
}: {
  ctx: AppContext;
  actor: Actor;
  input: { name: string; permissions: string[] };
}): Promise<{ apiKey: ApiKeyDto; key: string }> {
  const at = ctx.now();
  if (actor.kind !== 'institution' || actor.establishmentId === null) {
    throw new DomainError(
      'institution_only',
      '接口密钥由机构用户为本机构创建。',
      "API keys are created by an institution's own users for their establishment.",
    );
  }
  const permissions = [...new Set(input.permissions)].sort();
  const errors = permissions.flatMap((p) =>
    p === 'identity.api-key.manage' || !actor.permissions.has(p as never)
      ? [
          {
            path: `permissions.${input.permissions.indexOf(p)}`,
            code: 'permission_not_grantable',
            messageZh: `密钥不能携带权限 ${p}（须为您本人持有的权限，且不含密钥管理）`,
            messageEn: `A key cannot carry ${p} (only your own permissions, never key management)`,
          },
        ]
      : [],
  );
  if (errors.length > 0) {
    throw new DomainError(
      'permission_not_grantable',
      '密钥权限须为您本人持有的权限。',
      'A key may only carry permissions you hold.',
      { errors },
    );
  }
  const { key, prefix, hash } = newApiKey();
  const apiKey = await ctx.database.db.transaction(async (tx) => {
    const created = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO api_key (establishment_id, name, prefix, key_hash, permissions, created_by, created_at)
          VALUES (${actor.establishmentId}, ${input.name}, ${prefix}, ${hash}, ${`{${permissions.join(',')}}`}::text[],
                  ${actor.userId}, ${at.toISOString()})
          RETURNING id`,
    );
    const id = created!.id;
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'identity.api-key.create',
        entityType: 'api_key',
        entityId: id,
        diff: diffOf(null, { name: input.name, prefix, establishmentId: actor.establishmentId, permissions }),
      },
      at,
    );
    return getApiKey(tx, actor, id);
  });
  return { apiKey, key };
}
