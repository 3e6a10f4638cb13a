import { sql } from 'drizzle-orm';
import { queryOne } from '../../src/db/database.js';
import { recordAudit, SYSTEM_ACTOR } from '../../src/modules/audit/record-audit.js';
import type { TestApp } from './app.js';
import { creditFixtures } from './credit-scope-fixtures.js';
import { enforcementFixtures } from './enforcement-scope-fixtures.js';
import { inspectionFixtures } from './inspection-scope-fixtures.js';
import { licensingFixture } from './licensing-scope-fixture.js';
import { oversightFixtures } from './oversight-scope-fixtures.js';

/**
 * Records that belong to 历城区 (370112) and to one department, created for the scope sweep. Each
 * carries LEAK_MARK in a text field, so a list that leaks them is caught by a plain text search,
 * and each names the routes (OpenAPI path templates) that address it by id.
 *
 * When a module adds a route with a path parameter, it adds a fixture here: the sweep fails on any
 * route with parameters that no fixture (or GLOBAL_ROUTES) covers.
 */
export const LEAK_MARK = 'ZZLEAKMARK';

export interface ScopeFixture {
  entity: string;
  /** Path template → values for its parameters. */
  routes: Record<string, Record<string, string>>;
  /**
   * Set for records scoped by region only, shared by every department of the region (the registry:
   * each department must know its base, seed 002): outsiders of the same region do see them, in
   * these list routes and by id; outsiders of another region must not.
   */
  regionShared?: { lists: string[] };
}

/** Routes whose records are global configuration, not scoped by region or department, and why. */
export const GLOBAL_ROUTES: Record<string, string> = {
  '/api/v1/credit/rules/{section}':
    'the credit and risk rules are platform-wide policy, versioned by administrators (published weights and cut-points)',
  '/api/v1/credit/rules/{section}/versions':
    'the credit and risk rules are platform-wide policy, versioned by administrators (published weights and cut-points)',
  '/api/v1/public/credit/{publicCode}':
    'public by design: grades, demerit points and blacklist listings are published (seed 001 四(四), seed 002 二(七))',
  '/api/v1/regions/{code}': 'GB/T 2260 divisions are public reference data',
  '/api/v1/calendar/arrangements/{year}':
    'national holiday arrangements (State Council notices) apply to everyone',
  '/api/v1/calendar/arrangements/{year}/activate':
    'national holiday arrangements (State Council notices) apply to everyone',
  '/api/v1/roles/{code}': 'roles are platform-wide configuration, managed by holders of identity.role.manage',
  '/api/v1/compliance-guides/{kind}': 'compliance guides are platform-wide policy per establishment kind',
  '/api/v1/compliance-guides/{kind}/versions/{version}':
    'compliance guides are platform-wide policy per establishment kind',
  '/api/v1/public/permit-types/{code}':
    'the permit catalogue is public (seed 000 二: 清单…公开，接受社会监督)',
  '/api/v1/permit-types/{code}/versions':
    'the permit catalogue is platform-wide policy, versioned by administrators',
  '/api/v1/permit-types/{code}/draft':
    "the permit catalogue is platform-wide policy; the draft of its next version is checked against the type's level and department in the use case (permit-drafts.ts)",
  '/api/v1/permit-types/{code}/versions/preview':
    'the permit catalogue is platform-wide policy; the preview writes nothing (the level and department of the type are checked in the use case)',
  '/api/v1/enforcement/policies/{kind}':
    'the discretion benchmark and enforcement settings are platform-wide policy, versioned by administrators',
  '/api/v1/public/complaints/{queryCode}':
    'public by design: addressed by the reporter’s secret query code, it shows only the state and public notes',
  '/api/v1/public/establishments/{publicCode}':
    'public by design: the establishment page behind the establishment code (一码), through the disclosure gate',
  '/api/v1/public/lists/{dataset}':
    'public by design: the public lists (一公开), through the disclosure gate',
  '/api/v1/open-data/{file}': 'public by design: the daily open data, through the disclosure gate',
  '/api/v1/open-data/regions/{region}/{file}':
    'public by design: the daily open data of one county, through the disclosure gate',
  '/api/v1/checklists/{id}':
    'checklists ("一表") are the platform-wide inspection standard, versioned by administrators',
};

