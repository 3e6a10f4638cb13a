import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/database.js';
import { TEST_NOW, TEST_PASSWORD, type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import { cookiesOf, signInAs } from './support/session.js';

const minutes = (n: number) => new Date(TEST_NOW.getTime() + n * 60_000);

describe.each(DATABASE_KINDS)('sign-in and sessions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  const signIn = (username: string, password: string, ip = '10.1.1.1', totpCode?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      remoteAddress: ip,
      payload: { username, password, ...(totpCode ? { totpCode } : {}) },
    });

  it('signs in with httpOnly SameSite cookies and answers /auth/me', async () => {
    t.setNow(TEST_NOW);
    const res = await signIn('lc.inspector1', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    expect(setCookie.find((c) => c.startsWith('wj_session='))).toMatch(/HttpOnly/i);
    expect(setCookie.find((c) => c.startsWith('wj_session='))).toMatch(/SameSite=Lax/i);
    expect(res.json().user).toMatchObject({
      username: 'lc.inspector1',
      unit: { regionCode: '370112', departmentCode: 'supervision' },
    });
    const c = cookiesOf(res.headers['set-cookie']);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `wj_session=${c.wj_session}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.roles[0].code).toBe('inspector');
  });

  it('refuses a wrong password, and a forged session', async () => {
    const res = await signIn('lc.inspector2', 'wrong-password');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'invalid_credentials', messageZh: '用户名或密码错误。' });
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: 'wj_session=forged' },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe('session_expired');
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(none.json().code).toBe('unauthenticated');
  });

  it('locks an account after 5 failures and says when to retry', async () => {
    t.setNow(TEST_NOW);
    for (let i = 0; i < 4; i++)
      expect((await signIn('lx.inspector', 'nope', '10.2.0.1')).statusCode).toBe(401);
    const fifth = await signIn('lx.inspector', 'nope', '10.2.0.1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('account_locked');
    expect(fifth.json().messageZh).toContain('2026-03-10 02:15');
    // Even the right password is refused while locked…
    expect((await signIn('lx.inspector', TEST_PASSWORD, '10.2.0.1')).statusCode).toBe(423);
    // …and accepted after the lock ends.
    t.setNow(minutes(16));
    expect((await signIn('lx.inspector', TEST_PASSWORD, '10.2.0.1')).statusCode).toBe(200);
    const lock = await queryOne<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_event WHERE action = 'identity.user.lock'`,
    );
    expect(lock?.n).toBe(1);
  });

  it('refuses an address after 20 failures across accounts', async () => {
    t.setNow(minutes(30));
    for (let i = 0; i < 20; i++) await signIn(`nobody${i}`, 'x', '10.9.9.9');
    const res = await signIn('zq.inspector', TEST_PASSWORD, '10.9.9.9');
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('rate_limited');
    expect((await signIn('zq.inspector', TEST_PASSWORD, '10.9.9.10')).statusCode).toBe(200);
  });

  it('requires the CSRF token on state-changing requests', async () => {
    t.setNow(minutes(60));
    const s = await signInAs(t, 'lc.legal');
    const payload = { currentPassword: TEST_PASSWORD, newPassword: 'Another-passw0rd' };
    const without = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: s.cookie },
      payload,
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf_failed');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(64) },
      payload,
    });
    expect(wrong.json().code).toBe('csrf_failed');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: s.headers,
      payload: { ...payload, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().errors.map((e: { code: string }) => e.code)).toContain('password_too_short');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: s.headers,
      payload,
    });
    expect(ok.statusCode).toBe(204);
  });

  it('ends a session after 30 idle minutes and after 12 hours whatever happens', async () => {
    t.setNow(minutes(100));
    const s = await signInAs(t, 'lc.police');
    t.setNow(minutes(125));
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } }))
        .statusCode,
    ).toBe(200);
    t.setNow(minutes(156)); // 31 minutes after the last use
    const idle = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expect(idle.json().code).toBe('session_expired');

    t.setNow(minutes(200));
    const busy = await signInAs(t, 'lc.police');
    for (let m = 220; m < 200 + 12 * 60; m += 20) {
      t.setNow(minutes(m));
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: busy.cookie } }))
          .statusCode,
      ).toBe(200);
    }
    t.setNow(minutes(200 + 12 * 60));
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: busy.cookie } }))
        .statusCode,
    ).toBe(401);
  });

  it('signs out of one session, and out of all of them', async () => {
    t.setNow(minutes(2000));
    const a = await signInAs(t, 'lc.market');
    const b = await signInAs(t, 'lc.market');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: a.headers });
    expect(out.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: a.cookie } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: b.cookie } }))
        .statusCode,
    ).toBe(200);
    const c = await signInAs(t, 'lc.market');
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out-everywhere', headers: c.headers });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: b.cookie } }))
        .statusCode,
    ).toBe(401);
  });

  it('makes an administrator set up a second factor, then requires it at sign-in', async () => {
    t.setNow(minutes(3000));
    const s = await signInAs(t, 'admin');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expect(me.json().user.secondFactorSetupRequired).toBe(true);

    const setup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/second-factor/setup',
      headers: s.headers,
    });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri, qrSvg } = setup.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(qrSvg).toContain('<svg');
    const epoch = Math.floor(minutes(3000).getTime() / 1000);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/second-factor/confirm',
      headers: s.headers,
      payload: { code: '000000' },
    });
    expect(bad.statusCode).toBe(422);
    const code = await generate({ secret, epoch });
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/second-factor/confirm',
      headers: s.headers,
      payload: { code },
    });
    expect(ok.statusCode).toBe(204);

    t.setNow(minutes(3002));
    const noCode = await signIn('admin', TEST_PASSWORD, '10.3.3.3');
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().code).toBe('second_factor_required');
    const fresh = await generate({ secret, epoch: epoch + 120 });
    const withCode = await signIn('admin', TEST_PASSWORD, '10.3.3.3', fresh);
    expect(withCode.statusCode).toBe(200);
    expect(withCode.json().user.secondFactorSetupRequired).toBe(false);
    // The same code cannot be used twice.
    const replay = await signIn('admin', TEST_PASSWORD, '10.3.3.3', fresh);
    expect(replay.json().code).toBe('invalid_second_factor');
  });

  it('stores the TOTP secret encrypted', async () => {
    const row = await queryOne<{ totp_secret_enc: string }>(
      t.database.db,
      sql`SELECT totp_secret_enc FROM app_user WHERE username = 'admin'`,
    );
    expect(row?.totp_secret_enc).toMatch(/^v1\./);
  });
});
