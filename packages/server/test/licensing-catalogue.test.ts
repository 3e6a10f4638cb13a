import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/database.js';
import { client, signInAdmin } from './identity-helpers.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import { at, CITY, type Client, LICHENG, staff } from './support/licensing.js';

/**
 * The catalogue editor's API (issue 5): a drafted version is previewed against the version in
 * force (changes and problems, nothing written), published with an effective date (today or later,
 * never before the latest version's), published versions never change, and an administrator may
 * only revise the types of their level and department.
 */
describe.each(DATABASE_KINDS)('licensing catalogue editing on %s', (kind) => {
  let t: TestApp;
  let admin: ReturnType<typeof client>;
  let adminHeaders: Record<string, string>;
  let countyKeeper: Client;
  let marketKeeper: Client;
  let approver: Client;

  const current = async (code: string) => {
    const v = (await t.app.inject({ method: 'GET', url: `/api/v1/public/permit-types/${code}` })).json();
    const { code: _code, ...definition } = v.definition;
    return { version: v.version as number, definition };
  };
  const versionCount = async (code: string) =>
    Number(
      (await queryOne<{ n: number }>(
        t.database.db,
        sql`SELECT count(*)::int AS n FROM permit_type_version WHERE code = ${code}`,
      ))!.n,
    );

  beforeAll(async () => {
    t = await testApp(kind);
    await at(t, '2026-05-11');
    const session = await signInAdmin(t, 'admin');
    adminHeaders = session.headers;
    admin = client(t, session);
    const db = t.database.db;
    await db.execute(
      sql`INSERT INTO role (code, name_zh, name_en) VALUES ('catalogue_keeper', '事项维护', 'Catalogue keeper')`,
    );
    await db.execute(sql`INSERT INTO role_permission (role_code, permission)
      VALUES ('catalogue_keeper', 'licensing.read'), ('catalogue_keeper', 'licensing.catalogue.manage')`);
    countyKeeper = await staff(t, 'cat.county', 'health', LICHENG, ['catalogue_keeper']);
    marketKeeper = await staff(t, 'cat.market', 'market', CITY, ['catalogue_keeper']);
    approver = await staff(t, 'cat.approver', 'health', LICHENG, ['approver']);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('previews a draft against the version in force without writing, then publishes it with its date', async () => {
    const { definition } = await current('radiation_diagnosis');
    const draft = {
      effectiveFrom: '2026-06-01',
      note: '承诺时限压缩至5个工作日，删去营业执照复印件',
      definition: {
        ...definition,
        committedLimitDays: 5,
        materials: definition.materials.filter(
          (m: { code: string }) => m.code !== definition.materials[0].code,
        ),
      },
    };
    const preview = await admin.post('/permit-types/radiation_diagnosis/versions/preview', draft);
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p).toMatchObject({ valid: true, errors: [], nextVersion: 2, current: { version: 1 } });
    expect(p.changes).toEqual(
      expect.arrayContaining([
        { path: 'committedLimitDays', kind: 'changed', before: 8, after: 5 },
        expect.objectContaining({
          path: `materials.${definition.materials[0].code}`,
          kind: 'removed',
          after: null,
        }),
      ]),
    );
    expect(p.changes).toHaveLength(2);
    expect(await versionCount('radiation_diagnosis')).toBe(1);

    const published = await admin.post('/permit-types/radiation_diagnosis/versions', draft);
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toMatchObject({ version: 2, effectiveFrom: '2026-06-01', createdBy: 'admin' });
    const audit = await queryOne<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_event WHERE action = 'licensing.permit-type.version' AND entity_id = 'radiation_diagnosis' AND request_id IS NOT NULL`,
    );
    expect(audit!.n).toBe(1);
    // The portal still shows version 1 until the effective date; the history keeps both.
    expect((await current('radiation_diagnosis')).version).toBe(1);
    expect((await admin.get('/permit-types/radiation_diagnosis/versions')).json().items).toHaveLength(2);
    // A second preview compares with the version in force today (1), and tells the next number (3).
    const again = (await admin.post('/permit-types/radiation_diagnosis/versions/preview', draft)).json();
    expect(again).toMatchObject({ nextVersion: 3, current: { version: 1 } });
  });

  it('refuses bad input in Chinese and English and writes nothing', async () => {
    const { definition } = await current('public_place_hygiene');
    const before = await versionCount('public_place_hygiene');
    const tooLong = {
      effectiveFrom: '2026-06-01',
      note: '错误',
      definition: { ...definition, committedLimitDays: 400 },
    };
    const schema = await admin.post('/permit-types/public_place_hygiene/versions', tooLong);
    expect(schema.statusCode).toBe(400);
    const inconsistent = {
      effectiveFrom: '2026-06-01',
      note: '承诺时限长于法定时限',
      definition: { ...definition, mode: 'approval', statutoryLimitDays: 10, committedLimitDays: 30 },
    };
    const preview = (
      await admin.post('/permit-types/public_place_hygiene/versions/preview', inconsistent)
    ).json();
    expect(preview.valid).toBe(false);
    expect(preview.errors[0]).toMatchObject({ path: 'definition.committedLimitDays' });
    expect(preview.errors[0].messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(preview.errors[0].messageEn).toMatch(/[a-z]/);
    const refused = await admin.post('/permit-types/public_place_hygiene/versions', inconsistent);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'invalid_permit_definition' });

    const past = await admin.post('/permit-types/public_place_hygiene/versions', {
      ...inconsistent,
      definition,
      effectiveFrom: '2026-05-10',
    });
    expect(past.statusCode).toBe(422);
    expect(past.json()).toMatchObject({ code: 'effective_date_past' });
    expect(past.json().messageZh ?? past.json().title).toBeTruthy();
    // Before the latest version's effective date (radiation_diagnosis v2 takes effect on 1 June).
    const early = await admin.post('/permit-types/radiation_diagnosis/versions', {
      effectiveFrom: '2026-05-20',
      note: '提前施行',
      definition: (await current('radiation_diagnosis')).definition,
    });
    expect(early.json()).toMatchObject({ code: 'effective_date_before_latest' });
    expect(await versionCount('public_place_hygiene')).toBe(before);
    expect(await versionCount('radiation_diagnosis')).toBe(2);
  });

  it('a material the reform removes is marked with the data lookup that replaces it', async () => {
    const { definition } = await current('water_supplier');
    const [first, ...others] = definition.materials;
    const removed = {
      ...first,
      required: false,
      removed: {
        citation: { zh: '国发〔2021〕7号 附件1', en: 'State Council 2021 No. 7, annex 1' },
        replacedBy: 'registry.establishment',
      },
    };
    const draft = {
      effectiveFrom: '2026-06-01',
      note: '以名录库信息代替纸质材料',
      definition: { ...definition, materials: [removed, ...others] },
    };
    const preview = (await admin.post('/permit-types/water_supplier/versions/preview', draft)).json();
    expect(preview.valid).toBe(true);
    expect(preview.changes).toEqual([
      expect.objectContaining({ path: `materials.${first.code}`, kind: 'changed', after: removed }),
    ]);
    const unknownLookup = await admin.post('/permit-types/water_supplier/versions', {
      ...draft,
      definition: {
        ...draft.definition,
        materials: [
          { ...removed, removed: { ...removed.removed, replacedBy: 'registry.nothing' } },
          ...others,
        ],
      },
    });
    expect(unknownLookup.statusCode).toBe(400);
    const saved = await admin.post('/permit-types/water_supplier/versions', draft);
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json().definition.materials[0].removed.replacedBy).toBe('registry.establishment');
  });

  it('published versions never change: there is no way to edit or delete one', async () => {
    for (const method of ['PATCH', 'PUT', 'DELETE'] as const) {
      const r = await t.app.inject({
        method,
        url: '/api/v1/permit-types/radiation_diagnosis/versions/1',
        headers: adminHeaders,
        payload: method === 'DELETE' ? undefined : { note: 'x' },
      });
      expect(r.statusCode).toBe(404);
    }
  });

  it('an administrator revises only the types of their level and department', async () => {
    // A county health keeper: a county health type yes; a city type (family planning) no.
    const clinic = await current('clinic_filing');
    const ok = await countyKeeper.post('/permit-types/clinic_filing/versions', {
      effectiveFrom: '2026-07-01',
      note: '更新办事指南',
      definition: { ...clinic.definition, guide: { ...clinic.definition.guide, noteZh: '可全程网办' } },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const city = await current('maternal_personnel_qualification');
    const above = await countyKeeper.post('/permit-types/maternal_personnel_qualification/versions/preview', {
      effectiveFrom: '2026-07-01',
      note: '越级修订',
      definition: city.definition,
    });
    expect(above.statusCode).toBe(403);
    expect(above.json().detail ?? above.body).toMatch(/无权修订|may not revise/);
    // Nor may the county keeper move a county type up to a level it does not hold.
    const raised = await countyKeeper.post('/permit-types/clinic_filing/versions', {
      effectiveFrom: '2026-07-02',
      note: '上收至市级',
      definition: { ...clinic.definition, level: 'city' },
    });
    expect(raised.statusCode).toBe(403);
    // A city market keeper: the level would do, the department does not.
    const other = await marketKeeper.post('/permit-types/clinic_filing/versions/preview', {
      effectiveFrom: '2026-07-01',
      note: '他部门',
      definition: clinic.definition,
    });
    expect(other.statusCode).toBe(403);
    // Without licensing.catalogue.manage nothing at all.
    const denied = await approver.post('/permit-types/clinic_filing/versions/preview', {
      effectiveFrom: '2026-07-01',
      note: '无权限',
      definition: clinic.definition,
    });
    expect(denied.statusCode).toBe(403);
    expect(await versionCount('clinic_filing')).toBe(2);
  });
  it('keeps one shared draft per type on the server, in scope, until published or discarded', async () => {
    const put = (c: { headers: Record<string, string> }, code: string, body: unknown) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/permit-types/${code}/draft`,
        headers: c.headers,
        payload: body as Record<string, unknown>,
      });
    const { version, definition } = await current('clinic_filing');
    expect((await countyKeeper.get('/permit-types/clinic_filing/draft')).json()).toEqual({ draft: null });
    const saved = await put(countyKeeper, 'clinic_filing', {
      baseVersion: version,
      values: { note: '草稿：可全程网办', definition },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // Another administrator whose scope covers the type sees the same draft.
    const seen = await admin.get('/permit-types/clinic_filing/draft');
    expect(seen.json().draft).toMatchObject({ baseVersion: version, values: { note: '草稿：可全程网办' } });
    expect(seen.json().draft.savedBy).toBeTruthy();
    // Out of scope (another department), or a base that does not exist: refused, nothing written.
    expect((await put(marketKeeper, 'clinic_filing', { baseVersion: version, values: {} })).statusCode).toBe(
      403,
    );
    expect((await marketKeeper.get('/permit-types/clinic_filing/draft')).statusCode).toBe(403);
    const ahead = await put(countyKeeper, 'clinic_filing', { baseVersion: version + 5, values: {} });
    expect(ahead.statusCode).toBe(400);
    expect(ahead.json().messageZh ?? ahead.body).toContain('不存在');
    expect((await countyKeeper.get('/permit-types/clinic_filing/draft')).json().draft.values.note).toBe(
      '草稿：可全程网办',
    );
    // Publishing the version removes its draft; a discard of nothing is a 404.
    const published = await countyKeeper.post('/permit-types/clinic_filing/versions', {
      effectiveFrom: '2026-07-10',
      note: '由草稿发布',
      definition,
    });
    expect(published.statusCode, published.body).toBe(201);
    expect((await countyKeeper.get('/permit-types/clinic_filing/draft')).json()).toEqual({ draft: null });
    expect((await countyKeeper.delete('/permit-types/clinic_filing/draft')).statusCode).toBe(404);
    // Save then discard: gone, and both audited.
    expect(
      (await put(countyKeeper, 'clinic_filing', { baseVersion: version, values: { x: 1 } })).statusCode,
    ).toBe(200);
    expect((await countyKeeper.delete('/permit-types/clinic_filing/draft')).statusCode).toBe(204);
    expect((await countyKeeper.get('/permit-types/clinic_filing/draft')).json()).toEqual({ draft: null });
    const audited = await queryOne<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_event WHERE action LIKE 'licensing.catalogue.draft.%'`,
    );
    expect(audited!.n).toBe(3);
  });
});
