import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/database.js';
import { auditCounts, client, signIn, signInAdmin } from './identity-helpers.js';
import { TEST_NOW, type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';

/** Institution users arrive with the registry; until then the tests insert them directly. */
async function insertInstitutionUser(t: TestApp, username: string, establishmentId: number): Promise<void> {
  const db = t.database.db;
  const template = await queryOne<{ password_hash: string }>(
    db,
    sql`SELECT password_hash FROM app_user WHERE username = 'admin'`,
  );
  const u = await queryOne<{ id: number }>(
    db,
    sql`INSERT INTO app_user (kind, username, display_name, establishment_id, password_hash)
        VALUES ('institution', ${username}, ${username}, ${establishmentId}, ${template!.password_hash}) RETURNING id`,
  );
  await db.execute(sql`INSERT INTO user_role (user_id, role_code) VALUES (${u!.id}, 'institution')`);
}

describe.each(DATABASE_KINDS)('API keys on %s', (kind) => {
  let t: TestApp;
  let clinic: ReturnType<typeof client>;
  let key: string;
  let keyId: number;

  beforeAll(async () => {
    t = await testApp(kind);
    // A permission for the key to carry: institution users may read users (they see none).
    await t.database.db.execute(
      sql`INSERT INTO role_permission (role_code, permission) VALUES ('institution', 'identity.user.read')`,
    );
    await insertInstitutionUser(t, 'clinic.one', 1);
    await insertInstitutionUser(t, 'clinic.two', 2);
    clinic = client(t, await signIn(t, 'clinic.one'));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates a key shown once, stored as its SHA-256, carrying only permissions the creator holds', async () => {
    const refused = await clinic.post('/api-keys', {
      name: '监测数据上传',
      permissions: ['identity.api-key.manage'],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({
      path: 'permissions.0',
      code: 'permission_not_grantable',
    });
    expect(
      (await clinic.post('/api-keys', { name: 'x', permissions: ['identity.audit.read'] })).statusCode,
    ).toBe(422);

    const res = await clinic.post('/api-keys', { name: '监测数据上传', permissions: ['identity.user.read'] });
    expect(res.statusCode).toBe(201);
    key = res.json().key;
    keyId = res.json().apiKey.id;
    expect(key).toMatch(/^wjk_[A-Za-z0-9_-]{43}$/);
    expect(res.json().apiKey).toMatchObject({
      establishmentId: 1,
      name: '监测数据上传',
      prefix: key.slice(0, 8),
      permissions: ['identity.user.read'],
      createdBy: { username: 'clinic.one' },
      lastUsedAt: null,
      revokedAt: null,
    });
    const row = await queryOne<{ key_hash: string }>(
      t.database.db,
      sql`SELECT key_hash FROM api_key WHERE id = ${keyId}`,
    );
    expect(row?.key_hash).toBe(createHash('sha256').update(key).digest('hex'));
    const list = await clinic.get('/api-keys');
    expect(list.json().items).toHaveLength(1);
    expect(list.body).not.toContain(key);
    expect(list.body).not.toContain(row!.key_hash);
  });

  it('authenticates a request with the key (no cookie, no CSRF) and records its last use', async () => {
    const bearer = { authorization: `Bearer ${key}` };
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], total: 0 }); // an establishment sees no staff
    const used = await queryOne<{ last_used_at: string }>(
      t.database.db,
      sql`SELECT last_used_at FROM api_key WHERE id = ${keyId}`,
    );
    expect(new Date(used!.last_used_at).toISOString()).toBe(TEST_NOW.toISOString());
    // Only what the key carries, and never a person's own-account routes.
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit-events', headers: bearer });
    expect(audit.statusCode).toBe(403);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer });
    expect(me.statusCode).toBe(403);
    expect(me.json().code).toBe('api_key_not_allowed');
    const keys = await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: bearer });
    expect(keys.statusCode).toBe(403);
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { authorization: `Bearer wjk_${'A'.repeat(43)}` },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe('invalid_api_key');
  });

  it('keeps keys to their establishment: another clinic and staff see none and cannot revoke', async () => {
    const other = client(t, await signIn(t, 'clinic.two'));
    expect((await other.get('/api-keys')).json().items).toEqual([]);
    expect((await other.post(`/api-keys/${keyId}/revoke`)).statusCode).toBe(404);
    const admin = client(t, await signInAdmin(t, 'admin'));
    expect((await admin.get('/api-keys')).statusCode).toBe(403); // staff do not hold identity.api-key.manage
  });

  it('revokes a key: requests carrying it are refused from then on', async () => {
    const res = await clinic.post(`/api-keys/${keyId}/revoke`);
    expect(res.statusCode).toBe(200);
    expect(res.json().revokedAt).toBe(TEST_NOW.toISOString());
    expect((await clinic.post(`/api-keys/${keyId}/revoke`)).json().code).toBe('invalid_transition');
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(after.statusCode).toBe(401);
    const counts = await auditCounts(t);
    expect(counts['identity.api-key.create']).toBe(1);
    expect(counts['identity.api-key.revoke']).toBe(1);
  });
});
