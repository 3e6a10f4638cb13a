/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oversightSchedules } from '../../src/modules/oversight/schedules.js';
import { TEST_PASSWORD } from '../support/app.js';
import { insertCitySupervisionLeader } from '../support/oversight.js';
import { type BrowserRig, browserAvailable, newPage, PHONE, screenshot, startRig } from './browser.js';

const WAIT = { timeout: 30_000 };

async function signIn(page: Page, baseUrl: string, username: string, path: string) {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL(/\/console\/login/, WAIT);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(new RegExp(path.replace(/[?]/g, '\\?')), WAIT);
}

/**
 * The dashboard once the summary jobs have run (issue 10, "Performance"): a city user's page says
 * when the timeliness figures and the coverage population were counted, and the line fits a phone.
 */
describe.skipIf(!browserAvailable)('oversight summaries in the browser', () => {
  let rig: BrowserRig;
  let city: string;

  beforeAll(async () => {
    rig = await startRig({ registry: 0.04, inspection: true });
    city = await insertCitySupervisionLeader(rig.t);
    for (const job of oversightSchedules) await job.run(rig.t.ctx);
  }, 240_000);

  afterAll(async () => {
    await rig?.close();
  });

  it('says when the summarised figures were counted, on a phone too', async () => {
    const { page, errors } = await newPage(rig, PHONE);
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/oversight/dashboard?'), WAIT);
    await signIn(page, rig.baseUrl, city, '/console/oversight?from=2025-07-01');
    const body = await (await answered).json();
    expect(body.timelinessCountedAt).not.toBeNull();
    const counted = page.getByTestId('oversight-timeliness-counted');
    await counted.waitFor(WAIT);
    expect(await page.getByTestId('oversight-scope').innerText()).toMatch(
      /时效统计于 \d\d-\d\d \d\d:\d\d · 覆盖对象数统计于 \d\d-\d\d \d\d:\d\d（每 15 分钟更新）/,
    );
    await page.locator('.wj-chart svg').first().waitFor(WAIT);
    await page.evaluate(() => window.scrollTo(0, 0));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'oversight-summary-phone');
    expect(errors.filter((e) => !e.includes('401 (Unauthorized)'))).toEqual([]);
  });
});
