import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/database.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import { type SignedIn, signInAs } from './support/session.js';

describe.each(DATABASE_KINDS)('practitioners, multi-site filings and compliance guides on %s', (kind) => {
  let t: TestApp;
  let lc: SignedIn;
  let admin: SignedIn;
  let clinicId: number;
  let siteId: number;
  let doctorId: number;
  beforeAll(async () => {
    t = await testApp(kind, { registry: 0.04 });
    lc = await signInAs(t, 'lc.inspector1');
    admin = await signInAs(t, 'admin');
    await t.database.db.execute(sql`UPDATE app_user SET totp_enabled = true WHERE username = 'admin'`);
    clinicId = (await queryOne<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM establishment WHERE region_code LIKE '370112%' AND kind = 'medical' AND category_code <> 'J100' ORDER BY id LIMIT 1`,
    ))!.id;
    siteId = (await queryOne<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM establishment WHERE region_code LIKE '370112%' AND kind = 'medical' AND category_code <> 'J100' ORDER BY id DESC LIMIT 1`,
    ))!.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const req = (s: SignedIn, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });

  it('has the demo staff: doctors, nurses, pharmacists and technicians at medical institutions', async () => {
    const counts = await queryOne<{ n: number; doctors: number; nurses: number; filings: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE profession = 'doctor')::int AS doctors,
            count(*) FILTER (WHERE profession = 'nurse')::int AS nurses,
            (SELECT count(*)::int FROM multi_site_filing) AS filings FROM practitioner`,
    );
    expect(counts!.n).toBeGreaterThan(500);
    expect(counts!.doctors).toBeGreaterThan(counts!.n * 0.3);
    expect(counts!.nurses).toBeGreaterThan(counts!.n * 0.3);
  });

  it('registers a doctor with an encrypted, masked ID number; one record per person', async () => {
    const body = {
      name: '钱七',
      idNumber: '11010519491231002X',
      profession: 'doctor',
      practisingCertNo: '110370112000123',
      practiceCategory: '1',
      practiceScopes: ['11', '21'],
      titleGrade: 'intermediate',
      primaryEstablishmentId: clinicId,
    };
    const res = await req(lc, 'POST', '/practitioners', body);
    expect(res.statusCode).toBe(201);
    const p = res.json();
    doctorId = p.id;
    expect(p).toMatchObject({
      idNumberMasked: '110105********002X',
      titleName: '主治医师',
      primaryEstablishment: { id: clinicId },
    });
    expect(res.body).not.toContain('11010519491231002X');
    const stored = await queryOne<{ id_number_enc: string }>(
      t.database.db,
      sql`SELECT id_number_enc FROM practitioner WHERE id = ${p.id}`,
    );
    expect(t.ctx.secrets.decrypt(stored!.id_number_enc)).toBe('11010519491231002X');
    const again = await req(lc, 'POST', '/practitioners', { ...body, name: '钱七七' });
    expect(again.statusCode).toBe(409);
    const bad = await req(lc, 'POST', '/practitioners', {
      ...body,
      idNumber: '110105194912310021',
      practiceCategory: '2',
    });
    expect(bad.json().errors.map((e: { code: string }) => e.code)).toEqual([
      'resident_id_check_char',
      'practice_scope_mismatch',
    ]);
    const found = (await req(lc, 'GET', '/practitioners?idNumber=11010519491231002x')).json();
    expect(found.items.map((x: { id: number }) => x.id)).toEqual([doctorId]);
    expect((await req(lc, 'GET', `/practitioners?q=${encodeURIComponent('钱七')}`)).json().total).toBe(1);
  });

  it('records multi-site filings and their end as versions; overlapping filings are refused', async () => {
    const filing = {
      siteEstablishmentId: siteId,
      validFrom: '2026-03-01',
      validTo: '2027-02-28',
      agreementNo: 'XY-2026-001',
    };
    const res = await req(lc, 'POST', `/practitioners/${doctorId}/multi-site-filings`, filing);
    expect(res.statusCode).toBe(201);
    const f = res.json().multiSiteFilings[0];
    expect(f).toMatchObject({ site: { id: siteId }, validFrom: '2026-03-01', status: 'active' });
    expect((await req(lc, 'POST', `/practitioners/${doctorId}/multi-site-filings`, filing)).statusCode).toBe(
      409,
    );
    const same = await req(lc, 'POST', `/practitioners/${doctorId}/multi-site-filings`, {
      ...filing,
      siteEstablishmentId: clinicId,
    });
    expect(same.json().errors[0].code).toBe('multi_site_same_as_primary');
    const atSite = (await req(lc, 'GET', `/practitioners?establishmentId=${siteId}`)).json();
    expect(atSite.items.some((x: { id: number }) => x.id === doctorId)).toBe(true);
    const ended = await req(lc, 'POST', `/practitioners/${doctorId}/multi-site-filings/${f.id}/end`, {
      endedOn: '2026-06-30',
      reason: '协议解除',
    });
    expect(ended.json().multiSiteFilings[0]).toMatchObject({ status: 'ended', endedOn: '2026-06-30' });
    const history = (await req(lc, 'GET', `/practitioners/${doctorId}/history`)).json();
    expect(history.items.map((v: { action: string }) => v.action)).toEqual([
      'multi_site_ended',
      'multi_site_filed',
      'create',
    ]);
  });

  it('updates a practitioner with history, and reveals the ID number only with the permission (audited)', async () => {
    const res = await req(lc, 'PATCH', `/practitioners/${doctorId}`, { titleGrade: 'associate_senior' });
    expect(res.json()).toMatchObject({ titleName: '副主任医师', version: 4 });
    expect((await req(lc, 'GET', `/practitioners/${doctorId}/sensitive`)).statusCode).toBe(403);
    expect((await req(admin, 'GET', `/practitioners/${doctorId}/sensitive`)).json()).toEqual({
      idNumber: '11010519491231002X',
    });
  });

  it('keeps practitioners of 历城区 from other counties (404)', async () => {
    const zq = await signInAs(t, 'zq.inspector');
    expect((await req(zq, 'GET', `/practitioners/${doctorId}`)).statusCode).toBe(404);
    expect((await req(zq, 'GET', '/practitioners?q=钱七')).json().total).toBe(0);
  });

  it('serves compliance guides per kind and the responsibility map from seed 002 annex 3; admins save new versions', async () => {
    const guides = (await req(lc, 'GET', '/compliance-guides')).json();
    expect(guides.items.map((g: { kind: string }) => g.kind)).toEqual([
      'medical',
      'public_place',
      'drinking_water',
      'disinfection',
      'radiation',
      'school',
      'occupational',
      'other',
    ]);
    const medical = guides.items[0];
    expect(medical.content.departments.map((d: { departmentCode: string }) => d.departmentCode)).toContain(
      'environment',
    );
    expect(medical.content.frequency[1].flags).toEqual(['medical_beauty', 'tcm_filed_clinic', 'dental']);
    const map = (await req(lc, 'GET', '/responsibility-map')).json();
    expect(
      map.entries.find((e: { departmentCode: string }) => e.departmentCode === 'environment'),
    ).toMatchObject({
      departmentName: '生态环境',
      dutiesZh: expect.stringContaining('医疗废物'),
    });
    expect(
      (await req(lc, 'PUT', '/compliance-guides/medical', { content: medical.content, note: 'x' }))
        .statusCode,
    ).toBe(403);
    const content = { ...medical.content, summaryZh: '修订后的说明' };
    const saved = await req(admin, 'PUT', '/compliance-guides/medical', {
      content,
      note: '增补说明',
      expectedVersion: 1,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 2,
      createdBy: 'admin',
      versions: [{ version: 2 }, { version: 1 }],
    });
    const v1 = (await req(lc, 'GET', '/compliance-guides/medical/versions/1')).json();
    expect(v1.content.summaryZh).toBe(medical.content.summaryZh);
    const stale = await req(admin, 'PUT', '/compliance-guides/medical', {
      content,
      note: '再改',
      expectedVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
    const unknownDept = { ...content, departments: [{ ...content.departments[0], departmentCode: 'nope' }] };
    expect(
      (await req(admin, 'PUT', '/compliance-guides/medical', { content: unknownDept, note: 'x' })).statusCode,
    ).toBe(422);
    const mapSaved = await req(admin, 'PUT', '/responsibility-map', {
      entries: map.entries.map(({ departmentName: _, ...e }: { departmentName: string }) => e),
      note: '复核',
      expectedVersion: 1,
    });
    expect(mapSaved.json()).toMatchObject({ version: 2, versions: [{ version: 2 }, { version: 1 }] });
  });
});
