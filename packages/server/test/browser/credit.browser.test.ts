/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, emit, insertEstablishment, insertPractitioner } from '../credit-helpers.js';
import { TEST_PASSWORD } from '../support/app.js';
import { signInAs } from '../support/session.js';
import { type BrowserRig, browserAvailable, newPage, PHONE, screenshot, startRig } from './browser.js';

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

/** A drawer slides in: wait until its panel stands against the right edge before a screenshot. */
async function drawerSettled(page: Page) {
  const panel = page.locator('.ant-drawer-content-wrapper').last();
  await expect
    .poll(async () => {
      const box = await panel.boundingBox();
      return box ? Math.round(box.x + box.width) : -1;
    }, WAIT)
    .toBe(page.viewportSize()!.width);
}

/** Nothing wider than the screen: the page itself never scrolls sideways. */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

interface Profile {
  risk: { score: number; parts: { code: string; points: number; reasons: { points: number }[] }[] };
  mode: { inspectionsPerYear: number };
}

describe.skipIf(!browserAvailable)('credit and risk console in the browser', () => {
  let rig: BrowserRig;
  let page: Page;
  let errors: string[];
  let dental: { id: number };
  let revoked: { id: number };
  let doctor: number;

  beforeAll(async () => {
    rig = await startRig();
    const t = rig.t;
    // A dental clinic with a clean inspection, then a general penalty (points) and three
    // substantiated complaints (a warning); a second clinic whose licence was revoked (blacklisted).
    dental = await insertEstablishment(t, { name: '历城区信用口腔诊所', category: 'D215', subjects: ['12'] });
    revoked = await insertEstablishment(t, { name: '历城区吊销测试诊所' });
    await emit(t, 'inspection.inspection.completed', 'establishment', dental.id, {
      inspectionId: 901,
      campaignId: 77,
      taskKind: 'draw',
      inspectedOn: '2026-01-15',
      outcome: 'compliant',
      nonCompliantItems: [],
      departments: ['supervision'],
    });
    const penalty = (establishmentId: number, caseId: string, severity: string, licenceRevoked: boolean) =>
      emit(t, 'enforcement.penalty.decided', 'case', caseId, {
        caseId,
        establishmentId,
        practitionerId: null,
        severity,
        kinds: licenceRevoked ? ['fine', 'licence_revoked'] : ['fine'],
        fineAmount: 20_000,
        licenceRevoked,
        decidedOn: day(t),
        violationCode: 'unqualified_staff',
        basis: { zh: '《医疗机构管理条例》第四十八条', en: 'Regulation on Medical Institutions art. 48' },
      });
    await penalty(dental.id, 'C-2026-0101', 'general', false);
    await penalty(revoked.id, 'C-2026-0102', 'serious', true);
    for (const n of [1, 2, 3]) {
      await emit(t, 'enforcement.complaint.substantiated', 'complaint', 700 + n, {
        complaintId: 700 + n,
        establishmentId: dental.id,
        practitionerId: null,
        on: day(t),
      });
    }
    doctor = await insertPractitioner(t, dental.id, '李信用', '110370112009001');
    ({ page, errors } = await newPage(rig));
    await signIn(page, rig.baseUrl, '/console/credit/establishments', 'lc.sv.leader');
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('lists establishments by risk with the distribution, and opens a credit file with its risk explained', async () => {
    await expect.poll(() => bodyText(page), WAIT).toContain('历城区信用口腔诊所');
    // The distribution counts every establishment of the area once.
    const counts = await page.locator('.wj-risk-dist .wj-count').allInnerTexts();
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(2);
    await shoot(page, 'credit-risk-list');

    await page.getByRole('link', { name: '历城区信用口腔诊所' }).first().click();
    await page.waitForURL(new RegExp(`/console/credit/establishments/${dental.id}$`), WAIT);
    const breakdown = page.getByTestId('risk-breakdown');
    await breakdown.waitFor(WAIT);

    // What the page shows is what the server computed: every part, and the sum check.
    const s = await signInAs(rig.t, 'lc.sv.leader');
    const res = await rig.t.app.inject({
      method: 'GET',
      url: `/api/v1/credit/establishments/${dental.id}`,
      headers: s.headers,
    });
    const p = res.json() as Profile;
    const sum = Math.round(p.risk.parts.reduce((a, x) => a + x.points, 0) * 10) / 10;
    expect(sum).toBe(p.risk.score);
    for (const part of p.risk.parts) {
      const reasons = Math.round(part.reasons.reduce((a, r) => a + r.points, 0) * 10) / 10;
      expect(reasons).toBe(part.points);
    }
    expect(await page.getByTestId('risk-sum').innerText()).toBe(
      `合计 ${sum} 分 = 风险评分 ${p.risk.score} 分`,
    );
    const shown = await breakdown.innerText();
    for (const code of ['INH.KIND.medical', 'PEN.general', 'DMR.points', 'CMP.excess'])
      expect(shown).toContain(code);
    expect(shown).toContain('检查人员身份从不作为评分因素');
    // The mode and the frequency it sets; the points with the act and the article.
    expect(await page.getByTestId('mode').innerText()).toContain(
      `每年现场检查 ${p.mode.inspectionsPerYear} 次`,
    );
    const demerits = await page.getByTestId('demerits').innerText();
    expect(demerits).toContain('使用非卫生技术人员从事医疗卫生技术工作');
    expect(demerits).toContain('医疗机构管理条例');
    expect(await page.getByTestId('entries').innerText()).toContain('enforcement/case/C-2026-0101');
    await shoot(page, 'credit-file');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect
      .poll(() => page.getByTestId('risk-sum').innerText(), WAIT)
      .toBe(`Total ${sum} points = risk score ${p.risk.score}`);
    await shoot(page, 'credit-file-en');
    await page.getByRole('button', { name: '切换为中文' }).click();
    await expect.poll(() => page.getByTestId('risk-sum').innerText(), WAIT).toContain('合计');
  });

  it('handles a warning to closure: assign, check, dispose', async () => {
    await page.getByRole('link', { name: '风险预警' }).first().click();
    await page.waitForURL(/\/console\/credit\/alerts$/, WAIT);
    await expect.poll(() => bodyText(page), WAIT).toContain('历城区信用口腔诊所');
    await shoot(page, 'credit-alerts');
    await page.locator('.ant-table-row .wj-link-button').first().click();
    const detail = page.getByTestId('alert-detail');
    await detail.waitFor(WAIT);
    // A leader may also hand it to an inspector of the unit.
    expect(await detail.getByLabel('分派给执法人员').count()).toBe(1);
    await detail.getByRole('button', { name: '分派给我' }).click();
    await detail.getByLabel('核查情况').waitFor(WAIT);
    await detail.getByLabel('核查情况').fill('现场核查，三起投诉均属实，涉及超范围执业');
    await detail.getByRole('button', { name: /提\s*交/ }).click();
    await detail.getByLabel('处置情况').waitFor(WAIT);
    await detail.getByLabel('处置情况').fill('已责令停止超范围执业，核查后办结');
    await detail.getByRole('button', { name: /提\s*交/ }).click();
    // 已处置 shows only once the disposal is saved (the form's default choice reads 核查后办结 before).
    await expect.poll(() => detail.innerText(), WAIT).toContain('已处置');
    const text = await detail.innerText();
    expect(text).toContain('核查后办结：已责令停止超范围执业');
    expect(await detail.getByRole('button', { name: /提\s*交/ }).count()).toBe(0);
    expect(text).toContain('lc.sv.leader');
    await drawerSettled(page);
    await shoot(page, 'credit-alert-handled');
    await page.keyboard.press('Escape');
    // Handled warnings leave the to-do view and appear under 已处置.
    await expect.poll(() => page.locator('.ant-table-row').count(), WAIT).toBe(0);
    await page.getByText('已处置', { exact: true }).click();
    await expect.poll(() => page.locator('.ant-table-row').count(), WAIT).toBe(1);
  });

  it('shows the blacklist with the legal basis and joint punishments, and proposes a listing another officer approves', async () => {
    await page.getByRole('link', { name: '黑名单' }).first().click();
    await page.waitForURL(/\/console\/credit\/blacklist$/, WAIT);
    await expect.poll(() => bodyText(page), WAIT).toContain('历城区吊销测试诊所');
    await page.getByRole('button', { name: '历城区吊销测试诊所' }).click();
    const drawer = page.getByTestId('listing-detail');
    await expect.poll(() => drawer.innerText(), WAIT).toContain('联合惩戒');
    expect(await drawer.innerText()).toContain('enforcement/case/C-2026-0102');
    expect(await drawer.getByRole('button', { name: '提议移出黑名单' }).count()).toBe(1);
    await drawerSettled(page);
    await shoot(page, 'credit-blacklist');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: '列入黑名单' }).click();
    const modal = page.getByRole('dialog', { name: '列入黑名单' });
    expect(await modal.innerText()).toContain('另一名具有审核权限的人员批准后才生效');
    await modal.getByLabel('监管对象').click();
    await page.keyboard.type('口腔');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '历城区信用口腔诊所',
      })
      .first()
      .click();
    await modal.getByLabel('列入规则').click();
    // The establishment's drop-down may still be closing: pick the rule by its name.
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '被吊销执业许可证',
      })
      .first()
      .click();
    await modal.getByLabel('理由').fill('经查实存在严重失信行为，依规列入');
    await modal.getByLabel('来源记录编号').fill('C-2026-0101');
    const proposed = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/credit/blacklist/proposals') && r.request().method() === 'POST',
      WAIT,
    );
    await modal.getByRole('button', { name: '提交列入提议' }).click();
    expect((await proposed).status()).toBe(201);
    // Proposed, not listed: still one listing.
    await expect.poll(() => page.locator('.ant-table-row').count(), WAIT).toBe(1);

    // The proposer sees the notice and records the subject's defence, but cannot decide.
    await page.locator('.ant-segmented-item', { hasText: '提议审核' }).click();
    const card = page.locator('[data-testid^="proposal-"]').first();
    await expect.poll(() => card.innerText(), WAIT).toContain('这是你提出的提议');
    expect(await card.getByRole('button', { name: /批\s*准/ }).count()).toBe(0);
    await card.getByLabel('陈述申辩内容').fill('当事人称已整改，请求从轻');
    const defended = page.waitForResponse((r) => /\/proposals\/\d+\/defence$/.test(r.url()), WAIT);
    await card.getByRole('button', { name: '记录陈述申辩' }).click();
    expect((await defended).status()).toBe(200);
    await expect.poll(() => card.innerText(), WAIT).toContain('已陈述申辩');
    expect(await card.innerText()).toContain('lc.sv.leader 于');
    await shoot(page, 'credit-proposal-own');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => card.innerText(), WAIT).toContain('Defence stated');
    expect(await card.innerText()).toContain('another officer with the approval permission must decide it');
    await shoot(page, 'credit-proposal-own-en');
    await page.getByRole('button', { name: '切换为中文' }).click();
    await expect.poll(() => card.innerText(), WAIT).toContain('已陈述申辩');

    // Another officer approves: only now is the subject listed.
    const other = await newPage(rig);
    await signIn(other.page, rig.baseUrl, '/console/credit/blacklist', 'lc.leader');
    await other.page.locator('.ant-segmented-item', { hasText: '提议审核' }).click();
    const theirs = other.page.locator('[data-testid^="proposal-"]').first();
    await theirs.getByLabel('审核意见').fill('申辩理由不成立，同意列入');
    const decided = other.page.waitForResponse((r) => /\/proposals\/\d+\/decide$/.test(r.url()), WAIT);
    await theirs.getByRole('button', { name: /批\s*准/ }).click();
    expect((await decided).status()).toBe(200);
    await other.page.locator('.ant-radio-button-wrapper', { hasText: '已批准' }).click();
    await expect
      .poll(() => other.page.locator('[data-testid^="proposal-"]').first().innerText(), WAIT)
      .toContain('审核：申辩理由不成立');
    await shoot(other.page, 'credit-proposal-approved');
    await other.page.locator('.ant-segmented-item', { hasText: '在列' }).click();
    await expect.poll(() => other.page.locator('.ant-table-row').count(), WAIT).toBe(2);
    expect(other.errors.filter((e) => !/\b401\b/.test(e))).toEqual([]);
    await other.page.close();
  });

  it('previews other cut-points on the rules page with the area’s current scores', async () => {
    await page.getByRole('link', { name: '信用风险规则' }).first().click();
    await page.waitForURL(/\/console\/credit\/rules$/, WAIT);
    const whatIf = page.getByTestId('what-if');
    await expect.poll(() => whatIf.innerText(), WAIT).toContain('按 2 个对象的当前评分计算');
    const rows = () => whatIf.locator('tbody tr').allInnerTexts();
    const cells = async () => (await rows()).map((r) => r.split(/\s+/).slice(1).map(Number));
    // Both establishments score between 35 and 90 (high or severe now): a severe cut-point of 90
    // moves every severe one to high in the preview.
    const now = await cells();
    expect(now[2]![0]! + now[3]![0]!).toBe(2);
    await page.getByLabel('严重风险起点').fill('90');
    await expect.poll(async () => (await cells()).map((c) => c[1]), WAIT).toEqual([0, 0, 2, 0]);
    await shoot(page, 'credit-rules');
  });

  it('fits a phone: the list becomes cards, the credit file does not overflow', async () => {
    const phone = await newPage(rig, PHONE);
    await signIn(phone.page, rig.baseUrl, '/console/credit/establishments', 'lc.sv.leader');
    await expect.poll(() => phone.page.locator('.wj-cards li').count(), WAIT).toBe(2);
    expect(await overflow(phone.page)).toBeLessThanOrEqual(0);
    await shoot(phone.page, 'credit-risk-list-phone');
    await phone.page.goto(`${rig.baseUrl}/console/credit/establishments/${dental.id}`);
    await phone.page.getByTestId('risk-breakdown').waitFor(WAIT);
    expect(await overflow(phone.page)).toBeLessThanOrEqual(0);
    await shoot(phone.page, 'credit-file-phone');
    await phone.page.goto(`${rig.baseUrl}/console/credit/alerts`);
    await expect.poll(() => bodyText(phone.page), WAIT).toContain('风险预警');
    await phone.page.getByText('已处置', { exact: true }).click();
    await expect.poll(() => phone.page.locator('.wj-cards li').count(), WAIT).toBe(1);
    expect(await overflow(phone.page)).toBeLessThanOrEqual(0);
    await shoot(phone.page, 'credit-alerts-phone');
    // The one console error allowed: the 401 of /auth/me before signing in.
    expect(phone.errors.filter((e) => !/\b401\b/.test(e))).toEqual([]);
  });

  it('links a practitioner’s registry page to their credit file', async () => {
    await page.goto(`${rig.baseUrl}/console/registry/practitioners/${doctor}`);
    await page.getByRole('link', { name: '查看信用档案与不良执业行为记分' }).click();
    await page.waitForURL(new RegExp(`/console/credit/establishments/practitioners/${doctor}$`), WAIT);
    // The credit file (lazy page, then its data): the credit level card under the practitioner's name.
    await page.getByTestId('credit-level').waitFor(WAIT);
    expect(await page.locator('h1').innerText()).toContain('李信用');
  });

  it('overrides the risk level with a reason and a term, shown in the explanation', async () => {
    await page.goto(`${rig.baseUrl}/console/credit/establishments/${dental.id}`);
    await page.getByTestId('risk-breakdown').waitFor(WAIT);
    await page.getByRole('button', { name: '人工调整' }).click();
    const ov = page.getByRole('dialog', { name: '人工调整等级或监管方式' });
    await ov.getByLabel('调整为').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '低风险',
      })
      .click();
    const until = `${Number(day(rig.t).slice(0, 4)) + 1}-06-30`;
    await ov.getByLabel('有效期至（不填则至撤销为止）').fill(until);
    await ov.getByLabel('理由').fill('已完成整改并经复查，暂按低风险管理');
    const saved = page.waitForResponse((r) => /\/establishments\/\d+\/overrides$/.test(r.url()), WAIT);
    await ov.getByRole('button', { name: /提\s*交/ }).click();
    expect((await saved).status()).toBe(201);
    // The explanation says who, why and until when.
    await expect
      .poll(() => page.getByTestId('risk-breakdown').innerText(), WAIT)
      .toContain(`有效期至 ${until}`);
    expect(await page.getByTestId('risk-breakdown').innerText()).toContain('已完成整改并经复查');
    expect(await page.getByTestId('overrides').innerText()).toContain('风险等级');
  });

  it('lets an inspector record and revoke points and grade a dental clinic with the scoring sheet', async () => {
    // Points for a behaviour of the catalogue, from the inspection already in the file, then revoked.
    const insp = await newPage(rig);
    const page = insp.page;
    await signIn(page, rig.baseUrl, `/console/credit/establishments/${dental.id}`, 'lc.inspector1');
    const demerits = page.getByTestId('demerits');
    await expect.poll(() => demerits.innerText(), WAIT).toContain('使用非卫生技术人员');
    const before = (await demerits.locator('.ant-list-item').count()) as number;
    await demerits.getByRole('button', { name: /^记\s*分$/ }).click();
    const dm = page.getByRole('dialog', { name: '记录不良执业行为记分' });
    await dm.getByLabel('记分行为（记分目录）').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .first()
      .click();
    await dm.getByLabel('来源记录编号（须已在信用档案中）').fill('901');
    await dm.getByLabel('查实情况').fill('检查发现医疗废物暂存不规范');
    const recorded = page.waitForResponse(
      (r) => /\/establishments\/\d+\/demerits$/.test(r.url()) && r.request().method() === 'POST',
      WAIT,
    );
    await dm.getByRole('button', { name: /提\s*交/ }).click();
    expect((await recorded).status()).toBe(201);
    await expect.poll(() => demerits.locator('.ant-list-item').count(), WAIT).toBe(before + 1);
    expect(await demerits.innerText()).toContain('inspection/inspection/901');
    await shoot(page, 'credit-file-edited');
    const item = demerits.locator('.ant-list-item', { hasText: 'inspection/inspection/901' });
    await item.getByPlaceholder('撤销理由').fill('复核认定不属于记分情形');
    const revoked = page.waitForResponse((r) => /\/demerits\/\d+\/revoke$/.test(r.url()), WAIT);
    await item.getByRole('button', { name: '撤销记分' }).click();
    expect((await revoked).status()).toBe(200);
    await expect.poll(() => item.innerText(), WAIT).toContain('复核认定不属于记分情形');

    // A dental clinic graded with the scoring sheet: every item scored, the total, the grade.
    const clinic = await insertEstablishment(rig.t, {
      name: '历城区分级口腔诊所',
      category: 'D215',
      flags: ['dental'],
    });
    await page.goto(`${rig.baseUrl}/console/credit/establishments/${clinic.id}`);
    await page.getByRole('button', { name: '量化分级评定' }).click();
    const gr = page.getByRole('dialog', { name: '量化分级评定（评分表）' });
    const inputs = gr.locator('input.ant-input-number-input');
    await expect.poll(() => inputs.count(), WAIT).toBeGreaterThan(3);
    for (const input of await inputs.all()) await input.fill('100');
    await gr.getByLabel('评定说明').click();
    await expect.poll(() => gr.getByTestId('grading-total').innerText(), WAIT).toMatch(/合计 (\d+) \/ \1 分/);
    const graded = page.waitForResponse(
      (r) => /\/establishments\/\d+\/gradings$/.test(r.url()) && r.request().method() === 'POST',
      WAIT,
    );
    await gr.getByRole('button', { name: /提\s*交/ }).click();
    const g = (await (await graded).json()) as { grade: string; total: number };
    expect(g.grade).toBe('A');
    await expect.poll(() => page.getByTestId('gradings').innerText(), WAIT).toContain(`${g.total} 分`);
    await shoot(page, 'credit-grading');
    expect(insp.errors.filter((e) => !/\b401\b/.test(e))).toEqual([]);
    await page.close();
  });

  it('fits a phone: the proposals and the editors', async () => {
    const phone = await newPage(rig, PHONE);
    await signIn(phone.page, rig.baseUrl, '/console/credit/blacklist', 'lc.sv.leader');
    await phone.page.locator('.ant-segmented-item', { hasText: '提议审核' }).click();
    await phone.page.locator('.ant-radio-button-wrapper', { hasText: '已批准' }).click();
    await expect.poll(() => phone.page.locator('[data-testid^="proposal-"]').count(), WAIT).toBe(1);
    expect(await overflow(phone.page)).toBeLessThanOrEqual(0);
    await shoot(phone.page, 'credit-proposals-phone');
    await phone.page.goto(`${rig.baseUrl}/console/credit/establishments/${dental.id}`);
    await phone.page.getByTestId('overrides').waitFor(WAIT);
    await phone.page.getByRole('button', { name: '人工调整' }).click();
    await phone.page.getByRole('dialog', { name: '人工调整等级或监管方式' }).waitFor(WAIT);
    expect(await overflow(phone.page)).toBeLessThanOrEqual(0);
    await shoot(phone.page, 'credit-override-phone');
    expect(phone.errors.filter((e) => !/\b401\b/.test(e))).toEqual([]);
  });

  it('logged no errors in the browser but the 401 of /auth/me before signing in', () => {
    expect(errors.filter((e) => !/\b401\b/.test(e))).toEqual([]);
  });
});
