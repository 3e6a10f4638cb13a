/// <reference lib="dom" />
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../support/app.js';
import {
  type Client,
  caseActions,
  demoUser,
  insertEstablishment,
  insertOfficer,
  TINY_PNG,
} from '../support/enforcement.js';
import {
  type BrowserRig,
  browserAvailable,
  DESKTOP,
  newPage,
  PHONE,
  SCREENSHOTS,
  startRig,
} from './browser.js';

const bodyText = (page: Page) => page.locator('body').innerText();
const WAIT = { timeout: 20_000 };
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
/** antd puts a space between the two characters of a two-character button label. */
const label = (text: string) => new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);

/** A screenshot with antd's motions finished (a dialog fading in, a tag changing colour). */
async function shoot(page: Page, name: string, fullPage = true) {
  await page.evaluate(() => window.scrollTo(0, 0));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({
    path: path.join(SCREENSHOTS, `enforcement-${name}.png`),
    fullPage,
    animations: 'disabled',
  });
}

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

/** Picks an option of the open antd select dropdown. */
async function pick(page: Page, text: string) {
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
      hasText: text,
    })
    .first()
    .click();
}

/**
 * The pages after and around a case decision (issue 8 §3, §6, §9, §1): the leader publishes the
 * pending penalty, the officer refers the case to the police and the police acknowledge it in their
 * own inbox, evidence is uploaded with its hash shown, and a hotline complaint is entered by staff.
 */
