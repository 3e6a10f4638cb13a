import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../src/db/database.js';
import { client, signIn, signInAdmin } from './identity-helpers.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';

interface Row {
  permitCode: string;
  mode: string;
  received: number;
  decided: number;
  granted: number;
  refused: number;
  timed: number;
  withinCommitted: number;
  withinStatutory: number;
  verified: number;
  foundFalse: number;
  withdrawn: number;
}
const total = (rows: Row[], k: keyof Row, mode?: string) =>
  rows.filter((r) => !mode || r.mode === mode).reduce((s, r) => s + Number(r[k]), 0);

/**
 * 许可统计 per permit type and reform mode on the licensing demo: the figures agree with the
 * applications and with the yearly evaluation, the statutory limit is never met less often than the
 * committed one, scope and region are enforced, bad periods are refused in both languages, and the
 * Excel export holds the same rows and is audited.
 */
describe.each(DATABASE_KINDS)('licensing report per permit type on %s', (kind) => {
  let t: TestApp;
  let admin: ReturnType<typeof client>;
  let adminHeaders: Record<string, string>;
  let year: number;

  beforeAll(async () => {
    t = await testApp(kind, { registry: 0.06 });
    const session = await signInAdmin(t, 'admin');
    adminHeaders = session.headers;
    admin = client(t, session);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('counts applications per permit type and mode, and agrees with the yearly evaluation', async () => {
    const first = await admin.get('/licensing/reports/permits');
    expect(first.statusCode, first.body).toBe(200);
    year = Number(first.json().to.slice(0, 4));
    expect(first.json()).toMatchObject({ from: `${year}-01-01`, region: { code: '370100' } });

    const from = `${year - 1}-01-01`;
    const to = `${year}-12-31`;
    const report = (await admin.get(`/licensing/reports/permits?from=${from}&to=${to}`)).json();
    const rows = report.rows as Row[];
    expect(rows.length).toBeGreaterThan(2);
    const received = await queryRows<{ permit_code: string; mode: string; n: number }>(
      t.database.db,
      sql`SELECT permit_code, mode, count(*)::int AS n FROM licensing_application
          WHERE received_on BETWEEN ${from} AND ${to} GROUP BY permit_code, mode`,
    );
    for (const r of received) {
      expect(rows.find((x) => x.permitCode === r.permit_code && x.mode === r.mode)?.received).toBe(r.n);
    }
    expect(total(rows, 'received')).toBe(received.reduce((s, r) => s + r.n, 0));
    for (const r of rows) {
      expect(r.granted + r.refused).toBe(r.decided);
      expect(r.withinStatutory).toBeGreaterThanOrEqual(r.withinCommitted);
      expect(r.withinStatutory).toBeLessThanOrEqual(r.timed);
    }
    expect(total(rows, 'decided', 'commitment')).toBeGreaterThan(0);

    // The same year as the yearly evaluation sees it (seed 000): per mode and the commitments.
    const yearly = (await admin.get(`/licensing/reports/permits?from=${year}-01-01&to=${year}-12-31`)).json()
      .rows as Row[];
    const annual = (await admin.get(`/licensing/reports/annual?year=${year}`)).json();
    for (const m of annual.byMode) {
      expect(total(yearly, 'received', m.mode), m.mode).toBe(m.received);
      expect(total(yearly, 'decided', m.mode), m.mode).toBe(m.decided);
      expect(total(yearly, 'granted', m.mode), m.mode).toBe(m.granted);
    }
    expect(total(yearly, 'verified')).toBe(annual.commitments.verified);
    expect(total(yearly, 'foundFalse')).toBe(annual.commitments.foundFalse);
    expect(total(yearly, 'withdrawn')).toBe(annual.commitments.withdrawn);
  });

  it('keeps to the scope and the region, and refuses bad input in Chinese and English', async () => {
    const approver = client(t, await signIn(t, 'lc.approver'));
    expect((await approver.get('/licensing/reports/permits')).statusCode).toBe(403);
    const leader = client(t, await signIn(t, 'lc.leader'));
    const outside = await leader.get('/licensing/reports/permits?regionCode=370102');
    expect(outside.statusCode).toBe(403);
    expect(outside.json().messageZh).toContain('不在您的管辖范围');
    expect(outside.json().messageEn).toContain('outside your scope');
    const own = (await leader.get(`/licensing/reports/permits?from=2000-01-01&to=2099-12-31`)).json();
    // lc.leader is of the health department: only its own department's applications.
    const health = await queryOne<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM licensing_application
          WHERE department_code = 'health' AND unit_region_code LIKE '370112%' AND received_on IS NOT NULL`,
    );
    expect(total(own.rows, 'received')).toBe(health!.n);
    // A county inside the admin's city narrows the figures to establishments there.
    const lixia = (
      await admin.get('/licensing/reports/permits?from=2000-01-01&to=2099-12-31&regionCode=370102')
    ).json();
    const lixiaApps = await queryOne<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM licensing_application
          WHERE establishment_region LIKE '370102%' AND received_on IS NOT NULL`,
    );
    expect(total(lixia.rows, 'received')).toBe(lixiaApps!.n);

    const backwards = await admin.get('/licensing/reports/permits?from=2026-05-01&to=2026-01-01');
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json()).toMatchObject({ code: 'invalid_period' });
    expect(backwards.json().messageZh).toContain('晚于');
    const badDate = await admin.get('/licensing/reports/permits?from=2026-13-45');
    expect(badDate.statusCode).toBe(400);
    const badRegion = await admin.get('/licensing/reports/permits?regionCode=37');
    expect(badRegion.statusCode).toBe(400);
    expect(JSON.stringify(badRegion.json().errors)).toContain('地区代码');
  });

  it('exports the same rows to Excel and audits the export', async () => {
    const q = `from=${year - 1}-01-01&to=${year}-12-31`;
    const json = (await admin.get(`/licensing/reports/permits?${q}`)).json();
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/v1/licensing/reports/permits.xlsx?${q}`,
      headers: adminHeaders,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('许可统计')!;
    expect(ws.getRow(3).getCell(1).value).toBe('许可事项');
    expect(ws.rowCount).toBe(3 + json.rows.length);
    expect(ws.getRow(4).getCell(5).value).toBe(json.rows[0].received);
    const audit = await queryOne<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_event WHERE action = 'licensing.report.export'`,
    );
    expect(audit!.n).toBe(1);
  });
});
