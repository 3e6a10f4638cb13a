/// <reference lib="dom" />
import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../support/app.js';
import { type BrowserRig, browserAvailable, newPage, PHONE, screenshot, startRig } from './browser.js';

const NEW_PASSWORD = 'Jinan-Weijian-2026!';
const bodyText = (page: Page) => page.locator('body').innerText();
/** Lazy pages and their data may take a moment on a cold browser context. */
const WAIT = { timeout: 15_000 };

/** A full-page screenshot from the top (a scrolled page would show the sticky header mid-way). */
async function shoot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** The visible options of the open antd select drop-down. */
const option = (page: Page, text: string) =>
  page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
      hasText: text,
    })
    .first();

describe.skipIf(!browserAvailable)('identity console in the browser', () => {
  let rig: BrowserRig;
  let admin: Page;
  let errors: string[];

  beforeAll(async () => {
    rig = await startRig();
    // As after an administrator's reset: the demo admin must choose a new password, then (as an
    // administrator) enrol the second factor.
    await rig.t.database.db.execute(
      sql`UPDATE app_user SET must_change_password = true WHERE username = 'admin'`,
    );
    ({ page: admin, errors } = await newPage(rig));
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('sends the admin through onboarding: a new password, then the TOTP second factor', async () => {
    const page = admin;
    await page.goto(`${rig.baseUrl}/console/users`);
    await page.waitForURL(/\/console\/login/);
    await page.getByLabel('用户名', { exact: true }).fill('admin');
    await page.getByLabel('密码', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(/\/console\/onboarding/);
    await expect.poll(() => bodyText(page), WAIT).toContain('等保');

    // The policy is shown before typing; a weak password is refused with each broken rule.
    await expect.poll(() => bodyText(page), WAIT).toContain('至少 10 个字符');
    await page.getByLabel('当前密码').fill(TEST_PASSWORD);
    await page.getByLabel('新密码', { exact: true }).fill('admin12345');
    await page.getByLabel('再次输入新密码').fill('admin12345');
    await page.getByRole('button', { name: '修改密码' }).click();
    await expect.poll(() => bodyText(page), WAIT).toContain('密码不能包含用户名');
    await shoot(page, 'onboarding-password');
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('再次输入新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '修改密码' }).click();

    await page.getByRole('button', { name: '生成二维码' }).click();
    const qr = page.locator('img.wj-qr');
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    const secret = (await page.locator('.wj-secret code').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await shoot(page, 'onboarding-totp');
    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) });
    await page.getByLabel('应用中显示的 6 位动态口令').fill(code);
    await page.getByRole('button', { name: '确认绑定' }).click();
    await expect.poll(() => bodyText(page), WAIT).toContain('设置完成');
    await page.getByRole('button', { name: '进入工作台' }).click();
    await page.waitForURL((url) => url.pathname === '/console');
  });

  it('lists users and creates one, showing the one-time password once', async () => {
    const page = admin;
    await page.getByRole('link', { name: '用户管理' }).click();
    await page.waitForURL(/\/console\/users/);
    await expect.poll(() => bodyText(page), WAIT).toContain('lc.inspector1');
    await shoot(page, 'users');

    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('lc.clerk');
    await dialog.getByLabel('姓名').fill('赵敏');
    await dialog.getByLabel('所属单位').click();
    // A long, virtual list: search narrows it to the unit.
    await page.keyboard.type('历城区卫生健康监督所');
    await option(page, '历城区卫生健康监督所').click();
    await dialog.getByLabel('角色').click();
    await option(page, '监督执法人员').click();
    await dialog.getByText('新建用户', { exact: true }).first().click(); // closes the drop-down
    await dialog.getByLabel('手机号码').fill('13812345678');
    await dialog.getByRole('button', { name: /新建用户/ }).click();

    await expect.poll(() => bodyText(page), WAIT).toContain('用户已创建');
    await expect.poll(() => bodyText(page), WAIT).toContain('只显示这一次');
    const password = await page.locator('.wj-one-time-password').innerText();
    expect(password.trim()).toMatch(/^\S{16}$/);
    await shoot(page, 'users-one-time-password');
    await page.getByRole('button', { name: '我已记下密码' }).click();
    // The list shows the new user with the phone number masked.
    await expect.poll(() => bodyText(page), WAIT).toContain('138****5678');
  });

  it('shows the creation in the audit trail, with its difference', async () => {
    const page = admin;
    await page.getByRole('link', { name: '审计日志' }).click();
    await page.waitForURL(/\/console\/audit/);
    const first = page.locator('.ant-table-tbody tr.ant-table-row').first();
    await expect.poll(() => first.innerText(), WAIT).toContain('identity.user.create');
    expect(await first.innerText()).toContain('新建用户');
    expect(await first.innerText()).toContain('admin');
    // Filtered to the admin's own actions: sign-in, onboarding, the creation; the filter is in the address.
    await page.getByLabel('操作人').fill('admin');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.waitForURL(/actor=admin/);
    await expect.poll(() => bodyText(page), WAIT).not.toContain('identity.unit.create');
    expect(await bodyText(page)).toContain('identity.session.sign-in');
    await first.locator('.ant-table-row-expand-icon').click();
    await expect.poll(() => page.locator('.wj-diff').first().innerText(), WAIT).toContain('lc.clerk');
    expect(await page.locator('.wj-diff').first().innerText()).toContain('138****5678');
    await shoot(page, 'audit');
    expect(await page.getByRole('link', { name: '导出 CSV' }).getAttribute('href')).toBe(
      '/api/v1/audit-events/export?format=csv&actor=admin',
    );
    // The only console errors allowed: the 401 of /auth/me before signing in, the 422 of the weak password.
    expect(errors.filter((e) => !/\b(401|422)\b/.test(e))).toEqual([]);
  });

  it('works on a phone: every identity page fits the screen (lists become cards)', async () => {
    const state = await admin.context().storageState();
    const context = await rig.browser.newContext({
      viewport: PHONE,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      storageState: state,
    });
    const page = await context.newPage();
    for (const [path, text, name] of [
      ['users', '赵敏（lc.clerk）', 'users-phone'],
      ['audit?actor=admin', 'identity.user.create', 'audit-phone'],
      ['roles', '系统管理员', 'roles-phone'],
      ['units', '历城区卫生健康监督所', 'units-phone'],
      ['profile', '退出所有设备', 'profile-phone'],
    ] as const) {
      await page.goto(`${rig.baseUrl}/console/${path}`);
      await expect.poll(() => bodyText(page), WAIT).toContain(text);
      await shoot(page, name);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});
