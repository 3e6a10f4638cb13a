import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../src/db/database.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import { demoUser } from './support/enforcement.js';
import { insertCitySupervisionLeader } from './support/oversight.js';

/**
 * Reports for the demo city (济南市, supervision institute): the figures in the Word and Excel files
 * equal counts taken straight from the modules' tables; an empty period gives a labelled empty
 * report; each generation is recorded with the file's hash. OVERSIGHT_REPORT_DIR keeps the files
 * (to open them in LibreOffice).
 */
const FROM = '2025-12-01';
const TO = '2026-03-10';
const SCOPE = sql`region_code LIKE '3701%' AND department_code = 'supervision'`;

const docxText = async (body: Buffer) => {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file('word/document.xml')!.async('string');
  return { zip, text: xml.replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '') };
};

describe.each(DATABASE_KINDS)('oversight reports on %s', (kind) => {
  let t: TestApp;
  let city: string;
  const keep = (name: string, body: Buffer) => {
    if (process.env.OVERSIGHT_REPORT_DIR)
      fs.writeFileSync(`${process.env.OVERSIGHT_REPORT_DIR}/${name}`, body);
  };
  const n = async (q: ReturnType<typeof sql>) => (await queryOne<{ n: number }>(t.database.db, q))!.n;

  beforeAll(async () => {
    t = await testApp(kind, { registry: 0.04, inspection: true });
    city = await insertCitySupervisionLeader(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes the monthly report of the city as Word with the records’ own figures and a chart', async () => {
    const user = await demoUser(t, city);
    const res = await user.get(
      `/oversight/reports?kind=monthly_supervision&format=docx&from=${FROM}&to=${TO}`,
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['x-report-empty']).toBe('false');
    keep('monthly.docx', res.rawPayload);
    const { zip, text } = await docxText(res.rawPayload);
    const received = await n(
      sql`SELECT count(*)::int AS n FROM complaint WHERE ${SCOPE} AND received_on BETWEEN ${FROM} AND ${TO}`,
    );
    const opened = await n(
      sql`SELECT count(*)::int AS n FROM enforcement_case WHERE ${SCOPE} AND coalesce(opened_on, proposed_on) BETWEEN ${FROM} AND ${TO}`,
    );
    const penalties = await n(
      sql`SELECT count(*)::int AS n FROM enforcement_case WHERE ${SCOPE} AND outcome = 'penalty' AND decided_on BETWEEN ${FROM} AND ${TO}`,
    );
    const warnings = await n(
      sql`SELECT count(*)::int AS n FROM credit_alert WHERE ${SCOPE} AND raised_on BETWEEN ${FROM} AND ${TO}`,
    );
    const establishments = await n(
      sql`SELECT count(*)::int AS n FROM establishment WHERE region_code LIKE '3701%' AND status <> 'deregistered'`,
    );
    expect(received).toBeGreaterThan(0);
    expect(penalties).toBeGreaterThan(0);
    expect(text).toContain('济南市卫生健康监管月度报告');
    expect(text).toContain(`投诉举报：收到 ${received} 件`);
    expect(text).toContain(`立案 ${opened} 件`);
    expect(text).toContain(`其中行政处罚 ${penalties} 件`);
    expect(text).toContain(`风险预警：发出 ${warnings} 条`);
    expect(text).toContain(`在册监管对象 ${establishments} 家`);
    expect(Object.keys(zip.files).some((f) => /^word\/charts\/chart\d+\.xml$/.test(f))).toBe(true);

    const run = await queryOne<{ sha256: string; empty: boolean; region_code: string }>(
      t.database.db,
      sql`SELECT sha256, empty, region_code FROM oversight_report_run ORDER BY id DESC LIMIT 1`,
    );
    expect(run).toEqual({
      sha256: createHash('sha256').update(res.rawPayload).digest('hex'),
      empty: false,
      region_code: '370100',
    });
    const audit = await queryRows(
      t.database.db,
      sql`SELECT 1 FROM audit_event WHERE action = 'oversight.report.generate'`,
    );
    expect(audit.length).toBeGreaterThan(0);
  });

  it('writes the same figures to Excel, numbers as numbers', async () => {
    const user = await demoUser(t, city);
    const res = await user.get(
      `/oversight/reports?kind=monthly_supervision&format=xlsx&from=${FROM}&to=${TO}`,
    );
    expect(res.statusCode).toBe(200);
    keep('monthly.xlsx', res.rawPayload);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('各项办理时效')!;
    const rows = new Map<string, unknown[]>();
    sheet.eachRow((r) => {
      const v = r.values as unknown[];
      rows.set(String(v[1]), v);
    });
    const received = await n(
      sql`SELECT count(*)::int AS n FROM complaint WHERE ${SCOPE} AND received_on BETWEEN ${FROM} AND ${TO}`,
    );
    const concludedOnTime = await n(
      sql`SELECT count(*)::int AS n FROM complaint WHERE ${SCOPE} AND concluded_on BETWEEN ${FROM} AND ${TO} AND concluded_on <= handle_due`,
    );
    const published = await n(
      sql`SELECT count(*)::int AS n FROM penalty_publication WHERE ${SCOPE} AND published_on BETWEEN ${FROM} AND ${TO}`,
    );
    expect(rows.get('投诉举报')?.[2]).toBe(received);
    expect(rows.get('投诉举报')?.[4]).toBe(concludedOnTime);
    expect(rows.get('处罚公示')?.[3]).toBe(published);
  });

  it('gives a clearly labelled empty report for a period without data, in every format', async () => {
    const user = await demoUser(t, city);
    const q = 'kind=monthly_supervision&from=2020-01-01&to=2020-01-31';
    const docx = await user.get(`/oversight/reports?${q}&format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['x-report-empty']).toBe('true');
    keep('empty.docx', docx.rawPayload);
    const { text } = await docxText(docx.rawPayload);
    expect(text).toContain('空报告：本期间无数据');
    expect(text).toContain('2020年1月1日至2020年1月31日');
    const xlsx = await user.get(`/oversight/reports?${q}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const pdf = await user.get(`/oversight/reports?${q}&format=pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('writes the reform evaluation and the random-inspection year report', async () => {
    const user = await demoUser(t, city);
    const reform = await user.get('/oversight/reports?kind=reform_evaluation&format=docx&year=2026');
    expect(reform.statusCode, reform.body.slice(0, 300)).toBe(200);
    keep('reform.docx', reform.rawPayload);
    const { text } = await docxText(reform.rawPayload);
    expect(text).toContain('2026年度“证照分离”改革评估报告');
    expect(text).toContain('11月15日');
    const pdf = await user.get('/oversight/reports?kind=reform_evaluation&format=pdf&year=2026');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    keep('reform.pdf', pdf.rawPayload);

    const figures = (await user.get('/inspection-figures?year=2026')).json();
    const year = await user.get('/oversight/reports?kind=inspection_year&format=xlsx&year=2026');
    expect(year.statusCode, year.body.slice(0, 300)).toBe(200);
    keep('inspection-year.xlsx', year.rawPayload);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(year.rawPayload as unknown as ArrayBuffer);
    const cover = wb.getWorksheet('报告')!;
    const coverText = cover.getColumn(1).values.join('\n');
    if (figures.total.planned === 0 && figures.total.covered === 0) {
      expect(coverText).toContain('空报告');
    } else {
      expect(coverText).toContain(`完成检查 ${figures.total.covered} 家`);
    }
  });

  it('refuses a region outside the user’s own', async () => {
    const county = await demoUser(t, 'lc.sv.leader');
    const res = await county.get('/oversight/reports?kind=monthly_supervision&format=docx&regionCode=370114');
    expect(res.statusCode).toBe(403);
    expect(res.json().messageZh).toContain('370114');
    const viewer = await demoUser(t, 'viewer');
    expect((await viewer.get('/oversight/reports?kind=monthly_supervision&format=docx')).statusCode).toBe(
      403,
    );
  });
});
