import { randomBytes } from 'node:crypto';
import { makePublicCode } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { queryOne } from '../../src/db/database.js';
import { client, insertStaff, signIn, unitId, userId } from '../identity-helpers.js';
import type { TestApp } from './app.js';

/**
 * Fixtures of the enforcement tests: staff of 历城区 by department and role, establishments and roster
 * officers written straight into their modules' tables (those modules' own tests cover their APIs),
 * and a clock set to a legal day.
 */
export const LICHENG = '370112';

/**
 * A signed-in JSON client that signs in again when its session has expired (the tests move the
 * clock by months, past the session's absolute expiry).
 */
export async function sessionClient(t: TestApp, username: string) {
  let session = await signIn(t, username);
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    let res = await client(t, session)[method === 'GET' ? 'get' : method === 'POST' ? 'post' : 'patch'](
      url,
      payload as never,
    );
    if (res.statusCode === 401) {
      session = await signIn(t, username);
      res = await client(t, session)[method === 'GET' ? 'get' : method === 'POST' ? 'post' : 'patch'](
        url,
        payload as never,
      );
    }
    return res;
  };
  return {
    username,
    get: (url: string) => call('GET', url),
    post: (url: string, payload: unknown = {}) => call('POST', url, payload),
    patch: (url: string, payload: unknown) => call('PATCH', url, payload),
    /** Headers of a fresh session (for multipart uploads). */
    headers: async () => {
      session = await signIn(t, username);
      return session.headers;
    },
  };
}
export type Client = Awaited<ReturnType<typeof sessionClient>>;

/** A signed-in client for a new staff user (the demo has no supervision leader). */
export async function staff(
  t: TestApp,
  username: string,
  department: string,
  roles: string[],
  region = LICHENG,
): Promise<Client> {
  await insertStaff(t, username, await unitId(t, department, region), roles);
  return sessionClient(t, username);
}

/** A signed-in client for a demo user. */
export async function demoUser(t: TestApp, username: string): Promise<Client> {
  return sessionClient(t, username);
}

let counter = 0;

export async function insertEstablishment(
  t: TestApp,
  spec: { name: string; region?: string; uscc?: string | null; kind?: string; category?: string },
): Promise<{ id: number; publicCode: string }> {
  const at = t.ctx.now().toISOString();
  const publicCode = makePublicCode(randomBytes(12));
  const row = await queryOne<{ id: number }>(
    t.database.db,
    sql`INSERT INTO establishment (public_code, name, uscc, kind, category_code, region_code, address, legal_representative, status,
          created_at, updated_at)
        VALUES (${publicCode}, ${spec.name}, ${spec.uscc ?? null}, ${spec.kind ?? 'medical'}, ${spec.category ?? 'D211'},
          ${spec.region ?? `${LICHENG}001`}, ${`历城区执法测试路${++counter}号`}, '张负责', 'operating', ${at}, ${at})
        RETURNING id`,
  );
  return { id: Number(row!.id), publicCode };
}

/** A certified officer in the roster, optionally linked to a user account. */
export async function insertOfficer(
  t: TestApp,
  spec: { name: string; username?: string; department?: string; region?: string },
): Promise<number> {
  const department = spec.department ?? 'supervision';
  const region = spec.region ?? LICHENG;
  const unit = await unitId(t, department, region);
  const user = spec.username ? await userId(t, spec.username) : null;
  const at = t.ctx.now().toISOString();
  const row = await queryOne<{ id: number }>(
    t.database.db,
    sql`INSERT INTO inspector (certificate_no, name, unit_id, department_code, region_code, user_id, created_at, updated_at)
        VALUES (${`ZF${region}${String(++counter).padStart(5, '0')}`}, ${spec.name}, ${unit}, ${department}, ${region}, ${user},
          ${at}, ${at}) RETURNING id`,
  );
  return Number(row!.id);
}

/** Moves the test clock to 10:00 in China on a legal day. */
export function setDay(t: TestApp, day: string): void {
  t.setNow(new Date(`${day}T02:00:00.000Z`));
}

let address = 0;
/** A fresh client address, so the public rate limits only trip where a test wants them to. */
export function nextAddress(): string {
  address++;
  return `10.77.${(address >> 8) & 255}.${address & 255}`;
}

export async function publicPost(t: TestApp, url: string, payload: unknown, remoteAddress = nextAddress()) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    payload: payload as Record<string, unknown>,
    remoteAddress,
  });
}

export async function publicGet(t: TestApp, url: string, remoteAddress = nextAddress()) {
  return t.app.inject({ method: 'GET', url: `/api/v1${url}`, remoteAddress });
}

/** A multipart/form-data body with one file part. */
export function multipartBody(fileName: string, content: Buffer, contentType = 'image/png') {
  const boundary = `----weijian${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** The smallest PNG: a 1×1 pixel. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A case client: takes an action with the case's current version. */
export function caseActions() {
  return async (who: Client, caseId: number, action: string, body: Record<string, unknown> = {}) => {
    const current = (await who.get(`/enforcement/cases/${caseId}`)).json() as { version: number };
    return who.post(`/enforcement/cases/${caseId}/actions`, {
      action,
      expectedVersion: current.version,
      ...body,
    });
  };
}
