import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../src/db/database.js';
import { loadCalendar } from '../src/modules/calendar/load-calendar.js';
import { ensureOpenData } from '../src/modules/disclosure/generate-open-data.js';
import { withdrawPublications } from '../src/modules/enforcement/publications.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import { nextAddress, publicGet, setDay } from './support/enforcement.js';

/**
 * The public portal and open data (issue 9): every page API, list and open-data file goes through
 * the one disclosure gate. Planted personal data (a natural-person party, an ID number, a
 * mobile number, a legal representative) and every practitioner's name and ID number in the demo
 * must appear nowhere unmasked; a penalty past its period and a withdrawn one vanish from the page,
 * the API and the open data at once.
 */
const PARTY = '司马测隐';
const ID_NUMBER = '370112198001011234';
const MOBILE = '13900001111';
const REPRESENTATIVE = '欧阳保密';
const DATASETS = [
  'establishments',
  'licences',
  'revoked_licences',
  'inspection_results',
  'penalties',
  'credit',
  'blacklist',
  'commitments',
  'campaigns',
  'approved_institutions',
  'notices',
  'supervision_modes',
];

describe.each(DATABASE_KINDS)('public portal and open data on %s', (kind) => {
  let t: TestApp;
  let penalty: { id: number; caseId: number; code: string; decisionNo: string; maxUntil: string };
  let today: string;
  let dataDir: string;

  const get = async (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, remoteAddress: nextAddress(), headers });

  beforeAll(async () => {
    // The open data files go to the file store (on PGlite: under the data directory).
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weijian-portal-'));
    t = await testApp(kind, { registry: 0.1, inspection: true, env: { WEIJIAN_DATA_DIR: dataDir } });
    const db = t.database.db;
    const p = await queryOne<{
      id: number;
      case_id: number;
      code: string;
      decision_no: string;
      max_until: string;
    }>(
      db,
      sql`SELECT p.id, p.case_id, e.public_code AS code, p.content->>'decisionNo' AS decision_no, p.max_until::text AS max_until
          FROM penalty_publication p JOIN enforcement_case c ON c.id = p.case_id JOIN establishment e ON e.id = c.establishment_id
          WHERE p.status = 'published' ORDER BY p.id LIMIT 1`,
    );
    expect(p, 'the demo publishes a penalty').toBeDefined();
    penalty = {
      id: Number(p!.id),
      caseId: Number(p!.case_id),
      code: p!.code,
      decisionNo: p!.decision_no,
      maxUntil: p!.max_until,
    };
    // Personal data planted where an upstream slip would put it: the party becomes a natural person
    // whose name, ID number and mobile number reach the published record unmasked. (Patients' names
    // are masked when the record is made, from the names the officer lists: enforcement's tests.)
    await db.execute(
      sql`UPDATE enforcement_case SET party_kind = 'person', party_name = ${PARTY} WHERE id = ${penalty.caseId}`,
    );
    await db.execute(sql`UPDATE penalty_publication SET content = jsonb_set(jsonb_set(content, '{facts}',
        to_jsonb(${`${PARTY}（身份证${ID_NUMBER}，手机${MOBILE}）超范围实施诊疗。`}::text)), '{party}',
        jsonb_build_object('name', ${PARTY}::text, 'kindZh', '自然人', 'creditCode', null, 'legalRepresentative', null))
      WHERE id = ${penalty.id}`);
    await db.execute(sql`UPDATE establishment SET legal_representative = ${REPRESENTATIVE},
        address = ${`济南市历城区测试路1号（联系人手机${MOBILE}）`} WHERE public_code = ${penalty.code}`);
    today = new Date(t.ctx.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  }, 240_000);
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Every public answer: the establishment pages, search, lists, open data, and the modules' public routes. */
  async function everyPublicBody(): Promise<string[]> {
    const db = t.database.db;
    const codes = await queryRows<{ public_code: string }>(
      db,
      sql`SELECT DISTINCT e.public_code FROM establishment e WHERE e.id IN (
            SELECT establishment_id FROM inspection WHERE published_at IS NOT NULL
            UNION SELECT establishment_id FROM enforcement_case WHERE establishment_id IS NOT NULL
            UNION SELECT establishment_id FROM licensing_license
            UNION SELECT establishment_id FROM credit_blacklist
            UNION SELECT primary_establishment_id FROM practitioner)`,
    );
    const urls = [
      ...codes.map((c) => `/public/establishments/${c.public_code}`),
      '/public/establishments?q=诊所&pageSize=50',
      '/public/establishments?pageSize=50',
      `/public/establishments?code=${penalty.code}`,
      ...DATASETS.filter((d) => d !== 'establishments' && d !== 'supervision_modes').map(
        (d) => `/public/lists/${d}`,
      ),
      ...DATASETS.flatMap((d) => [`/open-data/${d}.csv`, `/open-data/${d}.json`]),
      '/open-data',
      '/public/penalties',
      '/public/inspection-results?pageSize=100',
      '/public/campaigns',
      '/public/licensing/notices',
      '/public/licensing/commitments',
      '/public/licensing/approved-list',
      `/public/credit/${penalty.code}`,
    ];
    const bodies: string[] = [];
    for (const url of urls) {
      const res = await get(url);
      expect([200, 404], `${url}: ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      bodies.push(res.body);
    }
    return bodies;
  }

  it('finds no personal data unmasked in any page API, list or open-data file', async () => {
    const db = t.database.db;
    // The demo's practitioners (names and ID numbers) are not public at all. A name that is part of
    // an establishment's public name (a clinic named after its doctor) or an officer's (public by
    // the enforcement-publicity rule) does not count.
    const practitioners = await queryRows<{ name: string; id_number_enc: string }>(
      db,
      sql`SELECT p.name, p.id_number_enc FROM practitioner p
          WHERE NOT EXISTS (SELECT 1 FROM establishment e WHERE strpos(e.name, p.name) > 0)
            AND NOT EXISTS (SELECT 1 FROM inspector i WHERE i.name = p.name)`,
    );
    expect(practitioners.length).toBeGreaterThan(10);
    // The demo holds licences and inspection results, so those pages are exercised too.
    const shown = await queryOne<{ licences: number; results: number }>(
      db,
      sql`SELECT (SELECT count(*)::int FROM licensing_license WHERE status = 'valid') AS licences,
            (SELECT count(*)::int FROM inspection WHERE published_at IS NOT NULL) AS results`,
    );
    expect(shown!.licences).toBeGreaterThan(0);
    expect(shown!.results).toBeGreaterThan(0);
    const secrets = [
      PARTY,
      ID_NUMBER,
      MOBILE,
      REPRESENTATIVE,
      ...practitioners.map((p) => p.name),
      ...practitioners.map((p) => t.ctx.secrets.decrypt(p.id_number_enc)),
    ].filter((s) => [...s].length >= 2);
    const bodies = await everyPublicBody();
    for (const s of secrets) {
      const where = bodies.findIndex((b) => b.includes(s));
      expect(where, `"${s}" is published unmasked in answer ${where}: ${bodies[where]?.slice(0, 300)}`).toBe(
        -1,
      );
    }
    // …and the masked forms are what is shown.
    const page = (await get(`/public/establishments/${penalty.code}`)).json();
    expect(page.establishment.legalRepresentative).toBe('欧***');
    expect(page.establishment.address).toContain('139****1111');
    expect(page.penalties[0]).toMatchObject({ partyName: '司***', partyKind: 'person' });
    expect(page.penalties[0].facts).toContain('370112********1234');
  }, 120_000);

  async function penaltyEverywhere(): Promise<boolean[]> {
    const page = (await get(`/public/establishments/${penalty.code}`)).json();
    const list = (await get('/public/lists/penalties')).json();
    const json = (await get('/open-data/penalties.json')).json();
    const csv = (await get('/open-data/penalties.csv')).body;
    const api = (await get('/public/penalties')).json();
    const has = (items: { decisionNo: string }[]) => items.some((i) => i.decisionNo === penalty.decisionNo);
    return [
      has(page.penalties),
      has(list.items),
      has(json.records),
      csv.includes(penalty.decisionNo),
      has(api.items),
    ];
  }

  it('drops a penalty past its period from the page, the API and the open data at once, and a withdrawn one too', async () => {
    expect(await penaltyEverywhere()).toEqual([true, true, true, true, true]);
    // The last day of display, then the day it stops.
    const last = new Date(new Date(`${penalty.maxUntil}T00:00:00Z`).getTime() - 86_400_000)
      .toISOString()
      .slice(0, 10);
    setDay(t, last);
    expect(await penaltyEverywhere()).toEqual([true, true, true, true, true]);
    setDay(t, penalty.maxUntil);
    expect(await penaltyEverywhere()).toEqual([false, false, false, false, false]);
    // Back inside the period, the decision is revoked: the enforcement module withdraws the
    // publication, and it is gone everywhere the same day.
    setDay(t, today);
    expect(await penaltyEverywhere()).toEqual([true, true, true, true, true]);
    const calendar = await loadCalendar(t.database.db);
    await t.database.db.transaction(async (tx) => {
      await withdrawPublications(tx, {
        caseId: penalty.caseId,
        reason: '决定已撤销',
        today,
        calendar,
        at: t.ctx.now(),
      });
    });
    expect(await penaltyEverywhere()).toEqual([false, false, false, false, false]);
  }, 60_000);

  it('answers an unknown code with a clear not-found, and hostile search strings safely', async () => {
    const unknown = await get('/public/establishments/ZZZZZZZZZZZZZ');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'not_found' });
    expect(unknown.json().messageZh).toContain('未找到');
    const script = await get(`/public/establishments/${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(script.statusCode).toBe(404);
    expect(script.body).not.toContain('<script>');
    const injection = await get(
      `/public/establishments?q=${encodeURIComponent("' OR 1=1; DROP TABLE establishment; --")}`,
    );
    expect(injection.statusCode).toBe(200);
    expect(injection.json().items).toEqual([]);
    const percent = await get(`/public/establishments?q=${encodeURIComponent('%')}`);
    expect(percent.json().items).toEqual([]);
    const long = await get(`/public/establishments?q=${'医'.repeat(500)}`);
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('A name is at most 50 characters');
    const badFile = await get('/open-data/users.csv');
    expect(badFile.statusCode).toBe(400);
    const n = await queryOne<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM establishment`);
    expect(n!.n).toBeGreaterThan(100);
  });

  it('searches by name, code, kind and region', async () => {
    const e = await queryOne<{
      name: string;
      public_code: string;
      uscc: string | null;
      kind: string;
      region_code: string;
    }>(
      t.database.db,
      sql`SELECT name, public_code, uscc, kind, region_code FROM establishment WHERE uscc IS NOT NULL ORDER BY id LIMIT 1`,
    );
    const byName = (await get(`/public/establishments?q=${encodeURIComponent(e!.name)}`)).json();
    expect(byName.items.map((i: { publicCode: string }) => i.publicCode)).toContain(e!.public_code);
    const byCode = (await get(`/public/establishments?code=${e!.public_code}`)).json();
    expect(byCode.items).toHaveLength(1);
    const byUscc = (await get(`/public/establishments?code=${e!.uscc}`)).json();
    expect(byUscc.items[0].publicCode).toBe(e!.public_code);
    const byKind = (
      await get(`/public/establishments?kind=${e!.kind}&region=${e!.region_code.slice(0, 6)}&pageSize=50`)
    ).json();
    expect(
      byKind.items.every(
        (i: { kind: string; regionCode: string }) =>
          i.kind === e!.kind && i.regionCode.startsWith(e!.region_code.slice(0, 6)),
      ),
    ).toBe(true);
    expect(byKind.total).toBeGreaterThan(0);
  });

  it('serves the open data with a dictionary, an ETag and caching headers', async () => {
    const first = await get('/open-data/establishments.json');
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=3600');
    expect(first.headers['content-disposition']).toMatch(/establishments-\d{4}-\d{2}-\d{2}\.json/);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    const again = await get('/open-data/establishments.json', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const body = first.json();
    expect(body.dictionary.fields.map((f: { name: string }) => f.name)).toEqual(Object.keys(body.records[0]));
    const csv = await get('/open-data/establishments.csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[0]).toBe(
      `\uFEFF${body.dictionary.fields.map((f: { name: string }) => f.name).join(',')}`,
    );
    // The directory is a daily snapshot: a renamed establishment shows in the next day's file,
    // written by the night's job (until then a reader gets the day before's).
    await t.database.db.execute(
      sql`UPDATE establishment SET name = '开放数据更名诊所', updated_at = now() WHERE id = (SELECT min(id) FROM establishment)`,
    );
    expect((await get('/open-data/establishments.csv')).body).not.toContain('开放数据更名诊所');
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    t.setNow(new Date(`${today}T17:00:00Z`)); // 01:00 tomorrow in Beijing, before the job's hour
    expect((await get('/open-data/establishments.csv')).body).not.toContain('开放数据更名诊所');
    await ensureOpenData(t.ctx, tomorrow);
    expect((await get('/open-data/establishments.csv')).body).toContain('开放数据更名诊所');
    setDay(t, today);
    const dictionary = (await get('/open-data/dictionary')).json();
    expect(dictionary.map((d: { id: string }) => d.id)).toEqual(DATASETS);
    const page = await get(`/public/establishments/${penalty.code}`);
    expect(page.headers['cache-control']).toBe('public, max-age=60');
    expect(page.headers.etag).toBeDefined();
  });

  it('limits a scraping flood per address with a clear Chinese and English message', async () => {
    const address = nextAddress();
    let last = await publicGet(t, '/open-data/dictionary', address);
    for (let i = 0; i < 30 && last.statusCode === 200; i++)
      last = await publicGet(t, '/open-data/dictionary', address);
    expect(last.statusCode).toBe(429);
    expect(last.json()).toMatchObject({ code: 'rate_limited' });
    expect(last.json().messageZh).toContain('请求过于频繁');
    expect(last.json().messageEn).toContain('Too many requests');
    expect(last.headers['retry-after']).toBeDefined();
    // Another address is not affected.
    expect((await publicGet(t, '/open-data/dictionary')).statusCode).toBe(200);
  });
});
