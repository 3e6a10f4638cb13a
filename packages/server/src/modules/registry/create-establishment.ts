import { sql } from 'drizzle-orm';
import { queryOne } from '../../db/database.js';
import { emitEvent } from '../../events/events.js';
import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { recordUsccAcceptance } from './accept-uscc.js';
import { resolveEstablishmentInput } from './establishment-input.js';
import { snapshotOfResolved } from './establishment-record.js';
import { newPublicCode } from './public-codes.js';
import type { EstablishmentInput } from './schemas.js';
import { creationDiff, writeVersion } from './versions.js';
import { assertUsccFree, columnValues, ESTABLISHMENT_WRITE_COLUMNS } from './write-establishment.js';

/** Registers an establishment: checks, a stable public code, version 1 and the audit row, in one transaction. */
export async function createEstablishment(opts: {
  ctx: AppContext;
  actor: Actor;
  input: EstablishmentInput & { usccAcceptReason?: string | undefined };
}): Promise<number> {
  const { ctx, actor, input } = opts;
  const at = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const { value, newAcceptance } = await resolveEstablishmentInput(tx, ctx, actor, input, null);
    if (newAcceptance) await recordUsccAcceptance(tx, actor, newAcceptance, at);
    await assertUsccFree(tx, value.uscc, null);
    const row = await queryOne<{ id: number }>(
      tx,
      sql`INSERT INTO establishment (public_code, ${ESTABLISHMENT_WRITE_COLUMNS}, version, created_at, updated_at, created_by, updated_by)
          VALUES (${newPublicCode()}, ${columnValues(value)}, 1, ${at.toISOString()}, ${at.toISOString()}, ${actor.userId}, ${actor.userId})
          RETURNING id`,
    );
    const id = row!.id;
    const diff = creationDiff(snapshotOfResolved(value));
    const audit = auditActorOf(actor);
    await writeVersion(tx, 'establishment', { id, version: 1, action: 'create', diff, actor: audit, at });
    await recordAudit(
      tx,
      audit,
      { action: 'registry.establishment.create', entityType: 'establishment', entityId: id, diff },
      at,
    );
    // Other modules (credit: a default profile, so the establishment is in the risk list at once)
    // learn of it through the event, never by the registry calling them.
    await emitEvent(
      tx,
      {
        type: 'registry.establishment.registered',
        aggregateType: 'establishment',
        aggregateId: id,
        payload: { establishmentId: Number(id), regionCode: value.regionCode, kind: value.kind },
      },
      at,
    );
    return id;
  });
}
