import { computeIdCheckChar } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/database.js';
import { registerOpenTaskCheck } from '../src/modules/identity/users/open-task-checks.js';
import { auditCounts, client, signIn, signInAdmin, trySignIn, unitId, userId } from './identity-helpers.js';
import { TEST_NOW, TEST_PASSWORD, type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';

const ID_BODY = '11010519491231002';
const ID_NUMBER = ID_BODY + computeIdCheckChar(ID_BODY);
const PHONE = '13812345678';

describe.each(DATABASE_KINDS)('user administration on %s', (kind) => {
  let t: TestApp;
  let admin: ReturnType<typeof client>;
  let lcSupervision: number;
  let zqSupervision: number;
  let newUserId: number;
  /** Successful writes through the API, per audit action: the trail must hold exactly these. */
  const expected: Record<string, number> = {};
  const wrote = (action: string) => {
    expected[action] = (expected[action] ?? 0) + 1;
  };

  beforeAll(async () => {
    t = await testApp(kind);
    admin = client(t, await signInAdmin(t, 'admin'));
    lcSupervision = await unitId(t, 'supervision', '370112');
    zqSupervision = await unitId(t, 'supervision', '370114');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates a user with a one-time password; lists show phone and ID masked, the DB holds ciphertext', async () => {
    const res = await admin.post('/users', {
      kind: 'staff',
      username: 'lc.newcomer',
      displayName: '王小明',
      unitId: lcSupervision,
      roles: ['inspector'],
      phone: '138-1234-5678',
      idNumber: ID_NUMBER,
    });
    expect(res.statusCode).toBe(201);
    wrote('identity.user.create');
    const { user, oneTimePassword } = res.json();
    newUserId = user.id;
    expect(oneTimePassword).toHaveLength(16);
    expect(user).toMatchObject({
      username: 'lc.newcomer',
      mustChangePassword: true,
      phoneMasked: '138****5678',
      idNumberMasked: `110105********${ID_NUMBER.slice(-4)}`,
      unit: { id: lcSupervision, regionCode: '370112', departmentCode: 'supervision' },
      roles: [{ code: 'inspector' }],
    });

    const list = await admin.get('/users?q=newcomer');
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(1);
    expect(list.json().items[0].phoneMasked).toBe('138****5678');
    expect(list.body).not.toContain(PHONE);
    expect(list.body).not.toContain(ID_NUMBER);
    expect((await admin.get(`/users/${user.id}`)).body).not.toContain(PHONE);

    const row = await queryOne<{ phone_enc: string; phone_hash: string; id_number_enc: string }>(
      t.database.db,
      sql`SELECT phone_enc, phone_hash, id_number_enc FROM app_user WHERE id = ${user.id}`,
    );
    expect(row?.phone_enc).toMatch(/^v1\./);
    expect(row?.id_number_enc).toMatch(/^v1\./);
    expect(row?.phone_hash).toBe(t.ctx.secrets.lookupHash(PHONE));
    const audit = await queryOne<{ diff: unknown }>(
      t.database.db,
      sql`SELECT diff FROM audit_event WHERE action = 'identity.user.create' AND entity_id = ${String(user.id)}`,
    );
    expect(JSON.stringify(audit?.diff)).toContain('138****5678');
    expect(JSON.stringify(audit?.diff)).not.toContain(PHONE);

    // The new user signs in with the one-time password and must change it first.
    const s = await signIn(t, 'lc.newcomer', oneTimePassword);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers });
    expect(me.json().user.mustChangePassword).toBe(true);
  });

  it('shows the full phone and ID number only at /sensitive, and records the read', async () => {
    const res = await admin.get(`/users/${newUserId}/sensitive`);
    expect(res.statusCode).toBe(200);
    wrote('identity.person.read-sensitive');
    expect(res.json()).toEqual({ id: newUserId, phone: PHONE, idNumber: ID_NUMBER });
    const read = await queryOne<{ actor_name: string; entity_id: string }>(
      t.database.db,
      sql`SELECT actor_name, entity_id FROM audit_event WHERE action = 'identity.person.read-sensitive'`,
    );
    expect(read).toEqual({ actor_name: 'admin', entity_id: String(newUserId) });
    // Without the permission: refused; and the city's health leader does not see the supervision
    // institute's staff at all (another department).
    const leader = client(t, await signIn(t, 'city.leader'));
    expect((await leader.get(`/users/${newUserId}/sensitive`)).statusCode).toBe(403);
    expect((await leader.get(`/users/${newUserId}`)).statusCode).toBe(404);
  });

  it('refuses a taken username (any case), an invalid ID number and a bad field', async () => {
    const base = { kind: 'staff', displayName: '李四', unitId: lcSupervision, roles: ['inspector'] };
    const dup = await admin.post('/users', { ...base, username: 'LC.Inspector1' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({
      code: 'conflict',
      errors: [{ path: 'username', code: 'username_taken' }],
    });
    const badId = await admin.post('/users', { ...base, username: 'lc.badid', idNumber: `${ID_BODY}0` });
    expect(badId.statusCode).toBe(422);
    expect(badId.json().errors[0]).toMatchObject({ path: 'idNumber', code: 'resident_id_check_char' });
    const badName = await admin.post('/users', { ...base, username: 'x' });
    expect(badName.statusCode).toBe(400);
    expect(badName.json().errors[0].path).toBe('username');
    const institution = await admin.post('/users', {
      kind: 'institution',
      username: 'clinic.one',
      displayName: '诊所',
      establishmentId: 1,
      roles: ['institution'],
    });
    expect(institution.statusCode).toBe(422);
    expect(institution.json().code).toBe('institution_users_unavailable');
  });

  it('resets a password: old one fails, the one-time one signs in and must be changed first', async () => {
    const id = await userId(t, 'lc.leader');
    const before = await signIn(t, 'lc.leader');
    const res = await admin.post(`/users/${id}/reset-password`);
    expect(res.statusCode).toBe(200);
    wrote('identity.user.reset-password');
    const { oneTimePassword, user } = res.json();
    expect(user.mustChangePassword).toBe(true);
    // The session from before the reset has ended.
    const old = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: before.headers });
    expect(old.statusCode).toBe(401);
    expect((await trySignIn(t, 'lc.leader', TEST_PASSWORD)).statusCode).toBe(401);

    const s = await signIn(t, 'lc.leader', oneTimePassword);
    const c = client(t, s);
    const blocked = await c.get('/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password_change_required');
    const changed = await c.post('/auth/password', {
      currentPassword: oneTimePassword,
      newPassword: 'Leader-passw0rd!',
    });
    expect(changed.statusCode).toBe(204);
    expect((await c.get('/users')).statusCode).toBe(200);
    expect((await admin.post(`/users/${await userId(t, 'admin')}/reset-password`)).json().code).toBe(
      'not_on_yourself',
    );
  });

  it('disables an account (sessions end, sign-in refused) and enables it again', async () => {
    const id = await userId(t, 'lc.inspector2');
    const s = await signIn(t, 'lc.inspector2');
    const res = await admin.post(`/users/${id}/disable`);
    expect(res.statusCode).toBe(200);
    wrote('identity.user.disable');
    expect(res.json().status).toBe('disabled');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).statusCode,
    ).toBe(401);
    const refused = await trySignIn(t, 'lc.inspector2', TEST_PASSWORD);
    expect(refused.statusCode).toBe(401);
    expect((await admin.post(`/users/${id}/disable`)).json().code).toBe('invalid_transition');
    expect((await admin.get('/users?status=disabled')).json().items.map((u: { id: number }) => u.id)).toEqual(
      [id],
    );
    expect((await admin.post(`/users/${id}/enable`)).statusCode).toBe(200);
    wrote('identity.user.enable');
    expect((await trySignIn(t, 'lc.inspector2', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('resets a second factor: the user must enrol again before doing anything', async () => {
    const created = await admin.post('/users', {
      kind: 'staff',
      username: 'city.admin2',
      displayName: '赵管理',
      unitId: await unitId(t, 'health', '370100'),
      roles: ['admin'],
    });
    expect(created.statusCode).toBe(201);
    wrote('identity.user.create');
    const { user, oneTimePassword } = created.json();
    expect((await admin.post(`/users/${user.id}/reset-second-factor`)).json().code).toBe(
      'invalid_transition',
    );
    await t.database.db.execute(
      sql`UPDATE app_user SET totp_enabled = true, totp_secret_enc = ${t.ctx.secrets.encrypt('JBSWY3DPEHPK3PXP')},
          must_change_password = false WHERE id = ${user.id}`,
    );
    const res = await admin.post(`/users/${user.id}/reset-second-factor`);
    expect(res.statusCode).toBe(200);
    wrote('identity.user.reset-second-factor');
    expect(res.json().secondFactorEnabled).toBe(false);
    const row = await queryOne<{ totp_secret_enc: string | null }>(
      t.database.db,
      sql`SELECT totp_secret_enc FROM app_user WHERE id = ${user.id}`,
    );
    expect(row?.totp_secret_enc).toBeNull();
    // Signs in without a code now, and must enrol before any other route.
    const c = client(t, await signIn(t, 'city.admin2', oneTimePassword));
    const blocked = await c.get('/users');
    expect(blocked.json().code).toBe('second_factor_setup_required');
  });

  it('unlocks a locked account', async () => {
    const id = await userId(t, 'lc.inspector1');
    expect((await admin.post(`/users/${id}/unlock`)).json().code).toBe('invalid_transition');
    const until = new Date(TEST_NOW.getTime() + 10 * 60_000).toISOString();
    await t.database.db.execute(
      sql`UPDATE app_user SET locked_until = ${until}, failed_sign_ins = 0 WHERE id = ${id}`,
    );
    expect((await admin.get(`/users/${id}`)).json()).toMatchObject({ locked: true, lockedUntil: until });
    expect((await trySignIn(t, 'lc.inspector1', TEST_PASSWORD)).statusCode).toBe(423);
    const res = await admin.post(`/users/${id}/unlock`);
    expect(res.statusCode).toBe(200);
    wrote('identity.user.unlock');
    expect(res.json().locked).toBe(false);
    expect((await trySignIn(t, 'lc.inspector1', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('edits a user, and refuses a move while open tasks are registered in the old region', async () => {
    const edit = await admin.patch(`/users/${newUserId}`, {
      displayName: '王晓明',
      phone: null,
      idNumber: null,
    });
    expect(edit.statusCode).toBe(200);
    wrote('identity.user.update');
    expect(edit.json()).toMatchObject({ displayName: '王晓明', phoneMasked: null, idNumberMasked: null });

    const unregister = registerOpenTaskCheck(async (_tx, move) =>
      move.userId === newUserId && !'370112'.startsWith(move.to.regionPrefix)
        ? { kind: 'test.inspection', count: 2, labelZh: '检查', labelEn: 'inspections' }
        : null,
    );
    try {
      const refused = await admin.patch(`/users/${newUserId}`, { unitId: zqSupervision });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'user_has_open_tasks' });
      expect(refused.json().messageZh).toContain('检查 2 件');
      expect((await admin.get(`/users/${newUserId}`)).json().unit.id).toBe(lcSupervision);
    } finally {
      unregister();
    }
    const moved = await admin.patch(`/users/${newUserId}`, {
      unitId: zqSupervision,
      roles: ['inspector', 'viewer'],
    });
    expect(moved.statusCode).toBe(200);
    wrote('identity.user.update');
    expect(moved.json().unit.regionCode).toBe('370114');
    expect(moved.json().roles.map((r: { code: string }) => r.code)).toEqual(['inspector', 'viewer']);
  });

  it('writes one audit row per successful write, none for refusals', async () => {
    const counts = await auditCounts(t);
    for (const [action, n] of Object.entries(expected))
      expect({ action, n: counts[action] }).toEqual({ action, n });
    const verify = await admin.get('/audit-events/verify');
    expect(verify.json()).toMatchObject({ ok: true });
  });
});
