import type { AppContext } from '../../http/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { loadEstablishment } from './establishment-record.js';

/** The contact number in full (a mobile is personal information): the read itself is audited. */
export async function revealEstablishmentContact(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  return ctx.database.db.transaction(async (tx) => {
    const r = await loadEstablishment(tx, actor, id);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'registry.establishment.read-sensitive',
        entityType: 'establishment',
        entityId: id,
        diff: { field: [null, 'contactPhone'] },
      },
      ctx.now(),
    );
    if (r.contact_phone) return { contactPhone: r.contact_phone, contactPhoneKind: 'landline' as const };
    if (r.contact_mobile_enc)
      return { contactPhone: ctx.secrets.decrypt(r.contact_mobile_enc), contactPhoneKind: 'mobile' as const };
    return { contactPhone: null, contactPhoneKind: null };
  });
}
