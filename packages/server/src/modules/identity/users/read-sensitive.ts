import type { AppContext } from '../../../http/context.js';
import { recordAudit } from '../../audit/record-audit.js';
import { type Actor, auditActorOf } from '../actor.js';
import { getUser } from './queries.js';

/**
 * Full phone and ID number of a user. Reading them is itself recorded in the audit trail (issue 3
 * §6–7; 个人信息保护法 §51), in the same transaction: no record, no data.
 */
export async function readUserSensitive({
  ctx,
  actor,
  userId,
}: {
  ctx: AppContext;
  actor: Actor;
  userId: number;
}): Promise<{ id: number; phone: string | null; idNumber: string | null }> {
  const at = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const user = await getUser(tx, actor, userId);
    const phone = user.phone_enc ? ctx.secrets.decrypt(user.phone_enc) : null;
    const idNumber = user.id_number_enc ? ctx.secrets.decrypt(user.id_number_enc) : null;
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'identity.person.read-sensitive',
        entityType: 'user',
        entityId: userId,
        diff: { fields: [phone !== null && 'phone', idNumber !== null && 'idNumber'].filter(Boolean) },
      },
      at,
    );
    return { id: userId, phone, idNumber };
  });
}
