import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database.js';
import { drainEvents } from '../src/events/dispatch.js';
import { client, signIn } from './identity-helpers.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';

/** The licensing demo loads on the registry demo: applications in every state, licences, clinic.demo. */
describe.each(DATABASE_KINDS)('licensing demo on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind, { registry: 0.06 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('seeds applications in each state, licences with their tasks and revalidations, and clinic.demo', async () => {
    const states = await queryRows<{ mode: string; state: string }>(
      t.database.db,
      sql`SELECT DISTINCT mode, state FROM licensing_application ORDER BY mode, state`,
    );
    expect(states.map((s) => `${s.mode}:${s.state}`)).toEqual(
      expect.arrayContaining([
        'filing:filed',
        'commitment:granted',
        'commitment:signed',
        'approval:submitted',
        'approval:correction_requested',
        'approval:under_review',
        'approval:public_notice',
        'approval:granted',
        'approval:refused',
        'approval:draft',
      ]),
    );
    expect(await drainEvents(t.ctx)).toBeGreaterThan(0);
    const clinic = client(t, await signIn(t, 'clinic.demo'));
    const mine = (await clinic.get('/licensing/applications')).json();
    expect(
      mine.items
        .map((a: { permit: { code: string }; state: string }) => `${a.permit.code}:${a.state}`)
        .sort(),
    ).toEqual(['clinic_filing:filed', 'radiation_diagnosis:draft']);
    const approver = client(t, await signIn(t, 'lc.approver'));
    const inbox = (await approver.get('/licensing/inbox')).json();
    expect(inbox.items.length).toBeGreaterThan(3);
    const inspector = client(t, await signIn(t, 'lc.inspector1'));
    expect(
      (await inspector.get('/licensing/tasks'))
        .json()
        .items.map((x: { state: string }) => x.state)
        .sort(),
    ).toEqual(['conforming', 'open', 'rectifying']);
  });
});
