/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../support/app.js';
import { TINY_PNG } from '../support/enforcement.js';
import { insertCitySupervisionLeader } from '../support/oversight.js';
import { type BrowserRig, browserAvailable, newPage, PHONE, screenshot, startRig } from './browser.js';

const bodyText = (page: Page) => page.locator('body').innerText();
const WAIT = { timeout: 30_000 };

async function signIn(page: Page, baseUrl: string, username: string, path: string) {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL(/\/console\/login/, WAIT);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(new RegExp(path.replace(/[?]/g, '\\?')), WAIT);
}

/** Errors after signing in (the console's first "who am I" answers 401 before it, by design). */
const afterSignIn = (errors: string[]) => errors.filter((e) => !e.includes('401 (Unauthorized)'));

/** Waits for the dashboard's charts (ECharts draws SVG) and scrolls to the top for a full-page shot. */
async function dashboardReady(page: Page) {
  await page.locator('[data-testid="oversight-scope"]').waitFor(WAIT);
  await page.locator('.wj-chart svg').first().waitFor(WAIT);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * 监管驾驶舱 in the browser, on the demo city: a county leader (历城区 supervision institute) sees
 * the county's streets and its figures; a city leader sees the city's districts; a figure opens the
 * records behind it, a map tile opens the division; the page works on a phone.
 */
describe.skipIf(!browserAvailable)('oversight dashboard in the browser', () => {
  let rig: BrowserRig;
  let city: string;

  beforeAll(async () => {
    rig = await startRig({ registry: 0.04, inspection: true });
    city = await insertCitySupervisionLeader(rig.t);
  }, 240_000);

  afterAll(async () => {
    await rig?.close();
  });

  it('shows the county user 历城区: its streets on the map, its figures, and the records behind one', async () => {
    const { page, errors } = await newPage(rig);
    await signIn(page, rig.baseUrl, 'lc.sv.leader', '/console/oversight?from=2025-07-01');
    await dashboardReady(page);
    const text = await bodyText(page);
    expect(text).toContain('监管驾驶舱');
    expect(text).toContain('历城区');
    expect(text).toMatch(/本部门（[^）]+）/);
    // The county's map is its streets and towns, not the city's districts.
    await expect.poll(() => page.locator('.wj-region-tile').count(), WAIT).toBe(17);
    expect(await page.locator('.wj-region-tile', { hasText: '山大路街道' }).count()).toBe(1);
    expect(await page.locator('.wj-region-tile', { hasText: '章丘区' }).count()).toBe(0);
    await screenshot(page, 'oversight-county');

    // The complaints received figure opens the complaints behind it, as many as it says.
    const figure = page.locator('.wj-figure', { hasText: '收到' }).first();
    const n = Number(await figure.locator('.wj-figure-value').innerText());
    expect(n).toBeGreaterThan(0);
    await figure.click();
    await page.waitForURL(/\/console\/oversight\/records\?source=complaint&measure=started/, WAIT);
    await expect.poll(() => bodyText(page), WAIT).toContain(`共 ${n} 条`);
    await screenshot(page, 'oversight-records');
    expect(afterSignIn(errors)).toEqual([]);
  });

  it('shows the city user 济南市: its districts, and opens a district from the map', async () => {
    const { page, errors } = await newPage(rig);
    await signIn(page, rig.baseUrl, city, '/console/oversight?from=2025-07-01');
    await dashboardReady(page);
    expect(await bodyText(page)).toContain('济南市');
    const tiles = page.locator('.wj-region-tile');
    await expect.poll(() => tiles.count(), WAIT).toBeGreaterThan(3);
    expect(await page.locator('.wj-region-tile', { hasText: '章丘区' }).count()).toBe(1);
    expect(await page.locator('.wj-region-tile', { hasText: '山大路街道' }).count()).toBe(0);
    await screenshot(page, 'oversight-city');

    await page.locator('.wj-region-tile', { hasText: '历城区' }).click();
    await page.waitForURL(/regionCode=370112/, WAIT);
    await expect.poll(() => page.locator('.wj-region-tile', { hasText: '山大路街道' }).count(), WAIT).toBe(1);
    await page.getByRole('button', { name: '返回上级' }).click();
    await expect.poll(() => page.locator('.wj-region-tile', { hasText: '章丘区' }).count(), WAIT).toBe(1);
    expect(afterSignIn(errors)).toEqual([]);
  });

  it('lists grids with their workload and downloads a report', async () => {
    const { page, errors } = await newPage(rig);
    await signIn(page, rig.baseUrl, 'lc.sv.leader', '/console/oversight/grids');
    // The demo's grids of 历城区 and its special campaign.
    await expect.poll(() => bodyText(page), WAIT).toContain('城区网格（山大路—华山）');
    expect(await bodyText(page)).toContain('370112001、370112002');
    expect(await bodyText(page)).toContain('打击非法行医专项整治');
    // Plan a patrol and record it: the grid's workload counts it.
    await page.getByRole('button', { name: '巡查与回头看' }).first().click();
    await page.getByLabel('巡查地点').fill('山大路 1 号一带');
    await page.getByRole('button', { name: '计划巡查' }).click();
    await expect.poll(() => bodyText(page), WAIT).toContain('山大路 1 号一带');
    const item = page.locator('.ant-list-item', { hasText: '山大路 1 号一带' });
    await item.getByLabel('巡查情况').fill('发现一处无证诊所，已移交');
    await item.getByLabel('发现问题').check();
    // A photo on the planned patrol too: uploaded at once, claimed by the record.
    const uploaded = page.waitForResponse((r) => r.url().endsWith('/oversight/patrol-photos'));
    await item
      .locator('input[type=file]')
      .setInputFiles({ name: 'scene.png', mimeType: 'image/png', buffer: TINY_PNG });
    expect((await uploaded).status()).toBe(201);
    await item.locator('[data-testid="patrol-new-photos"] img').waitFor(WAIT);
    const recorded = page.waitForResponse((r) => /\/oversight\/patrols\/\d+\/record$/.test(r.url()));
    await item.getByRole('button', { name: '记录巡查' }).click();
    expect((await recorded).status()).toBeLessThan(300);
    await expect.poll(() => bodyText(page), WAIT).toContain('发现一处无证诊所，已移交');
    const saved = item.locator('a img.wj-patrol-thumb');
    await saved.waitFor(WAIT);
    await expect.poll(() => saved.evaluate((img) => (img as HTMLImageElement).naturalWidth), WAIT).toBe(1);
    const problems = page.locator('.wj-figure', { hasText: '发现问题' }).first().locator('.wj-figure-value');
    await expect.poll(() => problems.innerText(), WAIT).toBe('1');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'oversight-grids');

    await page.goto(`${rig.baseUrl}/console/oversight/reports`);
    const word = page.getByRole('link', { name: '下载 Word' });
    await word.waitFor(WAIT);
    const href = (await word.getAttribute('href'))!;
    expect(href).toContain('kind=monthly_supervision');
    expect(href).toContain('format=docx');
    const file = await page.request.get(`${rig.baseUrl}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('wordprocessingml');
    await screenshot(page, 'oversight-reports');
    expect(afterSignIn(errors)).toEqual([]);
  });

  it('works on a phone', async () => {
    const { page, errors } = await newPage(rig, PHONE);
    await signIn(page, rig.baseUrl, 'lc.sv.leader', '/console/oversight?from=2025-07-01');
    await dashboardReady(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'oversight-phone');
    expect(afterSignIn(errors)).toEqual([]);
  });

  it('edits a grid through the form: a person’s duties, and an overlap refused by name', async () => {
    const { page, errors } = await newPage(rig);
    await signIn(page, rig.baseUrl, 'lc.sv.leader', '/console/oversight/grids');
    const card = page.locator('.wj-oversight-card').first();
    await card.getByRole('button', { name: /修\s*改/ }).click();
    await card.getByRole('button', { name: '添加人员' }).click();
    const row = card.locator('.wj-grid-staff-row').last();
    await row.getByLabel('人员').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option:not(.ant-select-item-option-disabled)')
      .first()
      .click();
    await row.getByLabel('个人职责').fill('负责医疗美容机构巡查');
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), WAIT).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'oversight-grid-form');
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'PUT' && /\/oversight\/grids\/\d+$/.test(r.url()),
    );
    await card.getByRole('button', { name: /保\s*存/ }).click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => card.innerText(), WAIT).toContain('：负责医疗美容机构巡查');
    await screenshot(page, 'oversight-grid-edit');

    // A new grid on a street another grid holds: the form shows the server's refusal naming it.
    await page.getByRole('button', { name: '新建网格' }).click();
    const form = page.locator('.ant-card', { hasText: '网格编号' }).first();
    await form.getByLabel('网格编号').fill('WG-BROWSER');
    await form.getByLabel('网格名称').fill('重叠测试网格');
    await form.getByLabel('网格区域（街道、乡镇，可展开选择村、社区）').click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '山大路街道' }).first().click();
    await page.keyboard.press('Escape');
    // The street is chosen (its tag is in the field) before saving: otherwise the form's own
    // "required" check would keep the request from being sent at all.
    await expect.poll(() => form.innerText(), WAIT).toContain('山大路街道');
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), WAIT).toBe(0);
    const refused = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/oversight/grids'),
    );
    await form.getByRole('button', { name: /保\s*存/ }).click();
    expect((await refused).status()).toBe(409);
    await expect
      .poll(() => form.innerText(), WAIT)
      .toMatch(/370112001 与网格「[^」]+」（[^）]+）的 370112001 重叠/);
    await screenshot(page, 'oversight-grid-overlap');
    expect(afterSignIn(errors).filter((e) => !e.includes('409'))).toEqual([]);
  });

  it('records a patrol with a photo on a phone, and refuses a file that is not an image', async () => {
    const { page, errors } = await newPage(rig, PHONE);
    await signIn(page, rig.baseUrl, 'lc.sv.leader', '/console/oversight/grids');
    await page.getByRole('button', { name: '巡查与回头看' }).first().click();
    await page.getByRole('button', { name: '现场记录巡查' }).click();
    const form = page.locator('.wj-patrol-form');
    await form.getByText('其他地址').click();
    await form.getByLabel('巡查地址').fill('洪家楼北路 9 号门前');
    await form.getByLabel('巡查情况').fill('发现无证游医摆摊，已劝离并拍照留存');
    const input = form.locator('input[type=file]');
    const bad = page.waitForResponse((r) => r.url().endsWith('/oversight/patrol-photos'));
    await input.setInputFiles({
      name: 'note.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not an image at all'),
    });
    expect((await bad).status()).toBe(415);
    await expect.poll(() => form.innerText(), WAIT).toContain('巡查照片须为 JPEG 或 PNG 图片');
    const good = page.waitForResponse((r) => r.url().endsWith('/oversight/patrol-photos'));
    await input.setInputFiles({ name: 'scene.png', mimeType: 'image/png', buffer: TINY_PNG });
    expect((await good).status()).toBe(201);
    await form.locator('[data-testid="patrol-new-photos"] img').waitFor(WAIT);
    await screenshot(page, 'oversight-patrol-form-phone');
    const saved = page.waitForResponse((r) => r.url().endsWith('/patrol-records'));
    await form.getByRole('button', { name: '保存巡查记录' }).click();
    expect((await saved).status()).toBe(201);
    const item = page.locator('.ant-list-item', { hasText: '洪家楼北路 9 号门前' });
    const thumb = item.locator('img.wj-patrol-thumb');
    await thumb.waitFor(WAIT);
    await expect.poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth), WAIT).toBe(1);
    await item.scrollIntoViewIfNeeded();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'oversight-patrol-phone');
    expect(afterSignIn(errors).filter((e) => !e.includes('415'))).toEqual([]);
  });

  it('downloads the pilot summary (seed 002) as Word and PDF', async () => {
    const { page, errors } = await newPage(rig);
    await signIn(page, rig.baseUrl, 'lc.sv.leader', '/console/oversight/reports');
    await page.getByLabel('报告类型').click();
    await page.locator('.ant-select-item-option', { hasText: '改革试点工作总结' }).click();
    const word = page.getByRole('link', { name: '下载 Word' });
    await expect.poll(() => word.getAttribute('href'), WAIT).toContain('kind=pilot_summary');
    const href = (await word.getAttribute('href'))!;
    expect(href).toMatch(/from=\d{4}-01-01/);
    const file = await page.request.get(`${rig.baseUrl}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(file.headers()['content-disposition'] ?? '')).toContain('改革试点工作总结');
    const pdf = await page.request.get(`${rig.baseUrl}${href.replace('format=docx', 'format=pdf')}`);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, 'oversight-reports-pilot');
    expect(afterSignIn(errors)).toEqual([]);
  });
});
