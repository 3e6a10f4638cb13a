import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../http/context.js';
import { recordAudit } from '../../audit/record-audit.js';
import { type Actor, auditActorOf } from '../actor.js';
import { getApiKey } from './queries.js';
import type { ApiKeyDto } from './schemas.js';

/** Revokes a key of the actor's establishment: from now on requests carrying it are refused. */
export async function revokeApiKey({
  ctx,
  actor,
  keyId,
}: {
  ctx: AppContext;
  actor: Actor;
  keyId: number;
}): Promise<ApiKeyDto> {
  const at = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const before = await getApiKey(tx, actor, keyId);
    if (before.revokedAt) {
      throw new DomainError('invalid_transition', '该密钥已吊销。', 'The key is already revoked.');
    }
    await tx.execute(sql`UPDATE api_key SET revoked_at = ${at.toISOString()} WHERE id = ${keyId}`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'identity.api-key.revoke',
        entityType: 'api_key',
        entityId: keyId,
        diff: { revokedAt: [null, at.toISOString()] },
      },
      at,
    );
    return getApiKey(tx, actor, keyId);
  });
}
