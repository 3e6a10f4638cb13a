import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/database.js';
import { client, signInAdmin, userId } from './identity-helpers.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import {
  act,
  at,
  type Client,
  insertEstablishment,
  institution,
  LICHENG,
  staff,
  uploadRequired,
} from './support/licensing.js';

/**
 * One window for several departments (seed 003), the inbox with warnings and escalations, on-time
 * rates and the yearly figures, the open-work check on moving a handler, the catalogue's versions,
 * and seed 004's publication of new assisted-reproduction applications and the half-yearly list.
 */
describe.each(DATABASE_KINDS)('licensing: joint applications and reports on %s', (kind) => {
  let t: TestApp;
  let dataDir: string;
  let health: Client;
  let environment: Client;
  let head: Client;
  let outsider: Client;
  let hospital: number;
  let applicant: Client;
  let healthPart: number;
  let envPart: number;
  let jointId: number;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weijian-licensing-'));
    t = await testApp(kind, { env: { WEIJIAN_DATA_DIR: dataDir } });
    await at(t, '2026-03-10');
    health = await staff(t, 'jt.health', 'health', LICHENG, ['approver']);
    environment = await staff(t, 'jt.env', 'environment', LICHENG, ['approver']);
    head = await staff(t, 'jt.head', 'health', LICHENG, ['leader']);
    outsider = await staff(t, 'jt.market', 'market', LICHENG, ['approver']);
    hospital = await insertEstablishment(t, {
      name: '历城影像医院',
      category: 'A100',
      level: 'level1',
      beds: 30,
    });
    applicant = await institution(t, 'jt.hospital', hospital);
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a joint application of two departments: one window, each part decided by its department, one combined deadline', async () => {
    await at(t, '2026-03-10');
    const single = await applicant.post('/licensing/joint-applications', {
      establishmentId: hospital,
      parts: [{ permitCode: 'radiation_diagnosis' }, { permitCode: 'maternal_special_technique' }],
    });
    expect(single.json().code).toBe('joint_single_department');

    const created = await applicant.post('/licensing/joint-applications', {
      establishmentId: hospital,
      parts: [{ permitCode: 'radiation_diagnosis' }, { permitCode: 'radiation_safety_license' }],
      note: '新建CT室',
    });
    expect(created.statusCode, created.body).toBe(201);
    const joint = created.json();
    jointId = joint.id;
    expect(joint.window).toMatchObject({ regionCode: LICHENG, departmentCode: 'health' });
    expect(joint.parts.map((p: { unit: { departmentCode: string } }) => p.unit.departmentCode)).toEqual([
      'health',
      'environment',
    ]);
    [healthPart, envPart] = joint.parts.map((p: { id: number }) => p.id);

    for (const id of [healthPart, envPart]) {
      await uploadRequired(t, applicant, id);
      expect((await act(applicant, id, 'submit')).statusCode).toBe(200);
    }
    const window = (await health.get(`/licensing/joint-applications/${jointId}`)).json();
    expect(window).toMatchObject({ combinedDue: '2026-03-17', clockStopped: false, allDecided: false });
    // The window sees the environment part (and may act for the applicant) but cannot decide it.
    const seen = (await health.get(`/licensing/applications/${envPart}`)).json();
    expect(seen.availableActions.map((a: { action: string }) => a.action)).toEqual(['withdraw']);
    expect((await act(health, envPart, 'accept')).statusCode).toBe(403);
    expect((await outsider.get(`/licensing/joint-applications/${jointId}`)).statusCode).toBe(404);
    expect((await outsider.get(`/licensing/applications/${envPart}`)).statusCode).toBe(404);

    await at(t, '2026-03-11');
    expect((await act(environment, envPart, 'accept')).json()).toMatchObject({ decideDue: '2026-04-09' });
    expect((await act(health, healthPart, 'accept')).json()).toMatchObject({ decideDue: '2026-03-23' });
    expect((await environment.get(`/licensing/joint-applications/${jointId}`)).json().combinedDue).toBe(
      '2026-04-09',
    );
    await act(environment, envPart, 'start_site_inspection');
    expect((await health.get(`/licensing/joint-applications/${jointId}`)).json()).toMatchObject({
      combinedDue: null,
      clockStopped: true,
    });
    await at(t, '2026-03-13');
    await act(environment, envPart, 'end_excluded_period');
    expect((await health.get(`/licensing/joint-applications/${jointId}`)).json().combinedDue).toBe(
      '2026-04-13',
    );
  });

  it('the inbox sorts by due date, warns within the margin and escalates what is overdue to the head', async () => {
    await at(t, '2026-03-20');
    const inbox = (await health.get('/licensing/inbox')).json();
    expect(inbox.warningMarginDays).toBe(2);
    const item = inbox.items.find(
      (i: { id: number; kind: string }) => i.kind === 'application' && i.id === healthPart,
    );
    expect(item).toMatchObject({
      step: 'decide',
      dueOn: '2026-03-23',
      remainingWorkingDays: 1,
      warning: true,
      overdue: false,
    });
    const dues = inbox.items.map((i: { dueOn: string | null }) => i.dueOn ?? '9999');
    expect(dues).toEqual([...dues].sort());
    expect((await health.get('/licensing/inbox?view=escalations')).statusCode).toBe(403);

    await at(t, '2026-03-25');
    const escalated = (await head.get('/licensing/inbox?view=escalations')).json();
    expect(escalated.items).toEqual([
      expect.objectContaining({ id: healthPart, overdue: true, escalated: true }),
    ]);
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: '/api/v1/licensing/settings',
          headers: head.headers,
          payload: { warningMarginDays: 5 },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('a handler with open work cannot be moved out of the region', async () => {
    const admin = client(t, await signInAdmin(t, 'admin'));
    const handler = await userId(t, 'jt.health');
    const target = await queryOne<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM unit WHERE department_code = 'health' AND region_code = '370114'`,
    );
    const moved = await admin.patch(`/users/${handler}`, { unitId: target!.id });
    expect(moved.statusCode).toBe(409);
    expect(moved.json()).toMatchObject({
      code: 'user_has_open_tasks',
      details: { openTasks: [{ kind: 'licensing.work', count: 1 }] },
    });
  });

  it('on-time rates per permit type and unit, and the yearly evaluation figures', async () => {
    await at(t, '2026-03-26');
    await act(health, healthPart, 'start_site_inspection');
    await act(health, healthPart, 'end_excluded_period');
    expect((await act(health, healthPart, 'grant')).json().code).toBe('overdue_reason_required');
    await act(health, healthPart, 'grant', { delayReason: '设备检测报告补充' });
    await at(t, '2026-03-27');
    await act(environment, envPart, 'grant');
    expect((await health.get(`/licensing/joint-applications/${jointId}`)).json()).toMatchObject({
      allDecided: true,
      combinedDue: null,
    });

    const report = (await head.get('/licensing/reports/on-time?from=2026-01-01&to=2026-12-31')).json();
    expect(report.rows).toContainEqual(
      expect.objectContaining({
        permitCode: 'radiation_diagnosis',
        decided: 1,
        decidedOnTime: 0,
        onTimeRate: 0,
        accepted: 1,
        acceptedOnTime: 1,
      }),
    );
    expect((await health.get('/licensing/reports/on-time')).statusCode).toBe(403);
    const annual = (await head.get('/licensing/reports/annual?year=2026')).json();
    expect(annual).toMatchObject({ year: 2026, dueBy: '2026-11-15' });
    expect(annual.byMode.find((m: { mode: string }) => m.mode === 'approval')).toMatchObject({
      received: 1,
      decided: 1,
      granted: 1,
      onTime: 0,
    });
    const schedule = (await health.get('/licensing/publications?from=2026-03-01&to=2026-03-31')).json();
    expect(schedule.items).toContainEqual(
      expect.objectContaining({
        applicationId: healthPart,
        decidedOn: '2026-03-26',
        publishBy: '2026-04-07',
      }),
    );
  });

  it('the catalogue is versioned: an edit takes effect on its date, older applications keep theirs', async () => {
    const admin = client(t, await signInAdmin(t, 'admin'));
    const current = (
      await t.app.inject({ method: 'GET', url: '/api/v1/public/permit-types/radiation_diagnosis' })
    ).json();
    const { code: _code, ...definition } = current.definition;
    const saved = await admin.post('/permit-types/radiation_diagnosis/versions', {
      effectiveFrom: '2026-04-01',
      note: '承诺时限压缩至5个工作日',
      definition: { ...definition, committedLimitDays: 5 },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ version: 2, effectiveFrom: '2026-04-01' });
    const bad = await admin.post('/permit-types/radiation_diagnosis/versions', {
      effectiveFrom: '2026-04-01',
      note: '错误的修订',
      definition: { ...definition, committedLimitDays: 30 },
    });
    expect(bad.json()).toMatchObject({ code: 'invalid_permit_definition' });
    expect(bad.json().errors[0].path).toBe('definition.committedLimitDays');
    const before = (
      await t.app.inject({ method: 'GET', url: '/api/v1/public/permit-types?asOf=2026-03-31' })
    ).json();
    expect(before.items.find((i: { code: string }) => i.code === 'radiation_diagnosis')).toMatchObject({
      version: 1,
      committedLimitDays: 8,
    });
    expect(before.items).toHaveLength(20);
    await at(t, '2026-04-01');
    const after = (await t.app.inject({ method: 'GET', url: '/api/v1/public/permit-types' })).json();
    expect(after.items.find((i: { code: string }) => i.code === 'radiation_diagnosis')).toMatchObject({
      version: 2,
      committedLimitDays: 5,
    });
    expect((await health.get(`/licensing/applications/${healthPart}`)).json().permit.version).toBe(1);
    expect((await health.get('/permit-types/radiation_diagnosis/versions')).json().items).toHaveLength(2);
  });

  it('seed 004: a new assisted-reproduction application is public within a month; the approved list is half-yearly', async () => {
    await at(t, '2026-03-10');
    await t.database.db.execute(
      sql`INSERT INTO unit (department_code, region_code, name) VALUES ('health', '370000', '山东省卫生健康委员会')`,
    );
    const province = await staff(t, 'jt.province', 'health', '370000', ['approver']);
    const id = (
      await applicant.post('/licensing/applications', {
        establishmentId: hospital,
        permitCode: 'assisted_reproduction',
      })
    ).json().id;
    await uploadRequired(t, applicant, id);
    const submitted = (await act(applicant, id, 'submit')).json();
    expect(submitted).toMatchObject({ discloseBy: '2026-04-10', unit: { regionCode: '370000' } });
    const notices = (await t.app.inject({ method: 'GET', url: '/api/v1/public/licensing/notices' })).json();
    expect(notices.items).toContainEqual(
      expect.objectContaining({
        kind: 'new_application',
        establishmentName: '历城影像医院',
        publicBy: '2026-04-10',
      }),
    );
    await act(province, id, 'accept');
    await act(province, id, 'start_expert_review');
    await act(province, id, 'end_excluded_period');
    expect((await act(province, id, 'grant')).json().state).toBe('granted');

    await at(t, '2026-07-02');
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/v1/public/licensing/approved-list' })
    ).json();
    expect(list).toMatchObject({ asOf: '2026-06-30', publishBy: '2026-07-15' });
    expect(list.items).toEqual([
      expect.objectContaining({ establishmentName: '历城影像医院', permitCode: 'assisted_reproduction' }),
    ]);
    const older = (
      await t.app.inject({ method: 'GET', url: '/api/v1/public/licensing/approved-list?asOf=2025-12-31' })
    ).json();
    expect(older.items).toEqual([]);
    const wrong = await t.app.inject({
      method: 'GET',
      url: '/api/v1/public/licensing/approved-list?asOf=2026-05-31',
    });
    expect(wrong.json().code).toBe('not_a_list_date');
  });
});
