import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../src/db/database.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import {
  act,
  at,
  CITY,
  type Client,
  deliver,
  insertEstablishment,
  institution,
  LICHENG,
  staff,
  upload,
  uploadRequired,
} from './support/licensing.js';

/**
 * The optimised-approval workflow (优化审批) end to end: acceptance within 5 working days, one
 * complete request for corrections that stops the clock across the 2025 National Day holiday, a
 * site inspection excluded from the limit (行政许可法 §45), concurrent decisions, a licence with its
 * PDF certificate; 两证合一 with its public notice; and the bad input the issue lists.
 */
describe.each(DATABASE_KINDS)('licensing: approval on %s', (kind) => {
  let t: TestApp;
  let dataDir: string;
  let approver: Client;
  let approver2: Client;
  let cityApprover: Client;
  let hospital: number;
  let applicant: Client;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weijian-licensing-'));
    t = await testApp(kind, { env: { WEIJIAN_DATA_DIR: dataDir } });
    await at(t, '2025-09-26');
    approver = await staff(t, 'ap.approver', 'health', LICHENG, ['approver']);
    approver2 = await staff(t, 'ap.approver2', 'health', LICHENG, ['approver']);
    cityApprover = await staff(t, 'ap.city', 'health', CITY, ['approver']);
    hospital = await insertEstablishment(t, {
      name: '历城测试医院',
      category: 'A100',
      level: 'level2',
      beds: 80,
      uscc: '91350100M000100Y43',
    });
    applicant = await institution(t, 'ap.hospital', hospital);
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('walks an approval from application to licence; a correction stops the clock across National Day', async () => {
    await at(t, '2025-09-26'); // Friday
    const created = await applicant.post('/licensing/applications', {
      establishmentId: hospital,
      permitCode: 'radiation_diagnosis',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    expect(created.json()).toMatchObject({
      state: 'draft',
      permit: { mode: 'approval', version: 1 },
      unit: { regionCode: LICHENG },
    });
    expect(created.json().availableActions.map((a: { action: string }) => a.action)).toEqual([
      'submit',
      'withdraw',
    ]);

    const early = await act(applicant, id, 'submit');
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('materials_missing');
    expect(early.json().errors.length).toBe(4);

    await uploadRequired(t, applicant, id);
    const submitted = await act(applicant, id, 'submit');
    expect(submitted.statusCode, submitted.body).toBe(200);
    // 5 working days from 09-26: 09-28 (a make-up Sunday), 09-29, 09-30, 10-09, 10-10.
    expect(submitted.json()).toMatchObject({
      state: 'submitted',
      receivedOn: '2025-09-26',
      acceptDue: '2025-10-10',
    });
    expect(submitted.json().number).toMatch(/^370112-2025-\d{6}$/);

    await at(t, '2025-09-29');
    const correction = await act(approver, id, 'request_correction', {
      items: ['设备清单缺少型号和出厂编号'],
    });
    expect(correction.statusCode, correction.body).toBe(200);
    expect(correction.json()).toMatchObject({ state: 'correction_requested', clockStopped: true });
    expect(correction.json().clocks.accept).toMatchObject({
      due: null,
      stopped: true,
      elapsed: 2,
      remaining: 3,
    });

    await at(t, '2025-10-13'); // after the holiday
    expect((await upload(t, applicant, id, 'equipment')).statusCode).toBe(201);
    const resubmitted = await act(applicant, id, 'resubmit');
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    // Stopped from 09-29 to 10-13: 09-30, 10-09, 10-10, 10-11, 10-13 not counted; then 10-14, 10-15, 10-16.
    expect(resubmitted.json()).toMatchObject({ state: 'submitted', acceptDue: '2025-10-16' });
    expect(resubmitted.json().clocks.accept).toMatchObject({ excludedWorkingDays: 5 });

    const again = await act(approver, id, 'request_correction', { items: ['再补一份'] });
    expect(again.json().code).toBe('correction_already_requested');

    await at(t, '2025-10-14');
    const accepted = await act(approver, id, 'accept');
    expect(accepted.statusCode, accepted.body).toBe(200);
    // 8 working days (seed 000: cut from 20) from 10-14.
    expect(accepted.json()).toMatchObject({
      state: 'under_review',
      acceptedOn: '2025-10-14',
      decideDue: '2025-10-24',
    });
    expect(accepted.json().decision.acceptOnTime).toBe(true);

    expect((await act(approver, id, 'grant')).json().code).toBe('site_inspection_required');
    await at(t, '2025-10-15');
    expect((await act(approver, id, 'start_site_inspection', { note: '现场审核' })).json().state).toBe(
      'excluded_period',
    );
    await at(t, '2025-10-20');
    const reviewed = await act(approver, id, 'end_excluded_period');
    // 10-16, 10-17, 10-20 are not counted (行政许可法 §45): the due date moves by three working days.
    expect(reviewed.json()).toMatchObject({ state: 'under_review', decideDue: '2025-10-29' });

    // Two officers decide at once: one wins, the other is told.
    const version = reviewed.json().version;
    const [a, b] = await Promise.all([
      approver.post(`/licensing/applications/${id}/actions`, {
        action: 'grant',
        expectedVersion: version,
        scope: 'X射线影像诊断',
      }),
      approver2.post(`/licensing/applications/${id}/actions`, {
        action: 'grant',
        expectedVersion: version,
        scope: 'X射线影像诊断',
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().code).toBe('conflict');
    expect(loser.json().messageZh).toContain('已被他人处理');
    const granted = (a.statusCode === 200 ? a : b).json();
    expect(granted).toMatchObject({
      state: 'granted',
      decidedOn: '2025-10-20',
      decision: { decideOnTime: true },
    });
    expect(granted.publishBy).toBe('2025-10-29');
    expect(
      await queryOne(
        t.database.db,
        sql`SELECT count(*)::int AS n FROM licensing_license WHERE application_id = ${id}`,
      ),
    ).toEqual({ n: 1 });

    const license = (await applicant.get(`/licensing/licenses/${granted.licenseId}`)).json();
    expect(license).toMatchObject({
      status: 'valid',
      licenseNameZh: '《放射诊疗许可证》',
      validTo: null,
      scope: 'X射线影像诊断',
    });
    expect(license.number).toMatch(/^放诊字〔2025〕第370112\d{5}号$/);
    // Revalidated with the practice licence: 80 beds → every year.
    expect(license.revalidations).toMatchObject([{ state: 'scheduled', cycleYears: 1, dueOn: '2026-10-20' }]);

    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/v1/licensing/licenses/${license.id}/certificate.pdf`,
      headers: applicant.headers,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    fs.writeFileSync(path.join(os.tmpdir(), `weijian-license-${kind}.pdf`), pdf.rawPayload);

    // The registry learns of it through the event.
    await deliver(t);
    const held = await queryRows<{ number: string; status: string }>(
      t.database.db,
      sql`SELECT number, status FROM establishment_license WHERE establishment_id = ${hospital}`,
    );
    expect(held).toEqual([{ number: license.number, status: 'valid' }]);
    const audited = await queryRows<{ action: string }>(
      t.database.db,
      sql`SELECT action FROM audit_event WHERE entity_type = 'licensing_application' AND entity_id = ${String(id)} ORDER BY id`,
    );
    expect(audited.map((r) => r.action)).toContain('licensing.application.grant');
  });

  it('deems an application accepted after 5 working days, and a late decision must say why', async () => {
    await at(t, '2026-03-02');
    const id = (
      await applicant.post('/licensing/applications', {
        establishmentId: hospital,
        permitCode: 'maternal_personnel_qualification',
      })
    ).json().id;
    await uploadRequired(t, applicant, id);
    expect((await act(applicant, id, 'submit')).json()).toMatchObject({
      acceptDue: '2026-03-09',
      unit: { regionCode: CITY },
    });
    await at(t, '2026-03-10');
    const late = await act(cityApprover, id, 'request_correction', { items: ['太迟了'] });
    expect(late.statusCode).toBe(422);
    expect(late.json().code).toBe('acceptance_period_elapsed');
    const accepted = (await act(cityApprover, id, 'accept')).json();
    // 行政许可法 §32: accepted from receipt.
    expect(accepted).toMatchObject({
      deemedAccepted: true,
      acceptedOn: '2026-03-02',
      decideDue: '2026-03-30',
    });
    expect(accepted.decision.acceptOnTime).toBe(false);
    await at(t, '2026-03-31');
    const noReason = await act(cityApprover, id, 'refuse', { reasons: '人员考核材料不符合要求' });
    expect(noReason.json().code).toBe('overdue_reason_required');
    const refused = await act(cityApprover, id, 'refuse', {
      reasons: '人员考核材料不符合要求',
      delayReason: '专家组成员调整',
    });
    expect(refused.json()).toMatchObject({
      state: 'refused',
      decision: { decideOnTime: false, reasons: '人员考核材料不符合要求' },
    });
  });

  it('两证合一: a public notice runs before the decision; excluded types need the setting-up approval first', async () => {
    await at(t, '2026-03-10');
    const clinic = await insertEstablishment(t, {
      name: '历城新建医院',
      category: 'A100',
      level: 'level2',
      beds: 120,
    });
    const c = await institution(t, 'ap.newhospital', clinic);
    const id = (
      await c.post('/licensing/applications', {
        establishmentId: clinic,
        permitCode: 'medical_institution_practice',
        form: { beds: 120 },
      })
    ).json().id;
    await uploadRequired(t, c, id);
    const submitted = (await act(c, id, 'submit')).json();
    expect(submitted.lookups).toEqual([]); // capital verification is simply dropped
    expect(
      submitted.materialRequirements.find((m: { code: string }) => m.code === 'capital_verification').removed,
    ).not.toBeNull();
    await act(approver, id, 'accept');
    await act(approver, id, 'start_site_inspection');
    await act(approver, id, 'end_excluded_period');
    expect((await act(approver, id, 'grant')).json().code).toBe('public_notice_required');
    const notice = (await act(approver, id, 'start_public_notice')).json();
    expect(notice.publicNotice).toEqual({ from: '2026-03-10', until: '2026-03-17', done: false });
    const shown = (await t.app.inject({ method: 'GET', url: '/api/v1/public/licensing/notices' })).json();
    expect(shown.items).toContainEqual(
      expect.objectContaining({
        kind: 'two_in_one_notice',
        establishmentName: '历城新建医院',
        until: '2026-03-17',
      }),
    );
    expect((await act(approver, id, 'end_public_notice')).json().code).toBe('notice_running');
    await at(t, '2026-03-18');
    expect((await act(approver, id, 'end_public_notice', { objections: '' })).statusCode).toBe(200);
    const granted = (await act(approver, id, 'grant')).json();
    expect(granted.state).toBe('granted');
    const license = (await c.get(`/licensing/licenses/${granted.licenseId}`)).json();
    expect(license).toMatchObject({
      licenseNameZh: '《医疗机构执业许可证》',
      revalidations: [{ cycleYears: 3 }],
    });

    const big = await insertEstablishment(t, {
      name: '历城三级医院',
      category: 'A100',
      level: 'level2',
      beds: 800,
    });
    const b = await institution(t, 'ap.bighospital', big);
    const p = (
      await b.post('/licensing/applications', {
        establishmentId: big,
        permitCode: 'medical_institution_practice',
        form: { plannedLevel: 'level3' },
      })
    ).json().id;
    await uploadRequired(t, b, p);
    const excluded = await act(b, p, 'submit');
    expect(excluded.json()).toMatchObject({
      code: 'setup_approval_required',
      details: { exclusion: 'level3_hospital' },
    });
    const setupForOrdinary = (
      await c.post('/licensing/applications', {
        establishmentId: clinic,
        permitCode: 'medical_institution_setup',
      })
    ).json().id;
    await uploadRequired(t, c, setupForOrdinary);
    expect((await act(c, setupForOrdinary, 'submit')).json().code).toBe('two_in_one_applies');
  });

  it('refuses bad input with clear bilingual problems and leaves nothing half-done', async () => {
    await at(t, '2026-03-10');
    const abolished = await applicant.post('/licensing/applications', {
      establishmentId: hospital,
      permitCode: 'family_planning_institution',
    });
    expect(abolished.statusCode).toBe(422);
    expect(abolished.json()).toMatchObject({
      code: 'permit_abolished',
      details: { replacedBy: 'maternal_special_technique' },
    });
    expect(abolished.json().messageZh).toContain('母婴保健专项技术服务许可');
    expect(abolished.json().messageEn).toContain('abolished');

    const wrongKind = await applicant.post('/licensing/applications', {
      establishmentId: hospital,
      permitCode: 'public_place_hygiene',
    });
    expect(wrongKind.statusCode).toBe(422);
    expect(wrongKind.json().code).toBe('kind_not_eligible');

    const level = await approver.post('/licensing/applications', {
      establishmentId: hospital,
      permitCode: 'maternal_personnel_qualification',
    });
    expect(level.json().code).toBe('level_not_held');

    const other = await insertEstablishment(t, { name: '别家诊所', category: 'D211' });
    expect(
      (
        await applicant.post('/licensing/applications', {
          establishmentId: other,
          permitCode: 'clinic_filing',
        })
      ).statusCode,
    ).toBe(404);

    const id = (
      await applicant.post('/licensing/applications', {
        establishmentId: hospital,
        permitCode: 'maternal_special_technique',
      })
    ).json().id;
    fs.mkdirSync(path.join(dataDir, 'files', 'tmp'), { recursive: true });
    const before = fs.readdirSync(path.join(dataDir, 'files')).length;
    const docx = await upload(
      t,
      applicant,
      id,
      'application_form',
      Buffer.from('PK\u0003\u0004word/document.xml'),
      'form.pdf',
    );
    expect(docx.statusCode, docx.body).toBe(415);
    expect(docx.json()).toMatchObject({ code: 'unsupported_media_type' });
    expect(docx.json().messageZh).toContain('PDF');
    const huge = await upload(
      t,
      applicant,
      id,
      'application_form',
      Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024)]),
    );
    expect(huge.statusCode).toBe(413);
    expect((await upload(t, applicant, id, 'no_such_material')).json().code).toBe('unknown_material');
    expect((await applicant.get(`/licensing/applications/${id}`)).json().materials).toEqual([]);
    expect(fs.readdirSync(path.join(dataDir, 'files')).length).toBe(before);
    expect(fs.readdirSync(path.join(dataDir, 'files', 'tmp'))).toEqual([]);

    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const ok = await upload(t, applicant, id, 'application_form', png, 'scan.png');
    expect(ok.json()).toMatchObject({ contentType: 'image/png', sizeBytes: 12 });
    const download = await t.app.inject({
      method: 'GET',
      url: `/api/v1/licensing/applications/${id}/materials/${ok.json().id}`,
      headers: applicant.headers,
    });
    expect(download.rawPayload.equals(png)).toBe(true);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/licensing/applications/${id}/materials/${ok.json().id}`,
      headers: applicant.headers,
    });
    expect(removed.statusCode).toBe(204);
    expect((await applicant.get(`/licensing/applications/${id}`)).json().materials).toEqual([]);

    const wrongState = await act(applicant, id, 'accept');
    expect(wrongState.statusCode).toBe(409);
    expect(wrongState.json()).toMatchObject({
      code: 'invalid_transition',
      details: { allowedActions: ['submit', 'withdraw'] },
    });
    await uploadRequired(t, applicant, id);
    await act(applicant, id, 'submit');
    const forbidden = await act(applicant, id, 'accept');
    expect(forbidden.statusCode).toBe(403);
    expect((await upload(t, applicant, id, 'application_form')).json().code).toBe('materials_locked');
    const stale = await applicant.post(`/licensing/applications/${id}/actions`, {
      action: 'withdraw',
      expectedVersion: 1,
    });
    expect(stale.json().code).toBe('conflict');
  });
});
