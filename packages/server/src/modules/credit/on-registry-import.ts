import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/database.js';
import { subscribe } from '../../events/events.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import { loadCreditPolicy } from './policy.js';
import { recomputeSubjects } from './recompute.js';

const BATCH = 2000;

/**
 * An Excel import registers or changes establishments in bulk and says so with one event per
 * batch. Each establishment the batch inserted or changed gets its profile (re)computed at once,
 * as one registered through the form does (`credit.on-registry`), rather than waiting for the
 * nightly recompute; a changed kind, region or flag can change its stratum and risk. The ids come
 * from the registry's version rows of that batch; a repeated delivery recomputes
 * the same values.
 */
subscribe({
  subscriber: 'credit.on-registry-import',
  eventTypes: ['registry.establishments.imported'],
  async handle(tx, event, ctx) {
    const batchId = Number(event.payload.batchId ?? event.aggregateId);
    if (!Number.isSafeInteger(batchId)) return;
    const at = ctx.now();
    const policy = await loadCreditPolicy(tx);
    const calendar = await loadCalendar(tx);
    // One read of the batch's ids (a scan of the version table), then recomputes in pages.
    const ids = (
      await queryRows<{ id: number }>(
        tx,
        sql`SELECT DISTINCT establishment_id AS id FROM establishment_version WHERE import_batch_id = ${batchId}`,
      )
    ).map((r) => Number(r.id));
    for (let i = 0; i < ids.length; i += BATCH) {
      await recomputeSubjects(
        tx,
        ids.slice(i, i + BATCH).map((id) => ({ type: 'establishment' as const, id })),
        at,
        { policy, calendar },
      );
    }
  },
});
