/// <reference lib="dom" />
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../support/app.js';
import { newUscc, row, XLSX, xlsxBuffer } from '../support/registry-files.js';
import { type SignedIn, signInAs } from '../support/session.js';
import { type BrowserRig, browserAvailable, newPage, PHONE, screenshot, startRig } from './browser.js';

const bodyText = (page: Page) => page.locator('body').innerText();
/** Lazy pages, their data and a loaded machine: be patient. */
const WAIT = { timeout: 20_000 };

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

/** A resident ID number with its GB 11643 check character. */
function residentId(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body17 + '10X98765432'[sum % 11]!;
}

describe.skipIf(!browserAvailable)('registry console in the browser', () => {
  let rig: BrowserRig;
  let admin: Page;
  let errors: string[];
  let secret: string;
  let approver: SignedIn;
  let clinicId: number;
  let hospitalId: number;

  const api = async (method: 'POST' | 'PATCH', url: string, payload: Record<string, unknown>) => {
    const res = await rig.t.app.inject({ method, url: `/api/v1${url}`, headers: approver.headers, payload });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { id: number };
  };

  beforeAll(async () => {
    rig = await startRig();
    // The administrator (the only demo role that may import) enrols the second factor through the API.
    const s = await signInAs(rig.t, 'admin');
    const setup = await rig.t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/second-factor/setup',
      headers: s.headers,
    });
    secret = setup.json().secret;
    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) });
    const confirmed = await rig.t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/second-factor/confirm',
      headers: s.headers,
      payload: { code },
    });
    expect(confirmed.statusCode).toBe(204);

    // A small registry of 历城区, entered by the approval officer: a hospital, a dental clinic (changed
    // once, so it has a history), a public place, and a doctor with a multi-site filing.
    approver = await signInAs(rig.t, 'lc.approver');
    const base = {
      regionCode: '370112001',
      legalRepresentative: '王五',
      ownership: 'private',
      forProfit: true,
      status: 'operating',
    };
    hospitalId = (
      await api('POST', '/establishments', {
        ...base,
        name: '济南洪家楼综合医院',
        uscc: newUscc(),
        categoryCode: 'A100',
        address: '洪家楼南路 6 号',
        contactPhone: '0531-88001122',
        ownership: 'public',
        forProfit: false,
        level: 'level2',
        beds: 320,
        clinicalSubjects: ['03', '04', '12'],
      })
    ).id;
    clinicId = (
      await api('POST', '/establishments', {
        ...base,
        name: '历城区山大路口腔诊所',
        uscc: null,
        categoryCode: 'D215',
        address: '山大路 88 号',
        contactPhone: '13812345678',
        beds: 0,
        clinicalSubjects: ['12'],
      })
    ).id;
    await api('PATCH', `/establishments/${clinicId}`, {
      address: '山大路 90 号',
      beds: 2,
      expectedVersion: 1,
    });
    await api('POST', '/establishments', {
      ...base,
      name: '历城区华山宾馆',
      uscc: newUscc(),
      categoryCode: 'S101',
      address: '华山路 1 号',
      contactPhone: null,
    });
    const doctor = await api('POST', '/practitioners', {
      name: '李医生',
      idNumber: residentId('37011219850101123'),
      profession: 'doctor',
      qualificationCertNo: '200937110370112',
      practisingCertNo: '110370112000777',
      practiceCategory: '2',
      practiceScopes: ['31'],
      titleGrade: 'intermediate',
      primaryEstablishmentId: clinicId,
    });
    await api('POST', `/practitioners/${doctor.id}/multi-site-filings`, {
      siteEstablishmentId: hospitalId,
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      agreementNo: 'DD-2026-008',
    });

    ({ page: admin, errors } = await newPage(rig));
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('signs the administrator in with the one-time code', async () => {
    const page = admin;
    await page.goto(`${rig.baseUrl}/console/registry/import`);
    await page.waitForURL(/\/console\/login/);
    await page.getByLabel('用户名', { exact: true }).fill('admin');
    await page.getByLabel('密码', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    const codeField = page.getByLabel('动态口令');
    await codeField.waitFor(WAIT);
    // The next time step: the confirmation used the current one (replay protection).
    await codeField.fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(/\/console\/registry\/import/, WAIT);
    await expect.poll(() => bodyText(page), WAIT).toContain('下载模板');
  });

  it('imports a spreadsheet: the dry run names the bad row and column; the fixed file commits', async () => {
    const page = admin;
    expect(await page.getByRole('link', { name: /下载模板/ }).getAttribute('href')).toBe(
      '/api/v1/establishments/import-template.xlsx',
    );
    const good = row({ 机构名称: '历城区测试诊所甲', 行政区划代码: '370112001' });
    const fixed = row({ 机构名称: '历城区测试诊所乙', 床位数: 3 });
    const bad = [...fixed];
    bad[9] = -2; // 床位数 (the tenth column) may not be negative
    const upload = async (rows: (typeof good)[], name: string) => {
      await page.locator('input[type=file]').setInputFiles({
        name,
        mimeType: XLSX,
        buffer: await xlsxBuffer(rows),
      });
      await page.getByRole('button', { name: '检查（不写入）' }).click();
    };

    await upload([good, bad], '名录-有错.xlsx');
    const report = page.locator('.wj-import-report');
    await expect.poll(() => report.innerText(), WAIT).toContain('发现 1 处错误');
    const errorRow = report.locator('.ant-table-tbody tr.ant-table-row').first();
    const cells = await errorRow.locator('td').allInnerTexts();
    expect(cells[0]).toBe('3'); // the header is row 1: the second data row is row 3
    expect(cells[1]).toBe('床位数');
    expect(cells[3]).toContain('床位数不能为负数');
    expect(await bodyText(page)).toContain('尚未写入任何数据');
    expect(await page.getByRole('button', { name: /^导入 \d+ 行$/ }).count()).toBe(0);
    await shoot(page, 'registry-import-report');
    // The report speaks the UI's language.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => report.innerText(), WAIT).toContain('Beds cannot be negative: -2');
    await shoot(page, 'registry-import-report-en');
    await page.getByRole('button', { name: '切换为中文' }).click();
    await expect.poll(() => report.innerText(), WAIT).toContain('床位数不能为负数');

    await upload([good, fixed], '名录-已修正.xlsx');
    await expect.poll(() => report.innerText(), WAIT).toContain('检查通过');
    await page.getByRole('button', { name: '导入 2 行' }).click();
    await expect.poll(() => bodyText(page), WAIT).toContain('导入完成');
    expect(await report.innerText()).toMatch(/新增\s*2/);
    await shoot(page, 'registry-import-committed');
  });

  it('searches establishments by part of the name; the filter lives in the address and the export', async () => {
    const page = admin;
    await page.getByRole('link', { name: '监管对象' }).click();
    await page.waitForURL(/\/console\/registry\/establishments$/);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), WAIT).toBeGreaterThanOrEqual(4);
    await page.getByRole('search').getByLabel('机构名称').fill('测试诊所');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.waitForURL(/q=/);
    await expect.poll(() => rows.count(), WAIT).toBe(2);
    const text = await page.locator('.ant-table-tbody').innerText();
    expect(text).toContain('历城区测试诊所甲');
    expect(text).toContain('历城区测试诊所乙');
    expect(text).not.toContain('口腔诊所');
    // The export carries the same filter.
    expect(await page.getByRole('link', { name: /导出 Excel/ }).getAttribute('href')).toBe(
      `/api/v1/establishments/export.xlsx?q=${encodeURIComponent('测试诊所')}`,
    );
    await page.getByRole('search').getByLabel('机构名称').fill('口腔');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(() => page.locator('.ant-table-tbody').innerText(), WAIT).toContain('山大路口腔诊所');
    expect(await rows.count()).toBe(1);
    await shoot(page, 'registry-establishments');
  });

  it('shows an establishment: fields, masked contact (full after a warning), QR code, practitioners, history', async () => {
    const page = admin;
    await page.getByRole('link', { name: '历城区山大路口腔诊所' }).click();
    await page.waitForURL(new RegExp(`/console/registry/establishments/${clinicId}$`));
    await expect.poll(() => bodyText(page), WAIT).toContain('变更历史');
    const text = await bodyText(page);
    expect(text).toContain('138****5678');
    expect(text).not.toContain('13812345678');
    // The QR image is the server's SVG and loads; PNG and SVG can be downloaded.
    const qr = page.locator('img.wj-establishment-qr');
    expect(await qr.getAttribute('src')).toBe(`/api/v1/establishments/${clinicId}/code.svg`);
    await expect
      .poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth), WAIT)
      .toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: '下载 PNG' }).getAttribute('href')).toBe(
      `/api/v1/establishments/${clinicId}/code.png`,
    );
    // Practitioners there (the doctor whose primary institution it is).
    await expect.poll(() => bodyText(page), WAIT).toContain('李医生');
    // History: newest first, who and what, field by field.
    const history = page.locator('.wj-history');
    await expect.poll(() => history.innerText(), WAIT).toContain('第 2 版');
    const newest = history.locator('section').first();
    expect(await newest.innerText()).toContain('修改');
    expect(await newest.innerText()).toContain('lc.approver');
    expect(await newest.innerText()).toContain('山大路 88 号');
    expect(await newest.innerText()).toContain('山大路 90 号');
    expect(await history.innerText()).toContain('登记');
    await shoot(page, 'registry-establishment');

    // The full number only after the warning; the read is audited.
    await page.getByRole('button', { name: '查看完整' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText(), WAIT).toContain('记入审计日志');
    await dialog.getByRole('button', { name: '我确认因工作需要查看' }).click();
    await expect.poll(() => dialog.innerText(), WAIT).toContain('13812345678');
    await dialog
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /关\s*闭/ })
      .click();
  });

  it('edits an establishment through the form; the change appears in the history', async () => {
    const page = admin;
    await page.getByRole('button', { name: /编\s*辑/ }).click();
    await page.waitForURL(/\/edit$/);
    const address = page.getByLabel('地址', { exact: true });
    await expect.poll(() => address.inputValue(), WAIT).toBe('山大路 90 号');
    await address.fill('山大路 92 号');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(new RegExp(`/console/registry/establishments/${clinicId}$`), WAIT);
    const newest = page.locator('.wj-history section').first();
    await expect.poll(() => newest.innerText(), WAIT).toContain('第 3 版');
    expect(await newest.innerText()).toContain('山大路 92 号');
    expect(await newest.innerText()).toContain('admin');
  });

  it('registers an establishment whose credit code fails its check only after it is accepted with a reason', async () => {
    const page = admin;
    await page.goto(`${rig.baseUrl}/console/registry/establishments/new`);
    await page.getByLabel('机构名称').fill('历城区唐冶社区诊所');
    await page.getByLabel('统一社会信用代码').fill('91350100M000100Y42');
    await page.getByLabel('机构类别').click();
    await page.keyboard.type('D211');
    await option(page, 'D211').click();
    // From the administrator's own region (the city) down to the county.
    await page.getByLabel('行政区划').click();
    await page.locator('.ant-cascader-menu-item').first().click();
    await page.locator('.ant-cascader-menu-item', { hasText: '历城区' }).first().click();
    await page.keyboard.press('Escape');
    await page.getByLabel('地址', { exact: true }).fill('唐冶西路 3 号');
    await page.getByLabel('社会办').check();
    await page.getByLabel('营利性', { exact: true }).check();
    await page.getByRole('button', { name: /^新\s*建$/ }).click();
    // The server's warning, and the way to accept the code.
    await expect.poll(() => bodyText(page), WAIT).toContain('我已核实，该代码确系登记机关核发');
    await shoot(page, 'registry-establishment-uscc-warning');
    await page.getByLabel('我已核实，该代码确系登记机关核发').check();
    await page.getByLabel('确认理由').fill('已核对营业执照原件，代码与执照一致');
    // The submit button of this form (by type, so a loading state cannot hide it from the locator).
    const submit = page.locator('form#establishment-create button[type=submit]');
    await expect.poll(() => submit.getAttribute('class'), WAIT).not.toContain('ant-btn-loading');
    const created = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/establishments',
      WAIT,
    );
    await submit.click();
    expect((await created).status(), 'the accepted code is registered').toBe(201);
    await page.waitForURL(/\/console\/registry\/establishments\/\d+$/, WAIT);
    await expect.poll(() => bodyText(page), WAIT).toContain('校验未通过·已确认');
    expect(await bodyText(page)).toContain('已核对营业执照原件');
  });

  it('shows a practitioner (ID masked) with the multi-site filing, and the compliance guides', async () => {
    const page = admin;
    await page.getByRole('link', { name: '医务人员' }).click();
    await page.getByRole('link', { name: '李医生' }).click();
    await expect.poll(() => bodyText(page), WAIT).toContain('DD-2026-008');
    const text = await bodyText(page);
    expect(text).toMatch(/370112\*+\d{3}[\dX]/);
    expect(text).toContain('济南洪家楼综合医院');
    await shoot(page, 'registry-practitioner');
    // Ending the filing early is a new version of the practitioner.
    await page.getByRole('button', { name: '终止备案' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('终止日期').fill('2026-06-30');
    await dialog.getByLabel('终止日期').press('Enter');
    await dialog.getByLabel('终止理由').fill('协议解除');
    await dialog.getByRole('button', { name: '终止备案' }).click();
    const history = page.locator('.wj-history');
    await expect.poll(() => history.innerText(), WAIT).toContain('终止多点执业备案');
    expect(await history.innerText()).toContain('协议解除');

    await page.getByRole('link', { name: '合规指引' }).click();
    await expect.poll(() => bodyText(page), WAIT).toContain('谁来管');
    expect(await bodyText(page)).toContain('怎么管');
    await shoot(page, 'registry-guides');
    // An administrator edits the guide: a new version, the old one kept.
    await page.getByRole('button', { name: /修\s*改/ }).click();
    await page.getByLabel('概述').fill('卫生健康部门牵头，各部门按职责分工共同监管（测试修订）。');
    await page.getByLabel('修改说明').fill('补充概述');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await expect.poll(() => bodyText(page), WAIT).toContain('测试修订');
    expect(await bodyText(page)).toContain('第 2 版');
    expect(await bodyText(page)).toContain('补充概述');
    // Console errors allowed: the 401 of /auth/me before signing in, the second-factor prompt, the 422 of the failing code.
    expect(errors.filter((e) => !/\b(401|403|422)\b/.test(e))).toEqual([]);
  });

  it('works on a phone: lists become cards, nothing overflows the screen', async () => {
    const state = await admin.context().storageState();
    const context = await rig.browser.newContext({
      viewport: PHONE,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      storageState: state,
    });
    const page = await context.newPage();
    for (const [path, text, name] of [
      ['registry/establishments', '历城区山大路口腔诊所', 'registry-establishments-phone'],
      [`registry/establishments/${clinicId}`, '变更历史', 'registry-establishment-phone'],
      ['registry/import', '下载模板', 'registry-import-phone'],
      ['registry/practitioners', '李医生', 'registry-practitioners-phone'],
      ['registry/guides', '谁来管', 'registry-guides-phone'],
    ] as const) {
      await page.goto(`${rig.baseUrl}/console/${path}`);
      await expect.poll(() => bodyText(page), WAIT).toContain(text);
      if (path === 'registry/establishments')
        expect(await page.locator('.wj-cards li').count()).toBeGreaterThanOrEqual(4);
      await shoot(page, name);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});
