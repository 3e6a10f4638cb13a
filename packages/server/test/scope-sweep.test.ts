import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/database.js';
import { ALL_PERMISSIONS } from '../src/modules/identity/permissions.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import {
  createScopeFixtures,
  GLOBAL_ROUTES,
  LEAK_MARK,
  type ScopeFixture,
} from './support/scope-fixtures.js';
import { type SignedIn, signInAs } from './support/session.js';

/**
 * The scope sweep (identity issue, "Scope, enforced in the query"): every route of the OpenAPI
 * document is called by users of ANOTHER COUNTY and of ANOTHER DEPARTMENT who hold every permission
 * except cross-department administration. Nothing created in 历城区 by the supervision institute
 * may reach them: routes with an id answer 404 (or refuse the input), lists never contain the mark.
 */
interface Operation {
  method: string;
  path: string;
}

const OUTSIDERS = [
  {
    username: 'sweep.othercounty',
    department: 'supervision',
    region: '370114',
    sameRegion: false,
    why: 'another county (章丘区), same department',
  },
  {
    username: 'sweep.otherdept',
    department: 'market',
    region: '370112',
    sameRegion: true,
    why: 'same county (历城区), another department',
  },
];

async function makeOutsiders(t: TestApp): Promise<void> {
  const db = t.database.db;
  await db.execute(sql`INSERT INTO role (code, name_zh, name_en) VALUES ('sweep_all', '扫描', 'Sweep')`);
  for (const p of ALL_PERMISSIONS.filter((p) => p !== 'identity.scope.all-departments')) {
    await db.execute(sql`INSERT INTO role_permission (role_code, permission) VALUES ('sweep_all', ${p})`);
  }
  const template = await queryOne<{ password_hash: string }>(
    db,
    sql`SELECT password_hash FROM app_user WHERE username = 'admin'`,
  );
  for (const o of OUTSIDERS) {
    const unit = await queryOne<{ id: number }>(
      db,
      sql`SELECT id FROM unit WHERE department_code = ${o.department} AND region_code = ${o.region} LIMIT 1`,
    );
    // Second factor marked enrolled: the sweep is about scope, not onboarding.
    const u = await queryOne<{ id: number }>(
      db,
      sql`INSERT INTO app_user (kind, username, display_name, unit_id, password_hash, totp_enabled)
          VALUES ('staff', ${o.username}, '扫描员', ${unit!.id}, ${template!.password_hash}, false) RETURNING id`,
    );
    await db.execute(sql`INSERT INTO user_role (user_id, role_code) VALUES (${u!.id}, 'sweep_all')`);
  }
}

function operations(doc: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((method) => ({ method: method.toUpperCase(), path })),
  );
}

describe.each(DATABASE_KINDS)('scope sweep on %s', (kind) => {
  let t: TestApp;
  let fixtures: ScopeFixture[];
  let ops: Operation[];
  const sessions = new Map<string, SignedIn>();

  beforeAll(async () => {
    t = await testApp(kind);
    await makeOutsiders(t);
    fixtures = await createScopeFixtures(t);
    for (const o of OUTSIDERS) {
      const s = await signInAs(t, o.username);
      // Administrators' permissions require an enrolled second factor; mark it after signing in.
      await t.database.db.execute(
        sql`UPDATE app_user SET totp_enabled = true WHERE username = ${o.username}`,
      );
      sessions.set(o.username, s);
    }
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    ops = operations(doc);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has a fixture or a stated reason for every route with a path parameter', () => {
    const covered = new Set([
      ...fixtures.flatMap((f) => Object.keys(f.routes)),
      ...Object.keys(GLOBAL_ROUTES),
    ]);
    const uncovered = [...new Set(ops.filter((o) => o.path.includes('{')).map((o) => o.path))].filter(
      (p) => !covered.has(p),
    );
    expect(uncovered, 'add a scope fixture in test/support/scope-fixtures.ts').toEqual([]);
  });

  for (const outsider of OUTSIDERS) {
    it(`leaks nothing of 历城区's supervision institute to ${outsider.why}`, async () => {
      const s = sessions.get(outsider.username)!;
      const leaks: string[] = [];
      for (const op of ops) {
        const fixture = fixtures.find((f) => f.routes[op.path]);
        // Region-shared records (the registry) are meant for every department of their region.
        if (outsider.sameRegion && fixture?.regionShared) continue;
        if (outsider.sameRegion && fixtures.some((f) => f.regionShared?.lists.includes(op.path))) continue;
        const params = fixture?.routes[op.path];
        if (op.path.includes('{')) {
          if (!params) continue; // a global route (checked above)
          const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
          const res = await t.app.inject({
            method: op.method,
            url,
            headers: s.headers,
            ...(op.method === 'GET' ? {} : { payload: {} }),
          });
          // 404 is the answer; 400/422 (input refused before anything is read) leaks nothing either.
          if (res.statusCode < 400 || res.body.includes(LEAK_MARK))
            leaks.push(`${op.method} ${url} → ${res.statusCode}`);
        } else if (op.method === 'GET') {
          const res = await t.app.inject({
            method: 'GET',
            url: `${op.path}?pageSize=100`,
            headers: s.headers,
          });
          if (res.body.includes(LEAK_MARK)) leaks.push(`GET ${op.path} → contains ${LEAK_MARK}`);
        }
      }
      expect(leaks).toEqual([]);
    });
  }

  it('sanity: an insider with the cross-department permission does see the marked user', async () => {
    const fixture = fixtures.find((f) => f.entity === 'user')!;
    const route = Object.keys(fixture.routes)[0]!;
    expect(ops.some((o) => o.path === route)).toBe(true);
    const admin = await signInAs(t, 'admin');
    await t.database.db.execute(sql`UPDATE app_user SET totp_enabled = true WHERE username = 'admin'`);
    const res = await t.app.inject({
      method: 'GET',
      url: route.replace('{id}', fixture.routes[route]!.id!),
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(LEAK_MARK);
  });
});
