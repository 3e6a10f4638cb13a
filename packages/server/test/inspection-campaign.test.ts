import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type DrawRecord, verifyDrawRecord } from '@weijian/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database.js';
import { readFile } from '../src/files/file-store.js';
import { client, signIn, unitId, userId } from './identity-helpers.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import {
  addEstablishment,
  addOfficer,
  adminClient,
  type Client,
  GIF,
  JPEG,
  type Officer,
  PNG,
  planBody,
  SOURCE_VALUES,
  staffClient,
} from './support/inspection.js';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../bin/weijian.js', import.meta.url));

interface Task {
  id: number;
  code: string;
  stratum: string;
  status: string;
  team: { inspectorId: number; certificateNo: string; departmentCode: string }[];
  checklist: { code: string; departments: string[]; severity: string }[];
  establishment: { id: number; name: string };
}

/**
 * A joint campaign of two departments (卫生监督所 and 市场监管) end to end through the API: plan →
 * approve → close the pool → draw → inspections with the merged checklist → findings →
 * rectification and re-inspection → a replacement → publication, with the bad input of issue 6.
 */
describe.each(DATABASE_KINDS)('inspection: a joint campaign on %s', (kind) => {
  let t: TestApp;
  let dataDir: string;
  let admin: Client;
  let planner: Client;
  let head: Client;
  let inspector1: Client;
  let market: Client;
  let officers: Officer[];
  let campaignId: number;
  let campaignNo: string;
  let tasks: Task[];
  const establishments: { id: number; flags: string[] }[] = [];
  let inspectorSession: Record<string, string>;
  const inspectorHeaders = () => inspectorSession;

  /** Sessions would expire when the test clock jumps ahead: keep them alive at the new time. */
  async function signInAll() {
    admin = await adminClient(t);
    planner = client(t, await signIn(t, 'lc.sup.planner'));
    head = client(t, await signIn(t, 'lc.sup.head'));
    inspector1 = client(t, await signIn(t, 'lc.inspector1'));
    market = client(t, await signIn(t, 'lc.market'));
    inspectorSession = (await signIn(t, 'lc.inspector2')).headers;
  }
  async function setNow(iso: string) {
    const at = new Date(iso);
    t.setNow(at);
    await t.database.db.execute(
      sql`UPDATE user_session SET last_seen_at = ${at.toISOString()}, expires_at = ${new Date(at.getTime() + 3600_000).toISOString()}`,
    );
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weijian-inspection-'));
    t = await testApp(kind, { env: { WEIJIAN_DATA_DIR: dataDir } });
    await staffClient(t, 'lc.sup.planner', 'supervision', '370112', ['leader']);
    await staffClient(t, 'lc.sup.head', 'supervision', '370112', ['leader']);
    await signInAll();
    officers = [
      await addOfficer(t, admin, {
        certificateNo: 'SUP-0001',
        name: '张伟',
        department: 'supervision',
        user: 'lc.inspector1',
      }),
      await addOfficer(t, admin, {
        certificateNo: 'SUP-0002',
        name: '李娜',
        department: 'supervision',
        user: 'lc.inspector2',
      }),
      await addOfficer(t, admin, { certificateNo: 'SUP-0003', name: '王强', department: 'supervision' }),
      await addOfficer(t, admin, {
        certificateNo: 'MKT-0001',
        name: '赵敏',
        department: 'market',
        user: 'lc.market',
      }),
      await addOfficer(t, admin, { certificateNo: 'MKT-0002', name: '孙磊', department: 'market' }),
    ];
    for (let i = 1; i <= 10; i++) {
      establishments.push(
        await addEstablishment(inspector1, {
          name: `历城区第${i}诊所`,
          categoryCode: 'D211',
          regionCode: `370112${String((i % 3) + 1).padStart(3, '0')}`,
        }),
      );
    }
    establishments.push(
      await addEstablishment(inspector1, {
        name: '历城区甲口腔诊所',
        categoryCode: 'D215',
        regionCode: '370112001',
      }),
    );
    establishments.push(
      await addEstablishment(inspector1, {
        name: '历城区乙口腔诊所',
        categoryCode: 'D215',
        regionCode: '370112002',
        uscc: null,
      }),
    );
    // Not operating: never in the pool.
    await addEstablishment(inspector1, {
      name: '历城区停业诊所',
      categoryCode: 'D211',
      regionCode: '370112001',
      status: 'suspended',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('records conflicts of interest: recorded by a supervisor, declared by the officer', async () => {
    const dental = establishments.find((e) => e.flags.includes('dental'))!;
    const recorded = await admin.post(`/inspectors/${officers[2]!.id}/conflicts`, {
      establishmentId: dental.id,
      reason: 'former_employer',
    });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json().conflicts[0]).toMatchObject({ source: 'recorded', reason: 'former_employer' });
    const declared = await inspector1.post(`/inspectors/${officers[0]!.id}/conflicts`, {
      establishmentId: establishments[0]!.id,
      reason: 'relative',
      note: '配偶在该诊所执业',
    });
    expect(declared.statusCode).toBe(201);
    expect(declared.json().conflicts[0]).toMatchObject({ source: 'declared' });
    // Someone else's record is not the officer's to declare on.
    expect(
      (
        await inspector1.post(`/inspectors/${officers[1]!.id}/conflicts`, {
          establishmentId: dental.id,
          reason: 'other',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('refuses a ratio outside 0–1, naming the field', async () => {
    const bad = await planner.post('/campaigns', planBody({ sampling: { defaultRatio: 1.5, sectors: [] } }));
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('sampling.defaultRatio');
    const negative = await planner.post(
      '/campaigns',
      planBody({ sampling: { defaultRatio: 0.2, sectors: [{ flag: 'dental', ratio: -0.1 }] } }),
    );
    expect(negative.statusCode).toBe(400);
    expect(JSON.stringify(negative.json().errors)).toContain('sampling.sectors.0.ratio');
  });

  it('plans a joint campaign and shows the expected inspections and coverage before anything is drawn', async () => {
    const res = await planner.post('/campaigns', planBody());
    expect(res.statusCode).toBe(201);
    const c = res.json();
    campaignId = c.id;
    campaignNo = c.campaignNo;
    expect(c).toMatchObject({
      campaignNo: '370112-2026-0001',
      status: 'draft',
      joint: true,
      departments: ['market', 'supervision'],
      teamSize: 2,
      yearTarget: 0.2,
      availableActions: ['edit', 'approve', 'cancel'],
    });
    const f = (await planner.get(`/campaigns/${campaignId}/forecast`)).json();
    expect(f.strata).toEqual([
      expect.objectContaining({ id: 'medical/dental/default/default', ratio: '1', population: 2, sample: 2 }),
      expect.objectContaining({
        id: 'medical/general/default/default',
        ratio: '0.2',
        population: 10,
        sample: 2,
      }),
    ]);
    expect(f.expectedInspections).toBe(4);
    expect(f.yearCoverage).toMatchObject({ population: 12, target: 0.2, meetsTarget: true });
    expect(f.staffingProblems).toEqual([]);
    // Other departments of the campaign see it; one that does not take part does not.
    expect((await market.get(`/campaigns/${campaignId}`)).statusCode).toBe(200);
    const police = client(t, await signIn(t, 'lc.police'));
    expect((await police.get(`/campaigns/${campaignId}`)).statusCode).toBe(404);
  });

  it('approves with four eyes and publishes the plan with its commitment', async () => {
    expect(
      (await planner.patch(`/campaigns/${campaignId}`, { title: '2026 年医疗机构联合抽查（第一批）' }))
        .statusCode,
    ).toBe(200);
    const own = await planner.post(`/campaigns/${campaignId}/approve`, {});
    expect(own.statusCode).toBe(409);
    expect(own.json().code).toBe('four_eyes_required');
    const ok = await head.post(`/campaigns/${campaignId}/approve`, {});
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', nonceHeldByPlatform: true });
    expect(ok.json().commitment).toMatch(/^[0-9a-f]{64}$/);
    const pub = await t.app.inject({ method: 'GET', url: `/api/v1/public/campaigns/${campaignNo}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({
      commitment: ok.json().commitment,
      frozen: null,
      drawHash: null,
      recordAvailable: false,
    });
    const edit = await planner.patch(`/campaigns/${campaignId}`, { title: 'x' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('campaign_locked');
  });

  it('closes the pool before day D and publishes its hashes', async () => {
    expect(
      (await planner.post(`/campaigns/${campaignId}/draw`, { sourceValues: SOURCE_VALUES })).json().code,
    ).toBe('invalid_transition');
    const res = await planner.post(`/campaigns/${campaignId}/freeze`, {});
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.status).toBe('frozen');
    expect(c.draw.poolHash).toMatch(/^[0-9a-f]{64}$/);
    const pub = (await t.app.inject({ method: 'GET', url: `/api/v1/public/campaigns/${campaignNo}` })).json();
    expect(pub.frozen.hashes.pool).toBe(c.draw.poolHash);
    expect(pub.frozen.strata.map((h: { sample: number }) => h.sample)).toEqual([2, 2]);
    // The forecast now shows the frozen figures, each stratum with its parts.
    const f = await planner.get(`/campaigns/${campaignId}/forecast`);
    expect(f.statusCode).toBe(200);
    expect(f.json()).toMatchObject({ frozen: true, expectedInspections: 4 });
    expect(f.json().strata[0]).toMatchObject({
      id: 'medical/dental/default/default',
      kind: 'medical',
      sector: 'dental',
      riskLevel: 'default',
      creditLevel: 'default',
    });
  });

  it('draws once, on day D, with the published source values', async () => {
    const early = await planner.post(`/campaigns/${campaignId}/draw`, { sourceValues: SOURCE_VALUES });
    expect(early.json().code).toBe('randomness_not_yet_known');
    await setNow('2026-03-16T08:30:00Z');
    const partial = await planner.post(`/campaigns/${campaignId}/draw`, {
      sourceValues: SOURCE_VALUES.slice(0, 1),
    });
    expect(partial.json().code).toBe('invalid_sources');
    const res = await planner.post(`/campaigns/${campaignId}/draw`, { sourceValues: SOURCE_VALUES });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'drawn', progress: { targets: 4 } });
    const twice = await planner.post(`/campaigns/${campaignId}/draw`, { sourceValues: SOURCE_VALUES });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('already_drawn');
    expect((await planner.patch(`/campaigns/${campaignId}`, { title: 'y' })).json().code).toBe(
      'campaign_locked',
    );
  });

  it('gives each target a team of one officer per department, never a conflicted one, and the merged checklist', async () => {
    const list = (await planner.get(`/inspections?campaignId=${campaignId}`)).json();
    expect(list.total).toBe(4);
    tasks = await Promise.all(
      list.items.map(async (i: { id: number }) => (await planner.get(`/inspections/${i.id}`)).json()),
    );
    // The two dental clinics (ratio 1) first: they are drawn whatever the seed.
    tasks.sort(
      (a, b) => Number(b.stratum.includes('dental')) - Number(a.stratum.includes('dental')) || a.id - b.id,
    );
    const conflicts = new Set([
      `${officers[2]!.id}:${establishments.find((e) => e.flags.includes('dental'))!.id}`,
      `${officers[0]!.id}:${establishments[0]!.id}`,
    ]);
    for (const task of tasks) {
      expect(task.team.map((m) => m.departmentCode).sort()).toEqual(['market', 'supervision']);
      for (const m of task.team)
        expect(conflicts.has(`${m.inspectorId}:${task.establishment.id}`)).toBe(false);
      const codes = task.checklist.map((i) => i.code);
      expect(codes).toEqual(expect.arrayContaining(['MED-01', 'MED-02', 'MED-04', 'MED-05', 'MED-07']));
      expect(codes).not.toContain('MED-06'); // police items: police does not take part
      expect(task.checklist.find((i) => i.code === 'MED-07')!.departments).toEqual(['market']);
    }
    // Both dental clinics are drawn (full coverage), one of them listed by its public code.
    expect(tasks.filter((x) => x.stratum === 'medical/dental/default/default')).toHaveLength(2);
  });

  it('keeps an officer with open tasks in the region', async () => {
    const mine = (await inspector1.get('/inspections?mine=true')).json();
    if (mine.total === 0) return;
    const zq = await unitId(t, 'supervision', '370114');
    const moved = await admin.patch(`/users/${await userId(t, 'lc.inspector1')}`, { unitId: zq });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().code).toBe('user_has_open_tasks');
  });

  it('stores photos by their magic bytes and refuses other files', async () => {
    const task = tasks[0]!;
    const up = (body: Buffer, type: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/inspections/${task.id}/photos`,
        headers: { ...inspectorHeaders(), 'content-type': type },
        payload: body,
      });
    const jpeg = await up(JPEG, 'image/jpeg');
    expect(jpeg.statusCode).toBe(201);
    expect(jpeg.json()).toMatchObject({ mediaType: 'image/jpeg', sizeBytes: JPEG.length });
    expect((await readFile(t.ctx, jpeg.json().sha256))?.equals(JPEG)).toBe(true);
    // The declared type does not matter: a PNG sent as octet-stream is a PNG.
    expect((await up(PNG, 'application/octet-stream')).json().mediaType).toBe('image/png');
    expect((await up(GIF, 'image/jpeg')).statusCode).toBe(415);
    expect((await up(Buffer.concat([JPEG, Buffer.alloc(11 * 1024 * 1024)]), 'image/jpeg')).statusCode).toBe(
      413,
    );
    const back = await t.app.inject({
      method: 'GET',
      url: `/api/v1/inspections/${task.id}/photos/${jpeg.json().id}`,
      headers: inspectorHeaders(),
    });
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('image/jpeg');
    expect(back.rawPayload.equals(JPEG)).toBe(true);
    // These bytes only begin like a JPEG: no thumbnail can be made, so the original is sent.
    const thumb = await t.app.inject({
      method: 'GET',
      url: `/api/v1/inspections/${task.id}/photos/${jpeg.json().id}?size=thumb`,
      headers: inspectorHeaders(),
    });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.rawPayload.equals(JPEG)).toBe(true);
  });

  const form = (task: Task, overrides: Record<string, unknown> = {}) => ({
    inspectedAt: '2026-03-25T02:00:00Z',
    officers: task.team.map((m) => m.inspectorId),
    items: task.checklist.map((i) => ({ itemCode: i.code, result: 'compliant' })),
    ...overrides,
  });

  it('refuses a form with fewer than two officers, a department missing, a conflicted officer or missing items', async () => {
    await setNow('2026-03-25T06:00:00Z');
    const task = tasks[0]!;
    const one = await inspector1.post(
      `/inspections/${task.id}/complete`,
      form(task, { officers: [task.team[0]!.inspectorId] }),
    );
    expect(one.statusCode).toBe(400);
    expect(JSON.stringify(one.json().errors)).toContain('officers');
    const sameDept = officers
      .filter((o) => o.departmentCode === 'supervision' && o.id !== officers[2]!.id)
      .map((o) => o.id);
    const noMarket = await inspector1.post(
      `/inspections/${task.id}/complete`,
      form(task, { officers: sameDept }),
    );
    expect(noMarket.json().code).toBe('department_missing');
    const missing = await inspector1.post(
      `/inspections/${task.id}/complete`,
      form(task, { items: form(task).items.slice(1) }),
    );
    expect(missing.json().code).toBe('items_missing');
    const dental = tasks.find(
      (x) =>
        x.stratum.includes('dental') &&
        x.establishment.id === establishments.find((e) => e.flags.includes('dental'))!.id,
    );
    if (dental) {
      const withConflict = await inspector1.post(
        `/inspections/${dental.id}/complete`,
        form(dental, { officers: [officers[2]!.id, officers[3]!.id] }),
      );
      expect(withConflict.json().code).toBe('officer_conflict');
    }
  });

  it('records a compliant visit with photos; publication is due in 20 working days', async () => {
    const task = tasks[0]!;
    const photos = (await inspector1.get(`/inspections/${task.id}`)).json().photos;
    const body = form(task);
    body.items[0] = { ...body.items[0]!, note: '证照齐全', photoIds: [photos[0].id] } as never;
    const res = await inspector1.post(`/inspections/${task.id}/complete`, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'completed',
      outcome: 'compliant',
      inspectedOn: '2026-03-25',
      publicationDue: '2026-04-23',
    });
    expect(res.json().result.officers).toHaveLength(2);
    expect((await inspector1.post(`/inspections/${task.id}/complete`, body)).json().code).toBe(
      'invalid_transition',
    );
  });

  it('orders rectification with a deadline in working days and a re-inspection, and passes a lead', async () => {
    const task = tasks[1]!;
    const items = task.checklist.map((i) =>
      i.code === 'MED-04'
        ? {
            itemCode: i.code,
            result: 'non_compliant',
            note: '消毒记录缺失',
            disposition: 'rectification_and_lead',
          }
        : i.code === 'MED-05'
          ? { itemCode: i.code, result: 'not_applicable' }
          : { itemCode: i.code, result: 'compliant' },
    );
    const noSummary = await market.post(`/inspections/${task.id}/complete`, form(task, { items }));
    expect(noSummary.json().code).toBe('lead_summary_required');
    const res = await market.post(
      `/inspections/${task.id}/complete`,
      form(task, { items, leadSummary: '未按规定消毒，涉嫌违反传染病防治法' }),
    );
    expect(res.statusCode).toBe(200);
    const done = res.json();
    // MED-04 is critical: 5 working days from Wednesday 2026-03-25.
    expect(done.rectification).toMatchObject({
      itemCodes: ['MED-04'],
      workingDays: 5,
      deadline: '2026-04-01',
      status: 'open',
    });
    expect(done.leads).toHaveLength(1);
    const re = (await market.get(`/inspections/${done.rectification.reinspectionId}`)).json();
    expect(re).toMatchObject({ taskKind: 'reinspection', parentId: task.id, dueOn: '2026-04-16' });
    expect(re.checklist.map((i: { code: string }) => i.code)).toEqual(['MED-04']);
    const events = await queryRows<{ type: string }>(
      t.database.db,
      sql`SELECT type FROM domain_event WHERE type LIKE 'inspection.%' ORDER BY id`,
    );
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'inspection.rectification.ordered',
        'inspection.lead.raised',
        'inspection.inspection.completed',
      ]),
    );

    await setNow('2026-04-03T06:00:00Z');
    const check = await market.post(`/inspections/${re.id}/complete`, {
      inspectedAt: '2026-04-03T01:00:00Z',
      officers: re.team.map((m: { inspectorId: number }) => m.inspectorId),
      items: [{ itemCode: 'MED-04', result: 'compliant', note: '已整改' }],
    });
    expect(check.statusCode).toBe(200);
    expect(check.json().parentRectification).toMatchObject({ status: 'rectified' });
  });

  it('replaces a target found closed by the next key of its stratum, in the record', async () => {
    const task = tasks[2]!;
    expect(task.stratum).toBe('medical/general/default/default');
    const res = await planner.post(`/inspections/${task.id}/replace`, { reason: 'closed', on: '2026-04-02' });
    expect(res.statusCode).toBe(200);
    const next = (await planner.get(`/inspections/${res.json().replacementInspectionId}`)).json();
    expect(next).toMatchObject({ stratum: task.stratum, replacementSeq: 1, status: 'assigned' });
    expect((await planner.get(`/inspections/${task.id}`)).json()).toMatchObject({
      status: 'replaced',
      replaced: { reason: 'closed' },
    });
    expect(
      (await planner.post(`/inspections/${task.id}/replace`, { reason: 'closed', on: '2026-04-02' }))
        .statusCode,
    ).toBe(409);
  });

  it('serves a record that verifies, in-process and with `weijian draw verify`, and names an altered field', async () => {
    const res = await planner.get(`/campaigns/${campaignId}/draw-record`);
    expect(res.statusCode).toBe(200);
    const record = res.json() as DrawRecord;
    expect(verifyDrawRecord(record)).toMatchObject({ ok: true });
    expect(record.replacements).toHaveLength(1);
    expect(record.targets.map((x) => x.code).sort()).toEqual(tasks.map((x) => x.code).sort());
    const file = path.join(dataDir, 'record.json');
    fs.writeFileSync(file, res.body);
    const env = { ...process.env, WEIJIAN_DATA_DIR: dataDir, DATABASE_URL: '' };
    const ok = await run(process.execPath, [BIN, 'draw', 'verify', file], { env });
    expect(ok.stdout).toContain('370112-2026-0001');
    const altered = structuredClone(record);
    altered.targets[1]!.team.reverse();
    fs.writeFileSync(file, JSON.stringify(altered));
    const bad = await run(process.execPath, [BIN, 'draw', 'verify', file], { env }).catch((e) => e);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('targets[1].team');
  });

  it('publishes results with personal data masked; the record becomes public after the period', async () => {
    expect((await inspector1.post(`/campaigns/${campaignId}/publish-results`, {})).statusCode).toBe(403);
    const res = await head.post(`/campaigns/${campaignId}/publish-results`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().progress.published).toBe(3);
    const pub = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/inspection-results?campaignNo=${campaignNo}`,
    });
    expect(pub.json().total).toBe(3);
    const body = pub.body;
    expect(body).not.toContain('张伟');
    expect(body).not.toContain('王建国');
    expect(body).toContain('王**');
    expect(body).not.toContain('消毒记录缺失'); // notes stay internal
    const early = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/campaigns/${campaignNo}/draw-record`,
    });
    expect(early.statusCode).toBe(404);
    await setNow('2026-05-01T01:00:00Z');
    const later = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/campaigns/${campaignNo}/draw-record`,
    });
    expect(later.statusCode).toBe(200);
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/v1/public/campaigns/${campaignNo}` })
    ).json();
    expect(later.headers['x-content-sha256']).toBe(detail.recordSha256);
    expect(verifyDrawRecord(later.json())).toMatchObject({ ok: true });
  });

  it('shares completed results read-only with the departments that supervise the kind', async () => {
    const police = client(t, await signIn(t, 'lc.police'));
    const list = (await police.get('/inspections')).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(
      list.items.every((i: { status: string; readOnly: boolean }) => i.status === 'completed' && i.readOnly),
    ).toBe(true);
    const zq = client(t, await signIn(t, 'zq.inspector'));
    expect((await zq.get(`/inspections/${tasks[0]!.id}`)).statusCode).toBe(404);
  });

  it('reports coverage, findings per item, workloads and overdue work', async () => {
    const f = (await planner.get('/inspection-figures?year=2026')).json();
    expect(f.target).toBe(0.2);
    const medical = f.byKind.find((k: { kind: string }) => k.kind === 'medical');
    expect(medical).toMatchObject({ population: 12, planned: 4 });
    expect(f.findingsByItem.find((i: { itemCode: string }) => i.itemCode === 'MED-04')).toMatchObject({
      nonCompliant: 1,
    });
    expect(f.workloads.length).toBeGreaterThan(0);
    expect(f.overdue.tasks).toBeGreaterThan(0); // 2026-05-01: the period ended with tasks open
  });

  it('audits every write', async () => {
    const rows = await queryRows<{ action: string; n: number }>(
      t.database.db,
      sql`SELECT action, count(*)::int AS n FROM audit_event WHERE action LIKE 'inspection.%' GROUP BY action`,
    );
    const n = Object.fromEntries(rows.map((r) => [r.action, r.n]));
    expect(n).toMatchObject({
      'inspection.inspector.create': 5,
      'inspection.conflict.add': 2,
      'inspection.campaign.create': 1,
      'inspection.campaign.update': 1,
      'inspection.campaign.approve': 1,
      'inspection.campaign.freeze': 1,
      'inspection.campaign.draw': 1,
      'inspection.inspection.complete': 3,
      'inspection.target.replace': 1,
      'inspection.result.publish': 3,
    });
  });
});
