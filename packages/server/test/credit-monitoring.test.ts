import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/database.js';
import {
  admin,
  type Client,
  insertEstablishment,
  insertPractitioner,
  institution,
  staff,
} from './credit-helpers.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';

/**
 * Monitoring ingestion from an institution's system with an API key: idempotent by batch id,
 * validated units and physical ranges, a clock far in the future refused, unknown establishments
 * refused, a rejected batch kept and resendable, out-of-limit readings flagged and warned about,
 * and the warning rules over clinical summaries and narcotic purchases; rate-limited.
 */
describe.each(DATABASE_KINDS)('monitoring batches on %s', (kind) => {
  let t: TestApp;
  let water: { id: number; publicCode: string };
  let clinic: { id: number; publicCode: string };
  let key: string;
  let clinicKey: string;

  const send = (body: unknown, k = key) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/credit/monitoring/batches',
      headers: { authorization: `Bearer ${k}` },
      payload: body as Record<string, unknown>,
    });
  const count = async (table: string) =>
    (await queryOne<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`))!.n;
  const reading = (over: Record<string, unknown> = {}) => ({
    metric: 'water.free_chlorine',
    value: 0.6,
    unit: 'mg/L',
    measuredAt: '2026-03-10T01:30:00+08:00',
    point: '出厂水',
    ...over,
  });

  async function keyFor(user: Client): Promise<string> {
    const res = await user.post('/api-keys', { name: '在线监测', permissions: ['credit.monitoring.upload'] });
    expect(res.statusCode).toBe(201);
    return res.json().key;
  }

  beforeAll(async () => {
    t = await testApp(kind);
    water = await insertEstablishment(t, {
      name: '历城区第二水厂',
      kind: 'drinking_water',
      category: 'T101',
      flags: ['remote_monitoring'],
    });
    clinic = await insertEstablishment(t, { name: '历城区监测诊所' });
    key = await keyFor(await institution(t, 'water.plant', water.id));
    clinicKey = await keyFor(await institution(t, 'monitor.clinic', clinic.id));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('accepts a batch once: a resend answers with the stored result, another content under the same id is a conflict', async () => {
    const body = {
      batchId: 'W-0001',
      establishmentCode: water.publicCode,
      readings: [reading(), reading({ metric: 'water.ph', value: 7.2, unit: 'pH' })],
    };
    const first = await send(body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      status: 'accepted',
      duplicate: false,
      readings: 2,
      flagged: 0,
      establishmentId: water.id,
    });
    const again = await send(body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, duplicate: true, readings: 2 });
    expect(await count('monitoring_reading')).toBe(2);
    const other = await send({ ...body, readings: [reading({ value: 0.7 })] });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('batch_id_reused');
  });

  it('refuses wrong units, impossible values, a clock far in the future and unknown metrics, keeps the batch, accepts it resent', async () => {
    const bad = {
      batchId: 'W-0002',
      establishmentCode: water.publicCode,
      readings: [
        reading({ unit: 'ppm' }),
        reading({ metric: 'water.ph', value: 15, unit: 'pH' }),
        reading({ measuredAt: '2027-03-10T00:00:00+08:00' }),
        reading({ metric: 'water.colour', value: 5, unit: 'Hazen' }),
        reading({ value: 500, unit: 'μg/L' }),
      ],
    };
    const res = await send(bad);
    expect(res.statusCode).toBe(422);
    const p = res.json();
    expect(p.code).toBe('batch_rejected');
    expect(p.errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`)).toEqual([
      'readings.0.unit wrong_unit',
      'readings.1.value outside_physical_range',
      'readings.2.measuredAt clock_in_future',
      'readings.3.metric unknown_metric',
    ]);
    expect(p.messageZh).toContain('可用同一批次号重新上传');
    const kept = await queryOne<{ status: string; payload: unknown }>(
      t.database.db,
      sql`SELECT status, payload FROM monitoring_batch WHERE client_batch_id = 'W-0002'`,
    );
    expect(kept!.status).toBe('rejected');
    expect(kept!.payload).toBeTruthy();
    const fixed = await send({ ...bad, readings: [reading(), reading({ value: 500, unit: 'μg/L' })] });
    expect(fixed.statusCode).toBe(201);
    expect(fixed.json()).toMatchObject({ status: 'accepted', readings: 2 });
    const stored = await queryOne<{ value: number; unit: string; raw_unit: string }>(
      t.database.db,
      sql`SELECT value, unit, raw_unit FROM monitoring_reading WHERE raw_unit = 'μg/L'`,
    );
    expect(stored).toMatchObject({ value: 0.5, unit: 'mg/L', raw_unit: 'μg/L' });
  });

  it('refuses an unknown establishment, and another establishment’s code under this key, the same way', async () => {
    for (const code of ['ZZZZZZZZZZZZZ', clinic.publicCode]) {
      const res = await send({ batchId: `W-X-${code}`, establishmentCode: code, readings: [reading()] });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toEqual([
        expect.objectContaining({ path: 'establishmentCode', code: 'unknown_establishment' }),
      ]);
    }
    const noKey = await t.app.inject({
      method: 'POST',
      url: '/api/v1/credit/monitoring/batches',
      payload: { batchId: 'x', establishmentCode: water.publicCode },
    });
    expect(noKey.statusCode).toBe(401);
  });

  it('flags readings outside the limit and raises one warning per metric for the supervision institute', async () => {
    const res = await send({
      batchId: 'W-0003',
      establishmentCode: water.publicCode,
      readings: [
        reading({ value: 0.1 }),
        reading({ value: 0.05, measuredAt: '2026-03-10T02:30:00+08:00' }),
        reading({ metric: 'water.turbidity', value: 0.4, unit: 'NTU' }),
      ],
    });
    expect(res.statusCode).toBe(201);
    const b = res.json();
    expect(b.flagged).toBe(2);
    expect(b.flaggedReadings.map((f: { index: number }) => f.index)).toEqual([0, 1]);
    expect(b.alerts).toHaveLength(1);
    const inspector = await staff(t, 'lc.inspector1');
    const alert = (await inspector.get(`/credit/alerts/${b.alerts[0]}`)).json();
    expect(alert).toMatchObject({
      ruleCode: 'reading_out_of_range',
      severity: 'high',
      status: 'open',
      departmentCode: 'supervision',
    });
    expect(alert.summaryZh).toContain('出厂水游离氯');
    // Another out-of-limit batch while it is unhandled adds no second warning for the metric.
    const more = await send({
      batchId: 'W-0004',
      establishmentCode: water.publicCode,
      readings: [reading({ value: 3 })],
    });
    expect(more.json().alerts).toEqual([]);
    const profile = (await inspector.get(`/credit/establishments/${water.id}`)).json();
    const monitoring = profile.risk.parts.find((p: { code: string }) => p.code === 'monitoring');
    expect(monitoring.reasons.map((r: { code: string }) => r.code)).toEqual([
      'MON.alert.high',
      'MON.readings',
    ]);
  });

  it('warns of a practitioner recorded where not registered, and of narcotic purchases over the seal-card quota', async () => {
    await insertPractitioner(t, clinic.id, '本院医师', 'CERT-OWN-1');
    const elsewhere = await insertEstablishment(t, { name: '别处医院' });
    await insertPractitioner(t, elsewhere.id, '外院医师', 'CERT-OUT-1');
    const boss = await admin(t);
    const set = await boss.put(`/credit/establishments/${clinic.id}/narcotic-quotas`, {
      quotas: [{ drug: '盐酸吗啡注射液', monthlyQuantity: 20, unit: '支', source: '印鉴卡 鲁济2026-001' }],
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().items).toEqual([
      expect.objectContaining({ drug: '盐酸吗啡注射液', monthlyQuantity: 20, unit: '支' }),
    ]);
    const res = await send(
      {
        batchId: 'C-0001',
        establishmentCode: clinic.publicCode,
        activity: [
          {
            day: '2026-03-09',
            visits: 40,
            prescriptions: 35,
            practitioners: ['CERT-OWN-1', 'CERT-OUT-1', 'CERT-NONE'],
          },
        ],
        narcoticPurchases: [{ day: '2026-03-02', drug: '盐酸吗啡注射液', quantity: 15, unit: '支' }],
      },
      clinicKey,
    );
    expect(res.statusCode).toBe(201);
    const rules = async () =>
      (await t.database.db.execute(
        sql`SELECT rule_code, dedupe_key FROM credit_alert WHERE establishment_id = ${clinic.id} ORDER BY dedupe_key`,
      )) as unknown as { rows: { rule_code: string; dedupe_key: string }[] };
    expect((await rules()).rows).toEqual([
      { rule_code: 'practitioner_unregistered', dedupe_key: 'practitioner:CERT-NONE' },
      { rule_code: 'practitioner_unregistered', dedupe_key: 'practitioner:CERT-OUT-1' },
    ]);
    // The month's purchases add up: 15 + 10 支 is over the quota of 20; a unit other than the quota's is refused.
    const wrongUnit = await send(
      {
        batchId: 'C-0002',
        establishmentCode: clinic.publicCode,
        narcoticPurchases: [{ day: '2026-03-05', drug: '盐酸吗啡注射液', quantity: 100, unit: 'mg' }],
      },
      clinicKey,
    );
    expect(wrongUnit.statusCode).toBe(422);
    expect(wrongUnit.json().errors[0]).toMatchObject({
      path: 'narcoticPurchases.0.unit',
      code: 'wrong_unit',
    });
    const over = await send(
      {
        batchId: 'C-0002',
        establishmentCode: clinic.publicCode,
        narcoticPurchases: [{ day: '2026-03-05', drug: '盐酸吗啡注射液', quantity: 10, unit: '支' }],
      },
      clinicKey,
    );
    expect(over.statusCode).toBe(201);
    expect(over.json().alerts).toHaveLength(1);
    expect((await rules()).rows.map((r) => r.dedupe_key)).toContain('narcotic:盐酸吗啡注射液:2026-03');
  });

  it('is rate-limited per key', async () => {
    let limited = 0;
    for (let i = 0; i < 65 && limited === 0; i++) {
      const res = await send({ batchId: `RL-${i}`, establishmentCode: water.publicCode }, clinicKey);
      if (res.statusCode === 429) limited = i;
    }
    expect(limited).toBeGreaterThan(0);
    expect(limited).toBeLessThanOrEqual(60);
    // Another key is not affected.
    expect((await send({ batchId: 'W-after-limit', establishmentCode: water.publicCode })).statusCode).toBe(
      201,
    );
  });
});
