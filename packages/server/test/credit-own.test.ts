import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  day,
  emit,
  insertEstablishment,
  insertPractitioner,
  institution,
  staff,
} from './credit-helpers.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';

/**
 * The institution's own credit view (GET /credit/mine): its own establishment only, with the why of
 * every level, and nothing internal to the regulator (staff names, notes on points, override authors).
 */
describe.each(DATABASE_KINDS)('the institution’s own credit view on %s', (kind) => {
  let t: TestApp;
  let inspector: Client;
  let leader: Client;
  let own: Client;
  let clinic: { id: number; publicCode: string };
  let neighbour: { id: number; publicCode: string };
  const NOTE = '内部备注：负责人态度差';

  beforeAll(async () => {
    t = await testApp(kind);
    inspector = await staff(t, 'lc.inspector1');
    leader = await staff(t, 'lc.leader');
    clinic = await insertEstablishment(t, { name: '历城区自查诊所' });
    neighbour = await insertEstablishment(t, { name: '历城区隔壁诊所' });
    await insertPractitioner(t, clinic.id, '王医生', '110370112000001');
    for (const e of [clinic, neighbour])
      await emit(t, 'inspection.inspection.completed', 'establishment', e.id, {
        inspectionId: 400 + e.id,
        campaignId: 9,
        taskKind: 'draw',
        inspectedOn: '2026-03-02',
        outcome: 'non_compliant',
        nonCompliantItems: ['MW-03'],
        departments: ['supervision'],
      });
    const pts = await inspector.post(`/credit/establishments/${clinic.id}/demerits`, {
      behaviourCode: 'I06',
      occurredOn: '2026-03-02',
      source: { type: 'inspection', id: String(400 + clinic.id) },
      note: NOTE,
    });
    expect(pts.statusCode).toBe(201);
    const ov = await leader.post(`/credit/establishments/${clinic.id}/overrides`, {
      target: 'mode',
      value: 'stationed',
      reason: '专项整治期间驻点监督',
    });
    expect(ov.statusCode).toBe(201);
    await emit(t, 'enforcement.penalty.decided', 'case', 'C-77', {
      caseId: 'C-77',
      establishmentId: clinic.id,
      practitionerId: null,
      severity: 'serious',
      kinds: ['revocation'],
      fineAmount: 0,
      licenceRevoked: true,
      decidedOn: day(t),
      violationCode: 'beyond_subjects',
      basis: '《医疗机构管理条例》第四十七条',
    });
    own = await institution(t, 'own.clinic', clinic.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows its own level and why, risk parts, mode and frequency, points with the article, listing and how to repair', async () => {
    const res = await own.get('/credit/mine');
    expect(res.statusCode).toBe(200);
    const mine = res.json();
    expect(mine.establishment).toMatchObject({ id: clinic.id, name: '历城区自查诊所' });
    expect(mine.creditLevel.level).toBe('D');
    expect(mine.creditLevel.reasons.length).toBeGreaterThan(0);
    expect(mine.creditLevel.citation.zh).not.toBe('');
    const parts = mine.risk.parts as { points: number; reasons: { points: number }[] }[];
    expect(parts.length).toBeGreaterThan(2);
    // The score is the sum of the parts the party sees.
    const sum = parts.reduce((s, p) => s + p.points, 0);
    expect(mine.risk.score).toBeCloseTo(sum, 1);
    expect(mine.mode).toMatchObject({
      mode: 'stationed',
      override: { value: 'stationed', reason: '专项整治期间驻点监督' },
    });
    expect(mine.mode.inspectionsPerYear).toBeGreaterThan(0);
    // 4 from the finding, the rest from the penalty (recorded through its event).
    expect(mine.demerits.points).toBe(14);
    expect(mine.demerits.items.find((d: { points: number }) => d.points === 4)).toEqual({
      points: 4,
      actZh: expect.any(String),
      actEn: expect.any(String),
      article: { zh: '《医疗废物管理条例》第十六条、第十七条', en: expect.any(String) },
      occurredOn: '2026-03-02',
      status: 'active',
      revokedReason: null,
    });
    expect(mine.blacklist).toHaveLength(1);
    expect(mine.blacklist[0]).toMatchObject({
      ruleCode: 'BL_REVOKED',
      repairFrom: '2027-03-10',
      repair: { canApplyNow: false },
    });
    expect(mine.blacklist[0].repair.conditions).toHaveLength(4);
    expect(mine.blacklist[0].repair.howZh).toContain('2027-03-10');
  });

  it('never carries staff names, internal notes or another establishment', async () => {
    const body = (await own.get('/credit/mine')).body;
    for (const secret of [
      NOTE,
      'lc.inspector1',
      'lc.leader',
      '历城区隔壁诊所',
      'createdBy',
      'recordedBy',
      'note',
    ])
      expect(body).not.toContain(secret);
    // The staff view of the same establishment does carry them: the view above removes them.
    const staffView = (await inspector.get(`/credit/establishments/${clinic.id}/demerits`)).body;
    expect(staffView).toContain(NOTE);
    // The shared profile route names the office, not the supervisor, to the institution.
    const ownProfile = await own.get(`/credit/establishments/${clinic.id}`);
    expect(ownProfile.json().mode.override.createdBy).toBe('监督部门');
    expect(ownProfile.body).not.toContain('lc.leader');
    expect((await leader.get(`/credit/establishments/${clinic.id}`)).json().mode.override.createdBy).toBe(
      'lc.leader',
    );
    // Another establishment, by the staff routes too: not found.
    expect((await own.get(`/credit/establishments/${neighbour.id}`)).statusCode).toBe(404);
  });

  it('refuses staff-only routes to the institution, and the own view to staff', async () => {
    expect((await own.post('/credit/alerts/escalate')).statusCode).toBe(403);
    // Warnings are department work: the institution's list is empty, not its own warnings.
    expect((await own.get('/credit/alerts')).json().total ?? 0).toBe(0);
    expect(
      (
        await own.post(`/credit/establishments/${clinic.id}/overrides`, {
          target: 'mode',
          value: 'commitment',
          reason: '自行调整监管方式',
        })
      ).statusCode,
    ).toBe(403);
    const staffMine = await inspector.get('/credit/mine');
    expect(staffMine.statusCode).toBe(404);
    expect(staffMine.json().messageEn).toContain('institution users only');
  });

  it('says when repair may be applied for once the minimum period has passed', async () => {
    t.setNow(new Date('2027-03-11T02:00:00Z'));
    const mine = (await (await institution(t, 'own.clinic2', clinic.id)).get('/credit/mine')).json();
    expect(mine.blacklist[0].repair.canApplyNow).toBe(true);
  });
});
