import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database.js';
import { verifyAuditChain } from '../src/modules/audit/verify-chain.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import { demoUser, publicGet } from './support/enforcement.js';

/** The enforcement demo, played through the use cases: its records, chains and documents hold up. */
describe.each(DATABASE_KINDS)('enforcement demo on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind, { registry: 0.04, inspection: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has complaints, cases in several states, a published penalty and an acknowledged referral', async () => {
    const states = await queryRows<{ state: string }>(
      t.database.db,
      sql`SELECT state FROM enforcement_case ORDER BY id`,
    );
    expect(states.map((s) => s.state)).toEqual(['closed', 'notified', 'proposed']);
    const complaints = await queryRows<{ state: string; reporters: number }>(
      t.database.db,
      sql`SELECT c.state, (SELECT count(*)::int FROM complaint_reporter r WHERE r.complaint_id = c.id) AS reporters FROM complaint c ORDER BY c.id`,
    );
    expect(complaints).toEqual([
      { state: 'closed', reporters: 2 },
      { state: 'received', reporters: 1 },
      { state: 'concluded', reporters: 1 },
      { state: 'received', reporters: 1 },
    ]);
    expect((await publicGet(t, '/public/penalties')).json().total).toBe(1);
    const leader = await demoUser(t, 'lc.sv.leader');
    const cases = (await leader.get('/enforcement/cases')).json().items;
    expect(cases).toHaveLength(3);
    const police = await demoUser(t, 'lc.police');
    expect((await police.get('/enforcement/referrals?direction=received')).json().items[0]).toMatchObject({
      state: 'acknowledged',
    });
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('verifies every case record and renders the closed case’s five documents as PDF and Word', async () => {
    const officer = await demoUser(t, 'lc.inspector1');
    const cases = (await officer.get('/enforcement/cases')).json().items as { id: number; state: string }[];
    for (const c of cases)
      expect((await officer.get(`/enforcement/cases/${c.id}/record/verify`)).json().ok).toBe(true);
    const closed = cases.find((c) => c.state === 'closed')!;
    for (const doc of ['filing', 'notice', 'decision', 'service', 'closure']) {
      const res = await officer.get(`/enforcement/cases/${closed.id}/documents/${doc}`);
      expect(res.statusCode, `${doc}: ${res.body.slice(0, 200)}`).toBe(200);
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const docx = await officer.get(`/enforcement/cases/${closed.id}/documents/${doc}?format=docx`);
      expect(docx.statusCode).toBe(200);
      expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK'); // a .docx is a zip
      if (process.env.ENFORCEMENT_PDF_DIR) {
        fs.writeFileSync(`${process.env.ENFORCEMENT_PDF_DIR}/${doc}.pdf`, res.rawPayload);
        fs.writeFileSync(`${process.env.ENFORCEMENT_PDF_DIR}/${doc}.docx`, docx.rawPayload);
      }
    }
  });
});
