import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../http/context.js';
import { diffOf, recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { recordUsccAcceptance } from './accept-uscc.js';
import { resolveEstablishmentInput } from './establishment-input.js';
import { inputOf, loadEstablishment, snapshotOf, snapshotOfResolved } from './establishment-record.js';
import type { EstablishmentPatch } from './schemas.js';
import { writeVersion } from './versions.js';
import { assertUsccFree, columnValues, ESTABLISHMENT_WRITE_COLUMNS } from './write-establishment.js';

/**
 * Changes an establishment: the patch is applied to the current record, checked as a whole, and
 * written as a new version with its diff (nothing is written when nothing changed).
 */
export async function updateEstablishment(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  patch: EstablishmentPatch;
}): Promise<{ changed: boolean; version: number }> {
  const { ctx, actor, id, patch } = opts;
  const at = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const current = await loadEstablishment(tx, actor, id, { forUpdate: true });
    if (patch.expectedVersion !== undefined && patch.expectedVersion !== current.version) {
      throw new DomainError(
        'version_conflict',
        `该记录已被他人修改（当前版本 ${current.version}），请刷新后重试`,
        `The record has changed since you read it (now version ${current.version}); reload and retry`,
        { currentVersion: current.version },
      );
    }
    const { expectedVersion: _, ...fields } = patch;
    const merged = { ...inputOf(current), ...fields };
    const { value, newAcceptance } = await resolveEstablishmentInput(tx, ctx, actor, merged, current);
    const diff = diffOf(snapshotOf(current), snapshotOfResolved(value));
    const mobileChanged = (current.contact_mobile_hash ?? null) !== (value.mobile?.hash ?? null);
    if (mobileChanged && !diff.contactPhone)
      diff.contactPhone = [current.contact_mobile_masked, value.mobile?.masked ?? null];
    if (Object.keys(diff).length === 0) return { changed: false, version: current.version };
    if (newAcceptance) await recordUsccAcceptance(tx, actor, newAcceptance, at);
    await assertUsccFree(tx, value.uscc, id);
    const version = current.version + 1;
    await tx.execute(sql`UPDATE establishment SET (${ESTABLISHMENT_WRITE_COLUMNS}) = (${columnValues(value)}),
      version = ${version}, updated_at = ${at.toISOString()}, updated_by = ${actor.userId} WHERE id = ${id}`);
    const audit = auditActorOf(actor);
    await writeVersion(tx, 'establishment', { id, version, action: 'update', diff, actor: audit, at });
    await recordAudit(
      tx,
      audit,
      { action: 'registry.establishment.update', entityType: 'establishment', entityId: id, diff },
      at,
    );
    return { changed: true, version };
  });
}
