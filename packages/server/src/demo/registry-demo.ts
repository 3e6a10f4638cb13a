import {
  computeIdCheckChar,
  derivedFlags,
  maskIdNumber,
  PRACTICE_SCOPES,
  type Profession,
  TITLE_GRADES,
} from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/database.js';
import { recordAudit, SYSTEM_ACTOR } from '../modules/audit/record-audit.js';
import type { SecretBox } from '../modules/identity/secret-box.js';
import { snapshot } from '../modules/registry/import/merge.js';
import { DEMO_COUNTIES, LICHENG_TOWNS } from './organisation.js';
import { type DemoRandom, syntheticPersonName } from './random.js';
import {
  type DemoRegion,
  EstablishmentGenerator,
  type GeneratedEstablishment,
} from './registry-demo-data.js';

/**
 * The demo city's directory: about 5,000 establishments × size (kinds in realistic proportions, over
 * 历城区's streets, 历下区 and 章丘区), about three practitioners per establishment at the medical ones,
 * some multi-site filings, and an accepted failing credit code. Written with multi-row INSERTs of
 * unnested arrays (a few statements for thousands of rows), so a first start stays quick on PGlite.
 * Everything is synthetic: neutral-syllable names, credit codes that pass their checks, and ID
 * numbers under the non-existent address code 3799xx (no real person can hold one).
 */
export interface RegistryDemoOptions {
  rnd: DemoRandom;
  secrets: SecretBox;
  now: Date;
  /** 1 = about 5,000 establishments and 15,000 practitioners. */
  size: number;
}

const CHUNK = 1000;
const DAY = 86_400_000;

function demoRegions(): DemoRegion[] {
  const towns = LICHENG_TOWNS.map((name, i) => ({
    code: `${DEMO_COUNTIES.licheng}${String(i + 1).padStart(3, '0')}`,
    name,
    weight: 2.6,
  }));
  return [
    ...towns,
    { code: DEMO_COUNTIES.licheng, name: '历城区', weight: 6 },
    { code: DEMO_COUNTIES.lixia, name: '历下区', weight: 25 },
    { code: DEMO_COUNTIES.zhangqiu, name: '章丘区', weight: 20 },
    { code: '370103', name: '市中区', weight: 2 },
    { code: '370105', name: '天桥区', weight: 2 },
  ];
}

async function insertEstablishments(
  tx: Executor,
  rows: GeneratedEstablishment[],
  created: Date[],
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    const at = created.slice(i, i + CHUNK).map((d) => d.toISOString());
    const col = <T>(f: (r: GeneratedEstablishment) => T) => sql.param(part.map(f));
    const r = await queryRows<{ id: number }>(
      tx,
      sql`INSERT INTO establishment (public_code, name, uscc, kind, category_code, region_code, address, legal_representative,
            contact_phone, ownership, for_profit, level, beds, clinical_subjects, status, flags, version, created_at, updated_at)
          SELECT pc, n, u, k, c, rg, a, lr, ph, ow, fp, lv, b, COALESCE(string_to_array(NULLIF(cs, ''), ','), '{}'), st,
            COALESCE(string_to_array(NULLIF(fl, ''), ','), '{}'), 1, ts, ts
          FROM unnest(${col((e) => e.publicCode)}::text[], ${col((e) => e.name)}::text[], ${col((e) => e.uscc)}::text[],
            ${col((e) => e.kind)}::text[], ${col((e) => e.categoryCode)}::text[], ${col((e) => e.regionCode)}::text[],
            ${col((e) => e.address)}::text[], ${col((e) => e.legalRepresentative)}::text[], ${col((e) => e.contactPhone)}::text[],
            ${col((e) => e.ownership)}::text[], ${col((e) => e.forProfit)}::boolean[], ${col((e) => e.level)}::text[],
            ${col((e) => e.beds)}::int[], ${col((e) => e.clinicalSubjects.join(','))}::text[], ${col((e) => e.status)}::text[],
            ${col((e) => derivedFlags({ categoryCode: e.categoryCode, clinicalSubjects: e.clinicalSubjects, uscc: e.uscc }).join(','))}::text[],
            ${sql.param(at)}::timestamptz[])
            AS t(pc, n, u, k, c, rg, a, lr, ph, ow, fp, lv, b, cs, st, fl, ts)
          RETURNING id`,
    );
    ids.push(...r.map((x) => x.id));
  }
  return ids;
}

function syntheticId(rnd: DemoRandom): string {
  const birth = `${rnd.int(1958, 2000)}${String(rnd.int(1, 12)).padStart(2, '0')}${String(rnd.int(1, 28)).padStart(2, '0')}`;
  const first17 = `3799${String(rnd.int(1, 99)).padStart(2, '0')}${birth}${String(rnd.int(0, 999)).padStart(3, '0')}`;
  return first17 + computeIdCheckChar(first17);
}

