import { DEFAULT_GRADING_RULES, DEFAULT_RISK_WEIGHTS } from '@weijian/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stratumOf } from '../src/modules/credit/queries.js';
import {
  admin,
  auditCount,
  type Client,
  day,
  emit,
  eventsOf,
  insertEstablishment,
  insertPractitioner,
  institution,
  staff,
} from './credit-helpers.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';

/**
 * Staff actions on credit: points recorded from a finding (never without its source record),
 * overrides that need a written reason, the blacklist with its joint punishments and credit repair,
 * quantitative grading of a dental clinic, practitioners' files, and the rules as versioned data.
 */
describe.each(DATABASE_KINDS)('credit files and staff actions on %s', (kind) => {
  let t: TestApp;
  let inspector: Client;
  let leader: Client;
  let clinic: { id: number; publicCode: string };
  let dental: { id: number; publicCode: string };

  beforeAll(async () => {
    t = await testApp(kind);
    inspector = await staff(t, 'lc.inspector1');
    leader = await staff(t, 'lc.leader');
    clinic = await insertEstablishment(t, { name: '历城区档案测试诊所' });
    dental = await insertEstablishment(t, {
      name: '历城区示范口腔诊所',
      category: 'D215',
      flags: ['dental'],
      subjects: ['12'],
    });
    await emit(t, 'inspection.inspection.completed', 'establishment', clinic.id, {
      inspectionId: 311,
      campaignId: 9,
      taskKind: 'draw',
      inspectedOn: '2026-03-02',
      outcome: 'non_compliant',
      nonCompliantItems: ['MW-03', 'MW-05'],
      departments: ['supervision'],
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('records points from a finding in the file; refuses points without a source record or outside the catalogue', async () => {
    const noSource = await inspector.post(`/credit/establishments/${clinic.id}/demerits`, {
      behaviourCode: 'I06',
      occurredOn: '2026-03-02',
      source: { type: 'inspection', id: '999' },
      note: '医疗废物暂存超过 48 小时',
    });
    expect(noSource.statusCode).toBe(422);
    expect(noSource.json()).toMatchObject({ code: 'source_not_found', errors: [{ path: 'source.id' }] });
    const missing = await inspector.post(`/credit/establishments/${clinic.id}/demerits`, {
      behaviourCode: 'I06',
      occurredOn: '2026-03-02',
      note: 'x y',
    });
    expect(missing.statusCode).toBe(400);
    const unknown = await inspector.post(`/credit/establishments/${clinic.id}/demerits`, {
      behaviourCode: 'P03',
      occurredOn: '2026-03-02',
      source: { type: 'inspection', id: '311' },
      note: '医师违规',
    });
    expect(unknown.json().code).toBe('unknown_behaviour');
    const ok = await inspector.post(`/credit/establishments/${clinic.id}/demerits`, {
      behaviourCode: 'I06',
      occurredOn: '2026-03-02',
      source: { type: 'inspection', id: '311' },
      note: '医疗废物暂存超过 48 小时',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      points: 4,
      behaviourCode: 'I06',
      recordedBy: 'lc.inspector1',
      article: { zh: '《医疗废物管理条例》第十六条、第十七条' },
    });
    const own = await institution(t, 'file.clinic', clinic.id);
    const seen = (await own.get(`/credit/establishments/${clinic.id}/demerits`)).json();
    expect(seen.items[0]).toMatchObject({
      points: 4,
      recordedBy: '监督人员',
      note: '医疗废物暂存超过 48 小时',
    });
    expect((await own.post(`/credit/establishments/${clinic.id}/demerits`, {})).statusCode).toBe(403);
    expect(await eventsOf(t, 'credit.demerit.recorded')).toEqual([
      expect.objectContaining({ establishmentId: clinic.id, points: 4 }),
    ]);
  });

  it('an override needs a written reason; the computed values stay visible and the stratum follows', async () => {
    const none = await leader.post(`/credit/establishments/${clinic.id}/overrides`, {
      target: 'mode',
      value: 'stationed',
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].path).toBe('reason');
    const blank = await leader.post(`/credit/establishments/${clinic.id}/overrides`, {
      target: 'mode',
      value: 'stationed',
      reason: '   ',
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0].messageZh).toContain('须填写理由');
    expect(
      (
        await inspector.post(`/credit/establishments/${clinic.id}/overrides`, {
          target: 'mode',
          value: 'stationed',
          reason: '专项整治期间驻点',
        })
      ).statusCode,
    ).toBe(403);
    const bad = await leader.post(`/credit/establishments/${clinic.id}/overrides`, {
      target: 'risk_level',
      value: 'extreme',
      reason: '专项整治期间驻点',
    });
    expect(bad.json().code).toBe('invalid_override');

    const before = (await inspector.get(`/credit/establishments/${clinic.id}`)).json();
    const set = await leader.post(`/credit/establishments/${clinic.id}/overrides`, {
      target: 'risk_level',
      value: 'high',
      reason: '医疗废物专项整治期间列为高风险',
    });
    expect(set.statusCode).toBe(201);
    const p = set.json();
    expect(p.risk).toMatchObject({
      level: 'high',
      computed: before.risk.computed,
      override: { value: 'high', reason: '医疗废物专项整治期间列为高风险', createdBy: 'lc.leader' },
    });
    expect((await stratumOf(t.database.db, [clinic.id])).get(clinic.id)!.riskLevel).toBe('high');
    expect(await auditCount(t, 'credit.override.set')).toBe(1);
    const revoked = await leader.post(`/credit/overrides/${p.risk.override.id}/revoke`, {
      reason: '专项整治结束',
    });
    expect(revoked.json().risk).toMatchObject({ level: before.risk.level, override: null });
  });

  it('a revoked licence lists on the blacklist with joint punishments; repair waits for the minimum period and every condition', async () => {
    await emit(t, 'enforcement.penalty.decided', 'case', 'C-9', {
      caseId: 'C-9',
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
    const list = (await inspector.get('/credit/blacklist?status=listed')).json();
    expect(list.items).toHaveLength(1);
    const l = list.items[0];
    expect(l).toMatchObject({
      ruleCode: 'BL_REVOKED',
      subjectId: clinic.id,
      enteredOn: '2026-03-10',
      repairFrom: '2027-03-10',
      endsOn: '2029-03-09',
    });
    expect(l.flags.map((f: { code: string }) => f.code)).toContain('no_commitment_mode');
    const p = (await inspector.get(`/credit/establishments/${clinic.id}`)).json();
    expect(p.creditLevel.level).toBe('D');
    expect(p.blacklist).toHaveLength(1);
    expect(p.demerits.points).toBe(14);
    expect(p.demerits.band).toMatchObject({
      minPoints: 12,
      consequences: expect.arrayContaining([expect.objectContaining({ code: 'key_supervision' })]),
    });
    expect((await eventsOf(t, 'credit.blacklist.entered'))[0]).toMatchObject({
      establishmentId: clinic.id,
      ruleCode: 'BL_REVOKED',
    });
    const pub = await t.app.inject({ method: 'GET', url: `/api/v1/public/credit/${clinic.publicCode}` });
    expect(pub.json()).toMatchObject({ blacklisted: true, demeritPoints: 14 });

    const own = await institution(t, 'repair.clinic', clinic.id);
    const conditions = [
      'obligations_fulfilled',
      'conduct_corrected',
      'credit_commitment_signed',
      'no_new_serious_dishonesty',
    ].map((code) => ({
      code,
      met: true,
      evidence: '见附件',
    }));
    const early = await own.post(`/credit/blacklist/${l.id}/repairs`, {
      statement: '已整改完毕，申请信用修复',
      conditions,
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('repair_too_early');

    t.setNow(new Date('2027-03-11T02:00:00Z'));
    const own2 = await institution(t, 'repair.clinic2', clinic.id);
    const applied = await own2.post(`/credit/blacklist/${l.id}/repairs`, {
      statement: '已整改完毕，申请信用修复',
      conditions: conditions
        .slice(0, 3)
        .concat([{ code: 'no_new_serious_dishonesty', met: false, evidence: '' }]),
    });
    expect(applied.statusCode).toBe(201);
    const repairId = applied.json().repairs[0].id;
    const leader2 = await staff(t, 'lc.leader');
    const refusedGrant = await leader2.post(`/credit/blacklist/${l.id}/repairs/${repairId}/decide`, {
      decision: 'grant',
      reason: '材料齐全，准予修复',
    });
    expect(refusedGrant.statusCode).toBe(422);
    expect(refusedGrant.json().code).toBe('repair_conditions_unmet');
    const refused = await leader2.post(`/credit/blacklist/${l.id}/repairs/${repairId}/decide`, {
      decision: 'refuse',
      reason: '未说明列入期间情况',
    });
    expect(refused.json().repairs[0].status).toBe('refused');
    const again = await own2.post(`/credit/blacklist/${l.id}/repairs`, {
      statement: '补充说明后再次申请',
      conditions,
    });
    const granted = await leader2.post(
      `/credit/blacklist/${l.id}/repairs/${again.json().repairs[1].id}/decide`,
      { decision: 'grant', reason: '条件均已满足' },
    );
    expect(granted.json()).toMatchObject({ status: 'exited', exitKind: 'repair', exitedOn: '2027-03-11' });
    expect((await eventsOf(t, 'credit.blacklist.exited'))[0]).toMatchObject({
      establishmentId: clinic.id,
      exitKind: 'repair',
    });
    t.setNow(new Date('2026-03-10T02:00:00Z'));
    inspector = await staff(t, 'lc.inspector1');
    leader = await staff(t, 'lc.leader');
  });

  it('grades a dental clinic: the grade sets the graded mode’s frequency and shows on the portal', async () => {
    const items = DEFAULT_GRADING_RULES.checklists.find((c) => c.sector === 'dental')!.items;
    const scores = items.map((i) => ({ itemCode: i.code, score: i.code === 'DT03' ? 10 : i.maxScore }));
    const res = await inspector.post(`/credit/establishments/${dental.id}/gradings`, {
      assessedOn: '2026-03-09',
      scores,
      note: '器械灭菌记录不全',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      sector: 'dental',
      total: 85,
      gradeByTotal: 'B',
      grade: 'C',
      cappedBy: ['DT03'],
    });
    const p = (await inspector.get(`/credit/establishments/${dental.id}`)).json();
    expect(p.mode).toMatchObject({ mode: 'graded', inspectionsPerYear: 3 });
    expect(p.grade).toMatchObject({ grade: 'C', nameZh: 'C 一般', total: 85 });
    const pub = (
      await t.app.inject({ method: 'GET', url: `/api/v1/public/credit/${dental.publicCode}` })
    ).json();
    expect(pub.grade).toMatchObject({ grade: 'C', assessedOn: '2026-03-09' });
    const bad = await inspector.post(`/credit/establishments/${clinic.id}/gradings`, {
      assessedOn: '2026-03-09',
      scores,
    });
    expect(bad.json().code).toBe('not_graded');
  });

  it('a practitioner has a file and points of their own, from a penalty naming them', async () => {
    const doctor = await insertPractitioner(t, dental.id, '李医生', 'CERT-D-1');
    await emit(t, 'enforcement.penalty.decided', 'case', 'C-10', {
      caseId: 'C-10',
      establishmentId: null,
      practitionerId: doctor,
      severity: 'general',
      kinds: ['warning'],
      fineAmount: 0,
      licenceRevoked: false,
      decidedOn: day(t),
      violationCode: 'beyond_registration',
      basis: '《医师法》第五十七条',
    });
    const p = (await inspector.get(`/credit/practitioners/${doctor}`)).json();
    expect(p).toMatchObject({
      subject: { type: 'practitioner', name: '李医生', establishmentId: dental.id },
      creditLevel: { level: 'C' },
      risk: null,
      mode: null,
    });
    const d = (await inspector.get(`/credit/practitioners/${doctor}/demerits`)).json();
    expect(d.items[0]).toMatchObject({ behaviourCode: 'P05', points: 6 });
    const other = await staff(t, 'zq.inspector');
    expect((await other.get(`/credit/practitioners/${doctor}`)).statusCode).toBe(404);
  });

  it('the rules are versioned data: a broken section is refused, a good one saved; recompute applies it', async () => {
    const boss = await admin(t);
    const rules = (await boss.get('/credit/rules')).json();
    expect(rules.items.map((r: { section: string }) => r.section)).toEqual([
      'demerits',
      'levels',
      'blacklist',
      'risk',
      'modes',
      'grading',
      'warnings',
      'monitoring',
    ]);
    const risk = rules.items.find((r: { section: string }) => r.section === 'risk');
    expect(risk).toMatchObject({ version: 1, values: { cutPoints: DEFAULT_RISK_WEIGHTS.cutPoints } });
    const broken = await boss.put('/credit/rules/risk', {
      values: { ...risk.values, cutPoints: { medium: 60, high: 50, severe: 70 } },
      note: '试错',
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().code).toBe('invalid_credit_rules');
    const saved = await boss.put('/credit/rules/risk', {
      values: { ...risk.values, cutPoints: { medium: 15, high: 50, severe: 70 } },
      note: '降低中风险分界',
      expectedVersion: 1,
    });
    expect(saved.json()).toMatchObject({ version: 2, createdBy: 'admin' });
    const stale = await boss.put('/credit/rules/risk', {
      values: risk.values,
      note: '旧版本',
      expectedVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
    const recomputed = (await boss.post('/credit/recompute')).json();
    expect(recomputed.computed).toBeGreaterThanOrEqual(2);
    const p = (await inspector.get(`/credit/establishments/${dental.id}`)).json();
    expect(p.ruleVersions.risk).toBe(2);
    expect(p.risk.cutPoints.medium).toBe(15);
  });
});
