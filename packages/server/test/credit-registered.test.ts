import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/database.js';
import { drainEvents } from '../src/events/dispatch.js';
import { client, eventsOf } from './credit-helpers.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import { newUscc, row, upload, xlsxBuffer } from './support/registry-files.js';
import { signInAs } from './support/session.js';

/**
 * A newly registered establishment gets its credit profile through the registry's
 * `registry.establishment.registered` event, so it is in the risk list before any nightly recompute.
 */
describe.each(DATABASE_KINDS)('credit profile on registration on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates the default profile from the event, and the establishment appears in the risk list', async () => {
    const lc = client(t, await signInAs(t, 'lc.inspector1'));
    const res = await lc.post('/establishments', {
      name: '历城区新开业诊所',
      uscc: newUscc(),
      categoryCode: 'D211',
      regionCode: '370112002',
      address: '洪家楼 9 号',
      legalRepresentative: '钱七',
      contactPhone: '13700002222',
      ownership: 'private',
      forProfit: true,
      clinicalSubjects: ['02'],
      status: 'operating',
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = Number(res.json().id);
    expect(await eventsOf(t, 'registry.establishment.registered')).toEqual([
      expect.objectContaining({ establishmentId: id, regionCode: '370112002', kind: 'medical' }),
    ]);
    const profile = () =>
      queryOne<{ n: number }>(
        t.database.db,
        sql`SELECT count(*)::int AS n FROM credit_profile WHERE subject_type = 'establishment' AND subject_id = ${id}`,
      );
    // Before delivery the credit module has not heard of it.
    expect((await profile())?.n).toBe(0);
    await drainEvents(t.ctx);
    expect((await profile())?.n).toBe(1);
    const list = (await lc.get('/credit/establishments?q=新开业')).json();
    expect(list.items).toEqual([
      expect.objectContaining({
        establishmentId: id,
        regionName: '洪家楼街道',
        creditLevel: expect.any(String),
        riskLevel: expect.any(String),
      }),
    ]);
    // A repeated event (a duplicate delivery) leaves one profile.
    await t.database.db.execute(
      sql`INSERT INTO domain_event (occurred_at, type, aggregate_type, aggregate_id, payload)
          VALUES (${t.ctx.now().toISOString()}, 'registry.establishment.registered', 'establishment', ${String(id)},
            ${JSON.stringify({ establishmentId: id })}::jsonb)`,
    );
    await drainEvents(t.ctx);
    expect((await profile())?.n).toBe(1);
  });
  it('gives every establishment of an Excel import its profile, from one event for the batch', async () => {
    const admin = await signInAs(t, 'admin');
    await t.database.db.execute(sql`UPDATE app_user SET totp_enabled = true WHERE username = 'admin'`);
    const usccs = [newUscc(), newUscc()];
    const file = await xlsxBuffer([
      row({ 统一社会信用代码: usccs[0]!, 机构名称: '历城区导入甲诊所' }),
      row({ 统一社会信用代码: usccs[1]!, 机构名称: '历城区导入乙诊所' }),
    ]);
    const res = await upload(t, admin, file, { dryRun: false, fileName: '导入.xlsx' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ committed: true, inserted: 2 });
    const batchId = Number(res.json().batchId);
    expect(await eventsOf(t, 'registry.establishments.imported')).toEqual([
      expect.objectContaining({ batchId, inserted: 2, updated: 0 }),
    ]);
    const profiles = () =>
      queryOne<{ n: number }>(
        t.database.db,
        sql`SELECT count(*)::int AS n FROM credit_profile p JOIN establishment e ON e.id = p.subject_id
            WHERE p.subject_type = 'establishment' AND e.uscc = ANY(${sql.param(usccs)}::text[])`,
      );
    expect((await profiles())?.n).toBe(0);
    await drainEvents(t.ctx);
    expect((await profiles())?.n).toBe(2);
    // A dry run, or a re-run that changes nothing, says nothing.
    const again = await upload(t, admin, file, { dryRun: false });
    expect(again.json()).toMatchObject({ committed: true, inserted: 0, updated: 0 });
    expect(await eventsOf(t, 'registry.establishments.imported')).toHaveLength(1);
  });
});
