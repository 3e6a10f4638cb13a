import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/database.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import { type SignedIn, signInAs } from './support/session.js';

describe.each(DATABASE_KINDS)('holiday arrangements on %s', (kind) => {
  let t: TestApp;
  let first: SignedIn;
  let second: SignedIn;
  beforeAll(async () => {
    t = await testApp(kind);
    // A second administrator, for the four-eyes activation.
    await t.database.db.execute(sql`
      INSERT INTO app_user (kind, username, display_name, unit_id, password_hash)
      SELECT kind, 'admin2', '第二管理员', unit_id, password_hash FROM app_user WHERE username = 'admin'`);
    await t.database.db.execute(
      sql`INSERT INTO user_role (user_id, role_code) SELECT id, 'admin' FROM app_user WHERE username = 'admin2'`,
    );
    first = await signInAs(t, 'admin');
    second = await signInAs(t, 'admin2');
    await t.database.db.execute(
      sql`UPDATE app_user SET totp_enabled = true WHERE username IN ('admin', 'admin2')`,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  const deadline = async () =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/calendar/deadline?from=2027-02-18&days=2' })).json();

  it('a 2027 deadline is provisional until an arrangement is active', async () => {
    // Statutory only: 2027-02-19 is a Friday (no holiday), 02-22 a Monday.
    expect(await deadline()).toMatchObject({ due: '2027-02-22', provisional: true });
  });

  it('refuses an arrangement that drops a statutory day or puts 调休 on a weekday', async () => {
    const draft = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/calendar/arrangements/draft?year=2027',
        headers: first.headers,
      })
    ).json();
    const days = [
      ...draft.days.filter((d: { date: string }) => d.date !== '2027-10-01'),
      { date: '2027-02-17', kind: 'makeup_workday' },
    ];
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/arrangements/2027',
      headers: first.headers,
      payload: { docNo: '国办发明电〔2026〕7号', days },
    });
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .errors.map((e: { code: string }) => e.code)
        .sort(),
    ).toEqual(['makeup_not_weekend', 'statutory_day_missing']);
    expect(
      (
        await t.app.inject({ method: 'GET', url: '/api/v1/calendar/arrangements', headers: first.headers })
      ).json().items,
    ).toEqual([]);
  });

  it('enters a draft (no effect), refuses self-activation, and a second administrator activates it', async () => {
    const draft = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/calendar/arrangements/draft?year=2027',
        headers: first.headers,
      })
    ).json();
    // A 春节 extended to 2027-02-11 (Thu) … with Saturday 2027-02-20 worked instead.
    const days = [
      ...draft.days,
      { date: '2027-02-11', kind: 'holiday', festival: '春节' },
      { date: '2027-02-20', kind: 'makeup_workday', festival: '春节' },
    ];
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/arrangements/2027',
      headers: first.headers,
      payload: { docNo: '国办发明电〔2026〕7号', days },
    });
    expect(put.statusCode).toBe(204);
    expect((await deadline()).provisional).toBe(true);

    const self = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/arrangements/2027/activate',
      headers: first.headers,
    });
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('four_eyes_required');

    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/arrangements/2027/activate',
      headers: second.headers,
    });
    expect(ok.statusCode).toBe(204);
    expect(await deadline()).toMatchObject({ due: '2027-02-20', provisional: false });
    const day = (await t.app.inject({ method: 'GET', url: '/api/v1/calendar/day?date=2027-02-20' })).json();
    expect(day).toMatchObject({ workingDay: true, kind: 'makeup_workday', source: 'override' });

    const event = await queryOne<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM domain_event WHERE type = 'calendar.arrangement.activated'`,
    );
    expect(event?.n).toBe(1);
    const audits = await queryOne<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_event WHERE action LIKE 'calendar.arrangement.%'`,
    );
    expect(audits?.n).toBe(2);
  });

  it('an active arrangement cannot be changed', async () => {
    const draft = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/calendar/arrangements/draft?year=2027',
        headers: first.headers,
      })
    ).json();
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/arrangements/2027',
      headers: first.headers,
      payload: { docNo: 'x-1', days: draft.days },
    });
    expect(res.statusCode).toBe(409);
  });

  it('is for administrators only', async () => {
    const inspector = await signInAs(t, 'lc.inspector1');
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/calendar/arrangements',
      headers: inspector.headers,
    });
    expect(res.statusCode).toBe(403);
  });
});
