import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCounts, client, insertStaff, signInAdmin, unitId } from './identity-helpers.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';

describe.each(DATABASE_KINDS)('roles, units and regions on %s', (kind) => {
  let t: TestApp;
  let admin: ReturnType<typeof client>;
  /** 历城区卫生健康局's administrator: units and regions of 历城, health department only. */
  let lc: ReturnType<typeof client>;
  const expected: Record<string, number> = {};
  const wrote = (action: string, n = 1) => {
    expected[action] = (expected[action] ?? 0) + n;
  };

  beforeAll(async () => {
    t = await testApp(kind);
    admin = client(t, await signInAdmin(t, 'admin'));
    const db = t.database.db;
    await db.execute(
      sql`INSERT INTO role (code, name_zh, name_en) VALUES ('lc_admin', '区管理员', 'County admin')`,
    );
    for (const p of [
      'identity.user.read',
      'identity.user.manage',
      'identity.unit.manage',
      'identity.region.manage',
      'identity.audit.read',
    ]) {
      await db.execute(sql`INSERT INTO role_permission (role_code, permission) VALUES ('lc_admin', ${p})`);
    }
    await insertStaff(t, 'lc.admin', await unitId(t, 'health', '370112'), ['lc_admin']);
    lc = client(t, await signInAdmin(t, 'lc.admin'));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the departments publicly and the permission catalogue with labels', async () => {
    const deps = await t.app.inject({ method: 'GET', url: '/api/v1/departments' });
    expect(deps.statusCode).toBe(200);
    expect(deps.json().items).toHaveLength(7);
    expect(deps.json().items[0]).toEqual({ code: 'health', nameZh: '卫生健康', nameEn: 'Health commission' });
    const perms = (await admin.get('/permissions')).json().items;
    expect(perms.find((p: { name: string }) => p.name === 'identity.user.read')).toEqual({
      name: 'identity.user.read',
      module: 'identity',
      labelZh: '查看用户',
      labelEn: 'View users',
    });
  });

  it('lists roles with permissions and the users in scope holding them', async () => {
    const roles = (await admin.get('/roles')).json().items;
    const byCode = Object.fromEntries(roles.map((r: { code: string }) => [r.code, r]));
    expect(byCode.admin).toMatchObject({ builtin: true, forKind: 'staff', userCount: 1 });
    expect(byCode.admin.permissions).toContain('identity.role.manage');
    expect(byCode.inspector.userCount).toBe(7);
    // 历城's health administrator sees only 历城's health staff.
    const mine = (await lc.get('/roles')).json().items;
    expect(mine.find((r: { code: string }) => r.code === 'inspector').userCount).toBe(0);
    expect(mine.find((r: { code: string }) => r.code === 'leader').userCount).toBe(1);
  });

  it('creates, edits and deletes a custom role, with its guards', async () => {
    const body = {
      code: 'data_clerk',
      nameZh: '资料员',
      nameEn: 'Data clerk',
      permissions: ['identity.user.read'],
    };
    const created = await admin.post('/roles', body);
    expect(created.statusCode).toBe(201);
    wrote('identity.role.create');
    expect(created.json()).toMatchObject({ code: 'data_clerk', builtin: false, userCount: 0 });
    const dup = await admin.post('/roles', body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0]).toMatchObject({ path: 'code', code: 'role_code_taken' });
    const unknown = await admin.post('/roles', {
      ...body,
      code: 'other',
      permissions: ['identity.user.fly'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('permissions.0');
    // Staff roles get only permissions the editor holds (the administrator does not manage API keys).
    const beyond = await admin.patch('/roles/data_clerk', {
      permissions: ['identity.user.read', 'identity.api-key.manage'],
    });
    expect(beyond.statusCode).toBe(403);
    const edit = await admin.patch('/roles/data_clerk', {
      nameZh: '数据员',
      permissions: ['identity.user.read', 'identity.audit.read'],
    });
    expect(edit.statusCode).toBe(200);
    wrote('identity.role.update');
    expect(edit.json()).toMatchObject({
      nameZh: '数据员',
      permissions: ['identity.audit.read', 'identity.user.read'],
    });
    const diff = await t.database.db.execute(
      sql`SELECT diff FROM audit_event WHERE action = 'identity.role.update' AND entity_id = 'data_clerk'`,
    );
    expect(JSON.stringify((diff as unknown as { rows: unknown[] }).rows[0])).toContain('数据员');

    expect((await admin.delete('/roles/viewer')).json().code).toBe('builtin_role');
    await insertStaff(t, 'lc.clerk', await unitId(t, 'health', '370112'), ['data_clerk']);
    const inUse = await admin.delete('/roles/data_clerk');
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().code).toBe('role_in_use');
    await admin.post('/roles', { ...body, code: 'temp_role' });
    wrote('identity.role.create');
    expect((await admin.delete('/roles/temp_role')).statusCode).toBe(204);
    wrote('identity.role.delete');
    expect((await admin.get('/roles/temp_role')).statusCode).toBe(404);
    expect((await lc.post('/roles', { ...body, code: 'x_role' })).statusCode).toBe(403);
  });

  it('lists units in scope only', async () => {
    const all = (await admin.get('/units?regionCode=370112')).json();
    expect(all.total).toBe(7);
    const mine = (await lc.get('/units')).json();
    expect(mine.items.map((u: { name: string }) => u.name)).toEqual(['历城区卫生健康局']);
    expect(mine.items[0]).toMatchObject({
      departmentCode: 'health',
      regionCode: '370112',
      regionLevel: 'county',
    });
    expect((await lc.get(`/units/${await unitId(t, 'supervision', '370112')}`)).statusCode).toBe(404);
    expect((await lc.get(`/units/${await unitId(t, 'health', '370114')}`)).statusCode).toBe(404);
  });

  it('creates and renames units within scope, and refuses the rest', async () => {
    const body = { departmentCode: 'health', regionCode: '370112001', name: '山大路街道卫生健康办' };
    const created = await lc.post('/units', body);
    expect(created.statusCode).toBe(201);
    wrote('identity.unit.create');
    expect(created.json()).toMatchObject({ regionName: '山大路街道', regionLevel: 'town', userCount: 0 });
    const dup = await lc.post('/units', body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].path).toBe('name');
    const outside = await lc.post('/units', { ...body, regionCode: '370114' });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().errors[0].path).toBe('regionCode');
    const otherDept = await lc.post('/units', { ...body, departmentCode: 'police' });
    expect(otherDept.statusCode).toBe(422);
    expect(otherDept.json().code).toBe('department_out_of_scope');
    expect((await lc.post('/units', { ...body, departmentCode: 'nope' })).json().code).toBe(
      'unknown_department',
    );
    const retired = await admin.post('/units', { ...body, regionCode: '370181', name: '章丘市卫生局' });
    expect(retired.statusCode).toBe(422);
    expect(retired.json().code).toBe('region_retired');

    const id = created.json().id;
    const renamed = await lc.patch(`/units/${id}`, { name: '山大路街道卫生健康服务站' });
    expect(renamed.statusCode).toBe(200);
    wrote('identity.unit.update');
    expect(renamed.json().name).toBe('山大路街道卫生健康服务站');
    const other = await lc.patch(`/units/${await unitId(t, 'health', '370114')}`, { name: 'x 改名' });
    expect(other.statusCode).toBe(404);
  });

  it('adds a street under a county and a village under it, in scope only', async () => {
    const town = await lc.post('/regions', {
      parentCode: '370112',
      code: '370112018',
      name: '新东站片区街道',
    });
    expect(town.statusCode).toBe(201);
    wrote('identity.region.create');
    expect(town.json()).toMatchObject({
      code: '370112018',
      level: 'town',
      parentCode: '370112',
      retired: false,
    });
    const village = await lc.post('/regions', {
      parentCode: '370112018',
      code: '370112018001',
      name: '东站社区',
    });
    expect(village.statusCode).toBe(201);
    wrote('identity.region.create');
    expect(village.json().level).toBe('village');
    const pub = await t.app.inject({ method: 'GET', url: '/api/v1/regions/370112018001' });
    expect(pub.json().path.map((p: { code: string }) => p.code)).toEqual([
      '370000',
      '370100',
      '370112',
      '370112018',
      '370112018001',
    ]);

    const dup = await lc.post('/regions', { parentCode: '370112', code: '370112018', name: '另一街道' });
    expect(dup.statusCode).toBe(409);
    const sameName = await lc.post('/regions', {
      parentCode: '370112',
      code: '370112019',
      name: '新东站片区街道',
    });
    expect(sameName.json().errors[0].path).toBe('name');
    const notUnder = await lc.post('/regions', { parentCode: '370112', code: '370113001', name: '错位街道' });
    expect(notUnder.statusCode).toBe(422);
    expect(notUnder.json().code).toBe('code_not_under_parent');
    const outside = await lc.post('/regions', { parentCode: '370114', code: '370114001', name: '外区街道' });
    expect(outside.statusCode).toBe(404);
    const level = await admin.post('/regions', { parentCode: '370100', code: '370100001', name: '市直街道' });
    expect(level.json().code).toBe('invalid_parent_level');
    expect(
      (await admin.post('/regions', { parentCode: '370112', code: '3701120', name: 'x' })).statusCode,
    ).toBe(400);
  });

  it('writes one audit row per successful write, none for refusals', async () => {
    const counts = await auditCounts(t);
    for (const [action, n] of Object.entries(expected))
      expect({ action, n: counts[action] }).toEqual({ action, n });
  });
});
