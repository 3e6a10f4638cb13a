import { verifyDrawRecord } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/database.js';
import { client, signIn } from './identity-helpers.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';

/** The inspection demo: a roster of 80 officers, a past joint campaign with results, a draft. */
describe.each(DATABASE_KINDS)('inspection demo on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind, { registry: 0.2, inspection: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has 80 officers across the departments, some linked to demo accounts', async () => {
    const r = await queryOne<{ n: number; depts: number; linked: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n, count(DISTINCT department_code)::int AS depts, count(user_id)::int AS linked FROM inspector`,
    );
    expect(r).toEqual({ n: 80, depts: 6, linked: 7 });
  });

  it('has a past joint campaign whose record verifies, with results, rectifications and publications', async () => {
    const leader = client(t, await signIn(t, 'lc.leader'));
    const list = (await leader.get('/campaigns')).json();
    const past = list.items.find((c: { status: string }) => c.status === 'drawn');
    expect(past).toMatchObject({ joint: true, departments: ['health', 'market', 'supervision'] });
    expect(past.progress.completed).toBeGreaterThan(0);
    expect(past.progress.published).toBe(past.progress.completed);
    expect(list.items.some((c: { status: string }) => c.status === 'draft')).toBe(true);
    const record = (await leader.get(`/campaigns/${past.id}/draw-record`)).json();
    expect(verifyDrawRecord(record)).toMatchObject({ ok: true });
    const pub = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/inspection-results?campaignNo=${past.campaignNo}`,
    });
    expect(pub.json().total).toBe(past.progress.published);
    const figures = (await leader.get(`/inspection-figures?year=${past.periodStart.slice(0, 4)}`)).json();
    expect(figures.total.covered).toBeGreaterThan(0);
    expect(figures.overdue.tasks).toBe(2);
  });
});
