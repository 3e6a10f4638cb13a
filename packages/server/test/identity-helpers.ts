import { sql } from 'drizzle-orm';
import { queryOne } from '../src/db/database.js';
import { TEST_PASSWORD, type TestApp } from './support/app.js';
import { cookiesOf, type SignedIn } from './support/session.js';

/**
 * Helpers of the identity administration tests (not a test file itself). Sign-ins come from
 * distinct addresses so the sign-in rate limit (per address, on the wall clock) never trips.
 */
let address = 0;
const nextAddress = () => {
  address++;
  return `10.200.${(address >> 8) & 255}.${address & 255}`;
};

export async function signIn(t: TestApp, username: string, password = TEST_PASSWORD): Promise<SignedIn> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    remoteAddress: nextAddress(),
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${res.statusCode} ${res.body}`);
  const c = cookiesOf(res.headers['set-cookie']);
  const cookie = `wj_session=${c.wj_session}; wj_csrf=${c.wj_csrf}`;
  return { cookie, csrf: c.wj_csrf!, headers: { cookie, 'x-csrf-token': c.wj_csrf! } };
}

/** A sign-in attempt's raw answer. */
export function trySignIn(t: TestApp, username: string, password: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    remoteAddress: nextAddress(),
    payload: { username, password },
  });
}

/**
 * Signs in a user whose roles require a second factor, then marks it enrolled (these tests are
 * about administration, not enrolment, which identity-auth.test.ts covers).
 */
export async function signInAdmin(t: TestApp, username: string, password = TEST_PASSWORD): Promise<SignedIn> {
  await t.database.db.execute(sql`UPDATE app_user SET totp_enabled = false WHERE username = ${username}`);
  const s = await signIn(t, username, password);
  await t.database.db.execute(sql`UPDATE app_user SET totp_enabled = true WHERE username = ${username}`);
  return s;
}

/** JSON requests as a signed-in client. */
export function client(t: TestApp, s: SignedIn | { headers: Record<string, string> }) {
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: s.headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, payload: unknown = {}) => call('POST', url, payload),
    patch: (url: string, payload: unknown) => call('PATCH', url, payload),
    delete: (url: string) => call('DELETE', url),
  };
}

export async function idOf(t: TestApp, table: 'app_user' | 'unit', where: ReturnType<typeof sql>) {
  const r = await queryOne<{ id: number }>(
    t.database.db,
    sql`SELECT id FROM ${sql.raw(table)} WHERE ${where}`,
  );
  if (!r) throw new Error(`no ${table} row`);
  return Number(r.id);
}

export const userId = (t: TestApp, username: string) => idOf(t, 'app_user', sql`username = ${username}`);

export const unitId = (t: TestApp, department: string, region: string) =>
  idOf(t, 'unit', sql`department_code = ${department} AND region_code = ${region}`);

/** Audit rows written through the API (the demo seed's rows carry no request id), per action. */
export async function auditCounts(t: TestApp): Promise<Record<string, number>> {
  const rows = (await t.database.db.execute(
    sql`SELECT action, count(*)::int AS n FROM audit_event WHERE request_id IS NOT NULL GROUP BY action`,
  )) as unknown as { rows: { action: string; n: number }[] };
  return Object.fromEntries(rows.rows.map((r) => [r.action, r.n]));
}

/** Creates a staff user directly (for fixtures the test does not exercise), holding the given roles. */
export async function insertStaff(
  t: TestApp,
  username: string,
  unit: number,
  roles: string[],
): Promise<number> {
  const db = t.database.db;
  const template = await queryOne<{ password_hash: string }>(
    db,
    sql`SELECT password_hash FROM app_user WHERE username = 'admin'`,
  );
  const u = await queryOne<{ id: number }>(
    db,
    sql`INSERT INTO app_user (kind, username, display_name, unit_id, password_hash)
        VALUES ('staff', ${username}, ${username}, ${unit}, ${template!.password_hash}) RETURNING id`,
  );
  for (const r of roles)
    await db.execute(sql`INSERT INTO user_role (user_id, role_code) VALUES (${u!.id}, ${r})`);
  return Number(u!.id);
}
