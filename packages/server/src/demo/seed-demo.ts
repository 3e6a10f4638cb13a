import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { queryRows } from '../db/database.js';
import { recordAudit, SYSTEM_ACTOR } from '../modules/audit/record-audit.js';
import type { SecretBox } from '../modules/identity/secret-box.js';
import { seedCreditDemo } from './credit-demo.js';
import { seedEnforcementDemo } from './enforcement-demo.js';
import { seedInspectionDemo } from './inspection-demo.js';
import { seedLicensingDemo } from './licensing-demo.js';
import { DEMO_CITY, DEMO_COUNTIES, DEMO_STAFF, LICHENG_TOWNS, UNIT_NAMES } from './organisation.js';
import { seedOversightDemo } from './oversight-demo.js';
import { DemoRandom, syntheticPersonName } from './random.js';
import { seedRegistryDemo } from './registry-demo.js';

export const DEMO_SEED = 20_220_601;

export interface DemoSeedOptions {
  password: string;
  seed?: number;
  /** Size factor for establishments and their history (modules that land later use it). */
  scale?: number;
  now: Date;
  /** Encrypts the demo's personal data (practitioners' ID numbers); without it the registry demo is skipped. */
  secrets?: SecretBox;
  /** Size of the registry demo (1 = ~5,000 establishments, 15,000 practitioners); defaults to `scale`, 0 skips it. */
  registryScale?: number;
  /** The inspection demo (a roster of 80 officers, a past campaign with results, a draft); with the registry demo by default. */
  inspection?: boolean;
  /** WEIJIAN_DATA_DIR, where the licensing demo puts its uploaded materials. */
  dataDir?: string;
}

export interface DemoAccount {
  username: string;
  displayName: string;
  role: string;
  unit: string;
}

/** Whether the demo data is already there (it is loaded once, on first start). */
export async function demoSeeded(database: Database): Promise<boolean> {
  const r = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM app_user`);
  return (r[0]?.n ?? 0) > 0;
}

/**
 * Loads the deterministic demo city in one transaction: the streets of 历城区, each department's
 * units in the city and its three districts, and the staff accounts. Every write is audited.
 */
export async function seedDemo(database: Database, opts: DemoSeedOptions): Promise<DemoAccount[]> {
  const seed = opts.seed ?? DEMO_SEED;
  const rnd = new DemoRandom(seed);
  const passwordHash = await hash(opts.password);
  const accounts: DemoAccount[] = [];
  await database.db.transaction(async (tx) => {
    const audit = (
      action: string,
      entityType: string,
      entityId: string | number,
      diff: Record<string, unknown>,
    ) => recordAudit(tx, SYSTEM_ACTOR, { action, entityType, entityId, diff }, opts.now);

    for (const [i, name] of LICHENG_TOWNS.entries()) {
      const code = `${DEMO_COUNTIES.licheng}${String(i + 1).padStart(3, '0')}`;
      await tx.execute(sql`INSERT INTO region (code, name, level, parent_code, source)
        VALUES (${code}, ${name}, 'town', ${DEMO_COUNTIES.licheng}, 'deployment') ON CONFLICT (code) DO NOTHING`);
      await audit('identity.region.create', 'region', code, { name: [null, name] });
    }

    const regions = await queryRows<{ code: string; name: string }>(
      tx,
      sql`SELECT code, name FROM region WHERE code IN (${DEMO_CITY}, ${DEMO_COUNTIES.licheng}, ${DEMO_COUNTIES.lixia}, ${DEMO_COUNTIES.zhangqiu})`,
    );
    const unitIds = new Map<string, { id: number; name: string }>();
    for (const region of regions) {
      for (const [department, names] of Object.entries(UNIT_NAMES)) {
        const name = `${region.name}${region.code === DEMO_CITY ? names.city : names.county}`;
        const r = await queryRows<{ id: number }>(
          tx,
          sql`INSERT INTO unit (department_code, region_code, name)
          VALUES (${department}, ${region.code}, ${name}) RETURNING id`,
        );
        const id = r[0]!.id;
        unitIds.set(`${department}:${region.code}`, { id, name });
        await audit('identity.unit.create', 'unit', id, {
          name: [null, name],
          departmentCode: [null, department],
          regionCode: [null, region.code],
        });
      }
    }

    for (const staff of DEMO_STAFF) {
      const unit = unitIds.get(`${staff.department}:${staff.region}`)!;
      const displayName = syntheticPersonName(rnd);
      const r = await queryRows<{ id: number }>(
        tx,
        sql`INSERT INTO app_user (kind, username, display_name, unit_id, password_hash)
        VALUES ('staff', ${staff.username}, ${displayName}, ${unit.id}, ${passwordHash}) RETURNING id`,
      );
      const id = r[0]!.id;
      await tx.execute(sql`INSERT INTO user_role (user_id, role_code) VALUES (${id}, ${staff.role})`);
      await audit('identity.user.create', 'user', id, {
        username: [null, staff.username],
        unitId: [null, unit.id],
        roles: [null, [staff.role]],
      });
      accounts.push({ username: staff.username, displayName, role: staff.role, unit: unit.name });
    }

    const registryScale = opts.registryScale ?? opts.scale ?? 1;
    if (opts.secrets && registryScale > 0) {
      await seedRegistryDemo(tx, {
        rnd: new DemoRandom(seed + 4),
        secrets: opts.secrets,
        now: opts.now,
        size: registryScale,
      });
      // Licensing on top of the registry's establishments: catalogue, applications, licences, clinic.demo.
      const institution = await seedLicensingDemo(tx, {
        now: opts.now,
        passwordHash,
        dataDir: opts.dataDir,
        databaseKind: database.kind,
      });
      if (institution) accounts.push(institution);
      // Random inspections: the roster, a past joint campaign with results, a draft plan.
      if (opts.inspection !== false) {
        await seedInspectionDemo(tx, { rnd: new DemoRandom(seed + 6), now: opts.now });
        // Complaints, cases, publications and a referral, played through the enforcement use cases.
        await seedEnforcementDemo(tx, { now: opts.now, secrets: opts.secrets });
        // Credit files, points, gradings, monitoring and warnings; every establishment assessed.
        await seedCreditDemo(tx, { rnd: new DemoRandom(seed + 8), now: opts.now });
        // Grids of 历城区, a special campaign with its patrols, re-checks after the penalties.
        await seedOversightDemo(tx, { now: opts.now });
      }
    }
  });
  return accounts;
}
