import { randomBytes } from 'node:crypto';
import { computeIdCheckChar, makePublicCode, maskIdNumber } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { queryOne } from '../../src/db/database.js';
import { drainEvents } from '../../src/events/dispatch.js';
import { client, insertStaff, signIn, unitId } from '../identity-helpers.js';
import type { TestApp } from './app.js';
import type { SignedIn } from './session.js';

/**
 * Fixtures of the licensing tests: staff of 历城区 (health approvals, supervision, environment, the
 * unit head), establishments and practitioners written straight into the registry's tables (the
 * registry's own tests cover its API), institution users, and multipart uploads.
 */
export const LICHENG = '370112';
export const CITY = '370100';

export type Client = ReturnType<typeof client> & { headers: Record<string, string> };

const withHeaders = (t: TestApp, s: SignedIn): Client => ({ ...client(t, s), headers: s.headers });

export async function staff(
  t: TestApp,
  username: string,
  department: string,
  region: string,
  roles: string[],
) {
  await insertStaff(t, username, await unitId(t, department, region), roles);
  return withHeaders(t, await signIn(t, username));
}

export interface EstablishmentSpec {
  name: string;
  kind?: string;
  category: string;
  region?: string;
  beds?: number | null;
  level?: string | null;
  uscc?: string | null;
}

let counter = 0;

export async function insertEstablishment(t: TestApp, spec: EstablishmentSpec): Promise<number> {
  const at = t.ctx.now().toISOString();
  const row = await queryOne<{ id: number }>(
    t.database.db,
    sql`INSERT INTO establishment (public_code, name, uscc, kind, category_code, region_code, address, legal_representative,
          level, beds, status, created_at, updated_at)
        VALUES (${makePublicCode(randomBytes(12))}, ${spec.name}, ${spec.uscc ?? null}, ${spec.kind ?? 'medical'}, ${spec.category},
          ${spec.region ?? `${LICHENG}001`}, ${`历城区测试路${++counter}号`}, '张测试', ${spec.level ?? null}, ${spec.beds ?? null},
          'operating', ${at}, ${at})
        RETURNING id`,
  );
  return row!.id;
}

export async function insertDoctor(
  t: TestApp,
  establishmentId: number,
  name: string,
  titleGrade: string | null,
  profession = 'doctor',
): Promise<number> {
  const first17 = `379901198${String(++counter % 10)}0101${String(100 + counter).slice(-3)}`;
  const idNumber = first17 + computeIdCheckChar(first17);
  const at = t.ctx.now().toISOString();
  const row = await queryOne<{ id: number }>(
    t.database.db,
    sql`INSERT INTO practitioner (name, id_number_enc, id_number_hash, id_number_masked, profession, practice_category,
          practice_scopes, title_grade, practising_cert_no, primary_establishment_id, created_at, updated_at)
        VALUES (${name}, ${t.ctx.secrets.encrypt(idNumber)}, ${t.ctx.secrets.lookupHash(idNumber)}, ${maskIdNumber(idNumber)},
          ${profession}, ${profession === 'doctor' ? '1' : null}, ${profession === 'doctor' ? '{11}' : '{}'}::text[], ${titleGrade},
          ${`1100${counter}`}, ${establishmentId}, ${at}, ${at})
        RETURNING id`,
  );
  return row!.id;
}

/** An institution user bound to the establishment, signed in. */
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
  return withHeaders(t, await signIn(t, username));
}

export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/** A multipart/form-data body with one file part. */
export function multipartBody(fileName: string, content: Buffer, contentType = 'application/pdf') {
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

export async function upload(
  t: TestApp,
  c: Client,
  applicationId: number,
  materialCode: string,
  content: Buffer = PDF_BYTES,
  fileName = 'material.pdf',
) {
  const { payload, contentType } = multipartBody(fileName, content);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/licensing/applications/${applicationId}/materials?materialCode=${materialCode}`,
    headers: { ...c.headers, 'content-type': contentType },
    payload,
  });
}

/** Uploads every material the application still needs. */
export async function uploadRequired(t: TestApp, c: Client, applicationId: number) {
  const detail = (await c.get(`/licensing/applications/${applicationId}`)).json();
  for (const m of detail.materialRequirements as { code: string; required: boolean; removed: unknown }[]) {
    if (!m.required || m.removed) continue;
    const res = await upload(t, c, applicationId, m.code);
    if (res.statusCode !== 201) throw new Error(`upload ${m.code}: ${res.statusCode} ${res.body}`);
  }
}

/**
 * Sets the test clock to 10:00 Beijing time on a date. The signed-in sessions are carried along (the
 * tests jump months; session expiry is identity's concern, tested there).
 */
export async function at(t: TestApp, date: string) {
  const now = new Date(`${date}T02:00:00.000Z`);
  t.setNow(now);
  await t.database.db.execute(sql`UPDATE user_session SET last_seen_at = ${now.toISOString()},
    expires_at = ${new Date(now.getTime() + 8 * 3600_000).toISOString()} WHERE revoked_at IS NULL`);
}

/** Performs an action with the version the client last saw; returns the response. */
export async function act(c: Client, id: number, action: string, body: Record<string, unknown> = {}) {
  const current = (await c.get(`/licensing/applications/${id}`)).json();
  return c.post(`/licensing/applications/${id}/actions`, {
    action,
    expectedVersion: current.version,
    ...body,
  });
}

export async function deliver(t: TestApp) {
  await drainEvents(t.ctx);
}