export async function createScopeFixtures(t: TestApp): Promise<ScopeFixture[]> {
  const db = t.database.db;
  const now = t.ctx.now();
  const fixtures: ScopeFixture[] = [];

  // A unit and a user of 历城区's health supervision institute.
  const unit = await queryOne<{ id: number }>(
    db,
    sql`INSERT INTO unit (department_code, region_code, name) VALUES ('supervision', '370112', ${`历城区${LEAK_MARK}所`}) RETURNING id`,
  );
  const user = await queryOne<{ id: number }>(
    db,
    sql`INSERT INTO app_user (kind, username, display_name, unit_id, password_hash)
        VALUES ('staff', ${`leak.${LEAK_MARK.toLowerCase()}`}, ${`张${LEAK_MARK}`}, ${unit!.id}, 'x') RETURNING id`,
  );
  await db.execute(sql`INSERT INTO user_role (user_id, role_code) VALUES (${user!.id}, 'inspector')`);
  await db.transaction(async (tx) => {
    await recordAudit(
      tx,
      { ...SYSTEM_ACTOR, userId: user!.id, name: `leak.${LEAK_MARK.toLowerCase()}`, unitId: unit!.id },
      { action: 'test.leak', entityType: 'user', entityId: user!.id, diff: { marker: [null, LEAK_MARK] } },
      now,
    );
  });
  const userId = String(user!.id);
  fixtures.push({
    entity: 'user',
    routes: Object.fromEntries(
      [
        '/api/v1/users/{id}',
        '/api/v1/users/{id}/sensitive',
        '/api/v1/users/{id}/disable',
        '/api/v1/users/{id}/enable',
        '/api/v1/users/{id}/reset-password',
        '/api/v1/users/{id}/reset-second-factor',
        '/api/v1/users/{id}/unlock',
      ].map((p) => [p, { id: userId }]),
    ),
  });
  fixtures.push({ entity: 'unit', routes: { '/api/v1/units/{id}': { id: String(unit!.id) } } });

  // An API key of an institution user (establishment 1): other institutions and staff never reach it.
  const clinicUser = await queryOne<{ id: number }>(
    db,
    sql`INSERT INTO app_user (kind, username, display_name, establishment_id, password_hash)
        VALUES ('institution', ${`clinic.${LEAK_MARK.toLowerCase()}`}, ${`诊所${LEAK_MARK}`}, 1, 'x') RETURNING id`,
  );
  const key = await queryOne<{ id: number }>(
    db,
    sql`INSERT INTO api_key (establishment_id, name, prefix, key_hash, permissions, created_by, created_at)
        VALUES (1, ${`监测${LEAK_MARK}`}, 'wjk_leak', ${'0'.repeat(64)}, '{}', ${clinicUser!.id}, ${now.toISOString()}) RETURNING id`,
  );
  fixtures.push({ entity: 'api_key', routes: { '/api/v1/api-keys/{id}/revoke': { id: String(key!.id) } } });
  const registry = await registryFixture(t);
  fixtures.push(registry);
  fixtures.push(await licensingFixture(t));
  fixtures.push(...(await inspectionFixtures(t, unit!.id)));
  fixtures.push(...(await enforcementFixtures(t, unit!.id)));
  fixtures.push(...(await creditFixtures(t, registry)));
  fixtures.push(...(await oversightFixtures(t, registry)));
  return fixtures;
}

/** An establishment of 历城区 with a practitioner and a multi-site filing (registry, region-scoped). */
async function registryFixture(t: TestApp): Promise<ScopeFixture> {
  const db = t.database.db;
  const at = t.ctx.now().toISOString();
  const est = await queryOne<{ id: number }>(
    db,
    sql`INSERT INTO establishment (public_code, name, uscc, kind, category_code, region_code, address, status, created_at, updated_at)
        VALUES ('LEAKMARK0000A', ${`历城区${LEAK_MARK}诊所`}, '91370112MA3C00000X', 'medical', 'D211', '370112',
          ${`${LEAK_MARK}路1号`}, 'operating', ${at}, ${at}) RETURNING id`,
  );
  const site = await queryOne<{ id: number }>(
    db,
    sql`INSERT INTO establishment (public_code, name, kind, category_code, region_code, address, status, created_at, updated_at)
        VALUES ('LEAKMARK0000B', ${`历城区${LEAK_MARK}门诊部`}, 'medical', 'D110', '370112001', '山大路', 'operating', ${at}, ${at}) RETURNING id`,
  );
  const idNumber = '379901198001010016';
  const p = await queryOne<{ id: number }>(
    db,
    sql`INSERT INTO practitioner (name, id_number_enc, id_number_hash, id_number_masked, profession, practice_category,
          practice_scopes, primary_establishment_id, created_at, updated_at)
        VALUES (${`王${LEAK_MARK}`}, ${t.ctx.secrets.encrypt(idNumber)}, ${t.ctx.secrets.lookupHash(idNumber)}, '379901********0016',
          'doctor', '1', '{11}', ${est!.id}, ${at}, ${at}) RETURNING id`,
  );
  const filing = await queryOne<{ id: number }>(
    db,
    sql`INSERT INTO multi_site_filing (practitioner_id, site_establishment_id, valid_from, valid_to, agreement_no, filed_at)
        VALUES (${p!.id}, ${site!.id}, '2026-01-01', '2027-12-31', ${`XY-${LEAK_MARK}`}, ${at}) RETURNING id`,
  );
  const e = { id: String(est!.id) };
  const pr = { id: String(p!.id) };
  return {
    entity: 'establishment',
    routes: {
      '/api/v1/establishments/{id}': e,
      '/api/v1/establishments/{id}/history': e,
      '/api/v1/establishments/{id}/sensitive': e,
      '/api/v1/establishments/{id}/code.png': e,
      '/api/v1/establishments/{id}/code.svg': e,
      '/api/v1/practitioners/{id}': pr,
      '/api/v1/practitioners/{id}/history': pr,
      '/api/v1/practitioners/{id}/sensitive': pr,
      '/api/v1/practitioners/{id}/multi-site-filings': pr,
      '/api/v1/practitioners/{id}/multi-site-filings/{filingId}/end': {
        id: pr.id,
        filingId: String(filing!.id),
      },
    },
    regionShared: { lists: ['/api/v1/establishments', '/api/v1/practitioners'] },
  };
}
