/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../../src/db/database.js';
import { WEB_DIST } from '../../src/http/app.js';
import { type BrowserRig, browserAvailable, newPage, PHONE, screenshot, startRig } from './browser.js';

const bodyText = (page: Page) => page.locator('body').innerText();
/** Lazy pages, their data and a loaded machine: be patient. */
const WAIT = { timeout: 20_000 };
const REPRESENTATIVE = '欧阳保密';
/** The most JavaScript (gzip) a public page may load; see 'loads little JavaScript'. */
const PORTAL_JS_BUDGET_KB = 110;

async function shoot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** Nothing may be wider than a phone's screen. */
async function noHorizontalOverflow(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

/** The JavaScript files a page loads, and their gzip size (what a phone downloads). */
async function scriptsOf(page: Page, url: string, ready: () => Promise<unknown>) {
  const files = new Set<string>();
  page.on('response', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.endsWith('.js')) files.add(p);
  });
  await page.goto(url);
  await ready();
  const gzip = [...files].reduce(
    (sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(WEB_DIST, f)), { level: 9 }).length,
    0,
  );
  if (process.env.PORTAL_JS_DETAIL)
    for (const f of files)
      console.log(f, zlib.gzipSync(fs.readFileSync(path.join(WEB_DIST, f)), { level: 9 }).length);
  return { files: [...files], gzipKb: Math.round(gzip / 102.4) / 10 };
}

/**
 * The public portal on a phone (issue 9): the establishment code's URL opens the page, masked; search
 * by name; a campaign's draw record with the verification explanation; the lists and open data.
 */
