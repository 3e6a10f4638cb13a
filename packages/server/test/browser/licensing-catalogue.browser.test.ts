/// <reference lib="dom" />
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertStaff, unitId } from '../identity-helpers.js';
import { TEST_PASSWORD } from '../support/app.js';
import {
  type BrowserRig,
  browserAvailable,
  newPage,
  PHONE,
  SCREENSHOTS,
  screenshot,
  startRig,
} from './browser.js';

const bodyText = (page: Page) => page.locator('body').innerText();
/** Lazy pages, their data and a loaded machine: be patient. */
const WAIT = { timeout: 20_000 };

async function shoot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

async function signIn(page: Page, baseUrl: string, path: string, username: string) {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL(/\/console\/login/, WAIT);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => u.pathname === path, WAIT);
}

/** Nothing wider than the screen: the page itself never scrolls sideways. */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const previewed = (page: Page) =>
  page.waitForResponse((r) => r.url().endsWith('/versions/preview') && r.request().method() === 'POST', WAIT);

/**
 * The catalogue editor and the licensing figures in the browser: a city catalogue keeper drafts a
 * new version of 放射诊疗许可, is told in Chinese that a committed limit longer than the statutory
 * one is wrong, previews the corrected draft against the version in force and publishes it; the
 * per-permit figures of the licensing demo show on a phone without sideways scrolling.
 */
describe.skipIf(!browserAvailable)('licensing catalogue editor and figures in the browser', () => {
  let rig: BrowserRig;

  beforeAll(async () => {
    rig = await startRig({ registry: 0.06 });
    const db = rig.t.database.db;
    await db.execute(
      sql`INSERT INTO role (code, name_zh, name_en) VALUES ('catalogue_keeper', '事项维护', 'Catalogue keeper')`,
    );
    await db.execute(sql`INSERT INTO role_permission (role_code, permission) VALUES
      ('catalogue_keeper', 'licensing.read'), ('catalogue_keeper', 'licensing.catalogue.manage'),
      ('catalogue_keeper', 'licensing.report.read'), ('catalogue_keeper', 'identity.scope.all-departments')`);
    await insertStaff(rig.t, 'br.keeper', await unitId(rig.t, 'health', '370100'), ['catalogue_keeper']);
  }, 120_000);
  afterAll(async () => {
    await rig?.close();
  });

  it('drafts a version, is told what is wrong, previews the changes and publishes it', async () => {
    const { page, errors } = await newPage(rig);
    const path = '/console/licensing/catalogue/radiation_diagnosis/edit';
    await signIn(page, rig.baseUrl, path, 'br.keeper');
    const committed = page.locator('#definition_committedLimitDays');
    await committed.waitFor(WAIT);
    await committed.fill('30');
    await page.locator('#note').fill('承诺时限压缩至5个工作日');
    // The draft is kept on the server: saved, then found again after a reload.
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/permit-types/radiation_diagnosis/draft') && r.request().method() === 'PUT',
      WAIT,
    );
    await page.getByRole('button', { name: '保存草稿' }).click();
    expect((await saved).status()).toBe(200);
    await page.reload();
    await page.getByText(/已载入 .+ 保存的草稿/).waitFor(WAIT);
    expect(await committed.inputValue()).toBe('30');
    let answer = previewed(page);
    await page.getByRole('button', { name: '预览差异' }).click();
    expect((await answer).status()).toBe(200);
    await page.getByText('草稿有 1 处问题').waitFor(WAIT);
    expect(await bodyText(page)).toMatch(/承诺时限.*法定时限|法定时限.*承诺时限/);

    await committed.fill('5');
    answer = previewed(page);
    await page.getByRole('button', { name: '预览差异' }).click();
    await expect((await answer).json()).resolves.toMatchObject({ valid: true });
    const preview = page.getByTestId('permit-preview');
    await preview.getByText('检查通过').waitFor(WAIT);
    expect(await preview.innerText()).toContain('承诺时限');
    await shoot(page, 'licensing-catalogue-preview');

    await page.getByRole('button', { name: '发布新版本' }).click();
    const published = page.waitForResponse(
      (r) =>
        r.url().endsWith('/permit-types/radiation_diagnosis/versions') && r.request().method() === 'POST',
      WAIT,
    );
    await page
      .locator('.ant-modal-wrap:not([style*="display: none"]) .ant-modal-footer .ant-btn-primary')
      .click();
    expect((await published).status()).toBe(201);
    await page.waitForURL((u) => u.pathname === '/console/licensing/catalogue/radiation_diagnosis', WAIT);
    await page.getByText('承诺时限压缩至5个工作日').first().waitFor(WAIT);
    expect(errors.filter((e) => !e.includes('status of 401'))).toEqual([]);
    await page.context().close();
  });

  it('shows the figures per permit type and the editor on a phone without sideways scrolling', async () => {
    const { page, errors } = await newPage(rig, PHONE);
    const reportPath = '/console/licensing/report';
    const figures = page.waitForResponse((r) => r.url().includes('/licensing/reports/permits'), WAIT);
    await signIn(page, rig.baseUrl, reportPath, 'br.keeper');
    expect((await figures).status()).toBe(200);
    await page.getByTestId('report-mode-totals').waitFor(WAIT);
    expect(await bodyText(page)).toContain('承诺时限内');
    const href = await page.getByRole('link', { name: /导出 Excel/ }).getAttribute('href');
    expect(href).toContain('/licensing/reports/permits.xlsx');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shoot(page, 'licensing-report-phone');

    await page.goto(`${rig.baseUrl}/console/licensing/catalogue/public_place_hygiene/edit`);
    await page.locator('#definition_nameZh').waitFor(WAIT);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // The editor is long on a phone: its first screen is what the picture is for.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENSHOTS}licensing-catalogue-editor-phone.png` });
    expect(errors.filter((e) => !e.includes('status of 401'))).toEqual([]);
    await page.context().close();
  });

  it('shows the figures on a wide screen', async () => {
    const { page } = await newPage(rig);
    const figures = page.waitForResponse((r) => r.url().includes('/licensing/reports/permits'), WAIT);
    await signIn(page, rig.baseUrl, '/console/licensing/report', 'br.keeper');
    await figures;
    await page.getByTestId('report-mode-totals').waitFor(WAIT);
    await shoot(page, 'licensing-report');
    await page.context().close();
  });
});
