/// <reference lib="dom" />
import { deflateSync } from 'node:zlib';
import { type DrawRecord, verifyDrawRecord } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../identity-helpers.js';
import {
  addEstablishment,
  addOfficer,
  adminClient,
  type Client,
  jsonClient,
  staffClient,
} from '../support/inspection.js';
import { type BrowserRig, browserAvailable, newPage, PHONE, screenshot, startRig } from './browser.js';

const bodyText = (page: Page) => page.locator('body').innerText();
/** Lazy pages, their data and a loaded machine: be patient. */
const WAIT = { timeout: 20_000 };
const DAY = 86_400_000;
/** A calendar day in China (the platform's days are Beijing days). */
const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** A real PNG of w×h pixels (a grey gradient), so the thumbnail shows a picture. */
function tinyPng(w: number, h: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(4 + body.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 4 + body.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.concat(
    Array.from({ length: h }, (_, y) =>
      Buffer.from([0, ...Array.from({ length: w }, (_, x) => (x * 4 + y * 3) % 256)]),
    ),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function shoot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/**
 * A joint campaign of the health-supervision institute and market regulation (历城区) in the
 * browser: the plan and its forecast, approval by a second leader, the pools frozen with their
 * hashes, the draw with the published source values and its record (verified), the inspection
 * recorded on a phone-sized screen with a finding, a photo and rectification, and publication.
 */
describe.skipIf(!browserAvailable)('random inspections in the browser', () => {
  let rig: BrowserRig;
  let planner: Client;
  let campaignId: number;
  let campaignNo: string;
  let desktop: Page;
  let phone: Page;
  /** Script errors of every page opened. */
  const errors: string[][] = [];

  /** A browser page signed in as the user (the session cookies of an API sign-in). */
  async function pageAs(username: string, viewport?: typeof PHONE): Promise<Page> {
    const { page, errors: e } = await newPage(rig, viewport);
    const s = await signIn(rig.t, username);
    await page.context().addCookies(
      s.cookie.split('; ').map((c) => {
        const [name, value] = c.split('=') as [string, string];
        return { name, value, url: rig.baseUrl };
      }),
    );
    errors.push(e);
    // Name the request behind a server error (the console message does not).
    page.on('response', (r) => {
      if (r.status() >= 500) e.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    return page;
  }

  beforeAll(async () => {
    rig = await startRig();
    const t = rig.t;
    planner = await staffClient(t, 'lc.sup.planner', 'supervision', '370112', ['leader']);
    await staffClient(t, 'lc.sup.head', 'supervision', '370112', ['leader']);
    // The roster: one supervision officer (the signed-in inspector) and two of market regulation,
    // so every team is the inspector and one market officer.
    const admin = await adminClient(t);
    await addOfficer(t, admin, {
      certificateNo: 'SUP-0001',
      name: '张伟',
      department: 'supervision',
      user: 'lc.inspector1',
    });
    await addOfficer(t, admin, {
      certificateNo: 'MKT-0001',
      name: '赵敏',
      department: 'market',
      user: 'lc.market',
    });
    await addOfficer(t, admin, { certificateNo: 'MKT-0002', name: '孙磊', department: 'market' });
    const registrar = jsonClient(t, await signIn(t, 'lc.inspector2'));
    for (let i = 1; i <= 5; i++) {
      await addEstablishment(registrar, {
        name: `历城区第${i}诊所`,
        categoryCode: 'D211',
        regionCode: `370112${String((i % 3) + 1).padStart(3, '0')}`,
      });
    }
    await addEstablishment(registrar, {
      name: '历城区甲口腔诊所',
      categoryCode: 'D215',
      regionCode: '370112001',
    });
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('plans the joint campaign in the form; the server’s messages show on the fields', async () => {
    // The plan, by the institute's planner: day D is tomorrow, the period the next two months.
    const now = Date.now();
    const dayD = chinaDay(new Date(now + DAY));
    const page = await pageAs('lc.sup.planner');
    const pageErrors = errors[errors.length - 1]!;
    await page.goto(`${rig.baseUrl}/console/inspection/campaigns`);
    await page.getByRole('link', { name: '编制抽查计划' }).click();
    await page.waitForURL(/\/console\/inspection\/campaigns\/new$/, WAIT);
    await expect.poll(() => bodyText(page), WAIT).toContain('抽查事项（各部门检查表）');
    await page.getByLabel('计划名称').fill('医疗机构部门联合双随机抽查（浏览器测试）');
    // A second department makes it joint, and adds that department's checklist.
    // Typed and chosen with Enter: steadier than clicking an option while the list opens.
    const departments = page.getByLabel('参与部门');
    await departments.click();
    await departments.pressSequentially('市场监管');
    await page.locator('.ant-select-item-option-active', { hasText: '市场监管' }).waitFor(WAIT);
    await departments.press('Enter');
    await page.keyboard.press('Escape');
    const chosen = page.locator('.ant-select-selection-item', { hasText: '市场监管' });
    await expect.poll(() => chosen.count(), WAIT).toBe(1);
    await expect.poll(() => page.locator('label .ant-tag', { hasText: '联合抽查' }).count(), WAIT).toBe(1);
    const items = page.locator('.wj-plan-items input[type=checkbox]');
    await expect.poll(() => items.count(), WAIT).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < (await items.count()); i++) expect(await items.nth(i).isChecked()).toBe(true);
    await page.getByLabel('检查期开始').fill(dayD);
    await page.getByLabel('检查期结束').fill(chinaDay(new Date(now + 60 * DAY)));
    await page.getByLabel('随机源公布日（D 日）').fill(dayD);
    await page.getByRole('button', { name: '使用 D 日沪深股指收盘点位' }).click();
    expect(await page.getByLabel('第 1 个随机源说明').inputValue()).toBe(
      `上证综指（000001）${dayD} 收盘点位`,
    );

    // Bad input: a ratio above 1 is refused by the server, its message on the field.
    await page.getByText('按风险分层自定').click();
    await page.getByLabel('默认比例').fill('1.5');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => bodyText(page), WAIT).toContain('抽查比例不能大于 1');
    const field = page.locator('.ant-form-item', { has: page.getByLabel('默认比例') });
    expect(await field.innerText()).toContain('抽查比例不能大于 1');
    await shoot(page, 'inspection-plan-form-error');
    // The refused request is the one expected 400 of this page (the browser logs it as an error).
    const expected = pageErrors.filter((m) => m.includes('status of 400'));
    expect(expected).toHaveLength(1);
    pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((m) => !expected.includes(m)));
    // Back to the policy's defaults (key sectors fully covered), and the draft is saved.
    await page.getByText('采用监管政策默认值').click();
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/console\/inspection\/campaigns\/\d+$/, WAIT);
    campaignId = Number(new URL(page.url()).pathname.split('/').pop());
    const c = (await planner.get(`/campaigns/${campaignId}`)).json();
    expect(c).toMatchObject({
      status: 'draft',
      joint: true,
      departments: ['market', 'supervision'],
      randomnessDate: dayD,
      regionCodes: ['370112'],
    });
    expect(c.itemCodes).toEqual(expect.arrayContaining(['medical.supervision', 'medical.market']));
    campaignNo = c.campaignNo;

    // The draft is edited in the same form: the description is kept.
    await page.getByRole('button', { name: /^修\s*改$/ }).click();
    await page.waitForURL(/\/edit$/, WAIT);
    await expect.poll(() => page.getByLabel('计划名称').inputValue(), WAIT).toContain('浏览器测试');
    await page.getByLabel('说明', { exact: true }).fill('进一次门、查多件事');
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.waitForURL(new RegExp(`/console/inspection/campaigns/${campaignId}$`), WAIT);
    expect((await planner.get(`/campaigns/${campaignId}`)).json().description).toBe('进一次门、查多件事');

    // The form on a phone: nothing wider than the screen.
    const small = await pageAs('lc.sup.planner', PHONE);
    await small.goto(`${rig.baseUrl}/console/inspection/campaigns/new`);
    await expect.poll(() => bodyText(small), WAIT).toContain('公开随机源');
    expect(
      await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await shoot(small, 'inspection-plan-form-phone');
    await small.close();
    await page.close();
  });

  it('shows the plan with both departments and the expected inspections; a second leader approves it', async () => {
    desktop = await pageAs('lc.sup.head');
    await desktop.goto(`${rig.baseUrl}/console/inspection/campaigns`);
    await desktop.getByRole('link', { name: '医疗机构部门联合双随机抽查（浏览器测试）' }).click();
    await desktop.waitForURL(new RegExp(`/console/inspection/campaigns/${campaignId}$`), WAIT);
    await expect.poll(() => bodyText(desktop), WAIT).toContain('预计检查');
    // Department names arrive with their own query.
    await expect.poll(() => bodyText(desktop), WAIT).toContain('市场监管');
    const text = await bodyText(desktop);
    expect(text).toContain('联合抽查');
    expect(text).toContain('medical/dental/default/default');
    await shoot(desktop, 'inspection-campaign-plan');

    await desktop.getByRole('button', { name: '批准并公布' }).click();
    // The confirmation itself mentions 随机数承诺, so wait for the server's answer and the new status.
    const approved = desktop.waitForResponse(
      (r) =>
        r.request().method() === 'POST' &&
        new URL(r.url()).pathname.endsWith(`/campaigns/${campaignId}/approve`),
      WAIT,
    );
    await desktop.getByRole('dialog').getByRole('button', { name: '批准并公布' }).click();
    expect((await approved).status(), 'the plan is approved').toBeLessThan(300);
    await expect.poll(() => bodyText(desktop), WAIT).toContain('已批准公布');
    expect(await bodyText(desktop)).toContain('随机数承诺');
  });

  it('freezes the pools before day D and shows their hashes', async () => {
    await desktop.getByRole('button', { name: '封存名录' }).click();
    await desktop.getByRole('dialog').getByRole('button', { name: '封存名录' }).click();
    await expect.poll(() => bodyText(desktop), WAIT).toContain('检查对象名录哈希');
    const c = (await planner.get(`/campaigns/${campaignId}`)).json();
    expect(c.status).toBe('frozen');
    expect(await bodyText(desktop)).toContain(c.draw.poolHash);
  });

  it('draws on day D with the published values; the record it offers verifies', async () => {
    // Day D arrives: the sources are published (the test cannot wait a day on the real clock).
    const today = chinaDay(new Date());
    await rig.t.database.db.execute(
      sql`UPDATE campaign SET randomness_date = ${today}, sources = ${JSON.stringify([
        { id: 'sse-000001-close', description: `上证综指（000001）${today} 收盘点位` },
        { id: 'szse-399001-close', description: `深证成指（399001）${today} 收盘点位` },
      ])}::jsonb WHERE id = ${campaignId}`,
    );
    await desktop.reload();
    await desktop.getByRole('button', { name: /^抽\s*取$/ }).click();
    const dialog = desktop.getByRole('dialog');
    await dialog.getByLabel(/上证综指/).fill('3389.12');
    await dialog.getByLabel(/深证成指/).fill('10853.47');
    await dialog.getByRole('button', { name: /^抽\s*取$/ }).click();
    await expect.poll(() => bodyText(desktop), WAIT).toContain('npx weijian draw verify');
    // The targets with their teams load after the campaign.
    await expect.poll(() => bodyText(desktop), WAIT).toContain('历城区甲口腔诊所');
    const text = await bodyText(desktop);
    expect(text).toContain('已抽取');
    expect(text).toContain('如何复核');
    expect(text).toContain('medical/dental/default/default'); // full coverage of dental clinics
    const href = await desktop.getByRole('link', { name: /下载抽取记录/ }).getAttribute('href');
    expect(href).toBe(`/api/v1/campaigns/${campaignId}/draw-record`);
    const record = (await planner.get(`/campaigns/${campaignId}/draw-record`)).json() as DrawRecord;
    expect(verifyDrawRecord(record)).toMatchObject({ ok: true });
    expect(text).toContain(record.seed);
    for (const target of record.targets) expect(target.team).toHaveLength(2);
    await shoot(desktop, 'inspection-campaign-drawn');
  });

  it('records the inspection on a phone: a finding with a photo orders rectification', async () => {
    phone = await pageAs('lc.inspector1', PHONE);
    await phone.goto(`${rig.baseUrl}/console/inspection/tasks`);
    const cards = phone.locator('.wj-cards > li');
    await expect.poll(() => cards.count(), WAIT).toBeGreaterThan(0);
    await shoot(phone, 'inspection-tasks-phone');
    await cards.first().getByRole('link').click();
    await phone.waitForURL(/\/console\/inspection\/tasks\/\d+$/, WAIT);
    await expect.poll(() => bodyText(phone), WAIT).toContain('提交检查记录');

    // The merged checklist of both departments: the first item fails, the others pass.
    const items = phone.locator('.wj-check-item');
    const n = await items.count();
    expect(n).toBeGreaterThan(3);
    expect(await bodyText(phone)).toContain('市场监管');
    for (let i = 0; i < n; i++) {
      await items
        .nth(i)
        .getByText(i === 0 ? '不符合' : '符合', { exact: true })
        .click();
    }
    const first = items.first();
    await first.getByLabel('情况说明').fill('消毒记录缺失，现场未见消毒登记本');
    await first.locator('input[type=file]').setInputFiles({
      name: 'scene.png',
      mimeType: 'image/png',
      buffer: tinyPng(48, 36),
    });
    await expect.poll(() => first.locator('img.wj-photo-thumb').count(), WAIT).toBe(1);
    await expect
      .poll(
        () => first.locator('img.wj-photo-thumb').evaluate((img: HTMLImageElement) => img.naturalWidth),
        WAIT,
      )
      .toBe(48);
    await phone.getByLabel('整改期限（工作日）').fill('10');

    // Bad input: one officer present is refused before anything is sent.
    const market = phone.getByRole('checkbox', { name: /赵敏|孙磊/ });
    await market.uncheck();
    await phone.getByRole('checkbox', { name: /在场执法人员已核对/ }).check();
    await phone.getByRole('button', { name: '提交检查记录' }).click();
    await expect.poll(() => bodyText(phone), WAIT).toContain('现场执法人员不得少于两人');
    await market.check();

    // Nothing wider than the phone.
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shoot(phone, 'inspection-form-phone');

    await phone.getByRole('button', { name: '提交检查记录' }).click();
    await expect.poll(() => bodyText(phone), WAIT).toContain('责令整改，10 个工作日');
    const text = await bodyText(phone);
    expect(text).toContain('消毒记录缺失');
    expect(text).toContain('发现问题');
    expect(await phone.locator('img.wj-photo-thumb').count()).toBe(1);
    await shoot(phone, 'inspection-result-phone');
  });

  it('publishes the result; the campaign shows its progress and the portal the result', async () => {
    await desktop.reload();
    await desktop.getByRole('button', { name: '公示检查结果' }).click();
    await desktop.getByRole('dialog').getByRole('button', { name: '公示检查结果' }).click();
    await expect
      .poll(async () => (await planner.get(`/campaigns/${campaignId}`)).json().progress.published, WAIT)
      .toBe(1);
    const pub = await rig.t.app.inject({
      method: 'GET',
      url: `/api/v1/public/inspection-results?campaignNo=${campaignNo}`,
    });
    expect(pub.json().total).toBe(1);
    await desktop.reload();
    const published = desktop
      .locator('.ant-statistic', { hasText: '已公示' })
      .locator('.ant-statistic-content-value');
    await expect.poll(() => published.innerText(), WAIT).toBe('1');
    await shoot(desktop, 'inspection-campaign-progress');
    // The campaign page on the inspector's phone: hashes wrap, the strata table scrolls in its card.
    await phone.goto(`${rig.baseUrl}/console/inspection/campaigns/${campaignId}`);
    await expect.poll(() => bodyText(phone), WAIT).toContain('如何复核');
    await expect.poll(() => bodyText(phone), WAIT).toContain('历城区甲口腔诊所');
    expect(
      await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await shoot(phone, 'inspection-campaign-phone');
    // The English interface has every label.
    await desktop.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => bodyText(desktop), WAIT).toContain('How to verify');
    expect(errors.flat()).toEqual([]);
  });

  it('shows the year’s figures: coverage against the target, findings, workloads; on a phone too', async () => {
    const page = await pageAs('lc.sup.head');
    await page.goto(`${rig.baseUrl}/console/inspection/figures`);
    await expect.poll(() => bodyText(page), WAIT).toContain('年度覆盖率');
    // One establishment of six inspected; the findings of the failed item and the officers present.
    await expect.poll(() => bodyText(page), WAIT).toContain('已检查 1 家 / 在营 6 家');
    const text = await bodyText(page);
    expect(text).toContain('张伟');
    expect(text).toContain('各检查项目问题发现率');
    expect(await page.locator('.wj-chart svg').count()).toBe(1);
    await shoot(page, 'inspection-figures');
    const small = await pageAs('lc.sup.head', PHONE);
    await small.goto(`${rig.baseUrl}/console/inspection/figures`);
    await expect.poll(() => bodyText(small), WAIT).toContain('执法人员任务量');
    expect(
      await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await shoot(small, 'inspection-figures-phone');
    expect(errors.flat()).toEqual([]);
  });

  it('records and ends an officer’s conflict of interest from the roster', async () => {
    const page = await pageAs('lc.sup.head');
    await page.goto(`${rig.baseUrl}/console/inspection/inspectors`);
    await page.getByRole('button', { name: '回避 张伟' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText(), WAIT).toContain('未登记回避关系');
    await dialog.getByLabel('回避的机构').fill('第1诊所');
    await page.locator('.ant-select-item-option', { hasText: '历城区第1诊所' }).click();
    await dialog.getByLabel('回避原因').click();
    await page.locator('.ant-select-item-option', { hasText: '曾在该机构任职' }).click();
    await dialog.getByRole('button', { name: '登记回避' }).click();
    await expect.poll(() => dialog.innerText(), WAIT).toContain('回避中');
    expect(await dialog.innerText()).toContain('历城区第1诊所');
    await shoot(page, 'inspection-roster-conflict');
    await dialog.getByRole('button', { name: '结束回避' }).first().click();
    await dialog.getByLabel('结束原因').fill('已离职满三年');
    // The reason's own button (the list item's is the first).
    await dialog.getByRole('button', { name: '结束回避' }).last().click();
    await expect.poll(() => dialog.innerText(), WAIT).toContain('已结束');
    expect(await dialog.innerText()).toContain('已离职满三年');
    expect(errors.flat()).toEqual([]);
  });
});
