import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/database.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import { demoUser, multipartBody, TINY_PNG } from './support/enforcement.js';
import { insertCitySupervisionLeader } from './support/oversight.js';

/**
 * 试点工作总结 (seed 002 四(三)) for the demo city: every figure in the Word and Excel files equals a
 * count taken straight from the modules' own tables (establishment flags, completed inspections,
 * grid patrols, complaints); an empty period gives a labelled empty report. With LibreOffice
 * installed, the Word file converts to PDF headless (OVERSIGHT_REPORT_DIR keeps the files).
 */
const FROM = '2025-07-01';
const TO = '2026-03-10';
const CITY = '3701%';

const docxText = async (body: Buffer) => {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '');
};

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();

describe.each(DATABASE_KINDS)('oversight pilot summary on %s', (kind) => {
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
    // A grid of 历城区 with one patrol recorded on the spot, with a photo.
    const county = await demoUser(t, 'lc.sv.leader');
    const grids = (await county.get('/oversight/grids')).json().items as { id: number }[];
    let gridId = grids[0]?.id;
    if (!gridId) {
      const g = await county.post('/oversight/grids', {
        code: 'WG-P1',
        name: '试点网格',
        regionCode: '370112',
        areaCodes: ['370112007'],
        staff: [],
      });
      gridId = g.json().id;
    }
    const { payload, contentType } = multipartBody('p.png', TINY_PNG);
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/v1/oversight/patrol-photos',
      headers: { ...(await county.headers()), 'content-type': contentType },
      payload,
    });
    const rec = await county.post(`/oversight/grids/${gridId}/patrol-records`, {
      address: '试点路 1 号',
      patrolledAt: new Date(t.ctx.now().getTime() - 3600_000).toISOString(),
      findings: '未发现问题',
      problemFound: true,
      photos: [up.json().sha256],
    });
    expect(rec.statusCode, rec.body).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes the pilot summary with the records’ own figures, as Word, Excel and PDF', async () => {
    const user = await demoUser(t, city);
    const q = `kind=pilot_summary&from=${FROM}&to=${TO}`;
    const res = await user.get(`/oversight/reports?${q}&format=docx`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['x-report-empty']).toBe('false');
    keep('pilot.docx', res.rawPayload);
    const text = await docxText(res.rawPayload);
    expect(text).toContain('济南市医疗服务领域“综合监管一件事”改革试点工作总结');
    expect(text).toContain('济历城卫健发〔2022〕20号');

    const visits = sql`FROM inspection i WHERE i.status = 'completed' AND i.inspected_on BETWEEN ${FROM} AND ${TO}
      AND i.region_code LIKE ${CITY} AND 'supervision' = ANY(i.departments)`;
    const total = await n(sql`SELECT count(*)::int AS n ${visits}`);
    const joint = await n(sql`SELECT count(*)::int AS n ${visits} AND cardinality(i.departments) > 1`);
    expect(total).toBeGreaterThan(0);
    expect(text).toContain(`期间内完成现场检查 ${total} 次，其中多部门联合检查 ${joint} 次`);
    const received = await n(
      sql`SELECT count(*)::int AS n FROM complaint WHERE region_code LIKE ${CITY} AND department_code = 'supervision' AND received_on BETWEEN ${FROM} AND ${TO}`,
    );
    expect(text).toContain(`投诉举报：收到 ${received} 件`);
    const patrols = await n(
      sql`SELECT count(*)::int AS n FROM oversight_patrol p JOIN oversight_grid g ON g.id = p.grid_id
          WHERE p.status = 'done' AND g.region_code LIKE ${CITY} AND g.department_code = 'supervision'
            AND (p.patrolled_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${FROM} AND ${TO}`,
    );
    expect(patrols).toBeGreaterThan(0);
    expect(text).toContain(`期间内完成巡查 ${patrols} 次`);

    const xlsx = await user.get(`/oversight/reports?${q}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    keep('pilot.xlsx', xlsx.rawPayload);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('重点对象检查覆盖')!;
    const rows = new Map<string, unknown[]>();
    sheet.eachRow((r) => {
      const v = r.values as unknown[];
      rows.set(String(v[1]), v);
    });
    let anyPopulation = 0;
    for (const [flag, name] of [
      ['medical_beauty', '医疗美容'],
      ['dental', '口腔'],
      ['village_clinic', '村卫生室'],
    ] as const) {
      const population = await n(
        sql`SELECT count(*)::int AS n FROM establishment e WHERE ${flag} = ANY(e.flags) AND e.status = 'operating' AND e.region_code LIKE ${CITY}`,
      );
      const covered = await n(
        sql`SELECT count(*)::int AS n FROM establishment e WHERE ${flag} = ANY(e.flags) AND e.status = 'operating' AND e.region_code LIKE ${CITY}
            AND EXISTS (SELECT 1 FROM inspection i WHERE i.establishment_id = e.id AND i.status = 'completed'
              AND i.inspected_on BETWEEN ${FROM} AND ${TO} AND i.region_code LIKE ${CITY} AND 'supervision' = ANY(i.departments))`,
      );
      anyPopulation += population;
      expect(rows.get(name)?.[3], name).toBe(population);
      expect(rows.get(name)?.[4], name).toBe(covered);
    }
    expect(anyPopulation).toBeGreaterThan(0);

    const pdf = await user.get(`/oversight/reports?${q}&format=pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    keep('pilot.pdf', pdf.rawPayload);
  });

  it('gives a clearly labelled empty pilot summary for a period without data', async () => {
    const user = await demoUser(t, city);
    const res = await user.get(
      '/oversight/reports?kind=pilot_summary&format=docx&from=2020-07-01&to=2020-09-10',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-report-empty']).toBe('true');
    keep('pilot-empty.docx', res.rawPayload);
    const text = await docxText(res.rawPayload);
    expect(text).toContain('空报告');
    expect(text).toContain('2020年7月1日至2020年9月10日');
    const run = await queryOne<{ kind: string; empty: boolean }>(
      t.database.db,
      sql`SELECT kind, empty FROM oversight_report_run ORDER BY id DESC LIMIT 1`,
    );
    expect(run).toEqual({ kind: 'pilot_summary', empty: true });
  });

  it.skipIf(!hasSoffice || kind !== 'pglite')(
    'opens in LibreOffice: the Word file converts to PDF',
    async () => {
      const user = await demoUser(t, city);
      const res = await user.get(`/oversight/reports?kind=pilot_summary&format=docx&from=${FROM}&to=${TO}`);
      const dir = process.env.OVERSIGHT_REPORT_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-'));
      fs.writeFileSync(path.join(dir, 'pilot-lo.docx'), res.rawPayload);
      execFileSync(
        'soffice',
        ['--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'pilot-lo.docx')],
        {
          stdio: 'ignore',
          timeout: 180_000,
        },
      );
      const out = fs.readFileSync(path.join(dir, 'pilot-lo.pdf'));
      expect(out.subarray(0, 5).toString()).toBe('%PDF-');
    },
    200_000,
  );
});
