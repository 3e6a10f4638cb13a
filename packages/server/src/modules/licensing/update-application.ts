import { DomainError } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../http/context.js';
import { diffOf, recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { APPLICATION, assertVersion, workflowRoles } from './access.js';
import { type ApplicationForm, loadApplication } from './application-record.js';

const EDITABLE = new Set(['draft', 'signed', 'correction_requested']);

/** The applicant edits the form or note of a draft (or while correcting); versioned like every change. */
export async function updateApplication(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  patch: { expectedVersion: number; form?: ApplicationForm | undefined; note?: string | null | undefined };
}) {
  const { ctx, actor, id, patch } = opts;
  const at = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    const app = await loadApplication(tx, actor, id, { forUpdate: true });
    assertVersion(patch.expectedVersion, app.version, APPLICATION);
    if (!workflowRoles(actor, app.establishment_id).includes('applicant')) {
      throw new DomainError(
        'forbidden',
        '只有申请人可以修改申请',
        'Only the applicant edits the application',
      );
    }
    if (!EDITABLE.has(app.state)) {
      throw new DomainError(
        'application_locked',
        '申请已提交，不能修改',
        'The application has been submitted and cannot be edited',
        {
          state: app.state,
        },
      );
    }
    const form = patch.form ?? app.form;
    const note = patch.note === undefined ? app.applicant_note : patch.note;
    const diff = diffOf({ form: app.form, note: app.applicant_note }, { form, note });
    if (Object.keys(diff).length === 0) return;
    await tx.execute(sql`UPDATE licensing_application SET form = ${JSON.stringify(form)}::jsonb, applicant_note = ${note},
      version = version + 1, updated_at = ${at.toISOString()}, updated_by = ${actor.userId} WHERE id = ${id}`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      { action: 'licensing.application.update', entityType: 'licensing_application', entityId: id, diff },
      at,
    );
  });
}
