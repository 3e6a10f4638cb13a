import { sql } from 'drizzle-orm';
import { type Executor, queryOne } from '../db/database.js';
import type { AppContext } from '../http/context.js';

/**
 * Domain events (ARCHITECTURE.md): a module tells the others what happened by writing an event in
 * the same transaction as its change (the outbox, `domain_event`). Modules that react subscribe by
 * event type; a job delivers each event to each subscriber, whose handler runs in a transaction
 * together with the `event_delivery` row that makes the effect exactly-once.
 */
export interface DomainEvent<P = Record<string, unknown>> {
  id: number;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: P;
  occurredAt: string;
}

export type EventHandler = (tx: Executor, event: DomainEvent, ctx: AppContext) => Promise<void>;

export interface Subscription {
  /** Unique name, e.g. 'registry.on-license-granted'. */
  subscriber: string;
  eventTypes: string[];
  handle: EventHandler;
}

const subscriptions: Subscription[] = [];

export function subscribe(subscription: Subscription): void {
  if (subscriptions.some((s) => s.subscriber === subscription.subscriber)) return; // module imported twice
  subscriptions.push(subscription);
}

export function subscribersOf(type: string): Subscription[] {
  return subscriptions.filter((s) => s.eventTypes.includes(type));
}

export function allSubscriptions(): readonly Subscription[] {
  return subscriptions;
}

export async function emitEvent(
  tx: Executor,
  event: {
    type: string;
    aggregateType: string;
    aggregateId: string | number;
    payload?: Record<string, unknown>;
  },
  at: Date,
): Promise<number> {
  const row = await queryOne<{ id: number }>(
    tx,
    sql`INSERT INTO domain_event (occurred_at, type, aggregate_type, aggregate_id, payload)
        VALUES (${at.toISOString()}, ${event.type}, ${event.aggregateType}, ${String(event.aggregateId)},
                ${JSON.stringify(event.payload ?? {})}::jsonb) RETURNING id`,
  );
  return row!.id;
}

/**
 * Applies one event to one subscriber, once: if the delivery row already exists (a duplicate job),
 * nothing happens; otherwise the handler's writes and the delivery row commit together.
 */
export async function deliverEvent(
  ctx: AppContext,
  subscriber: string,
  eventId: number,
): Promise<'applied' | 'duplicate'> {
  const subscription = subscriptions.find((s) => s.subscriber === subscriber);
  if (!subscription) throw new Error(`no subscriber named ${subscriber}`);
  return ctx.database.db.transaction(async (tx) => {
    const claimed = await queryOne<{ event_id: number }>(
      tx,
      sql`INSERT INTO event_delivery (event_id, subscriber, delivered_at) VALUES (${eventId}, ${subscriber}, ${ctx.now().toISOString()})
          ON CONFLICT DO NOTHING RETURNING event_id`,
    );
    if (!claimed) return 'duplicate';
    const row = await queryOne<{
      id: number;
      type: string;
      aggregate_type: string;
      aggregate_id: string;
      payload: unknown;
      occurred_at: string | Date;
    }>(
      tx,
      sql`SELECT id, type, aggregate_type, aggregate_id, payload, occurred_at FROM domain_event WHERE id = ${eventId}`,
    );
    if (!row) throw new Error(`domain event ${eventId} does not exist`);
    await subscription.handle(
      tx,
      {
        id: row.id,
        type: row.type,
        aggregateType: row.aggregate_type,
        aggregateId: row.aggregate_id,
        payload: (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as Record<
          string,
          unknown
        >,
        occurredAt: new Date(row.occurred_at).toISOString(),
      },
      ctx,
    );
    return 'applied';
  });
}
