/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../support/app.js';
import { type BrowserRig, browserAvailable, newPage, PHONE, screenshot, startRig } from './browser.js';

describe.skipIf(!browserAvailable)('foundation in the browser', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('shows the public portal home in Chinese with a working deadline calculator', async () => {
    const { page, errors } = await newPage(rig);
    await page.goto(`${rig.baseUrl}/`);
    await expect
      .poll(() => page.locator('body').innerText(), { timeout: 20_000 })
      .toContain('法定期限计算器');
    await page.getByLabel('期限天数').fill('8');
    await page.getByRole('button', { name: /计\s*算/ }).click();
    await expect.poll(() => page.locator('body').innerText(), { timeout: 20_000 }).toContain('期限届满日');
    await screenshot(page, 'portal-home');
    expect(errors).toEqual([]);
  });

  it('shows the console login, signs in and reaches the console', async () => {
    const { page, errors } = await newPage(rig);
    await page.goto(`${rig.baseUrl}/console`);
    await page.waitForURL(/\/console\/login/);
    await page.getByLabel('用户名', { exact: true }).waitFor();
    await screenshot(page, 'console-login');
    await page.getByLabel('用户名', { exact: true }).fill('lc.inspector1');
    await page.getByLabel('密码', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => url.pathname === '/console' || url.pathname === '/console/');
    await expect
      .poll(() => page.locator('body').innerText(), { timeout: 20_000 })
      .toContain('历城区卫生健康监督所');
    await expect.poll(() => page.locator('body').innerText(), { timeout: 20_000 }).toContain('今天');
    await page
      .getByText(/工作日|休息日|节假日/)
      .first()
      .waitFor();
    await screenshot(page, 'console-home');
    // The only console errors allowed: the 401 of /auth/me before signing in.
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
  });

  it('works on a phone', async () => {
    const { page } = await newPage(rig, PHONE);
    await page.goto(`${rig.baseUrl}/`);
    await expect.poll(() => page.locator('body').innerText(), { timeout: 20_000 }).toContain('卫监');
    await screenshot(page, 'portal-home-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
