/// <reference lib="dom" />
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../../src/db/database.js';
import { signIn, signInAdmin } from '../identity-helpers.js';
import { addOfficer, adminClient } from '../support/inspection.js';
import type { SignedIn } from '../support/session.js';
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
const WAIT = { timeout: 20_000 };

async function workbook(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const s = book.addWorksheet('s');
  for (const r of rows) s.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The editors of "一表" and the roster in the browser: a checklist's next version published (a bad
 * sheet refused with its cells named), an officer added with a certificate term, deactivated, and
 * officers imported from Excel after a check; the roster and the item list on a phone.
 */
describe.skipIf(!browserAvailable)('inspection editors in the browser', () => {
  let rig: BrowserRig;
  let unitName: string;
  const errors: string[][] = [];

  async function pageAs(session: SignedIn, viewport?: typeof PHONE): Promise<Page> {
    const { page, errors: e } = await newPage(rig, viewport);
    await page.context().addCookies(
      session.cookie.split('; ').map((c) => {
        const [name, value] = c.split('=') as [string, string];
        return { name, value, url: rig.baseUrl };
      }),
    );
    errors.push(e);
    page.on('response', (r) => {
      if (r.status() >= 500) e.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    return page;
  }

  beforeAll(async () => {
    rig = await startRig();
    const admin = await adminClient(rig.t);
    await addOfficer(rig.t, admin, { certificateNo: 'ED-0001', name: '张伟', department: 'supervision' });
    const u = await queryOne<{ name: string }>(
      rig.t.database.db,
      sql`SELECT name FROM unit WHERE department_code = 'supervision' AND region_code = '370112' ORDER BY id LIMIT 1`,
    );
    unitName = u!.name;
  });
  afterAll(async () => {
    await rig?.close();
    // The refused sheet's 422 is expected; nothing else may fail.
    expect(errors.flat().filter((e) => !e.includes('status of 422'))).toEqual([]);
  });

  it('publishes the next version of a checklist; a wrong sheet is refused cell by cell', async () => {
    const page = await pageAs(await signInAdmin(rig.t, 'admin'));
    await page.goto(`${rig.baseUrl}/console/inspection/checklists`);
    const first = page.locator('.ant-collapse-header').first();
    await first.waitFor(WAIT);
    const label = await first.innerText();
    const version = Number(/第 (\d+) 版/.exec(label)![1]);
    await first.click();
    await page
      .getByRole('button', { name: /^修\s?改$/ })
      .first()
      .click();
    await expect.poll(() => bodyText(page), WAIT).toContain(`发布第 ${version + 1} 版`);

    // A sheet with a wrong severity and an empty item: the server names each cell.
    const bad = await workbook([
      ['代码', '检查内容', '检查依据', '严重程度'],
      ['X-1', '内容', '依据', '很严重'],
      ['X-2', '', '依据', '一般'],
    ]);
    const refused = page.waitForResponse((r) => r.url().includes('/checklists/import-xlsx'));
    await page
      .locator('.ant-drawer input[type=file]')
      .setInputFiles({ name: 'bad.xlsx', mimeType: XLSX, buffer: bad });
    expect((await refused).status()).toBe(422);
    await expect.poll(() => bodyText(page), WAIT).toContain('第 2 行「严重程度」');
    expect(await bodyText(page)).toContain('第 3 行「检查内容」');

    // A code with a space is refused on the field before anything is sent.
    const code = await page.getByLabel('编号 1').inputValue();
    await page.getByLabel('编号 1').fill('A 1');
    await page.getByRole('button', { name: `发布第 ${version + 1} 版` }).click();
    await expect.poll(() => bodyText(page), WAIT).toContain('编号为 1–40 位字母、数字或符号');
    await page.getByLabel('编号 1').fill(code);
    await page.getByLabel('检查内容 1').fill('执业许可证在有效期内并悬挂于醒目位置（浏览器测试修订）');
    await page.getByLabel('本版修订说明').fill('第 1 项表述更明确');
    await page.locator('.ant-drawer-body').evaluate((el) => el.scrollTo(0, 0));
    await screenshot(page, 'inspection-checklist-editor');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/checklists') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: `发布第 ${version + 1} 版` }).click();
    expect((await saved).status()).toBe(201);
    await expect.poll(() => bodyText(page), WAIT).toContain('（浏览器测试修订）');
    await expect.poll(() => first.innerText(), WAIT).toContain(`第 ${version + 1} 版`);
    await expect.poll(() => bodyText(page), WAIT).toContain('第 1 项表述更明确');

    // The item list: a method changed and published as version 2.
    await page.getByRole('tab', { name: '抽查事项清单' }).click();
    await page.getByRole('button', { name: '修改清单' }).click();
    await page.getByLabel('检查方式 1', { exact: true }).fill('现场检查与书面检查相结合（浏览器测试）');
    await page.getByLabel('本版修订说明').fill('明确检查方式');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENSHOTS}inspection-item-list-editor.png` });
    const put = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/inspection-item-list') && r.request().method() === 'PUT',
    );
    await page.getByRole('button', { name: '发布第 2 版' }).click();
    expect((await put).status()).toBe(200);
    await expect.poll(() => bodyText(page), WAIT).toContain('现场检查与书面检查相结合（浏览器测试）');

    // The supervision-responsibility list: the measures of the first matter, published as version 2.
    await page.getByRole('tab', { name: '监管责任清单' }).click();
    const list = page.getByTestId('responsibility-list');
    await list.waitFor(WAIT);
    await page.getByRole('tabpanel').getByRole('button', { name: '修改清单' }).click();
    await page
      .getByLabel('监管措施 1', { exact: true })
      .fill('双随机抽查、投诉核查与处罚后复查（浏览器测试）');
    await page.getByLabel('本版修订说明').fill('明确监管措施');
    const putResponsibilities = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/supervision-responsibility-list') && r.request().method() === 'PUT',
    );
    await page.getByRole('button', { name: '发布第 2 版' }).click();
    expect((await putResponsibilities).status()).toBe(200);
    await expect
      .poll(() => list.innerText(), WAIT)
      .toContain('双随机抽查、投诉核查与处罚后复查（浏览器测试）');
    await screenshot(page, 'inspection-responsibility-list');
  });

  it('adds an officer with a certificate term, deactivates them, and imports officers from Excel', async () => {
    const page = await pageAs(await signIn(rig.t, 'lc.sv.leader'));
    await page.goto(`${rig.baseUrl}/console/inspection/inspectors`);
    await page.getByRole('button', { name: '登记执法人员' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('执法证号').fill('ED-0100');
    await form.getByLabel('姓名').fill('李娜');
    const unit = form.getByLabel('所属单位');
    await unit.click();
    await unit.pressSequentially(unitName);
    await page.locator('.ant-select-item-option-active', { hasText: unitName }).waitFor(WAIT);
    await unit.press('Enter');
    const date = form.getByLabel('执法证有效期至');
    await date.fill('2020-06-30');
    await date.press('Enter');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/inspectors') && r.request().method() === 'POST',
    );
    await form.getByRole('button', { name: /^保\s?存$/ }).click();
    expect((await created).status()).toBe(201);
    const row = page.locator('tr', { hasText: 'ED-0100' });
    await row.waitFor(WAIT);
    expect(await row.innerText()).toContain('执法证已过期');

    await page.getByRole('button', { name: '停用 李娜' }).click();
    await page.getByLabel('暂不参加的原因').fill('借调');
    const patched = page.waitForResponse(
      (r) => /\/inspectors\/\d+$/.test(r.url()) && r.request().method() === 'PATCH',
    );
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^停\s?用$/ })
      .click();
    expect((await patched).status()).toBe(200);
    await expect.poll(() => row.innerText(), WAIT).toContain('暂不参加：借调');

    await page.getByRole('button', { name: '从 Excel 导入' }).click();
    const sheet = await workbook([
      ['执法证号', '姓名', '所属单位', '执法证有效期至', '专业领域', '可参与抽取', '不可参与原因'],
      ['ED-0200', '王芳', unitName, '2030-12-31', 'medical,radiation', '是', ''],
      ['ED-0001', '张伟', unitName, '2029-01-31', 'medical', '是', ''],
    ]);
    const checked = page.waitForResponse((r) => r.url().includes('/inspectors/import?dryRun=true'));
    await page
      .locator('.ant-modal input[type=file]')
      .setInputFiles({ name: 'roster.xlsx', mimeType: XLSX, buffer: sheet });
    expect((await checked).status()).toBe(200);
    await expect.poll(() => bodyText(page), WAIT).toContain('将新增 1 人、修改 1 人');
    await screenshot(page, 'inspection-roster-import');
    const imported = page.waitForResponse((r) => r.url().includes('/inspectors/import?dryRun=false'));
    await page.getByRole('button', { name: '确认导入' }).click();
    expect((await imported).status()).toBe(200);
    await page.locator('tr', { hasText: 'ED-0200' }).waitFor(WAIT);
    await expect
      .poll(() => page.locator('tr', { hasText: 'ED-0001' }).innerText(), WAIT)
      .toContain('2029-01-31');
    await screenshot(page, 'inspection-roster-editor');
  });

  it('shows the roster and the item list as cards on a phone', async () => {
    const phone = await pageAs(await signIn(rig.t, 'lc.sv.leader'), PHONE);
    await phone.goto(`${rig.baseUrl}/console/inspection/inspectors`);
    await phone.locator('.wj-cards .ant-card', { hasText: 'ED-0200' }).waitFor(WAIT);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(phone, 'inspection-roster-phone');
    await phone.getByRole('button', { name: '登记执法人员' }).click();
    await phone.getByRole('dialog').getByLabel('执法证有效期至').waitFor(WAIT);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // The dialog's opening animation over before the picture.
    await phone.waitForFunction(() => !document.querySelector('[class*="ant-zoom-"]'), undefined, WAIT);
    await phone.screenshot({ path: `${SCREENSHOTS}inspection-roster-form-phone.png` });
    await phone.keyboard.press('Escape');
    await phone.goto(`${rig.baseUrl}/console/inspection/checklists`);
    await phone.getByRole('tab', { name: '抽查事项清单' }).click();
    await phone.locator('.wj-item-list .ant-card').first().waitFor(WAIT);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // The list is long: the first screen is what a phone shows.
    await phone.screenshot({ path: `${SCREENSHOTS}inspection-item-list-phone.png` });
  });
});
