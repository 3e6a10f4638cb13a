import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../src/db/database.js';
import { drainEvents } from '../src/events/dispatch.js';
import { emitEvent } from '../src/events/events.js';
import { client, signInAdmin } from './identity-helpers.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import {
  type Client,
  caseActions,
  demoUser,
  insertEstablishment,
  insertOfficer,
  setDay,
  staff,
} from './support/enforcement.js';

/**
 * Leads and what follows them (issue 8 §2, §3, §6): a finding passed on by an inspection becomes a
 * lead and then a case; a credit alert becomes a lead; a recusal that would leave one officer is
 * refused; a referral to the police is received as a lead there and acknowledged; triage into no
 * action or a rectification order.
 */
describe.each(DATABASE_KINDS)('leads, referrals and recusal on %s', (kind) => {
  let t: TestApp;
  let officer: Client;
  let leader: Client;
  let police: Client;
  let clinicId: number;
  let officers: number[];
  let caseId: number;
  let act: ReturnType<typeof caseActions>;

  beforeAll(async () => {
    t = await testApp(kind);
    setDay(t, '2026-03-10');
    act = caseActions();
    officer = await demoUser(t, 'lc.inspector1');
    police = await demoUser(t, 'lc.police');
    leader = await staff(t, 'sv.leader2', 'supervision', ['leader']);
    clinicId = (await insertEstablishment(t, { name: '历城区安康门诊部', uscc: '91370112MA3LEAD01X' })).id;
    officers = [
      await insertOfficer(t, { name: '执法甲', username: 'lc.inspector1' }),
      await insertOfficer(t, { name: '执法乙', username: 'lc.inspector2' }),
      await insertOfficer(t, { name: '执法丙' }),
    ];
  });
  afterAll(async () => {
    await t?.close();
  });

  it('turns an inspection finding into a lead for each department of the inspection, once', async () => {
    const payload = {
      inspectionId: 41,
      leadId: 7,
      itemCodes: ['MED-03'],
      summary: '现场发现使用非卫生技术人员从事诊疗活动',
      departments: ['supervision', 'market'],
    };
    await t.database.db.transaction(async (tx) => {
      await emitEvent(
        tx,
        { type: 'inspection.lead.raised', aggregateType: 'establishment', aggregateId: clinicId, payload },
        t.ctx.now(),
      );
    });
    await drainEvents(t.ctx);
    const leads = (await officer.get('/enforcement/leads?source=inspection')).json();
    expect(leads.items).toHaveLength(1);
    expect(leads.items[0]).toMatchObject({
      source: 'inspection',
      sourceRef: '7',
      establishmentId: clinicId,
      departmentCode: 'supervision',
      state: 'open',
      summary: expect.stringContaining('非卫生技术人员'),
      details: { inspectionId: 41, itemCodes: ['MED-03'] },
    });
    const market = await demoUser(t, 'lc.market');
    expect((await market.get('/enforcement/leads?source=inspection')).json().items).toHaveLength(1);
    // The same event again (a redelivery, or raised twice) does not make a second lead.
    await t.database.db.transaction(async (tx) => {
      await emitEvent(
        tx,
        { type: 'inspection.lead.raised', aggregateType: 'establishment', aggregateId: clinicId, payload },
        t.ctx.now(),
      );
    });
    await drainEvents(t.ctx);
    expect((await officer.get('/enforcement/leads?source=inspection')).json().total).toBe(1);
  });

  it('opens a case from the inspection lead', async () => {
    const lead = (await officer.get('/enforcement/leads?source=inspection')).json().items[0];
    const res = await officer.post(`/enforcement/leads/${lead.id}/triage`, {
      action: 'open_case',
      expectedVersion: lead.version,
      summary: '使用非卫生技术人员从事医疗卫生技术工作',
      officerIds: officers.slice(0, 2),
    });
    expect(res.statusCode, res.body).toBe(200);
    caseId = res.json().caseId;
    expect((await officer.get(`/enforcement/leads/${lead.id}`)).json()).toMatchObject({
      state: 'case',
      caseId,
    });
    const again = await officer.post(`/enforcement/leads/${lead.id}/triage`, {
      action: 'dismiss',
      expectedVersion: lead.version + 1,
      reason: 'x',
    });
    expect(again.statusCode).toBe(409);
    expect((await act(leader, caseId, 'approve_opening')).json().state).toBe('investigating');
  });

  it('refuses a recusal that would leave one officer, and accepts it with a replacement', async () => {
    const alone = await act(leader, caseId, 'recuse_officer', {
      officerId: officers[1],
      reason: '与当事人负责人系亲属',
      source: 'officer',
    });
    expect(alone.statusCode).toBe(422);
    expect(alone.json()).toMatchObject({
      code: 'too_few_officers',
      errors: [{ path: 'replacementOfficerId' }],
    });
    const replaced = await act(leader, caseId, 'recuse_officer', {
      officerId: officers[1],
      reason: '与当事人负责人系亲属',
      source: 'officer',
      replacementOfficerId: officers[2],
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    const c = replaced.json();
    expect(c.activeOfficers).toBe(2);
    expect(c.officers.find((o: { inspectorId: number }) => o.inspectorId === officers[1])).toMatchObject({
      recusedOn: '2026-03-10',
      recusalSource: 'officer',
    });
    expect(
      (
        await act(officer, caseId, 'recuse_officer', {
          officerId: officers[0],
          reason: 'x',
          source: 'party',
          replacementOfficerId: officers[1],
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refers the case to the police, who receive it as a lead and acknowledge it; the case closes as referred', async () => {
    const sent = await officer.post('/enforcement/referrals', {
      caseId,
      toKind: 'department',
      toDepartmentCode: 'police',
      reason: '非卫生技术人员致患者严重损害，涉嫌非法行医罪',
      suspectedCrime: true,
      materials: '询问笔录2份、现场照片5张',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const referral = sent.json();
    expect(referral).toMatchObject({
      toBodyName: '历城区公安分局',
      state: 'sent',
      direction: 'sent',
      receivedLeadId: null,
    });
    const received = (await police.get('/enforcement/referrals?direction=received')).json().items;
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      id: referral.id,
      direction: 'received',
      receivedLeadId: expect.any(Number),
    });
    expect((await police.get(`/enforcement/leads/${received[0].receivedLeadId}`)).json()).toMatchObject({
      source: 'referral',
      departmentCode: 'police',
    });
    const bySender = await officer.post(`/enforcement/referrals/${referral.id}/actions`, {
      action: 'acknowledge',
      expectedVersion: 1,
      receiptNo: 'x',
    });
    expect(bySender.statusCode).toBe(403);
    const ack = await police.post(`/enforcement/referrals/${referral.id}/actions`, {
      action: 'acknowledge',
      expectedVersion: 1,
      receiptNo: '历公（治）受字〔2026〕18号',
    });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({
      state: 'acknowledged',
      acknowledgedOn: '2026-03-10',
      receiptNo: '历公（治）受字〔2026〕18号',
    });
    const result = await police.post(`/enforcement/referrals/${referral.id}/actions`, {
      action: 'record_result',
      expectedVersion: 2,
      result: '已立案侦查',
    });
    expect(result.json().state).toBe('concluded');
    const event = await queryOne<{ payload: unknown }>(
      t.database.db,
      sql`SELECT payload FROM domain_event WHERE type = 'enforcement.referral.sent'`,
    );
    expect(event!.payload).toEqual({ referralId: referral.id, toDepartment: 'police', caseId });
    const closed = await act(leader, caseId, 'close_without_penalty', {
      outcome: 'referred',
      reason: '涉嫌犯罪，已移送公安机关',
    });
    expect(closed.json()).toMatchObject({
      state: 'closed',
      outcome: 'referred',
      referrals: [{ state: 'concluded' }],
    });
    const steps = (await officer.get(`/enforcement/cases/${caseId}/record`))
      .json()
      .entries.map((e: { action: string }) => e.action);
    expect(steps).toEqual(
      expect.arrayContaining([
        'refer',
        'referral_acknowledge',
        'referral_record_result',
        'close_without_penalty',
      ]),
    );
    expect((await officer.get(`/enforcement/cases/${caseId}/record/verify`)).json().ok).toBe(true);
    // Nobody else sees it: another county's officer.
    const outsider = await demoUser(t, 'zq.inspector');
    expect((await outsider.get(`/enforcement/referrals/${referral.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/enforcement/cases/${caseId}`)).statusCode).toBe(404);
  });

  it('refers to the judiciary, outside the system: the body must be named, and the sender records its receipt', async () => {
    const unnamed = await officer.post('/enforcement/referrals', {
      caseId,
      toKind: 'judiciary',
      reason: '涉嫌非法行医罪，移送检察机关备案',
    });
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'toBodyName' }] });
    const sent = await officer.post('/enforcement/referrals', {
      caseId,
      toKind: 'judiciary',
      toBodyName: '济南市历城区人民检察院',
      reason: '涉嫌非法行医罪，移送检察机关备案',
      suspectedCrime: true,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const referral = sent.json();
    expect(referral).toMatchObject({
      toKind: 'judiciary',
      toDepartmentCode: null,
      toBodyName: '济南市历城区人民检察院',
      state: 'sent',
    });
    // No unit of the system receives it: the police do not see it.
    expect((await police.get(`/enforcement/referrals/${referral.id}`)).statusCode).toBe(404);
    const ack = await officer.post(`/enforcement/referrals/${referral.id}/actions`, {
      action: 'acknowledge',
      expectedVersion: 1,
      receiptNo: '历检受〔2026〕3号',
      acknowledgedBy: '王检察官',
      acknowledgedOn: '2026-03-09',
    });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({
      state: 'acknowledged',
      acknowledgedBy: '王检察官',
      acknowledgedOn: '2026-03-09',
      receiptNo: '历检受〔2026〕3号',
    });
    const record = (await officer.get(`/enforcement/cases/${caseId}/record`)).json();
    const actions = record.entries.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === 'refer')).toHaveLength(2);
    expect(actions.filter((a: string) => a === 'referral_acknowledge')).toHaveLength(2);
  });

  it('makes a lead of a credit alert (subscribed by name before the credit module exists)', async () => {
    await t.database.db.transaction(async (tx) => {
      await emitEvent(
        tx,
        {
          type: 'credit.alert.raised',
          aggregateType: 'establishment',
          aggregateId: clinicId,
          payload: { alertId: 'A-9', establishmentId: clinicId, ruleCode: 'R01' },
        },
        t.ctx.now(),
      );
    });
    await drainEvents(t.ctx);
    const leads = (await officer.get('/enforcement/leads?source=alert')).json().items;
    expect(leads).toEqual([
      expect.objectContaining({
        sourceRef: 'A-9',
        departmentCode: 'supervision',
        summary: expect.stringContaining('R01'),
      }),
    ]);
  });

  it('triages leads into no action (with reasons) or a rectification order counted in working days', async () => {
    const [alert] = (await officer.get('/enforcement/leads?source=alert')).json().items;
    const noReason = await officer.post(`/enforcement/leads/${alert.id}/triage`, {
      action: 'dismiss',
      expectedVersion: alert.version,
    });
    expect(noReason.statusCode).toBe(400);
    const rect = await officer.post(`/enforcement/leads/${alert.id}/triage`, {
      action: 'order_rectification',
      expectedVersion: alert.version,
      workingDays: 10,
      reason: '预警事项轻微，责令限期整改',
    });
    expect(rect.statusCode, rect.body).toBe(200);
    expect((await officer.get(`/enforcement/leads/${alert.id}`)).json()).toMatchObject({
      state: 'rectification',
      rectificationDue: '2026-03-24',
    });
    const audit = await queryRows<{ action: string }>(
      t.database.db,
      sql`SELECT action FROM audit_event WHERE action LIKE 'enforcement.%' ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'enforcement.lead.create',
        'enforcement.lead.open_case',
        'enforcement.referral.send',
        'enforcement.lead.order_rectification',
      ]),
    );
  });

  it('keeps the benchmark and settings as versioned policy: a new version for new cases, invalid content refused', async () => {
    const admin = client(t, await signInAdmin(t, 'admin'));
    const bench = (await admin.get('/enforcement/policies/benchmark')).json();
    expect(bench.current.version).toBe(1);
    expect((bench.current.content.entries as { code: string }[]).map((e) => e.code)).toContain(
      'unlicensed_practice',
    );
    const settings = (await admin.get('/enforcement/policies/settings')).json();
    expect(settings.citations.hearingAmount.zh).toContain('第六十三条');
    const bad = await admin.post('/enforcement/policies/settings', {
      expectedVersion: 1,
      note: '本省听证数额',
      content: { ...settings.current.content, statementWorkingDays: 0 },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({
      code: 'invalid_policy',
      errors: [{ path: 'content.statementWorkingDays' }],
    });
    const saved = await admin.post('/enforcement/policies/settings', {
      expectedVersion: 1,
      note: '本省听证数额：自然人5000元，组织50000元',
      content: { ...settings.current.content, hearingAmount: { person: 5000, organisation: 50_000 } },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ version: 2, effectiveFrom: '2026-03-10', createdBy: 'admin' });
    expect(
      (
        await admin.post('/enforcement/policies/settings', {
          expectedVersion: 1,
          note: 'x',
          content: settings.current.content,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await officer.post('/enforcement/policies/settings', {
          expectedVersion: 2,
          note: 'x',
          content: settings.current.content,
        })
      ).statusCode,
    ).toBe(403);
  });
});
