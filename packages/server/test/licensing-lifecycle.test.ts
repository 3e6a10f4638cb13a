import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database.js';
import { licensingSchedules } from '../src/modules/licensing/schedules.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import {
  act,
  at,
  CITY,
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
 * A licence's life after the decision: revalidation (notice, submission, 暂缓校验 and a failing
 * re-check that deregisters it), the seal card whose practice-licence copy is replaced by a lookup
 * in the registry, renewal 30 days before expiry, change and revocation.
 */
describe.each(DATABASE_KINDS)('licensing: licences and revalidation on %s', (kind) => {
  let t: TestApp;
  let dataDir: string;
  let approver: Client;
  let cityApprover: Client;
  let hospital: number;
  let applicant: Client;

  /** Takes an approval of a county type from draft to licence. */
  async function grantApproval(
    c: Client,
    staffClient: Client,
    permitCode: string,
    extra: Record<string, unknown> = {},
  ) {
    const created = await c.post('/licensing/applications', {
      establishmentId: hospital,
      permitCode,
      ...extra,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    await uploadRequired(t, c, id);
    expect((await act(c, id, 'submit')).statusCode).toBe(200);
    expect((await act(staffClient, id, 'accept')).statusCode).toBe(200);
    const detail = created.json();
    const def = (
      await t.app.inject({ method: 'GET', url: `/api/v1/public/permit-types/${permitCode}` })
    ).json().definition;
    if (def.siteInspection) {
      await act(staffClient, id, 'start_site_inspection');
      await act(staffClient, id, 'end_excluded_period');
    }
    if (def.expertReview) {
      await act(staffClient, id, 'start_expert_review');
      await act(staffClient, id, 'end_excluded_period');
    }
    const granted = await act(staffClient, id, 'grant', { scope: detail.permit.nameZh });
    expect(granted.statusCode, granted.body).toBe(200);
    return granted.json();
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weijian-licensing-'));
    t = await testApp(kind, { env: { WEIJIAN_DATA_DIR: dataDir } });
    await at(t, '2026-03-10');
    approver = await staff(t, 'lc.approver.h', 'health', LICHENG, ['approver']);
    cityApprover = await staff(t, 'lc.city.h', 'health', CITY, ['approver']);
    hospital = await insertEstablishment(t, {
      name: '历城妇幼医院',
      category: 'A518',
      level: 'level2',
      beds: 60,
    });
    await insertDoctor(t, hospital, '周主任', 'senior');
    applicant = await institution(t, 'lc.mch', hospital);
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('revalidation: notice, submission, deferral of 1–6 months, and a failing re-check deregisters the licence', async () => {
    await at(t, '2026-03-10');
    const granted = await grantApproval(applicant, approver, 'maternal_special_technique');
    const license = (await applicant.get(`/licensing/licenses/${granted.licenseId}`)).json();
    // 母婴保健: revalidated every 3 years instead of re-approval (seed 000 annex 7).
    expect(license.revalidations).toMatchObject([
      { state: 'scheduled', cycleYears: 3, dueOn: '2029-03-10', noticeOn: '2028-12-10' },
    ]);
    const rid = license.revalidations[0].id;

    await at(t, '2028-12-11');
    expect((await approver.post('/licensing/revalidations/send-due-notices')).json()).toEqual({ sent: 1 });
    expect((await applicant.get('/licensing/inbox')).json().items).toContainEqual(
      expect.objectContaining({ kind: 'revalidation', id: rid, step: 'revalidate', dueOn: '2029-03-10' }),
    );
    const rv = (v: number, body: Record<string, unknown>) =>
      applicant.post(`/licensing/revalidations/${rid}/actions`, { expectedVersion: v, ...body });
    const submitted = await rv(2, { action: 'submit', summary: '自查：人员、设备、制度符合要求' });
    expect(submitted.json()).toMatchObject({ state: 'submitted', submittedOn: '2028-12-11' });
    expect((await rv(3, { action: 'pass' })).statusCode).toBe(403);

    const decide = (v: number, body: Record<string, unknown>) =>
      approver.post(`/licensing/revalidations/${rid}/actions`, { expectedVersion: v, ...body });
    expect((await decide(3, { action: 'defer', months: 7, reasons: '产房消毒不规范' })).json().code).toBe(
      'invalid_deferral',
    );
    expect((await decide(3, { action: 'defer', months: 3 })).json().code).toBe('reasons_required');
    const deferred = await decide(3, { action: 'defer', months: 3, reasons: '产房消毒不规范，限期整改' });
    expect(deferred.json()).toMatchObject({ state: 'deferred', deferredUntil: '2029-03-11' });
    expect(
      (await applicant.get(`/licensing/licenses/${license.id}`))
        .json()
        .history.map((h: { action: string }) => h.action),
    ).toContain('revalidation_deferred');

    await at(t, '2029-02-01');
    const early = await decide(4, { action: 'recheck_fail', reasons: '复查仍不合格' });
    expect(early.json().code).toBe('deferral_running');
    await at(t, '2029-03-12');
    const failed = await decide(4, { action: 'recheck_fail', reasons: '暂缓校验期满复查仍不合格' });
    expect(failed.json()).toMatchObject({ state: 'failed' });
    const ended = (await applicant.get(`/licensing/licenses/${license.id}`)).json();
    expect(ended).toMatchObject({ status: 'deregistered', effectiveStatus: 'deregistered' });
    expect(ended.statusReason).toContain('暂缓校验期满');
    // Each decision is told to the other modules (credit clears its revalidation watch on it).
    const decided = await queryRows<{ payload: Record<string, unknown> }>(
      t.database.db,
      sql`SELECT payload FROM domain_event WHERE type = 'licensing.revalidation.decided'
          AND (payload->>'licenseId')::int = ${license.id} ORDER BY id`,
    );
    expect(decided.map((e) => e.payload)).toMatchObject([
      {
        outcome: 'deferred',
        decidedOn: '2028-12-11',
        deferredUntil: '2029-03-11',
        establishmentId: expect.any(Number),
      },
      { outcome: 'failed', decidedOn: '2029-03-12', deferredUntil: null },
    ]);
  });

  it('a pass schedules the next cycle', async () => {
    await at(t, '2026-03-10');
    const other = await insertEstablishment(t, { name: '历城婚检中心', category: 'G200' });
    const c = await institution(t, 'lc.premarital', other);
    const id = (
      await c.post('/licensing/applications', {
        establishmentId: other,
        permitCode: 'premarital_exam_institution',
      })
    ).json().id;
    await uploadRequired(t, c, id);
    await act(c, id, 'submit');
    await act(approver, id, 'accept');
    await act(approver, id, 'start_site_inspection');
    await act(approver, id, 'end_excluded_period');
    const licenseId = (await act(approver, id, 'grant')).json().licenseId;
    const [r] = (await c.get(`/licensing/licenses/${licenseId}`)).json().revalidations;
    await at(t, '2029-01-05');
    await c.post(`/licensing/revalidations/${r.id}/actions`, {
      action: 'submit',
      expectedVersion: 1,
      summary: '自查合格',
    });
    expect(
      (
        await approver.post(`/licensing/revalidations/${r.id}/actions`, {
          action: 'pass',
          expectedVersion: 2,
        })
      ).json().state,
    ).toBe('passed');
    const after = (await c.get(`/licensing/licenses/${licenseId}`)).json().revalidations;
    expect(after.map((x: { state: string; dueOn: string }) => [x.state, x.dueOn])).toEqual([
      ['passed', '2029-03-10'],
      ['scheduled', '2032-03-10'],
    ]);
  });

  it('the seal card reads the practice licence and the doctors from the registry instead of copies', async () => {
    await at(t, '2026-03-10');
    const card = (
      await applicant.post('/licensing/applications', {
        establishmentId: hospital,
        permitCode: 'narcotic_seal_card',
      })
    ).json();
    expect(card.lookups.map((l: { lookup: string; found: boolean }) => [l.lookup, l.found])).toEqual([
      ['registry.practice_license', false],
      ['registry.practitioners', true],
    ]);
    await uploadRequired(t, applicant, card.id);
    const refused = await act(applicant, card.id, 'submit');
    expect(refused.json().code).toBe('practice_license_not_found');

    // The hospital obtains its practice licence (两证合一), and the registry hears of it.
    const practice = (
      await applicant.post('/licensing/applications', {
        establishmentId: hospital,
        permitCode: 'medical_institution_practice',
      })
    ).json().id;
    await uploadRequired(t, applicant, practice);
    await act(applicant, practice, 'submit');
    await act(approver, practice, 'accept');
    await act(approver, practice, 'start_site_inspection');
    await act(approver, practice, 'end_excluded_period');
    await act(approver, practice, 'start_public_notice');
    await at(t, '2026-03-18');
    await act(approver, practice, 'end_public_notice');
    expect((await act(approver, practice, 'grant')).json().state).toBe('granted');
    await deliver(t);

    const found = (await applicant.get(`/licensing/applications/${card.id}`)).json().lookups[0];
    expect(found).toMatchObject({ found: true });
    expect(found.summary).toContain('医疗机构执业许可证');
    expect((await act(applicant, card.id, 'submit')).json().state).toBe('submitted');
    await act(cityApprover, card.id, 'accept');
    const granted = (await act(cityApprover, card.id, 'grant')).json();
    const license = (await applicant.get(`/licensing/licenses/${granted.licenseId}`)).json();
    expect(license).toMatchObject({
      validFrom: '2026-03-18',
      validTo: '2029-03-17',
      renewalLastDay: '2029-02-15',
    });
  });

  it('renewal 30 days before expiry, change, and revocation', async () => {
    const [card] = (await applicant.get('/licensing/licenses?permitCode=narcotic_seal_card')).json().items;
    await at(t, '2029-02-20');
    const late = await applicant.post('/licensing/applications', {
      establishmentId: hospital,
      permitCode: 'narcotic_seal_card',
      purpose: 'renewal',
      licenseId: card.id,
    });
    expect(late.json()).toMatchObject({ code: 'renewal_too_late', details: { lastDay: '2029-02-15' } });

    await at(t, '2029-01-15');
    const again = await applicant.post('/licensing/applications', {
      establishmentId: hospital,
      permitCode: 'narcotic_seal_card',
    });
    expect(again.json().code).toBe('license_already_held');
    const renewal = (
      await applicant.post('/licensing/applications', {
        establishmentId: hospital,
        permitCode: 'narcotic_seal_card',
        purpose: 'renewal',
        licenseId: card.id,
      })
    ).json().id;
    await uploadRequired(t, applicant, renewal);
    await act(applicant, renewal, 'submit');
    await act(cityApprover, renewal, 'accept');
    await act(cityApprover, renewal, 'grant');
    const renewed = (await applicant.get(`/licensing/licenses/${card.id}`)).json();
    expect(renewed).toMatchObject({ number: card.number, validTo: '2032-03-17', version: 2 });

    const change = (
      await applicant.post('/licensing/applications', {
        establishmentId: hospital,
        permitCode: 'narcotic_seal_card',
        purpose: 'change',
        licenseId: card.id,
        form: { changes: '增加处方医师', scope: '麻醉药品、第一类精神药品（含门诊）' },
      })
    ).json().id;
    await uploadRequired(t, applicant, change);
    await act(applicant, change, 'submit');
    await act(cityApprover, change, 'accept');
    await act(cityApprover, change, 'grant');
    const changed = (await applicant.get(`/licensing/licenses/${card.id}`)).json();
    expect(changed).toMatchObject({ scope: '麻醉药品、第一类精神药品（含门诊）', version: 3 });

    const revoke = await cityApprover.post(`/licensing/licenses/${card.id}/actions`, {
      action: 'revoke',
      expectedVersion: 3,
      reasons: '违规购用麻醉药品',
      decisionNo: '济卫罚〔2029〕1号',
    });
    expect(revoke.json()).toMatchObject({ status: 'revoked', statusDecisionNo: '济卫罚〔2029〕1号' });
    const twice = await cityApprover.post(`/licensing/licenses/${card.id}/actions`, {
      action: 'withdraw',
      expectedVersion: 4,
      reasons: '重复',
    });
    expect(twice.json()).toMatchObject({ code: 'invalid_transition', details: { allowedActions: [] } });
    expect(
      (
        await applicant.post(`/licensing/licenses/${card.id}/actions`, {
          action: 'withdraw',
          expectedVersion: 4,
          reasons: 'x',
        })
      ).statusCode,
    ).toBe(403);
    await deliver(t);
    const held = await queryRows<{ permit_code: string; status: string; valid_to: string }>(
      t.database.db,
      sql`SELECT permit_code, status, valid_to::text AS valid_to FROM establishment_license
          WHERE establishment_id = ${hospital} ORDER BY license_id`,
    );
    expect(held).toContainEqual({
      permit_code: 'narcotic_seal_card',
      status: 'revoked',
      valid_to: '2032-03-17',
    });
  });

  it('the morning job sends the revalidation notices due, for every unit, and only once', async () => {
    await at(t, '2031-12-12');
    const dueSql = sql`SELECT r.id FROM licensing_revalidation r JOIN licensing_license l ON l.id = r.license_id
      WHERE r.state = 'scheduled' AND r.notice_on <= '2031-12-12' AND l.status = 'valid'`;
    const due = await queryRows<{ id: number }>(t.database.db, dueSql);
    expect(due.length).toBeGreaterThan(0);
    const job = licensingSchedules.find((s) => s.name === 'licensing.revalidation-notices')!;
    expect(await job.run(t.ctx)).toEqual({ sent: due.length });
    expect(await job.run(t.ctx)).toEqual({ sent: 0 });
    const states = await queryRows<{ state: string }>(
      t.database.db,
      sql`SELECT state FROM licensing_revalidation WHERE id IN (${sql.join(
        due.map((d) => sql`${d.id}`),
        sql`, `,
      )})`,
    );
    expect(states.every((r) => r.state === 'noticed')).toBe(true);
  });
});
