import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import {
  act,
  at,
  type Client,
  deliver,
  insertDoctor,
  insertEstablishment,
  institution,
  LICHENG,
  staff,
  uploadRequired,
} from './support/licensing.js';

/**
 * 告知承诺 and 备案: an institution signs the commitment, staff decide on the spot after a formal
 * review, the commitment is public; a false commitment ends, after a rectification order, in the
 * licence's withdrawal (撤销) and a credit event. A clinic files and gets its number at once, once
 * the registry shows its doctors qualified.
 */
describe.each(DATABASE_KINDS)('licensing: commitment and filing on %s', (kind) => {
  let t: TestApp;
  let dataDir: string;
  let approver: Client;
  let inspector: Client;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weijian-licensing-'));
    t = await testApp(kind, { env: { WEIJIAN_DATA_DIR: dataDir } });
    await at(t, '2026-03-10');
    approver = await staff(t, 'cm.approver', 'health', LICHENG, ['approver']);
    inspector = await staff(t, 'cm.inspector', 'supervision', LICHENG, ['inspector']);
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a false commitment: granted on the spot, published, rectification ordered, then withdrawn with a credit event', async () => {
    await at(t, '2026-03-10');
    const hotel = await insertEstablishment(t, {
      name: '历城测试宾馆',
      kind: 'public_place',
      category: 'S101',
      uscc: '91310110666007217T',
    });
    const c = await institution(t, 'cm.hotel', hotel);
    const draft = (
      await c.post('/licensing/applications', { establishmentId: hotel, permitCode: 'public_place_hygiene' })
    ).json();
    expect(draft.permit.mode).toBe('commitment');
    expect(draft.conditions).toHaveLength(8);
    expect(draft.availableActions.map((a: { action: string }) => a.action)).toEqual([
      'sign_commitment',
      'withdraw',
    ]);
    // The business licence copy is not asked for: the credit code is looked up instead.
    expect(draft.lookups).toContainEqual(
      expect.objectContaining({ lookup: 'market.business_license', found: true }),
    );

    const codes = draft.conditions.map((x: { code: string }) => x.code);
    const partial = await act(c, draft.id, 'sign_commitment', {
      conditionCodes: codes.slice(1),
      signerName: '李经理',
    });
    expect(partial.json().code).toBe('commitment_incomplete');
    const signed = (
      await act(c, draft.id, 'sign_commitment', { conditionCodes: codes, signerName: '李经理' })
    ).json();
    expect(signed).toMatchObject({
      state: 'signed',
      commitment: { signerName: '李经理', signedOn: '2026-03-10' },
    });
    await uploadRequired(t, c, draft.id);
    const submitted = (await act(c, draft.id, 'submit')).json();
    expect(submitted).toMatchObject({ state: 'submitted', decideDue: '2026-03-10' }); // decided on the spot
    // The approver's inbox shows it due the same day, to decide (a commitment has no separate acceptance).
    expect((await approver.get('/licensing/inbox')).json().items).toContainEqual(
      expect.objectContaining({ kind: 'application', id: draft.id, step: 'decide', dueOn: '2026-03-10' }),
    );

    expect((await act(approver, draft.id, 'grant')).json().code).toBe('formal_review_required');
    const granted = (await act(approver, draft.id, 'grant', { formalReviewPassed: true })).json();
    expect(granted).toMatchObject({
      state: 'granted',
      decidedOn: '2026-03-10',
      decision: { decideOnTime: true },
    });
    const license = (await c.get(`/licensing/licenses/${granted.licenseId}`)).json();
    expect(license).toMatchObject({
      licenseNameZh: '《公共场所卫生许可证》',
      validFrom: '2026-03-10',
      validTo: '2030-03-09',
      renewalLastDay: '2030-02-07',
    });
    expect(license.conditions).toHaveLength(8);

    const published = (
      await t.app.inject({ method: 'GET', url: '/api/v1/public/licensing/commitments' })
    ).json();
    const mine = published.items.find(
      (i: { establishmentName: string }) => i.establishmentName === '历城测试宾馆',
    );
    expect(mine).toMatchObject({ verification: 'pending', licenseNumber: license.number });
    expect(mine.conditions).toHaveLength(8);

    const tasks = (await inspector.get('/licensing/tasks?state=open')).json();
    const task = tasks.items.find((x: { applicationId: number }) => x.applicationId === draft.id);
    // Verified within 20 working days of the decision.
    expect(task).toMatchObject({ kind: 'commitment_verification', dueOn: '2026-04-08', state: 'open' });
    expect((await inspector.get('/licensing/inbox')).json().items).toContainEqual(
      expect.objectContaining({ kind: 'task', id: task.id, step: 'verify', dueOn: '2026-04-08' }),
    );
    expect(
      (
        await approver.post(`/licensing/tasks/${task.id}/actions`, {
          action: 'record_conforming',
          expectedVersion: 1,
        })
      ).statusCode,
    ).toBe(403);

    await at(t, '2026-03-20');
    const bare = await inspector.post(`/licensing/tasks/${task.id}/actions`, {
      action: 'order_rectification',
      expectedVersion: 1,
    });
    expect(bare.json().code).toBe('rectification_incomplete');
    const ordered = await inspector.post(`/licensing/tasks/${task.id}/actions`, {
      action: 'order_rectification',
      expectedVersion: 1,
      findings: '客房空气质量检测不合格，无消毒间',
      rectificationDue: '2026-04-30',
    });
    expect(ordered.json()).toMatchObject({ state: 'rectifying', rectificationDue: '2026-04-30' });

    await at(t, '2026-05-06');
    const failed = await inspector.post(`/licensing/tasks/${task.id}/actions`, {
      action: 'record_failed',
      expectedVersion: 2,
      findings: '逾期未整改，复查仍无消毒间',
    });
    expect(failed.json()).toMatchObject({ state: 'failed', closedOn: '2026-05-06' });
    const withdrawn = (await c.get(`/licensing/licenses/${license.id}`)).json();
    expect(withdrawn).toMatchObject({ status: 'withdrawn', statusChangedOn: '2026-05-06' });
    expect(withdrawn.statusReason).toContain('承诺不实');

    const credit = await queryRows<{ type: string; payload: { establishmentId: number } }>(
      t.database.db,
      sql`SELECT type, payload FROM domain_event WHERE type = 'licensing.commitment.false'`,
    );
    expect(credit.map((e) => e.payload.establishmentId)).toEqual([hotel]);
    await deliver(t);
    const held = await queryRows<{ status: string }>(
      t.database.db,
      sql`SELECT status FROM establishment_license WHERE establishment_id = ${hotel}`,
    );
    expect(held).toEqual([{ status: 'withdrawn' }]);
    const after = (await t.app.inject({ method: 'GET', url: '/api/v1/public/licensing/commitments' })).json();
    expect(
      after.items.find((i: { establishmentName: string }) => i.establishmentName === '历城测试宾馆')
        .verification,
    ).toBe('false');

    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/v1/licensing/licenses/${license.id}/certificate.pdf`,
      headers: c.headers,
    });
    fs.writeFileSync(path.join(os.tmpdir(), `weijian-license-withdrawn-${kind}.pdf`), pdf.rawPayload);
  });

  it('a clinic files and gets its number at once, once its doctors qualify (中级; 5 years for a specialty clinic)', async () => {
    await at(t, '2026-03-10');
    const clinic = await insertEstablishment(t, { name: '历城测试诊所', category: 'D211' });
    const junior = await insertDoctor(t, clinic, '赵医师', 'junior');
    const senior = await insertDoctor(t, clinic, '钱主治', 'intermediate');
    const c = await institution(t, 'cm.clinic', clinic);
    const id = (
      await c.post('/licensing/applications', {
        establishmentId: clinic,
        permitCode: 'clinic_filing',
        form: { clinicType: 'general', doctorIds: [junior, senior] },
      })
    ).json().id;
    await uploadRequired(t, c, id);
    const refused = await act(c, id, 'submit');
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'clinic_doctors_not_qualified' });
    expect(refused.json().errors.map((e: { code: string }) => e.code)).toEqual(['title_below_intermediate']);
    expect(refused.json().errors[0].messageZh).toContain('赵医师');

    const detail = (await c.get(`/licensing/applications/${id}`)).json();
    await c.patch(`/licensing/applications/${id}`, {
      expectedVersion: detail.version,
      form: { clinicType: 'general', doctorIds: [senior] },
    });
    const filed = (await act(c, id, 'submit')).json();
    expect(filed).toMatchObject({ state: 'filed', decidedOn: '2026-03-10', availableActions: [] });
    expect(filed.number).toMatch(/^370112-2026-/);
    const license = (await c.get(`/licensing/licenses/${filed.licenseId}`)).json();
    expect(license.number).toMatch(/^诊备字〔2026〕第370112\d{5}号$/);
    const check = (await inspector.get('/licensing/tasks?kind=post_filing_check')).json().items[0];
    expect(check).toMatchObject({ applicationId: id, state: 'open' });
    expect(
      (
        await inspector.post(`/licensing/tasks/${check.id}/actions`, {
          action: 'record_conforming',
          expectedVersion: 1,
          findings: '备案信息属实',
        })
      ).json(),
    ).toMatchObject({ state: 'conforming' });

    const dental = await insertEstablishment(t, { name: '历城测试口腔诊所', category: 'D215' });
    const founder = await insertDoctor(t, dental, '孙主任', 'senior');
    const d = await institution(t, 'cm.dental', dental);
    const spec = (
      await d.post('/licensing/applications', {
        establishmentId: dental,
        permitCode: 'clinic_filing',
        form: {
          clinicType: 'specialty',
          doctorIds: [founder],
          doctorPracticeSince: [{ practitionerId: founder, since: '2022-01-01' }],
        },
      })
    ).json();
    await uploadRequired(t, d, spec.id);
    const young = await act(d, spec.id, 'submit');
    expect(young.json().errors.map((e: { code: string }) => e.code)).toEqual(['specialty_needs_five_years']);
    await d.patch(`/licensing/applications/${spec.id}`, {
      expectedVersion: (await d.get(`/licensing/applications/${spec.id}`)).json().version,
      form: {
        clinicType: 'specialty',
        doctorIds: [founder],
        doctorPracticeSince: [{ practitionerId: founder, since: '2019-06-01' }],
      },
    });
    expect((await act(d, spec.id, 'submit')).json().state).toBe('filed');
  });
});
