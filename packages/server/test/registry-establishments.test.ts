import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/database.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import { newUscc } from './support/registry-files.js';
import { type SignedIn, signInAs } from './support/session.js';

const clinic = (overrides: Record<string, unknown> = {}) => ({
  name: '历城区示例口腔诊所',
  uscc: newUscc(),
  categoryCode: 'D215',
  regionCode: '370112002',
  address: '洪家楼 8 号',
  legalRepresentative: '赵六',
  contactPhone: '13700001111',
  ownership: 'private',
  forProfit: true,
  clinicalSubjects: ['12', '02'],
  status: 'operating',
  ...overrides,
});

describe.each(DATABASE_KINDS)('establishments on %s', (kind) => {
  let t: TestApp;
  let lc: SignedIn;
  let zq: SignedIn;
  let created: { id: number; publicCode: string };
  beforeAll(async () => {
    t = await testApp(kind, { registry: 0.04 });
    lc = await signInAs(t, 'lc.inspector1');
    zq = await signInAs(t, 'zq.inspector');
  });
  afterAll(async () => {
    await t?.close();
  });

  const req = (s: SignedIn, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });

  it('registers an establishment: derived flags, masked mobile, public code, version 1, audit', async () => {
    const res = await req(lc, 'POST', '/establishments', clinic());
    expect(res.statusCode).toBe(201);
    const e = res.json();
    created = e;
    expect(e).toMatchObject({
      kind: 'medical',
      categoryName: '口腔诊所',
      regionName: '洪家楼街道',
      contactPhone: '137****1111',
      contactPhoneKind: 'mobile',
      flags: ['dental'],
      clinicalSubjects: [
        { code: '02', nameZh: '全科医疗科' },
        { code: '12', nameZh: '口腔科' },
      ],
      version: 1,
      publicPath: `/e/${e.publicCode}`,
    });
    expect(e.publicCode).toMatch(/^[0-9A-Z]{13}$/);
    expect(e.regionPath.map((r: { name: string }) => r.name)).toEqual([
      '山东省',
      '济南市',
      '历城区',
      '洪家楼街道',
    ]);
    const audit = await queryOne<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_event WHERE action = 'registry.establishment.create' AND entity_id = ${String(e.id)}`,
    );
    expect(audit!.n).toBe(1);
    const stored = await queryOne<{ contact_mobile_enc: string }>(
      t.database.db,
      sql`SELECT contact_mobile_enc FROM establishment WHERE id = ${e.id}`,
    );
    expect(stored!.contact_mobile_enc).not.toContain('13700001111');
  });

  it('refuses bad input with field errors, a taken credit code with 409', async () => {
    const bad = await req(
      lc,
      'POST',
      '/establishments',
      clinic({ uscc: '91350100M000100Y42', regionCode: '370102', beds: -1 }),
    );
    expect(bad.statusCode).toBe(400); // beds < 0: refused by the schema
    const rules = await req(
      lc,
      'POST',
      '/establishments',
      clinic({ uscc: '91350100M000100Y42', regionCode: '370102', categoryCode: 'S202' }),
    );
    expect(rules.statusCode).toBe(422);
    expect(rules.json().errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['regionCode', 'region_out_of_scope'],
      ['uscc', 'uscc_check_char'],
      ['clinicalSubjects', 'subjects_not_applicable'],
    ]);
    const uscc = (await queryOne<{ uscc: string }>(
      t.database.db,
      sql`SELECT uscc FROM establishment WHERE id = ${created.id}`,
    ))!.uscc;
    const dup = await req(lc, 'POST', '/establishments', clinic({ uscc }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('uscc_taken');
  });

  it('changes an establishment as a new version with its diff; stale versions get 409', async () => {
    const res = await req(lc, 'PATCH', `/establishments/${created.id}`, {
      beds: 4,
      status: 'suspended',
      manualFlags: ['remote_monitoring'],
      expectedVersion: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      version: 2,
      beds: 4,
      status: 'suspended',
      flags: ['dental', 'remote_monitoring'],
    });
    const stale = await req(lc, 'PATCH', `/establishments/${created.id}`, { beds: 5, expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const same = await req(lc, 'PATCH', `/establishments/${created.id}`, { beds: 4 });
    expect(same.json().version).toBe(2); // nothing changed: no version
    const history = (await req(lc, 'GET', `/establishments/${created.id}/history`)).json();
    expect(history.items.map((v: { version: number; action: string }) => [v.version, v.action])).toEqual([
      [2, 'update'],
      [1, 'create'],
    ]);
    expect(history.items[0].changes).toEqual([
      { field: 'beds', before: null, after: 4 },
      { field: 'status', before: 'operating', after: 'suspended' },
      { field: 'flags', before: ['dental'], after: ['dental', 'remote_monitoring'] },
    ]);
    expect(history.items[0].actor).toEqual({ userId: expect.any(Number), name: 'lc.inspector1' });
  });

  it('searches by partial Chinese name, codes, kind, category, region, status and flags, with paging and sorting', async () => {
    const search = async (qs: string) => (await req(lc, 'GET', `/establishments?${qs}`)).json();
    const byName = await search(`q=${encodeURIComponent('示例口腔')}`);
    expect(byName.items.map((e: { id: number }) => e.id)).toEqual([created.id]);
    expect((await search(`code=${created.publicCode}`)).items[0].id).toBe(created.id);
    const dental = await search('flags=dental,remote_monitoring');
    expect(dental.items.map((e: { id: number }) => e.id)).toEqual([created.id]);
    const clinics = await search('category=D2&kind=medical&status=operating&pageSize=5&sort=name&order=desc');
    expect(clinics.items.length).toBeLessThanOrEqual(5);
    expect(
      clinics.items.every(
        (e: { categoryCode: string; status: string }) =>
          e.categoryCode.startsWith('D2') && e.status === 'operating',
      ),
    ).toBe(true);
    const names = clinics.items.map((e: { name: string }) => e.name);
    expect(names).toEqual([...names].sort().reverse());
    const all = await search('pageSize=200');
    expect(all.totalExact).toBe(true);
    expect(all.items.every((e: { regionCode: string }) => e.regionCode.startsWith('370112'))).toBe(true);
    const page2 = await search('pageSize=10&page=2&sort=updatedAt');
    expect(page2.items.length).toBe(10);
    const town = await search('region=370112002');
    expect(town.items.every((e: { regionCode: string }) => e.regionCode === '370112002')).toBe(true);
  });

  it('keeps other counties out: 404 by id, absent from their lists', async () => {
    expect((await req(zq, 'GET', `/establishments/${created.id}`)).statusCode).toBe(404);
    expect((await req(zq, 'PATCH', `/establishments/${created.id}`, { beds: 9 })).statusCode).toBe(404);
    expect((await req(zq, 'GET', `/establishments/${created.id}/code.png`)).statusCode).toBe(404);
    const list = (await req(zq, 'GET', `/establishments?code=${created.publicCode}`)).json();
    expect(list.total).toBe(0);
    // A city-level user sees both counties.
    const city = await signInAs(t, 'viewer');
    expect((await req(city, 'GET', `/establishments/${created.id}`)).statusCode).toBe(200);
  });

  it('lets an institution user see only its own establishment', async () => {
    const other = await queryOne<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM establishment WHERE id <> ${created.id} LIMIT 1`,
    );
    const hash = (await queryOne<{ password_hash: string }>(
      t.database.db,
      sql`SELECT password_hash FROM app_user WHERE username = 'admin'`,
    ))!.password_hash;
    const u = await queryOne<{ id: number }>(
      t.database.db,
      sql`INSERT INTO app_user (kind, username, display_name, establishment_id, password_hash) VALUES ('institution', 'clinic.owner', '诊所', ${created.id}, ${hash}) RETURNING id`,
    );
    await t.database.db.execute(
      sql`INSERT INTO user_role (user_id, role_code) VALUES (${u!.id}, 'institution')`,
    );
    const own = await signInAs(t, 'clinic.owner');
    expect((await req(own, 'GET', `/establishments/${created.id}`)).statusCode).toBe(200);
    expect((await req(own, 'GET', `/establishments/${other!.id}`)).statusCode).toBe(404);
    expect(
      (await req(own, 'GET', '/establishments?pageSize=200')).json().items.map((e: { id: number }) => e.id),
    ).toEqual([created.id]);
  });

  it('serves the establishment code as PNG and SVG encoding only the public URL', async () => {
    const png = await req(lc, 'GET', `/establishments/${created.id}/code.png`);
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    const svg = await req(lc, 'GET', `/establishments/${created.id}/code.svg`);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toMatch(/^<svg/);
    // A QR code's size grows with its content: the SVG matches the one for the bare URL exactly.
    const QRCode = (await import('qrcode')).default;
    const url = `http://localhost:80/e/${created.publicCode}`;
    const expected = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    expect(svg.body).toBe(expected);
    expect(svg.body).not.toContain('示例');
  });

  it('shows the full contact number only with the permission, and audits the read', async () => {
    expect((await req(lc, 'GET', `/establishments/${created.id}/sensitive`)).statusCode).toBe(403);
    await t.database.db.execute(
      sql`INSERT INTO role_permission (role_code, permission) VALUES ('inspector', 'identity.person.read-sensitive') ON CONFLICT DO NOTHING`,
    );
    const res = await req(lc, 'GET', `/establishments/${created.id}/sensitive`);
    expect(res.json()).toEqual({ contactPhone: '13700001111', contactPhoneKind: 'mobile' });
    const audit = await queryOne<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_event WHERE action = 'registry.establishment.read-sensitive'`,
    );
    expect(audit!.n).toBe(1);
  });

  it('publishes the code lists', async () => {
    const lists = (await req(lc, 'GET', '/registry/code-lists')).json();
    expect(lists.categories.find((c: { code: string }) => c.code === 'A100').nameZh).toBe('综合医院');
    expect(lists.kinds.map((k: { code: string }) => k.code)).toContain('public_place');
    expect(lists.clinicalSubjects.find((s: { code: string }) => s.code === '14').nameZh).toBe('医疗美容科');
    expect(
      lists.titles.find(
        (x: { profession: string; grade: string }) => x.profession === 'nurse' && x.grade === 'intermediate',
      ).nameZh,
    ).toBe('主管护师');
  });
});
