import { randomBytes } from 'node:crypto';
import { computeIdCheckChar, makePublicCode, maskIdNumber } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { queryOne, queryRows } from '../src/db/database.js';
import { drainEvents } from '../src/events/dispatch.js';
import { emitEvent } from '../src/events/events.js';
import { signIn, signInAdmin } from './identity-helpers.js';
import type { TestApp } from './support/app.js';
import type { SignedIn } from './support/session.js';

/**
 * Helpers of the credit tests (not a test file): establishments and practitioners written straight
 * into the registry's tables, other modules' events emitted as their producers do, signed-in
 * clients, and reads of what the credit module wrote.
 */
export function client(t: TestApp, s: SignedIn) {
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: s.headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, payload: unknown = {}) => call('POST', url, payload),
    put: (url: string, payload: unknown) => call('PUT', url, payload),
    patch: (url: string, payload: unknown) => call('PATCH', url, payload),
  };
}

export type Client = ReturnType<typeof client>;

let counter = 0;

export async function insertEstablishment(
  t: TestApp,
  spec: {
    name: string;
    category?: string;
    kind?: string;
    region?: string;
    flags?: string[];
    subjects?: string[];
    beds?: number | null;
  },
): Promise<{ id: number; publicCode: string }> {
  const at = t.ctx.now().toISOString();
  const publicCode = makePublicCode(randomBytes(12));
  const row = await queryOne<{ id: number }>(
    t.database.db,
    sql`INSERT INTO establishment (public_code, name, kind, category_code, region_code, address, status, flags, clinical_subjects, beds, created_at, updated_at)
        VALUES (${publicCode}, ${spec.name}, ${spec.kind ?? 'medical'}, ${spec.category ?? 'D211'}, ${spec.region ?? '370112001'},
          ${`历城区信用路${++counter}号`}, 'operating', ${sql.param(spec.flags ?? [])}::text[], ${sql.param(spec.subjects ?? ['02'])}::text[],
          ${spec.beds ?? null}, ${'2023-01-01T00:00:00Z'}, ${at})
        RETURNING id`,
  );
  return { id: Number(row!.id), publicCode };
}

export async function insertPractitioner(
  t: TestApp,
  establishmentId: number,
  name: string,
  certNo: string,
): Promise<number> {
  const first17 = `37990119850101${String(100 + (++counter % 900)).padStart(3, '0')}`;
  const idNumber = first17 + computeIdCheckChar(first17);
  const at = t.ctx.now().toISOString();
  const row = await queryOne<{ id: number }>(
    t.database.db,
    sql`INSERT INTO practitioner (name, id_number_enc, id_number_hash, id_number_masked, profession, practice_category, practice_scopes,
          practising_cert_no, primary_establishment_id, created_at, updated_at)
        VALUES (${name}, ${t.ctx.secrets.encrypt(idNumber)}, ${t.ctx.secrets.lookupHash(idNumber)}, ${maskIdNumber(idNumber)}, 'doctor', '1',
          '{11}', ${certNo}, ${establishmentId}, ${at}, ${at}) RETURNING id`,
  );
  return Number(row!.id);
}

/** An event as its producer writes it (in its own transaction), then every pending delivery. */
export async function emit(
  t: TestApp,
  type: string,
  aggregateType: string,
  aggregateId: number | string,
  payload: Record<string, unknown>,
) {
  await t.database.db.transaction((tx) =>
    emitEvent(tx, { type, aggregateType, aggregateId, payload }, t.ctx.now()),
  );
  await drainEvents(t.ctx);
}

export async function staff(t: TestApp, username: string): Promise<Client> {
  return client(t, await signIn(t, username));
}

export async function admin(t: TestApp): Promise<Client> {
  return client(t, await signInAdmin(t, 'admin'));
}

/** An institution user of the establishment, signed in. */
export async function institution(t: TestApp, username: string, establishmentId: number): Promise<Client> {
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
  return client(t, await signIn(t, username));
}

/** Events of a type written since the test began, payloads only. */
export async function eventsOf(t: TestApp, type: string): Promise<Record<string, unknown>[]> {
  const rows = await queryRows<{ payload: unknown }>(
    t.database.db,
    sql`SELECT payload FROM domain_event WHERE type = ${type} ORDER BY id`,
  );
  return rows.map(
    (r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
  );
}

export async function auditCount(t: TestApp, action: string): Promise<number> {
  const r = await queryOne<{ n: number }>(
    t.database.db,
    sql`SELECT count(*)::int AS n FROM audit_event WHERE action = ${action}`,
  );
  return r?.n ?? 0;
}

export const day = (t: TestApp) => new Date(t.ctx.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