describe.skipIf(!browserAvailable)('enforcement follow-up in the browser', () => {
  let rig: BrowserRig;
  let inspector: Client;
  let caseId: number;
  let decisionNo: string;

  beforeAll(async () => {
    rig = await startRig();
    const t = rig.t;
    inspector = await demoUser(t, 'lc.inspector1');
    const leader = await demoUser(t, 'lc.sv.leader');
    const legal = await demoUser(t, 'lc.legal');
    const clinic = await insertEstablishment(t, { name: '历城区安康诊所', uscc: '91370112MA3FOLL01X' });
    const o1 = await insertOfficer(t, { name: '执法甲', username: 'lc.inspector1' });
    const o2 = await insertOfficer(t, { name: '执法乙', username: 'lc.inspector2' });
    const lead = await inspector.post('/enforcement/leads', {
      summary: '安康诊所超出登记的诊疗科目开展医疗美容项目。',
      establishmentId: clinic.id,
    });
    expect(lead.statusCode, lead.body).toBe(201);
    const opened = await inspector.post(`/enforcement/leads/${lead.json().id}/triage`, {
      action: 'open_case',
      expectedVersion: lead.json().version,
      summary: '超出登记的诊疗科目开展诊疗活动',
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
    const terms = { kinds: ['fine', 'revocation'], fineAmount: 80_000, confiscationAmount: 0 };
    await ok(inspector, 'notify', terms);
    await ok(inspector, 'waive_rights', { note: '当事人书面放弃陈述、申辩和听证。' });
    await ok(inspector, 'propose_decision', terms);
    await ok(inspector, 'submit_legal_review');
    await ok(legal, 'approve_legal_review', { opinion: '事实清楚，证据确凿，程序合法，处罚适当。' });
    decisionNo = (await ok(leader, 'decide')).decisionNo;
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('lists the pending publication with its due date, and the leader publishes it', async () => {
    const { page, errors } = await signIn(rig, 'lc.sv.leader', '/console/enforcement/publications');
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: decisionNo });
    await expect.poll(() => row.count(), WAIT).toBe(1);
    expect(await row.innerText()).toContain('待公示');
    expect(await row.innerText()).toContain('历城区安康诊所');
    await shoot(page, 'publications-pending');
    await row.getByRole('button', { name: label('公示') }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: label('确定') })
      .click();
    await expect.poll(() => row.innerText(), WAIT).toContain('公示中');
    expect(await row.getByRole('button', { name: '准予信用修复' }).count()).toBe(1);
    await shoot(page, 'publications-published');
    const shown = await page.request.get(`${rig.baseUrl}/api/v1/public/penalties`);
    expect(JSON.stringify(await shown.json())).toContain(decisionNo);
    expect(errors.filter((e) => !/\b401\b/.test(e))).toEqual([]);
    await page.context().close();

    // On a phone: a card with the display period and the repair buttons, nothing overflowing.
    const phone = await signIn(rig, 'lc.sv.leader', '/console/enforcement/publications', PHONE);
    const card = phone.page.locator('.wj-cards .ant-card');
    await expect.poll(() => card.count(), WAIT).toBe(1);
    expect(await card.innerText()).toContain('公示中');
    expect(await overflow(phone.page)).toBeLessThanOrEqual(0);
    await shoot(phone.page, 'publications-phone');
    await phone.page.context().close();
  });

  it('uploads evidence on the case page and shows the hash the server computed', async () => {
    const { page } = await signIn(rig, 'lc.inspector1', `/console/enforcement/cases/${caseId}`);
    await page.getByRole('button', { name: '上传证据' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('证据说明').fill('诊疗科目公示牌现场照片');
    await dialog.locator('input[type=file]').setInputFiles({
      name: '公示牌.png',
      mimeType: 'image/png',
      buffer: TINY_PNG,
    });
    await dialog.getByRole('button', { name: label('确定') }).click();
    const sha = createHash('sha256').update(TINY_PNG).digest('hex');
    await expect.poll(() => dialog.getByTestId('evidence-stored').innerText(), WAIT).toContain(sha);
    await shoot(page, 'evidence-uploaded', false);
    await dialog.getByRole('button', { name: label('取消') }).click();
    await expect.poll(() => page.getByTestId('evidence').innerText(), WAIT).toContain(sha);
    // The photo shows as a thumbnail made by the server, linked to the original.
    const thumb = page.getByTestId('evidence').locator('img.wj-evidence-thumb').last();
    await expect.poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth), WAIT).toBe(1);
    expect(await thumb.getAttribute('src')).toMatch(/\/evidence\/\d+\?size=thumb$/);
    await shoot(page, 'evidence-listed');
    await page.context().close();
  });

  it('refers the case to the police from the case page; the police acknowledge it in their inbox', async () => {
    const officer = await signIn(rig, 'lc.inspector1', `/console/enforcement/cases/${caseId}`);
    await officer.page.getByRole('button', { name: label('移送') }).click();
    const dialog = officer.page.getByRole('dialog');
    await dialog.getByLabel('接收部门').click();
    await pick(officer.page, '公安');
    await dialog.getByLabel('移送理由').fill('当事人涉嫌非法行医，依法移送公安机关。');
    await dialog.getByLabel('涉嫌犯罪').click();
    await dialog.getByLabel('移送材料').fill('现场检查笔录1份、询问笔录2份');
    await shoot(officer.page, 'referral-form', false);
    await dialog.getByRole('button', { name: label('确定') }).click();
    await expect.poll(() => dialog.count(), WAIT).toBe(0);
    await expect.poll(() => bodyText(officer.page), WAIT).toContain('公安');
    await officer.page.context().close();

    // The police see it among the referrals they received, and acknowledge it with their receipt number.
    const police = await signIn(rig, 'lc.police', '/console/enforcement/referrals');
    const row = police.page.locator('.ant-table-tbody tr.ant-table-row').first();
    await expect.poll(() => row.innerText(), WAIT).toContain('待签收');
    expect(await row.innerText()).toContain('涉嫌犯罪');
    await shoot(police.page, 'referrals-received');
    await row.getByRole('button', { name: label('签收') }).click();
    const ack = police.page.getByRole('dialog');
    await ack.getByLabel('回执编号').fill('历公受〔2026〕8号');
    await ack.getByRole('button', { name: label('确定') }).click();
    await expect.poll(() => row.innerText(), WAIT).toContain('已签收');
    expect(await row.innerText()).toContain('历公受〔2026〕8号');
    await shoot(police.page, 'referrals-acknowledged');
    await police.page.context().close();

    // The same inbox on a phone: cards, nothing overflowing.
    const phone = await signIn(rig, 'lc.police', '/console/enforcement/referrals', PHONE);
    await expect.poll(() => phone.page.locator('.wj-cards .ant-card').count(), WAIT).toBe(1);
    expect(await overflow(phone.page)).toBeLessThanOrEqual(0);
    await shoot(phone.page, 'referrals-phone');
    await phone.page.context().close();

    // The sending unit sees the acknowledgement, and the case's record has it.
    const sent = (await inspector.get('/enforcement/referrals?direction=sent')).json();
    expect(sent.items[0]).toMatchObject({ state: 'acknowledged', receiptNo: '历公受〔2026〕8号', caseId });
    const record = (await inspector.get(`/enforcement/cases/${caseId}/record`)).json();
    expect(record.entries.map((e: { action: string }) => e.action)).toContain('referral_acknowledge');
  });

  it('enters a hotline complaint on behalf of a reporter and gives the query code to read out', async () => {
    const { page } = await signIn(rig, 'lc.inspector1', '/console/enforcement/complaints');
    await page.getByRole('button', { name: '登记热线投诉' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('举报人姓名').fill('李来电');
    await dialog.getByLabel('举报人电话').fill('13800002222');
    await dialog.getByLabel('被举报单位名称').fill('历城区安康诊所');
    await dialog.getByLabel('情况描述').fill('来电反映安康诊所无证人员给病人拔牙，已持续一个月。');
    await dialog.getByRole('button', { name: label('确定') }).click();
    const receipt = page.getByTestId('hotline-receipt');
    await expect.poll(() => receipt.innerText(), WAIT).toContain('查询码');
    await shoot(page, 'hotline-entered', false);
    const inbox = (await inspector.get('/enforcement/complaints')).json();
    expect(inbox.items.some((c: { channel: string }) => c.channel === 'hotline')).toBe(true);
    await page.context().close();
  });

  it('records the re-inspection the closed case left, in English on the re-inspections page', async () => {
    const leader = await demoUser(rig.t, 'lc.sv.leader');
    const step = caseActions();
    const ok = async (who: Client, action: string, body: Record<string, unknown> = {}) => {
      const res = await step(who, caseId, action, body);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      return res.json();
    };
    await ok(inspector, 'serve', { method: 'in_person', recipient: '张负责' });
    await ok(inspector, 'record_payment', { amount: 80_000, receiptNo: 'FS-B01' });
    await ok(inspector, 'record_execution', { note: '已收缴《医疗机构执业许可证》正副本' });
    const closed = await ok(leader, 'close', { report: '罚款已缴清，许可证已吊销，结案。' });
    expect(closed.reinspection.state).toBe('open');

    const { page } = await signIn(rig, 'lc.inspector1', '/console/enforcement/reinspections');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: closed.number });
    await expect.poll(() => row.count(), WAIT).toBe(1);
    await row.getByRole('button', { name: 'Record the re-inspection' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Outcome').click();
    await pick(page, 'Rectified');
    await dialog.getByLabel('Findings').fill('复查时未再开展医疗美容项目，已整改到位。');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await page.getByText('Done', { exact: true }).click();
    await expect.poll(() => row.innerText(), WAIT).toContain('Rectified');
    await shoot(page, 'reinspections-done-en');
    await page.context().close();
  });
});
