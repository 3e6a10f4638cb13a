import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../src/db/database.js';
import { drainEvents } from '../src/events/dispatch.js';
import { deliverEvent, emitEvent, subscribe } from '../src/events/events.js';
import { startJobRuntime } from '../src/events/job-runtime.js';
import { recordAudit, SYSTEM_ACTOR } from '../src/modules/audit/record-audit.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';

// A subscriber whose effect is visible: it writes an audit row per event it applies.
subscribe({
  subscriber: 'test.echo',
  eventTypes: ['test.happened'],
  async handle(tx, event, ctx) {
    await recordAudit(
      tx,
      SYSTEM_ACTOR,
      {
        action: 'test.echo',
        entityType: event.aggregateType,
        entityId: event.aggregateId,
        diff: event.payload,
      },
      ctx.now(),
    );
  },
});

describe.each(DATABASE_KINDS)('domain events on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind, { seed: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  const echoes = async () =>
    (await queryOne<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_event WHERE action = 'test.echo'`,
    ))!.n;

  it('an event emitted with a change reaches its subscriber once', async () => {
    const id = await t.database.db.transaction((tx) =>
      emitEvent(
        tx,
        { type: 'test.happened', aggregateType: 'thing', aggregateId: 1, payload: { n: 1 } },
        t.ctx.now(),
      ),
    );
    expect(await drainEvents(t.ctx)).toBe(1);
    expect(await echoes()).toBe(1);
    // A duplicate delivery (the queue retried) changes nothing.
    expect(await deliverEvent(t.ctx, 'test.echo', id)).toBe('duplicate');
    expect(await echoes()).toBe(1);
    expect(await drainEvents(t.ctx)).toBe(0);
  });

  it('an event of a rolled-back transaction never exists', async () => {
    await t.database.db
      .transaction(async (tx) => {
        await emitEvent(tx, { type: 'test.happened', aggregateType: 'thing', aggregateId: 2 }, t.ctx.now());
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect(await drainEvents(t.ctx)).toBe(0);
  });

  it('the job runtime (pg-boss) delivers events', async () => {
    const runtime = await startJobRuntime(t.ctx, { dispatchIntervalMs: 100 });
    try {
      await t.database.db.transaction((tx) =>
        emitEvent(tx, { type: 'test.happened', aggregateType: 'thing', aggregateId: 3 }, t.ctx.now()),
      );
      await expect.poll(echoes, { timeout: 20_000, interval: 200 }).toBe(2);
    } finally {
      await runtime.stop();
    }
    const deliveries = await queryRows<{ subscriber: string }>(
      t.database.db,
      sql`SELECT subscriber FROM event_delivery`,
    );
    expect(deliveries).toHaveLength(2);
  });
});
