/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../support/app.js';
import {
  type Client,
  caseActions,
  demoUser,
  insertEstablishment,
  insertOfficer,
} from '../support/enforcement.js';
import {
  type BrowserRig,
  browserAvailable,
  DESKTOP,
  newPage,
  PHONE,
  screenshot,
  startRig,
} from './browser.js';

const bodyText = (page: Page) => page.locator('body').innerText();
/** Lazy pages, their data and a loaded machine: be patient. */
const WAIT = { timeout: 20_000 };

async function shoot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, `enforcement-${name}`);
}

/** Nothing wider than the screen: the page never scrolls sideways. */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function signIn(rig: BrowserRig, username: string, next: string, viewport = DESKTOP) {
  const { page, errors } = await newPage(rig, viewport);
  await page.goto(`${rig.baseUrl}${next}`);
  await page.waitForURL(/\/console\/login/, WAIT);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(new RegExp(`${next}$`), WAIT);
  return { page, errors };
}

/** Opens an action's dialog by its button, fills the given fields, and confirms. */
async function act(page: Page, action: string, fields: Record<string, string> = {}) {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor(WAIT);
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label).fill(value);
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  return dialog;
}

describe.skipIf(!browserAvailable)('complaints and enforcement in the browser', () => {
  let rig: BrowserRig;
  let inspector: Client;
  let caseId: number;
  let caseNumber: string;

  beforeAll(async () => {
    rig = await startRig();
    const t = rig.t;
    inspector = await demoUser(t, 'lc.inspector1');
    const leader = await demoUser(t, 'lc.sv.leader');
    const clinic = await insertEstablishment(t, { name: '历城区仁和诊所', uscc: '91370112MA3BROW01X' });
    const o1 = await insertOfficer(t, { name: '执法甲', username: 'lc.inspector1' });
    const o2 = await insertOfficer(t, { name: '执法乙', username: 'lc.inspector2' });
    // A case taken through the API to the proposed decision; the browser does legal review and decision.
    const lead = await inspector.post('/enforcement/leads', {
      summary: '仁和诊所使用非卫生技术人员从事医疗卫生技术工作。',
      establishmentId: clinic.id,
    });
    expect(lead.statusCode, lead.body).toBe(201);
    const opened = await inspector.post(`/enforcement/leads/${lead.json().id}/triage`, {
      action: 'open_case',
      expectedVersion: lead.json().version,
      summary: '使用非卫生技术人员从事医疗卫生技术工作',
      officerIds: [o1, o2],
    });
    expect(opened.statusCode, opened.body).toBe(200);
    caseId = opened.json().caseId;
    const step = caseActions();
    const ok = async (who: Client, action: string, body: Record<string, unknown> = {}) => {
      const res = await step(who, caseId, action, body);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      return res.json();
    };
    await ok(leader, 'approve_opening', { opinion: '同意立案' });
    await ok(inspector, 'record_violation', {
      violationCode: 'beyond_registered_scope',
      circumstance: 'serious',
      facts: '经查，当事人超出登记的诊疗科目开展医疗美容项目，违法所得一万二千元。',
      illegalIncome: 12_000,
    });
    await ok(inspector, 'notify', {
      kinds: ['fine', 'revocation'],
      fineAmount: 80_000,
      confiscationAmount: 0,
    });
    await ok(inspector, 'waive_rights', { note: '当事人书面放弃陈述、申辩和听证。' });
    const proposed = await ok(inspector, 'propose_decision', {
      kinds: ['fine', 'revocation'],
      fineAmount: 80_000,
      confiscationAmount: 0,
    });
    expect(proposed.legalReview.required).toBe(true);
    caseNumber = proposed.number;
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('takes a complaint on a phone, anonymous by default or named, and gives the query code once', async () => {
    const { page, errors } = await newPage(rig, PHONE);
    await page.goto(`${rig.baseUrl}/complaints`);
    await expect.poll(() => bodyText(page), WAIT).toContain('举报人身份信息加密保存');
    await shoot(page, 'complaint-form-phone');
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    await page.getByText('实名举报').click();
    await page.getByLabel('您的姓名').fill('王举报');
    await page.getByLabel('联系电话').fill('13900001111');
    // Where it happened: one list per level, each filled once the level above is chosen.
    for (const [level, name] of [
      ['省（自治区、直辖市）', '山东省'],
      ['市（地区、州）', '济南市'],
      ['县（市、区）', '历城区'],
    ] as const) {
      await page.getByLabel(level, { exact: true }).selectOption({ label: name }, WAIT);
    }
    await page.getByLabel('被举报单位名称').fill('历城区仁和诊所');
    // Markup in a text field is stored and shown as text.
    await page
      .getByLabel('情况描述')
      .fill('仁和诊所让没有执业证书的人给病人输液，<script>alert(1)</script> 已经好几个月了。');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await expect.poll(() => bodyText(page), WAIT).toContain('已收到您的投诉举报');
    const code = (await page.getByTestId('query-code').innerText()).trim();
    expect(code.length).toBeGreaterThanOrEqual(8);
    const text = await bodyText(page);
    expect(text).toContain('历城区卫生健康监督所');
    expect(text).not.toContain('王举报');
    await shoot(page, 'complaint-received-phone');
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    // The handling unit accepts it with a public note and an internal one.
    const inbox = (await inspector.get('/enforcement/complaints')).json();
    const complaint = inbox.items.find((c: { establishmentText: string }) =>
      c.establishmentText.includes('仁和诊所'),
    );
    expect(complaint).toBeDefined();
    const accepted = await inspector.post(`/enforcement/complaints/${complaint.id}/actions`, {
      action: 'accept',
      expectedVersion: complaint.version,
      publicNote: '已受理，将派执法人员现场核查。',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    await inspector.post(`/enforcement/complaints/${complaint.id}/notes`, {
      visibility: 'internal',
      text: '内部：举报人王某，电话回访时间待定。',
    });

    // The tracking page: from the receipt (the code travels in the router's state), public notes only.
    await page.getByRole('button', { name: '查询办理进度' }).click();
    await page.waitForURL(/\/complaints\/track$/, WAIT);
    const tracking = page.getByTestId('tracking');
    await expect.poll(() => tracking.innerText(), WAIT).toContain('已受理');
    const shown = await tracking.innerText();
    expect(shown).toContain('已受理，将派执法人员现场核查。');
    expect(shown).not.toContain('内部');
    expect(shown).not.toContain('王举报');
    await shoot(page, 'complaint-track-phone');
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    // A wrong code: a clear message, nothing shown.
    await page.getByLabel('查询码').fill('WRONG-CODE-0000');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(() => page.getByRole('alert').count(), WAIT).toBeGreaterThan(0);
    expect(errors.filter((e) => !/40[04]/.test(e))).toEqual([]);
  });

  it('shows the complaint in the handling unit’s inbox with its deadline, the markup as text, and proposes a case from its lead', async () => {
    const { page } = await signIn(rig, 'lc.inspector1', '/console/enforcement/complaints');
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), WAIT).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.ant-table-tbody').innerText()).toContain('历城区仁和诊所');
    await shoot(page, 'complaints-inbox');
    await rows.first().getByRole('link').first().click();
    await expect.poll(() => bodyText(page), WAIT).toContain('<script>alert(1)</script>');
    expect(await page.locator('script:has-text("alert(1)")').count()).toBe(0);
    await shoot(page, 'complaint');

    // Accepting made a lead: the officer proposes a case from it with two roster officers.
    await page.getByRole('link', { name: /^XS/ }).click();
    await page.waitForURL(/\/console\/enforcement\/leads\/\d+$/, WAIT);
    await page.getByRole('button', { name: '提请立案', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('案由').fill('使用非卫生技术人员从事医疗卫生技术工作（举报）');
    await dialog.getByLabel('执法人员（至少两名）').click();
    for (const name of ['执法甲', '执法乙']) {
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
          hasText: name,
        })
        .first()
        .click();
    }
    await page.keyboard.press('Escape');
    if ((await dialog.getByLabel('当事人名称（姓名）').count()) > 0) {
      await dialog.getByLabel('当事人类型').click();
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
          hasText: '法人及非法人组织',
        })
        .first()
        .click();
      await dialog.getByLabel('当事人名称（姓名）').fill('历城区仁和诊所');
    }
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.waitForURL(/\/console\/enforcement\/cases\/\d+$/, WAIT);
    await expect.poll(() => bodyText(page), WAIT).toContain('立案待审批');
    await shoot(page, 'case-proposed-from-lead');
    await page.context().close();
  });

  it('refuses a decision without the legal review, then takes the case through legal review to the decision', async () => {
    const path = `/console/enforcement/cases/${caseId}`;
    const leader = await signIn(rig, 'lc.sv.leader', path);
    await expect.poll(() => bodyText(leader.page), WAIT).toContain('须经法制审核');
    await shoot(leader.page, 'case-proposed');
    const refused = await act(leader.page, '作出行政处罚决定');
    await expect.poll(() => refused.getByRole('alert').innerText(), WAIT).toContain('法制审核');
    await screenshot(leader.page, 'enforcement-case-decision-refused');
    await refused.getByRole('button', { name: /取\s*消/ }).click();

    // The handling officer submits it for legal review.
    const officer = await signIn(rig, 'lc.inspector1', path);
    await act(officer.page, '提交法制审核');
    await expect.poll(() => bodyText(officer.page), WAIT).toContain('法制审核中');
    await officer.page.context().close();

    // The legal reviewer, who did not handle the case, passes it.
    const legal = await signIn(rig, 'lc.legal', path);
    await act(legal.page, '法制审核通过', { 意见: '事实清楚，证据确凿，适用依据正确，程序合法，处罚适当。' });
    await expect.poll(() => legal.page.getByTestId('legal-review').innerText(), WAIT).toContain('审核通过');
    await shoot(legal.page, 'case-legal-review');
    await legal.page.context().close();

    // The leader decides: the decision number, the documents and the intact record chain.
    await leader.page.reload();
    await act(leader.page, '作出行政处罚决定');
    await expect.poll(() => leader.page.getByTestId('decision').innerText(), WAIT).toContain('罚决');
    const decision = await leader.page.getByTestId('decision').innerText();
    expect(decision).toContain('吊销许可证件');
    const documents = leader.page.getByTestId('documents');
    expect(await documents.innerText()).toContain('行政处罚决定书');
    const word = documents.getByRole('link', { name: 'Word' }).last();
    expect(await word.getAttribute('href')).toBe(
      `/api/v1/enforcement/cases/${caseId}/documents/decision?format=docx`,
    );
    await expect
      .poll(() => leader.page.getByTestId('record-status').innerText(), WAIT)
      .toContain('哈希链校验通过');
    const timeline = await bodyText(leader.page);
    for (const step of ['提请立案', '批准立案', '法制审核通过', '作出行政处罚决定'])
      expect(timeline).toContain(step);
    expect(timeline).toContain(caseNumber);
    await shoot(leader.page, 'case-decided');

    // The Word file downloads with the session.
    const docx = await leader.page.request.get(
      `${rig.baseUrl}/api/v1/enforcement/cases/${caseId}/documents/decision?format=docx`,
    );
    expect(docx.status()).toBe(200);
    expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
    // 401 before signing in (the session check), 422 from the refused decision: both expected.
    expect(leader.errors.filter((e) => !/\b(401|422)\b/.test(e))).toEqual([]);
  });

  it('lists the cases as cards on a phone, and the case page fits the screen', async () => {
    const { page } = await signIn(rig, 'lc.inspector1', '/console/enforcement/cases', PHONE);
    const cards = page.locator('.wj-cards .ant-card');
    await expect.poll(() => cards.count(), WAIT).toBe(2);
    expect(await cards.first().innerText()).toContain('历城区仁和诊所');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shoot(page, 'cases-phone');
    await cards.first().getByRole('link').first().click();
    await expect.poll(() => bodyText(page), WAIT).toContain('执法全过程记录');
    await expect.poll(() => page.getByTestId('record-status').innerText(), WAIT).toContain('哈希链校验通过');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shoot(page, 'case-phone');
  });
});
