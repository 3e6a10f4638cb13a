import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../src/db/database.js';
import { readFile } from '../src/files/file-store.js';
import { SCHEDULES } from '../src/jobs/schedules.js';
import { loadCalendar } from '../src/modules/calendar/load-calendar.js';
import { KEEP_DAYS, openDataSettled } from '../src/modules/disclosure/generate-open-data.js';
import { withdrawPublications } from '../src/modules/enforcement/publications.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import { nextAddress, setDay } from './support/enforcement.js';

/**
 * Open data as daily files (issue 9 item 7): the job writes every data set, per county and for the
 * whole deployment, as CSV and JSON into the file store with a manifest; the API serves the stored
 * files (ETag = SHA-256, Last-Modified, Cache-Control), writes them on first request on a fresh
 * install, and writes a data set again the same day when its source moved (a withdrawal). And the
 * supervision mode where policy makes it public (issue 9 item 1), on the page and in the open data.
 */
const job = SCHEDULES.find((s) => s.name === 'disclosure.open-data')!;
const plusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

interface FileEntry {
  day: string;
  dataset: string;
  region: string;
  format: string;
  records: number;
  sha256: string;
  bytes: number;
  url: string;
}

describe.each(DATABASE_KINDS)('open data files on %s', (kind) => {
  let t: TestApp;
  let dataDir: string;
  let today: string;

  const get = async (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, remoteAddress: nextAddress(), headers });
  const manifestRows = (day: string) =>
    queryRows<{ dataset: string; current: boolean; sha256: string }>(
      t.database.db,
      sql`SELECT dataset, current, sha256 FROM open_data_file WHERE day = ${day}`,
    );

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weijian-open-data-'));
    t = await testApp(kind, { registry: 0.1, inspection: true, env: { WEIJIAN_DATA_DIR: dataDir } });
    today = new Date(t.ctx.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  }, 240_000);
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes the files on first request on a fresh install, whole and per county, each as the manifest says', async () => {
    expect(await manifestRows(today)).toHaveLength(0);
    const res = await get('/open-data/manifest');
    expect(res.statusCode).toBe(200);
    const files = res.json().files as FileEntry[];
    const counties = await queryRows<{ c: string }>(
      t.database.db,
      sql`SELECT DISTINCT left(region_code, 6) AS c FROM establishment ORDER BY 1`,
    );
    expect(counties.length).toBeGreaterThan(1);
    // 12 data sets × 2 formats × (whole deployment + each county).
    expect(files).toHaveLength(12 * 2 * (1 + counties.length));
    expect(new Set(files.map((f) => f.region))).toEqual(new Set(['all', ...counties.map((c) => c.c)]));
    // A second listing writes nothing new.
    const before = (await manifestRows(today)).length;
    await get('/open-data/manifest');
    expect(await manifestRows(today)).toHaveLength(before);

    // Every file downloads with the bytes, size and hash the manifest gives.
    for (const f of files.filter((x) => x.dataset === 'establishments' || x.dataset === 'penalties')) {
      const file = await get(f.url.replace('/api/v1', ''));
      expect(file.statusCode, f.url).toBe(200);
      expect(file.rawPayload.length).toBe(f.bytes);
      expect(sha(file.rawPayload)).toBe(f.sha256);
      expect(file.headers.etag).toBe(`"${f.sha256}"`);
    }
    // County files hold that county's establishments only, and together the whole directory.
    const whole = files.find(
      (f) => f.region === 'all' && f.dataset === 'establishments' && f.format === 'json',
    )!;
    const perCounty = files.filter(
      (f) => f.region !== 'all' && f.dataset === 'establishments' && f.format === 'json',
    );
    expect(perCounty.reduce((n, f) => n + f.records, 0)).toBe(whole.records);
    const one = perCounty.find((f) => f.records > 0)!;
    const body = (await get(one.url.replace('/api/v1', ''))).json();
    expect(body).toMatchObject({ dataset: 'establishments', asOf: today, region: one.region });
    expect(body.records.length).toBe(one.records);
    expect(body.records.every((r: { regionCode: string }) => r.regionCode.startsWith(one.region))).toBe(true);
    const csv = (await get(`/open-data/regions/${one.region}/establishments.csv`)).body;
    expect(csv.startsWith('\uFEFFpublicCode,name,')).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(one.records + 1);
  }, 120_000);

  it('answers with ETag = SHA-256, Last-Modified, Cache-Control, and 304 when unchanged', async () => {
    const first = await get('/open-data/licences.csv');
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(first.headers['cache-control']).toBe('public, max-age=3600');
    expect(first.headers['content-disposition']).toBe(`attachment; filename="licences-${today}.csv"`);
    expect(first.headers.etag).toBe(`"${sha(first.rawPayload)}"`);
    const lastModified = String(first.headers['last-modified']);
    expect(Date.parse(lastModified)).not.toBeNaN();
    expect(
      (await get('/open-data/licences.csv', { 'if-none-match': String(first.headers.etag) })).statusCode,
    ).toBe(304);
    expect((await get('/open-data/licences.csv', { 'if-modified-since': lastModified })).statusCode).toBe(
      304,
    );
    expect((await get('/open-data/licences.csv', { 'if-none-match': '"other"' })).statusCode).toBe(200);
    // The catalogue gives the same hash, and the county list.
    const catalogue = (await get('/open-data')).json();
    const licences = catalogue.datasets.find((d: { id: string }) => d.id === 'licences');
    expect(licences.csvSha256).toBe(sha(first.rawPayload));
    expect(licences.csvBytes).toBe(first.rawPayload.length);
    expect(catalogue.regions.length).toBeGreaterThan(1);
    // Unknown county, bad code: clear answers.
    const unknown = await get('/open-data/regions/999999/licences.csv');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().messageZh).toContain('999999');
    expect((await get('/open-data/regions/37/licences.csv')).statusCode).toBe(400);
  });

  it('writes the penalty files again the same day when a decision is withdrawn; the job prunes replaced and old files', async () => {
    const p = await queryOne<{ case_id: number; decision_no: string }>(
      t.database.db,
      sql`SELECT p.case_id, p.content->>'decisionNo' AS decision_no FROM penalty_publication p
          WHERE p.status = 'published' AND p.published_on <= ${today} AND p.max_until > ${today} ORDER BY p.id LIMIT 1`,
    );
    expect(p).toBeDefined();
    const before = await get('/open-data/penalties.csv');
    expect(before.body).toContain(p!.decision_no);
    const calendar = await loadCalendar(t.database.db);
    await t.database.db.transaction(async (tx) => {
      await withdrawPublications(tx, {
        caseId: Number(p!.case_id),
        reason: '决定已撤销',
        today,
        calendar,
        at: t.ctx.now(),
      });
    });
    const after = await get('/open-data/penalties.csv');
    expect(after.body).not.toContain(p!.decision_no);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const json = (await get('/open-data/penalties.json')).json();
    expect(json.records.some((r: { decisionNo: string }) => r.decisionNo === p!.decision_no)).toBe(false);
    // The earlier files stay as history (not current) until the job runs.
    const rows = await manifestRows(today);
    const old = rows.filter((r) => r.dataset === 'penalties' && !r.current);
    expect(old.length).toBeGreaterThan(0);
    const oldSha = String(before.headers.etag).replaceAll('"', '');
    expect(await readFile(t.ctx, oldSha)).not.toBeNull();

    // The job: today's files are current, so it writes nothing; it removes the replaced ones.
    const run = await job.run(t.ctx);
    expect(run.datasets).toBe(0);
    expect(run.removed).toBeGreaterThan(0);
    expect((await manifestRows(today)).every((r) => r.current)).toBe(true);
    expect(await readFile(t.ctx, oldSha)).toBeNull();

    // A new day: the job writes every data set for it; KEEP_DAYS later the first day's files go.
    const firstDaySha = (await manifestRows(today))
      .find((r) => r.dataset === 'establishments')!
      .sha256.trim();
    setDay(t, plusDays(today, 1));
    const next = await job.run(t.ctx);
    expect(next.datasets).toBe(12);
    expect((await manifestRows(plusDays(today, 1))).length).toBeGreaterThan(0);
    setDay(t, plusDays(today, KEEP_DAYS + 1));
    await job.run(t.ctx);
    expect(await manifestRows(today)).toHaveLength(0);
    expect((await manifestRows(plusDays(today, 1))).length).toBeGreaterThan(0);
    const stillHeld = await queryRows(
      t.database.db,
      sql`SELECT 1 FROM open_data_file WHERE sha256 = ${firstDaySha}`,
    );
    if (stillHeld.length === 0) expect(await readFile(t.ctx, firstDaySha)).toBeNull();
    setDay(t, today);
  }, 180_000);

  it('publishes the supervision mode where policy makes it public, on the page and in the open data', async () => {
    const db = t.database.db;
    const e = await queryOne<{ id: number; code: string }>(
      db,
      sql`SELECT e.id, e.public_code AS code FROM establishment e JOIN credit_profile p
            ON p.subject_type = 'establishment' AND p.subject_id = e.id ORDER BY e.id LIMIT 1`,
    );
    const setMode = (mode: string) =>
      db.execute(
        sql`UPDATE credit_profile SET mode = ${mode} WHERE subject_type = 'establishment' AND subject_id = ${e!.id}`,
      );
    await setMode('demerit');
    const page = (await get(`/public/establishments/${e!.code}`)).json();
    expect(page.supervisionMode).toMatchObject({
      code: 'demerit',
      label: '不良记分监管',
      labelEn: 'Demerit-point supervision',
    });
    expect(page.supervisionMode.citation.zh).toContain('二(七)');
    // Stationed supervision follows the internal risk grading: not published.
    await setMode('stationed');
    expect((await get(`/public/establishments/${e!.code}`)).json().supervisionMode).toBeNull();
    // The open data set is a daily snapshot, written by the night's job (02:30): before it has
    // run, a reader gets the day before's file at once (not a wait of minutes at a province's
    // scale), and nothing is written for the reader.
    await setMode('commitment');
    const day2 = plusDays(today, 2);
    t.setNow(new Date(`${plusDays(today, 1)}T17:00:00Z`)); // 01:00 on day2 in Beijing
    const early = await get('/open-data/supervision_modes.json');
    expect(early.statusCode).toBe(200);
    expect(early.json().asOf).toBe(plusDays(today, 1));
    expect(early.headers['content-disposition']).toContain(`supervision_modes-${plusDays(today, 1)}.json`);
    // A data set that is not a snapshot (penalties: a withdrawal must show the same day) is written
    // for the day while the reader waits.
    const manifest = (await get('/open-data/manifest')).json().files as FileEntry[];
    expect(new Set(manifest.filter((f) => f.dataset === 'penalties').map((f) => f.day))).toEqual(
      new Set([day2]),
    );
    expect(new Set(manifest.filter((f) => f.dataset === 'establishments').map((f) => f.day))).toEqual(
      new Set([plusDays(today, 1)]),
    );
    // The catalogue says which day each data set's files are of.
    const catalogue = (await get('/open-data')).json();
    const dayOf = (id: string) => catalogue.datasets.find((d: { id: string }) => d.id === id).day;
    expect([catalogue.asOf, dayOf('establishments'), dayOf('penalties')]).toEqual([
      day2,
      plusDays(today, 1),
      day2,
    ]);
    await openDataSettled(t.ctx);
    expect((await manifestRows(day2)).some((r) => r.dataset === 'supervision_modes')).toBe(false);
    // Past the job's hour with the day's snapshot still missing (a server off at night), the
    // reader still gets the day before's at once and the day's files are written in the background.
    setDay(t, day2); // 10:00 in Beijing
    expect((await get('/open-data/supervision_modes.json')).statusCode).toBe(200);
    await openDataSettled(t.ctx);
    const modes = (await get('/open-data/supervision_modes.json')).json();
    expect(modes.asOf).toBe(day2);
    const mine = modes.records.find((r: { establishmentCode: string }) => r.establishmentCode === e!.code);
    expect(mine).toMatchObject({ mode: 'commitment', modeName: '承诺式信用监管' });
    expect(
      modes.records.every((r: { mode: string }) =>
        ['code', 'demerit', 'commitment', 'graded'].includes(r.mode),
      ),
    ).toBe(true);
    expect(modes.dictionary.citations.length).toBe(2);

    // When the job has not run for more than a day, even before its hour, a reader still gets the
    // latest file at once, and the day's files are written in the background.
    const later = plusDays(today, 10);
    t.setNow(new Date(`${plusDays(today, 9)}T17:00:00Z`)); // 01:00 in Beijing
    expect((await manifestRows(later)).some((r) => r.dataset === 'establishments')).toBe(false);
    expect((await get('/open-data/establishments.csv')).statusCode).toBe(200);
    await openDataSettled(t.ctx);
    expect((await manifestRows(later)).some((r) => r.dataset === 'establishments' && r.current)).toBe(true);
    const fresh = await get('/open-data/establishments.csv');
    expect(fresh.headers['content-disposition']).toContain(`establishments-${later}.csv`);
    setDay(t, today);
  }, 120_000);

  it('passes the inspection and licensing public routes through the same gate', async () => {
    const db = t.database.db;
    const MOBILE = '13900002222';
    const ID_NUMBER = '370112198001015678';
    const campaign = await queryOne<{ id: number; campaign_no: string }>(
      db,
      sql`SELECT id, campaign_no FROM campaign WHERE published_at IS NOT NULL ORDER BY id LIMIT 1`,
    );
    expect(campaign, 'the demo publishes a campaign').toBeDefined();
    await db.execute(
      sql`UPDATE campaign SET description = ${`联系人手机${MOBILE}`} WHERE id = ${campaign!.id}`,
    );
    const app = await queryOne<{ id: number; number: string }>(
      db,
      sql`SELECT id, number FROM licensing_application
          WHERE mode = 'commitment' AND state = 'granted' AND purpose = 'new' ORDER BY id LIMIT 1`,
    );
    expect(app, 'the demo grants a permit on commitment').toBeDefined();
    await db.execute(sql`UPDATE licensing_application SET commitment = jsonb_build_object('conditions',
        jsonb_build_array(jsonb_build_object('textZh', ${`负责人身份证${ID_NUMBER}已核验`}::text))) WHERE id = ${app!.id}`);

    const list = (await get('/public/campaigns?pageSize=100')).json();
    const shown = list.items.find((c: { campaignNo: string }) => c.campaignNo === campaign!.campaign_no);
    expect(shown.description).toBe('联系人手机139****2222');
    const one = (await get(`/public/campaigns/${campaign!.campaign_no}`)).json();
    expect(one.description).toBe('联系人手机139****2222');
    const commitments = (await get('/public/licensing/commitments')).json();
    const mine = commitments.items.find(
      (c: { applicationNumber: string }) => c.applicationNumber === app!.number,
    );
    expect(mine.conditions).toEqual(['负责人身份证370112********5678已核验']);
    for (const url of [
      '/public/campaigns',
      '/public/licensing/commitments',
      '/public/licensing/notices',
      '/public/licensing/approved-list',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body).not.toContain(MOBILE);
      expect(res.body).not.toContain(ID_NUMBER);
    }
    // The open data's campaign set carries the same masked text.
    expect((await get('/open-data/campaigns.csv')).body).toContain('联系人手机139****2222');
  });
});
