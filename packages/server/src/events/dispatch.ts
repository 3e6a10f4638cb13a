import { sql } from 'drizzle-orm';
import { queryRows } from '../db/database.js';
import type { AppContext } from '../http/context.js';
import { deliverEvent, subscribersOf } from './events.js';

export interface DeliveryJob {
  eventId: number;
  subscriber: string;
}

/** Where delivery jobs go: the job queue in production, straight to `deliverEvent` in tests. */
export type SendDelivery = (job: DeliveryJob) => Promise<void>;

/**
 * Moves pending outbox events to delivery jobs, one per interested subscriber, and only then marks
 * them published: a crash in between re-sends them, and two processes dispatching at once may both
 * send, which `event_delivery` turns into no-ops. (Sending inside a transaction is not possible on
 * PGlite, whose single connection would wait for that very transaction.)
 */
export async function dispatchPendingEvents(
  ctx: AppContext,
  send: SendDelivery,
  batch = 200,
): Promise<number> {
  const { db } = ctx.database;
  const pending = await queryRows<{ id: number; type: string }>(
    db,
    sql`SELECT id, type FROM domain_event WHERE published_at IS NULL ORDER BY id LIMIT ${batch}`,
  );
  if (pending.length === 0) return 0;
  for (const event of pending) {
    for (const s of subscribersOf(event.type)) await send({ eventId: event.id, subscriber: s.subscriber });
  }
  await db.execute(
    sql`UPDATE domain_event SET published_at = ${ctx.now().toISOString()} WHERE published_at IS NULL AND id IN (${sql.join(
      pending.map((e) => sql`${e.id}`),
      sql`, `,
    )})`,
  );
  return pending.length;
}

/**
 * Delivers everything pending in this process, until nothing is left (tests, CLI tools, and the
 * embedded single-process mode use the same handlers as the job queue).
 */
export async function drainEvents(ctx: AppContext): Promise<number> {
  let total = 0;
  for (;;) {
    const jobs: { eventId: number; subscriber: string }[] = [];
    const n = await dispatchPendingEvents(ctx, async (job) => {
      jobs.push(job);
    });
    for (const job of jobs) await deliverEvent(ctx, job.subscriber, job.eventId);
    total += jobs.length;
    if (n === 0) return total;
  }
}
