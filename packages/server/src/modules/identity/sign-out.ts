import type { Database } from '../../db/database.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from './actor.js';
import { revokeAllSessions, revokeSession } from './sessions.js';

/** Ends this session, or every session of the user ("sign out everywhere"), and records it. */
export async function signOut(
  database: Database,
  actor: Actor,
  which: 'this' | 'everywhere',
  at: Date,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    if (which === 'everywhere') await revokeAllSessions(tx, actor.userId, at);
    else if (actor.sessionId) await revokeSession(tx, actor.sessionId, at);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: which === 'everywhere' ? 'identity.session.sign-out-everywhere' : 'identity.session.sign-out',
        entityType: 'user',
        entityId: actor.userId,
      },
      at,
    );
  });
}
