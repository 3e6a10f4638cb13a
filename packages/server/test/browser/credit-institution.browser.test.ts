/// <reference lib="dom" />
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, emit, insertEstablishment, institution, staff } from '../credit-helpers.js';
import { TEST_PASSWORD } from '../support/app.js';
import { type BrowserRig, browserAvailable, newPage, PHONE, screenshot, startRig } from './browser.js';

const WAIT = { timeout: 20_000 };
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * The institution's own credit page (/my/credit) on a phone: why it is where it is (mode and
 * frequency, risk parts, credit level, points with the article, the listing and how to repair),
 * without staff names or internal notes.
 */
describe.skipIf(!browserAvailable)('the institution’s own credit page in the browser', () => {
  let rig: BrowserRig;
  let page: Page;
  let errors: string[];
  const NOTE = '内部备注仅限监督人员';
  let clinicId: number;

  beforeAll(async () => {
    rig = await startRig();
    const t = rig.t;
    const clinic = await insertEstablishment(t, { name: '历城区自查信用诊所' });
    clinicId = clinic.id;
    await emit(t, 'inspection.inspection.completed', 'establishment', clinic.id, {
      inspectionId: 951,
      campaignId: 78,
      taskKind: 'draw',
      inspectedOn: '2026-01-15',
      outcome: 'non_compliant',
      nonCompliantItems: ['MW-03'],
      departments: ['supervision'],
    });
    const inspector = await staff(t, 'lc.inspector1');
    const pts = await inspector.post(`/credit/establishments/${clinic.id}/demerits`, {
      behaviourCode: 'I06',
      occurredOn: '2026-01-15',
      source: { type: 'inspection', id: '951' },
      note: NOTE,
    });
    expect(pts.statusCode, pts.body).toBe(201);
    await emit(t, 'enforcement.penalty.decided', 'case', 'C-2026-0201', {
      caseId: 'C-2026-0201',
      establishmentId: clinic.id,
      practitionerId: null,
      severity: 'serious',
      kinds: ['fine', 'licence_revoked'],
      fineAmount: 20_000,
      licenceRevoked: true,
      decidedOn: day(t),
      violationCode: 'unqualified_staff',
      basis: { zh: '《医疗机构管理条例》第四十八条', en: 'Regulation on Medical Institutions art. 48' },
    });
    await institution(t, 'clinic.own', clinic.id);
    ({ page, errors } = await newPage(rig, PHONE));
  }, 120_000);
  afterAll(async () => {
    await rig?.close();
  });

  it('explains the level, risk, mode, points and listing on a phone, in Chinese and English', async () => {
    await page.goto(`${rig.baseUrl}/my/credit`);
    await page.getByLabel('用户名', { exact: true }).fill('clinic.own');
    await page.getByLabel('密码', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    const breakdown = page.getByTestId('risk-breakdown');
    await breakdown.waitFor(WAIT);
    const body = await page.locator('body').innerText();
    expect(body).toContain('本机构信用与风险');
    expect(body).toContain('历城区自查信用诊所');
    for (const code of ['INH.KIND.medical', 'PEN.serious', 'DMR.points']) expect(body).toContain(code);
    expect(body).toContain('监管对象类型：医疗卫生机构'); // the kind by its name, not its code
    expect(await page.getByTestId('mode').innerText()).toMatch(/每年现场检查 \d+ 次/);
    const demerits = await page.getByTestId('demerits').innerText();
    expect(demerits).toContain('医疗废物管理条例');
    const listing = await page.getByTestId('own-listing').innerText();
    expect(listing).toContain('如何申请信用修复');
    expect(listing).toContain('已履行行政处罚等法定义务');
    // Nothing internal: no staff name, no note on the points.
    expect(body).not.toContain('lc.inspector1');
    expect(body).not.toContain(NOTE);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'credit-my-phone');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('body').innerText(), WAIT).toContain('Our credit and risk');
    expect(await page.getByTestId('own-listing').innerText()).toContain('How to apply for credit repair');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'credit-my-phone-en');
    // The portal asks who is signed in before the sign-in form: that 401 is expected.
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });

  it('applies for credit repair once the minimum period has passed', async () => {
    // The minimum period (365 days) has passed: the listing's repair date moved into the past.
    await rig.t.database.db.execute(
      sql`UPDATE credit_blacklist SET repair_from = CURRENT_DATE - 1 WHERE status = 'listed'`,
    );
    await page.getByRole('button', { name: '切换为中文' }).click();
    await page.reload();
    const listing = page.getByTestId('own-listing');
    await expect.poll(() => listing.innerText(), WAIT).toContain('现在可以申请信用修复');
    await listing.getByLabel('修复申请说明').fill('罚款已缴清，已停止使用非卫生技术人员并完成整改');
    for (const c of ['已履行行政处罚等法定义务', '已纠正失信行为、消除不良影响', '已作出信用承诺'])
      await listing.getByRole('checkbox', { name: c }).check();
    await listing.getByRole('button', { name: /提\s*交/ }).click();
    await expect.poll(() => listing.innerText(), WAIT).toContain('待决定');
    expect(await listing.innerText()).toContain('信用修复申请已提交，等待监督部门决定');
    // One pending application at a time: the form is gone.
    expect(await listing.getByLabel('修复申请说明').count()).toBe(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'credit-my-repair-applied');
  });

  it('shows a proposal to list it with the notice, and takes its defence', async () => {
    const inspector = await staff(rig.t, 'lc.inspector1');
    const proposed = await inspector.post('/credit/blacklist/proposals', {
      subjectType: 'establishment',
      subjectId: clinicId,
      ruleCode: 'BL_ILLEGAL_PRACTICE',
      reason: '经查实使用非卫生技术人员从事诊疗活动，情节严重',
      source: { module: 'enforcement', type: 'case', id: 'C-2026-0202' },
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    await page.reload();
    const notices = page.getByTestId('own-notices');
    await expect.poll(() => notices.innerText(), WAIT).toContain('告知与陈述申辩');
    const text = await notices.innerText();
    expect(text).toContain('拟列入');
    expect(text).toContain('陈述、申辩');
    expect(text).not.toContain('lc.inspector1'); // no staff names
    await notices.getByLabel('陈述申辩的事实和理由').fill('涉事人员已取得执业资格，相关证明已提交监督所');
    const sent = page.waitForResponse(
      (r) =>
        r.request().method() === 'POST' &&
        /\/credit\/blacklist\/proposals\/\d+\/defence$/.test(new URL(r.url()).pathname),
      WAIT,
    );
    await notices.getByRole('button', { name: /提\s*交/ }).click();
    expect((await sent).status()).toBeLessThan(300);
    await expect.poll(() => notices.innerText(), WAIT).toContain('已陈述申辩');
    expect(await notices.innerText()).toContain('涉事人员已取得执业资格');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await notices.scrollIntoViewIfNeeded();
    await screenshot(page, 'credit-my-notice-defence');
  });
});
