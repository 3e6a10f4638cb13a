import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCounts, client, signInAdmin, unitId, userId } from './identity-helpers.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';

/**
 * The guards of user administration: the system always keeps an administrator, and a scoped
 * administrator sees and manages only their region and department, never beyond their own powers.
 */
describe.each(DATABASE_KINDS)('user administration guards on %s', (kind) => {
  let t: TestApp;
  let admin: ReturnType<typeof client>;
  let lcSupervision: number;
  let zqSupervision: number;
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

  it('never leaves the system without an administrator', async () => {
    const adminId = await userId(t, 'admin');
    const created = await admin.post('/users', {
      kind: 'staff',
      username: 'city.admin2',
      displayName: '赵管理',
      unitId: await unitId(t, 'health', '370100'),
      roles: ['admin'],
    });
    expect(created.statusCode).toBe(201);
    wrote('identity.user.create');
    // A second administrator can be demoted while the first remains…
    const admin2 = created.json().user.id;
    expect((await admin.patch(`/users/${admin2}`, { roles: ['leader'] })).statusCode).toBe(200);
    wrote('identity.user.update');
    expect((await admin.patch(`/users/${admin2}`, { roles: ['admin'] })).statusCode).toBe(200);
    wrote('identity.user.update');
    // …and disabled: then admin is the last one.
    expect((await admin.post(`/users/${admin2}/disable`)).statusCode).toBe(200);
    wrote('identity.user.disable');
    const demote = await admin.patch(`/users/${adminId}`, { roles: ['leader'] });
    expect(demote.statusCode).toBe(409);
    expect(demote.json()).toMatchObject({
      code: 'last_administrator',
      details: { reason: 'no_active_administrator' },
    });
    expect(demote.json().messageZh).toContain('系统管理员');

    // A superuser without the admin role cannot disable or demote the last administrator either.
    const everything = (await admin.get('/roles'))
      .json()
      .items.find((r: { code: string }) => r.code === 'admin');
    const role = await admin.post('/roles', {
      code: 'superuser',
      nameZh: '超级用户',
      nameEn: 'Superuser',
      permissions: everything.permissions,
    });
    expect(role.statusCode).toBe(201);
    wrote('identity.role.create');
    const su = await admin.post('/users', {
      kind: 'staff',
      username: 'city.super',
      displayName: '钱超级',
      unitId: await unitId(t, 'health', '370100'),
      roles: ['superuser'],
    });
    wrote('identity.user.create');
    await t.database.db.execute(
      sql`UPDATE app_user SET must_change_password = false WHERE username = 'city.super'`,
    );
    const s = client(t, await signInAdmin(t, 'city.super', su.json().oneTimePassword));
    const disable = await s.post(`/users/${adminId}/disable`);
    expect(disable.statusCode).toBe(409);
    expect(disable.json().code).toBe('last_administrator');
    expect((await s.patch(`/users/${adminId}`, { roles: ['viewer'] })).json().code).toBe(
      'last_administrator',
    );
    expect((await admin.get(`/users/${adminId}`)).json()).toMatchObject({
      status: 'active',
      roles: [{ code: 'admin' }],
    });

    const strip = await admin.patch('/roles/admin', {
      permissions: everything.permissions.filter((p: string) => p !== 'identity.role.manage'),
    });
    expect(strip.statusCode).toBe(409);
    expect(strip.json()).toMatchObject({
      code: 'last_administrator',
      details: { reason: 'admin_role_permissions' },
    });
  });

  it('keeps a county administrator of 章丘 out of 历城 (404) and within their own powers', async () => {
    const role = await admin.post('/roles', {
      code: 'county_admin',
      nameZh: '区县管理员',
      nameEn: 'County administrator',
      permissions: [
        'identity.user.read',
        'identity.user.manage',
        'identity.person.read-sensitive',
        'identity.audit.read',
      ],
    });
    expect(role.statusCode).toBe(201);
    wrote('identity.role.create');
    const created = await admin.post('/users', {
      kind: 'staff',
      username: 'zq.admin',
      displayName: '孙管理',
      unitId: zqSupervision,
      roles: ['county_admin'],
    });
    wrote('identity.user.create');
    await t.database.db.execute(
      sql`UPDATE app_user SET must_change_password = false WHERE username = 'zq.admin'`,
    );
    const zq = client(t, await signInAdmin(t, 'zq.admin', created.json().oneTimePassword));

    const lcUser = await userId(t, 'lc.inspector1');
    for (const res of [
      await zq.get(`/users/${lcUser}`),
      await zq.get(`/users/${lcUser}/sensitive`),
      await zq.patch(`/users/${lcUser}`, { displayName: 'x' }),
      await zq.post(`/users/${lcUser}/disable`),
      await zq.post(`/users/${lcUser}/reset-password`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
    const list = (await zq.get('/users?pageSize=100')).json();
    expect(list.items.map((u: { username: string }) => u.username).sort()).toEqual([
      'zq.admin',
      'zq.inspector',
    ]);
    // Creating in 历城: the unit is not found; granting a role beyond their own: forbidden.
    const base = { kind: 'staff', displayName: '周某', roles: ['inspector'] };
    const outside = await admin.post('/users', { ...base, username: 'probe.lc', unitId: lcSupervision });
    expect(outside.statusCode).toBe(201); // (the city administrator may)
    wrote('identity.user.create');
    const zqOutside = await zq.post('/users', { ...base, username: 'zq.probe', unitId: lcSupervision });
    expect(zqOutside.statusCode).toBe(404);
    expect(zqOutside.json().errors[0].path).toBe('unitId');
    const escalate = await zq.post('/users', {
      ...base,
      username: 'zq.probe',
      unitId: zqSupervision,
      roles: ['admin'],
    });
    expect(escalate.statusCode).toBe(403);
    // Within their scope they manage users, but not the city's administrators.
    expect((await zq.get(`/users/${await userId(t, 'zq.inspector')}`)).statusCode).toBe(200);
    expect((await zq.get(`/users/${await userId(t, 'admin')}`)).statusCode).toBe(404);
    const roles = (await zq.get('/roles')).json().items;
    expect(roles.find((r: { code: string }) => r.code === 'inspector').userCount).toBe(1);
  });

  it('writes one audit row per successful write, none for refusals', async () => {
    const counts = await auditCounts(t);
    for (const [action, n] of Object.entries(expected)) {
      expect({ action, n: counts[action] }).toEqual({ action, n });
    }
  });
});
