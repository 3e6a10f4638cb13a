import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../http/context.js';
import { diffOf, recordAudit } from '../audit/record-audit.js';
import { type Actor, auditActorOf } from '../identity/actor.js';
import { licensingSettings } from './inbox.js';
import type { settingsSchema } from './schemas/reports.js';

/** Saves the licensing settings (an administrator's), audited. */
export async function saveLicensingSettings(opts: {
  ctx: AppContext;
  actor: Actor;
  input: z.infer<typeof settingsSchema>;
}) {
  const { ctx, actor, input } = opts;
  const at = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const before = await licensingSettings(tx);
    await tx.execute(sql`INSERT INTO licensing_setting (key, value, updated_at, updated_by)
      VALUES ('warningMarginDays', ${JSON.stringify(input.warningMarginDays)}::jsonb, ${at.toISOString()}, ${actor.userId})
      ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        action: 'licensing.settings.update',
        entityType: 'licensing_setting',
        entityId: 'warningMarginDays',
        diff: diffOf(before, input),
      },
      at,
    );
    return licensingSettings(tx);
  });
}