describe.skipIf(!browserAvailable)('public portal in the browser', () => {
  let rig: BrowserRig;
  let code: string;
  let name: string;
  let campaignNo: string;

  beforeAll(async () => {
    rig = await startRig({ registry: 0.1, inspection: true });
    const db = rig.t.database.db;
    // The establishment with the demo's published penalty, its representative a (planted) person.
    const e = await queryOne<{ public_code: string; name: string }>(
      db,
      sql`SELECT e.public_code, e.name FROM penalty_publication p JOIN enforcement_case c ON c.id = p.case_id
            JOIN establishment e ON e.id = c.establishment_id WHERE p.status = 'published' ORDER BY p.id LIMIT 1`,
    );
    code = e!.public_code;
    name = e!.name;
    await db.execute(
      sql`UPDATE establishment SET legal_representative = ${REPRESENTATIVE} WHERE public_code = ${code}`,
    );
    const c = await queryOne<{ campaign_no: string }>(
      db,
      sql`SELECT c.campaign_no FROM campaign c JOIN campaign_draw d ON d.campaign_id = c.id WHERE c.published_at IS NOT NULL
          ORDER BY c.id LIMIT 1`,
    );
    campaignNo = c!.campaign_no;
  }, 300_000);
  afterAll(async () => {
    await rig?.close();
  });

  it('opens the establishment page from the QR URL on a phone, masked, with licences, results and penalties', async () => {
    const { page, errors } = await newPage(rig, PHONE);
    await page.goto(`${rig.baseUrl}/e/${code}`);
    await page.getByRole('heading', { level: 1, name }).waitFor(WAIT);
    // The first Tab reaches the skip link, which moves the focus to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到主要内容');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    const text = await bodyText(page);
    expect(text).toContain('欧***');
    expect(text).not.toContain(REPRESENTATIVE);
    expect(text).toContain('行政处罚');
    expect(text).toContain('公示至');
    expect(text).toContain('随机抽查结果');
    expect(text).toMatch(/数据更新于 \d{4}-\d{2}-\d{2}/);
    // Its supervision mode, where policy makes it public, with the basis for publishing it.
    expect(text).toContain('监管方式');
    await noHorizontalOverflow(page);
    await shoot(page, 'portal-establishment-phone');
    // A licensed establishment: its licence, validity and issuing unit.
    const licensed = await queryOne<{ public_code: string; license_name_zh: string }>(
      rig.t.database.db,
      sql`SELECT e.public_code, l.license_name_zh FROM licensing_license l JOIN establishment e ON e.id = l.establishment_id
          WHERE l.status = 'valid' ORDER BY l.id LIMIT 1`,
    );
    await page.goto(`${rig.baseUrl}/e/${licensed!.public_code}`);
    await page.getByText(licensed!.license_name_zh).first().waitFor(WAIT);
    expect(await bodyText(page)).toMatch(/有效期 \d{4}-\d{2}-\d{2} 至/);
    await noHorizontalOverflow(page);
    await shoot(page, 'portal-establishment-licensed-phone');
    // The same page in English: every string translated, no key shown raw.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Licences' }).waitFor(WAIT);
    const english = await bodyText(page);
    expect(english).toContain('Random-inspection results');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(english).not.toMatch(/\bpub\.[a-z]/);
    await shoot(page, 'portal-establishment-en-phone');
    await page.getByRole('button', { name: '切换为中文' }).click();
    await page.getByRole('heading', { name: '行政许可' }).waitFor(WAIT);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    // An unknown code: a clear not-found page, not an error.
    await page.goto(`${rig.baseUrl}/e/ZZZZZZZZZZZZZ`);
    await page.getByRole('heading', { name: '未找到该机构' }).waitFor(WAIT);
    await shoot(page, 'portal-establishment-not-found-phone');
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
  });

  it('loads little JavaScript, none of it the console’s', async () => {
    const { page } = await newPage(rig, PHONE);
    const home = await scriptsOf(page, `${rig.baseUrl}/`, () =>
      page.getByRole('heading', { level: 1 }).first().waitFor(WAIT),
    );
    // The same page on a desktop screen (its JavaScript does not depend on the width).
    const { page: page2 } = await newPage(rig);
    const establishment = await scriptsOf(page2, `${rig.baseUrl}/e/${code}`, () =>
      page2.getByRole('heading', { level: 1, name }).waitFor(WAIT),
    );
    await shoot(page2, 'portal-establishment');
    console.log(
      `portal JavaScript (gzip): home ${home.gzipKb} kB in ${home.files.length} files, establishment page ${establishment.gzipKb} kB in ${establishment.files.length} files`,
    );
    // The staff faces (console, institution portal) and their libraries come with StaffFace: never here.
    for (const f of [...home.files, ...establishment.files])
      expect(f).not.toMatch(/Console|console|Onboarding|StaffFace|InstitutionFace|EChart/);
    // The budget (issue 9): React, React DOM and the router are ~84 kB gzip on their own; the portal's
    // own code adds ~10 kB. 110 kB leaves room to grow a little, but not for a component library (Ant
    // Design's smallest page was ~300 kB) or a chart library: a page a patient opens on a 3G phone.
    expect(establishment.gzipKb).toBeLessThanOrEqual(PORTAL_JS_BUDGET_KB);
    expect(home.gzipKb).toBeLessThanOrEqual(PORTAL_JS_BUDGET_KB);
  });

  it('searches by name from the home page and opens the result, by keyboard', async () => {
    const { page, errors } = await newPage(rig, PHONE);
    await page.goto(`${rig.baseUrl}/`);
    const box = page
      .getByRole('searchbox')
      .or(page.getByPlaceholder('如：康宁诊所，或 18 位信用代码'))
      .first();
    await box.waitFor(WAIT);
    await box.fill(name);
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=/, WAIT);
    const link = page.getByRole('link', { name }).first();
    await link.waitFor(WAIT);
    await noHorizontalOverflow(page);
    await shoot(page, 'portal-search-phone');
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/e/${code}$`), WAIT);
    await page.getByRole('heading', { level: 1, name }).waitFor(WAIT);
    expect(errors).toEqual([]);
  });

  it('shows a draw record with the one-page explanation of how to verify it', async () => {
    const { page, errors } = await newPage(rig, PHONE);
    await page.goto(`${rig.baseUrl}/inspections`);
    await page.getByRole('heading', { name: '抽查计划' }).waitFor(WAIT);
    await shoot(page, 'portal-inspections-phone');
    await page.goto(`${rig.baseUrl}/inspections/${campaignNo}`);
    await page.getByRole('heading', { name: '如何自行核验这次抽取' }).waitFor(WAIT);
    const text = await bodyText(page);
    expect(text).toContain('npx weijian draw verify');
    expect(text).toContain('抽取结果哈希');
    expect(text).toMatch(/下载抽取记录|抽取记录将于/);
    await noHorizontalOverflow(page);
    await shoot(page, 'portal-draw-record-phone');
    expect(errors).toEqual([]);
  });

  it('lists what is public with its period, and offers the open data with its dictionary', async () => {
    const { page, errors } = await newPage(rig, PHONE);
    await page.goto(`${rig.baseUrl}/lists/penalties`);
    await page.getByText('公示期限').first().waitFor(WAIT);
    await noHorizontalOverflow(page);
    await shoot(page, 'portal-lists-phone');
    await page.goto(`${rig.baseUrl}/open-data`);
    await page.getByRole('link', { name: 'CSV' }).first().waitFor(WAIT);
    await shoot(page, 'portal-open-data-phone');
    await page.goto(`${rig.baseUrl}/catalogue`);
    await page.locator('.wj-pub-cards a').first().waitFor(WAIT);
    await page.locator('.wj-pub-cards a').first().click();
    // The catalogue's own note on fees and where to apply, as the catalogue version says it.
    await page.getByText('行政许可不收取任何费用').waitFor(WAIT);
    await noHorizontalOverflow(page);
    await shoot(page, 'portal-guide-phone');
    expect(errors).toEqual([]);
  });
});