/** How many practitioners an institution of a category has (before scaling to the target). */
function staffWeight(category: string, beds: number | null): number {
  if (category.startsWith('A')) return 20 + (beds ?? 50) * 1.2;
  if (category === 'B100' || category.startsWith('C') || category === 'G100') return 40;
  if (category.startsWith('D1') || category === 'J100') return 12;
  if (category === 'D600' || category === 'D400' || category === 'D300') return 1.5;
  return 3;
}

const PROFESSION_MIX: [Profession, number][] = [
  ['doctor', 0.42],
  ['nurse', 0.44],
  ['pharmacist', 0.08],
  ['technician', 0.06],
];

function pickProfession(x: number): Profession {
  let left = x;
  for (const [profession, share] of PROFESSION_MIX) {
    left -= share;
    if (left < 0) return profession;
  }
  return 'doctor';
}

export async function seedRegistryDemo(tx: Executor, opts: RegistryDemoOptions) {
  const { rnd, secrets, now, size } = opts;
  const gen = new EstablishmentGenerator(rnd, demoRegions());
  const establishments = gen.plannedCategories(Math.round(5000 * size)).map((p) => gen.next(p));
  const created = establishments.map(() => new Date(now.getTime() - rnd.int(1, 5 * 365) * DAY));
  const ids = await insertEstablishments(tx, establishments, created);

  // An issued code that fails its check (standards-and-data §3), accepted with a reason.
  const odd = establishments.findIndex((e) => e.kind === 'medical' && e.categoryCode === 'D211');
  if (odd >= 0) {
    const code = '91350211M0000XUF46';
    await tx.execute(
      sql`UPDATE establishment SET uscc = ${code}, uscc_check_failed = true, flags = array_remove(flags, 'individual_clinic') WHERE id = ${ids[odd]!}`,
    );
    await tx.execute(sql`INSERT INTO uscc_acceptance (uscc, reason, accepted_by_name, region_code, accepted_at)
      VALUES (${code}, '经核对营业执照原件，该代码系登记机关核发（演示数据）', 'system', '370112', ${now.toISOString()}) ON CONFLICT DO NOTHING`);
  }
  await tx.execute(sql`INSERT INTO establishment_version (establishment_id, version, changed_at, actor_user_id, actor_name, action, diff)
    SELECT e.id, 1, e.created_at, NULL, 'demo', 'create',
      (SELECT COALESCE(jsonb_object_agg(k, jsonb_build_array(NULL, v)), '{}'::jsonb)
       FROM jsonb_each(${snapshot('e', 'e.contact_phone', 'e.flags')}) AS t(k, v) WHERE v <> 'null'::jsonb AND v <> '[]'::jsonb)
    FROM establishment e WHERE e.id = ANY(${sql.param(ids)}::bigint[])`);

  // Practitioners at the medical institutions, in proportion to their size.
  const medical = establishments
    .map((e, i) => ({ e, id: ids[i]!, at: created[i]! }))
    .filter((x) => x.e.kind === 'medical' && x.e.categoryCode !== 'J100');
  const weights = medical.map((x) => staffWeight(x.e.categoryCode, x.e.beds));
  const target = Math.round(15_000 * size);
  const factor = target / weights.reduce((s, w) => s + w, 0);
  const people: {
    name: string;
    id: string;
    profession: Profession;
    primary: number;
    dental: boolean;
    tcm: boolean;
    at: Date;
  }[] = [];
  medical.forEach((x, i) => {
    const n = Math.max(1, Math.round(weights[i]! * factor));
    for (let k = 0; k < n; k++) {
      const profession = pickProfession(rnd.next());
      const dental = x.e.clinicalSubjects.includes('12');
      const tcm = x.e.clinicalSubjects.includes('50');
      people.push({
        name: syntheticPersonName(rnd),
        id: syntheticId(rnd),
        profession,
        primary: x.id,
        dental,
        tcm,
        at: x.at,
      });
    }
  });
  const seenIds = new Set<string>();
  const unique = people.filter((p) => !seenIds.has(p.id) && seenIds.add(p.id));
  const practitionerIds: { id: number; primary: number; profession: Profession }[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const part = unique.slice(i, i + CHUNK);
    const category = part.map((p) =>
      p.profession !== 'doctor' ? null : p.dental ? '2' : p.tcm ? '4' : rnd.chance(0.03) ? '3' : '1',
    );
    const scopes = category.map((c) => {
      if (!c) return '';
      const options = PRACTICE_SCOPES.filter((s) => s.category === c).map((s) => s.code);
      return [...new Set([rnd.pick(options), ...(rnd.chance(0.3) ? [rnd.pick(options)] : [])])]
        .sort()
        .join(',');
    });
    const r = await queryRows<{ id: number; primary_establishment_id: number; profession: Profession }>(
      tx,
      sql`INSERT INTO practitioner (name, id_number_enc, id_number_hash, id_number_masked, profession, qualification_cert_no,
            practising_cert_no, practice_category, practice_scopes, title_grade, primary_establishment_id, version, created_at, updated_at)
          SELECT n, enc, h, mk, pr, qc, pc, cat, COALESCE(string_to_array(NULLIF(sc, ''), ','), '{}'), tg, pe, 1, ts, ts
          FROM unnest(${sql.param(part.map((p) => p.name))}::text[], ${sql.param(part.map((p) => secrets.encrypt(p.id)))}::text[],
            ${sql.param(part.map((p) => secrets.lookupHash(p.id)))}::text[], ${sql.param(part.map((p) => maskIdNumber(p.id)))}::text[],
            ${sql.param(part.map((p) => p.profession))}::text[],
            ${sql.param(part.map(() => `${rnd.int(2000, 2023)}${String(rnd.int(0, 99_999_999_999)).padStart(11, '0')}`))}::text[],
            ${sql.param(part.map(() => `1${String(rnd.int(0, 99_999_999_999_999)).padStart(14, '0')}`))}::text[],
            ${sql.param(category)}::text[], ${sql.param(scopes)}::text[],
            ${sql.param(part.map(() => rnd.pick(TITLE_GRADES)))}::text[], ${sql.param(part.map((p) => p.primary))}::bigint[],
            ${sql.param(part.map((p) => p.at.toISOString()))}::timestamptz[])
            AS t(n, enc, h, mk, pr, qc, pc, cat, sc, tg, pe, ts)
          RETURNING id, primary_establishment_id, profession`,
    );
    practitionerIds.push(
      ...r.map((x) => ({ id: x.id, primary: x.primary_establishment_id, profession: x.profession })),
    );
  }
  await tx.execute(sql`INSERT INTO practitioner_version (practitioner_id, version, changed_at, actor_name, action, diff)
    SELECT p.id, 1, p.created_at, 'demo', 'create', jsonb_strip_nulls(jsonb_build_object(
      'name', jsonb_build_array(NULL, p.name), 'idNumber', jsonb_build_array(NULL, p.id_number_masked),
      'profession', jsonb_build_array(NULL, p.profession), 'primaryEstablishmentId', jsonb_build_array(NULL, p.primary_establishment_id)))
    FROM practitioner p`);

  // Multi-site filings: about 4% of doctors, at another medical institution of the same county.
  const byCounty = new Map<string, number[]>();
  for (const x of medical)
    byCounty.set(x.e.regionCode.slice(0, 6), [...(byCounty.get(x.e.regionCode.slice(0, 6)) ?? []), x.id]);
  const countyOf = new Map(medical.map((x) => [x.id, x.e.regionCode.slice(0, 6)]));
  const filings: { p: number; site: number; from: string; to: string; no: string }[] = [];
  for (const p of practitionerIds) {
    if (p.profession !== 'doctor' || !rnd.chance(0.04)) continue;
    const site = rnd.pick(byCounty.get(countyOf.get(p.primary)!) ?? []);
    if (!site || site === p.primary) continue;
    const from = new Date(now.getTime() - rnd.int(0, 700) * DAY);
    const to = new Date(from.getTime() + rnd.int(365, 3 * 365) * DAY);
    filings.push({
      p: p.id,
      site,
      from: from.toISOString().slice(0, 10),
      to: to.toISOString().slice(0, 10),
      no: `DDXY-${from.getUTCFullYear()}-${String(filings.length + 1).padStart(4, '0')}`,
    });
  }
  if (filings.length) {
    await tx.execute(sql`INSERT INTO multi_site_filing (practitioner_id, site_establishment_id, valid_from, valid_to, agreement_no, agreement_signed_on, filed_at)
      SELECT pid, sid, vf::date, vt::date, no, vf::date, ${now.toISOString()}
      FROM unnest(${sql.param(filings.map((f) => f.p))}::bigint[], ${sql.param(filings.map((f) => f.site))}::bigint[],
        ${sql.param(filings.map((f) => f.from))}::text[], ${sql.param(filings.map((f) => f.to))}::text[],
        ${sql.param(filings.map((f) => f.no))}::text[]) AS t(pid, sid, vf, vt, no)`);
  }
  const counts = {
    establishments: ids.length,
    practitioners: practitionerIds.length,
    multiSiteFilings: filings.length,
  };
  await recordAudit(
    tx,
    SYSTEM_ACTOR,
    {
      action: 'registry.demo.seed',
      entityType: 'registry',
      entityId: null,
      diff: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, [0, v]])),
    },
    now,
  );
  return counts;
}
