/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../support/app.js';
import {
  act,
  type Client,
  insertEstablishment,
  institution,
  LICHENG,
  PDF_BYTES,
  staff,
  uploadRequired,
} from '../support/licensing.js';
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

async function signIn(page: Page, url: string, username: string) {
  await page.goto(url);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** Nothing wider than the screen: the page never scrolls sideways. */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The open modal's OK button (antd renders its label with a space between two characters). */
const confirmModal = (page: Page) =>
  page.locator('.ant-modal-wrap:not([style*="display: none"]) .ant-modal-footer .ant-btn-primary').click();

/**
 * Licensing in the browser: a hotel applies for its public-place hygiene permit by notification and
 * commitment in the institution portal (reads and signs every condition, uploads the materials, the
 * business-licence copy replaced by a lookup, submits); an approver grants it on the spot from the
 * inbox; the hotel downloads its certificate. An approval-mode application is accepted and refused
 * with reasons from the inbox. Phone-size pages do not overflow.
 */
describe.skipIf(!browserAvailable)('licensing in the browser', () => {
  let rig: BrowserRig;
  let dataDir: string;
  let hotelPage: Page;
  let staffPage: Page;
  let errors: string[];
  let applicationId: number;
  let licenseId: number;
  let approvalId: number;
  let approver: Client;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weijian-licensing-browser-'));
    rig = await startRig();
    const t = rig.t;
    // Uploaded materials need a data directory (the rig's app has none); the use cases read it per call.
    (t.ctx.config as { dataDir: string }).dataDir = dataDir;
    const hotel = await insertEstablishment(t, {
      name: '历城区泉城宾馆',
      kind: 'public_place',
      category: 'S101',
      uscc: '91310110666007217T',
    });
    await institution(t, 'hotel.demo', hotel);
    approver = await staff(t, 'br.approver', 'health', LICHENG, ['approver']);
    await staff(t, 'br.inspector', 'supervision', LICHENG, ['inspector']);
    // An approval-mode application, submitted by a marriage-check centre through the API.
    const centre = await insertEstablishment(t, { name: '历城区婚前医学检查中心', category: 'G200' });
    const applicant = await institution(t, 'centre.demo', centre);
    const created = await applicant.post('/licensing/applications', {
      establishmentId: centre,
      permitCode: 'premarital_exam_institution',
    });
    expect(created.statusCode, created.body).toBe(201);
    approvalId = created.json().id;
    await uploadRequired(t, applicant, approvalId);
    expect((await act(applicant, approvalId, 'submit')).statusCode).toBe(200);

    ({ page: hotelPage, errors } = await newPage(rig));
    ({ page: staffPage } = await newPage(rig));
  }, 120_000);

  afterAll(async () => {
    await rig?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('the hotel finds the permit in the catalogue, reads its guide and starts an application', async () => {
    const page = hotelPage;
    await signIn(page, `${rig.baseUrl}/my`, 'hotel.demo');
    await page.locator('.wj-my-nav').getByText('办事指南').click();
    await page.waitForURL(/\/my\/permits$/, WAIT);
    await expect.poll(() => bodyText(page), WAIT).toContain('实行告知承诺');
    await shoot(page, 'licensing-my-catalogue');
    await page.getByRole('link', { name: '公共场所卫生许可' }).first().click();
    await page.waitForURL(/\/my\/permits\/public_place_hygiene/, WAIT);
    await expect.poll(() => bodyText(page), WAIT).toContain('承诺条件');
    await page.getByRole('button', { name: '在线申请' }).click();
    await page.waitForURL(/\/my\/applications\/\d+$/, WAIT);
    applicationId = Number(page.url().split('/').pop());
    await expect.poll(() => bodyText(page), WAIT).toContain('告知承诺书');
  });

  it('signs every condition of the commitment, uploads the materials and submits', async () => {
    const page = hotelPage;
    const sign = page.getByRole('button', { name: '签署承诺书' });
    await page.getByLabel('签署人姓名').fill('李经理');
    // Not every condition acknowledged: the button stays disabled.
    const boxes = page.locator('#commitment .ant-checkbox-input');
    const n = await boxes.count();
    expect(n).toBeGreaterThan(3);
    for (let i = 0; i < n - 1; i++) await boxes.nth(i).check();
    expect(await sign.isDisabled()).toBe(true);
    await boxes.nth(n - 1).check();
    await shoot(page, 'licensing-my-commitment');
    await sign.click();
    await expect.poll(() => bodyText(page), WAIT).toContain('已由 李经理');

    // The business-licence copy is not asked for: the credit code is looked up instead.
    expect(await bodyText(page)).toContain('数据核验');
    const inputs = page.locator('.wj-material input[type=file]');
    const count = await inputs.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      await page
        .locator('.wj-material input[type=file]')
        .nth(i)
        .setInputFiles({ name: `材料${i + 1}.pdf`, mimeType: 'application/pdf', buffer: PDF_BYTES });
      await expect.poll(() => bodyText(page), WAIT).toContain(`材料${i + 1}.pdf`);
    }
    // A file that is not PDF or an image is refused with a clear message.
    await page
      .locator('.wj-material input[type=file]')
      .first()
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('plain text') });
    await expect.poll(() => bodyText(page), WAIT).toMatch(/PDF/);

    await page.getByRole('button', { name: '提交申请' }).click();
    await confirmModal(page);
    await expect.poll(() => bodyText(page), WAIT).toContain('办理时限');
    await page.locator('.ant-modal-mask').waitFor({ state: 'hidden', ...WAIT });
    await shoot(page, 'licensing-my-submitted');
  });

  it('the approver sees it in the inbox with its deadline and grants it after the formal review', async () => {
    const page = staffPage;
    await signIn(page, `${rig.baseUrl}/console/licensing/applications`, 'br.approver');
    await page.waitForURL(/\/console\/licensing\/applications/, WAIT);
    await expect.poll(() => bodyText(page), WAIT).toContain('历城区泉城宾馆');
    await expect.poll(() => bodyText(page), WAIT).toContain('历城区婚前医学检查中心');
    // Sorted by the legal deadline: the commitment, due today, comes before the approval.
    const rows = await page.locator('.ant-table-tbody tr.ant-table-row').allInnerTexts();
    expect(rows[0]).toContain('历城区泉城宾馆');
    await shoot(page, 'licensing-inbox');
    await page.getByRole('link', { name: '历城区泉城宾馆' }).first().click();
    await page.waitForURL(new RegExp(`/console/licensing/applications/${applicationId}$`), WAIT);
    await page.getByRole('button', { name: '准予许可' }).click();
    // The formal review is confirmed before a commitment is granted.
    await confirmModal(page);
    await expect.poll(() => bodyText(page), WAIT).toContain('请确认已完成形式审查');
    await page.getByText('已对申请材料进行形式审查').click();
    await confirmModal(page);
    await expect.poll(() => bodyText(page), WAIT).toContain('查看许可证');
    await page.locator('.ant-modal-mask').waitFor({ state: 'hidden', ...WAIT });
    await shoot(page, 'licensing-application-granted');
    const detail = (await approver.get(`/licensing/applications/${applicationId}`)).json();
    expect(detail).toMatchObject({ state: 'granted' });
    licenseId = detail.licenseId;
    expect(licenseId).toBeGreaterThan(0);
  });

  it('decides an approval-mode application from the inbox: accepts it, then refuses it with reasons', async () => {
    const page = staffPage;
    await page.goto(`${rig.baseUrl}/console/licensing/applications`);
    await page.getByRole('link', { name: '历城区婚前医学检查中心' }).first().click();
    await page.waitForURL(new RegExp(`/console/licensing/applications/${approvalId}$`), WAIT);
    await expect.poll(() => bodyText(page), WAIT).toContain('受理时限');
    await page.getByRole('button', { name: /^受\s*理$/ }).click();
    await confirmModal(page);
    await expect.poll(() => bodyText(page), WAIT).toContain('决定时限');
    await page.getByRole('button', { name: '不予许可' }).click();
    await confirmModal(page);
    await expect.poll(() => bodyText(page), WAIT).toContain('请填写理由');
    await page.getByLabel('理由', { exact: true }).fill('现场核查发现检查用房不符合《婚前保健工作规范》要求');
    await confirmModal(page);
    await expect
      .poll(async () => (await approver.get(`/licensing/applications/${approvalId}`)).json().state, WAIT)
      .toBe('refused');
    await expect.poll(() => bodyText(page), WAIT).toContain('检查用房不符合');
    await page.locator('.ant-modal-mask').waitFor({ state: 'hidden', ...WAIT });
    await shoot(page, 'licensing-application-refused');
  });

  it('the hotel sees its licence and downloads a certificate whose Chinese text renders', async () => {
    const page = hotelPage;
    await page.goto(`${rig.baseUrl}/my/licenses`);
    await expect.poll(() => bodyText(page), WAIT).toContain('公共场所卫生许可证');
    await page.locator(`a[href="/my/licenses/${licenseId}"]`).first().click();
    await page.waitForURL(new RegExp(`/my/licenses/${licenseId}$`), WAIT);
    await expect.poll(() => bodyText(page), WAIT).toContain('下载许可证（PDF）');
    await shoot(page, 'licensing-my-license');
    const href = await page.getByRole('link', { name: '下载许可证（PDF）' }).getAttribute('href');
    const res = await page.request.get(`${rig.baseUrl}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    const pdf = await res.body();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(SCREENSHOTS, 'licensing-certificate.pdf');
    fs.writeFileSync(file, pdf);
    // Rendered to an image for the eye (poppler's pdftoppm), where it is installed.
    try {
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-singlefile',
        file,
        path.join(SCREENSHOTS, 'licensing-certificate'),
      ]);
    } catch {
      // Without poppler the PDF itself is kept.
    }
    fs.rmSync(file);
  });

  it('an inspector verifies the commitment from the inbox and orders rectification with a deadline', async () => {
    const { page } = await newPage(rig);
    await signIn(page, `${rig.baseUrl}/console/licensing/applications`, 'br.inspector');
    await expect.poll(() => bodyText(page), WAIT).toContain('承诺核查');
    await page.getByRole('link', { name: '历城区泉城宾馆' }).first().click();
    // The task has its own page: the supervision unit holds the task, not the licence.
    await page.waitForURL(/\/console\/licensing\/licenses\/task\/\d+$/, WAIT);
    await expect.poll(() => bodyText(page), WAIT).toContain('待核查');
    await page.getByRole('button', { name: '发现不符合承诺条件，责令限期整改' }).click();
    await page.getByLabel('核查情况', { exact: true }).fill('室内空气检测报告显示甲醛超标');
    await page.getByLabel('整改期限', { exact: true }).click();
    await page.getByLabel('整改期限', { exact: true }).fill('2027-01-15');
    await page.keyboard.press('Enter');
    await confirmModal(page);
    await expect.poll(() => bodyText(page), WAIT).toContain('限期整改中');
    await page.locator('.ant-modal-mask').waitFor({ state: 'hidden', ...WAIT });
    await shoot(page, 'licensing-verification');
  });

  it('phone-size pages: the portal application, the inbox and the licence fit 375 px', async () => {
    const { page } = await newPage(rig, PHONE);
    await signIn(page, `${rig.baseUrl}/my/applications/${applicationId}`, 'hotel.demo');
    await expect.poll(() => bodyText(page), WAIT).toContain('办理记录');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shoot(page, 'licensing-my-application-phone');
    await page.goto(`${rig.baseUrl}/my/permits`);
    await expect.poll(() => bodyText(page), WAIT).toContain('公共场所卫生许可');
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    const { page: staffPhone } = await newPage(rig, PHONE);
    await signIn(staffPhone, `${rig.baseUrl}/console/licensing/applications?view=all`, 'br.approver');
    await expect.poll(() => bodyText(staffPhone), WAIT).toContain('历城区泉城宾馆');
    expect(await overflow(staffPhone)).toBeLessThanOrEqual(0);
    await shoot(staffPhone, 'licensing-inbox-phone');
    await staffPhone.goto(`${rig.baseUrl}/console/licensing/licenses/${licenseId}`);
    await expect.poll(() => bodyText(staffPhone), WAIT).toContain('许可证号');
    expect(await overflow(staffPhone)).toBeLessThanOrEqual(0);
    await shoot(staffPhone, 'licensing-license-phone');
    await staffPhone.goto(`${rig.baseUrl}/console/licensing/catalogue`);
    await expect.poll(() => bodyText(staffPhone), WAIT).toContain('诊所');
    expect(await overflow(staffPhone)).toBeLessThanOrEqual(0);
    await shoot(staffPhone, 'licensing-catalogue-phone');
  });

  it('the catalogue page shows the versions, modes and citations of a permit type', async () => {
    const page = staffPage;
    await page.goto(`${rig.baseUrl}/console/licensing/catalogue`);
    await expect.poll(() => bodyText(page), WAIT).toContain('直接取消审批');
    await shoot(page, 'licensing-catalogue');
    await page.goto(`${rig.baseUrl}/console/licensing/catalogue/public_place_hygiene`);
    await expect.poll(() => bodyText(page), WAIT).toContain('第 1 版');
    expect(await bodyText(page)).toContain('设定依据');
    await shoot(page, 'licensing-permit-versions');
    // English is there for every string.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => bodyText(page), WAIT).toContain('Notification and commitment');
    expect(await bodyText(page)).toContain('Legal basis');
    await shoot(page, 'licensing-permit-versions-en');
    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
