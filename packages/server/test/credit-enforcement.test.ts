import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainEvents } from '../src/events/dispatch.js';
import { stratumOf } from '../src/modules/credit/queries.js';
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
 * The "done when", driven through the enforcement module's own API: a lead, a case opened,
 * the violation recorded, the party notified, the decision taken. The enforcement code never calls
 * credit code; its `enforcement.penalty.decided` event, delivered as the job runtime does, updates
 * the credit file, the points, the credit level, the risk level, the mode and the stratum.
 */
describe.each(DATABASE_KINDS)('a penalty decided in enforcement reaches credit on %s', (kind) => {
  let t: TestApp;
  let officer: Client;
  let leader: Client;
  let clinicId: number;
  let caseId: number;
  const act = caseActions();

  beforeAll(async () => {
    t = await testApp(kind);
    setDay(t, '2026-03-02');
    officer = await demoUser(t, 'lc.inspector1');
    leader = await staff(t, 'cr.leader', 'supervision', ['leader']);
    await staff(t, 'cr.second', 'supervision', ['inspector']);
    clinicId = (await insertEstablishment(t, { name: '历城区医废登记不全诊所' })).id;
    const o1 = await insertOfficer(t, { name: '执法甲', username: 'lc.inspector1' });
    const o2 = await insertOfficer(t, { name: '执法乙', username: 'cr.second' });
    const lead = await officer.post('/enforcement/leads', {
      summary: '日常巡查发现医疗废物未登记，责令限期改正后逾期仍未改正。',
      establishmentId: clinicId,
    });
    expect(lead.statusCode, lead.body).toBe(201);
    const l = (await officer.get(`/enforcement/leads/${lead.json().id}`)).json();
    const opened = await officer.post(`/enforcement/leads/${l.id}/triage`, {
      action: 'open_case',
      expectedVersion: l.version,
      summary: '医疗废物未登记，逾期不改正',
      officerIds: [o1, o2],
    });
    expect(opened.statusCode, opened.body).toBe(200);
    caseId = opened.json().caseId;
    expect((await act(leader, caseId, 'approve_opening', { opinion: '同意立案' })).statusCode).toBe(200);
    await drainEvents(t.ctx);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('before the decision the clinic is low risk', async () => {
    const p = (await officer.get(`/credit/establishments/${clinicId}`)).json();
    expect(p.risk.level).toBe('low');
    expect(p.demerits.points).toBe(0);
  });

  it('the decision updates the file, points, level, risk, mode and stratum through its event', async () => {
    const v = await act(officer, caseId, 'record_violation', {
      violationCode: 'medical_waste_register',
      circumstance: 'general',
      facts: '经查，当事人未对医疗废物进行登记，经责令限期改正，逾期仍未改正。',
    });
    expect(v.statusCode, v.body).toBe(200);
    const notified = await act(officer, caseId, 'notify', {
      kinds: ['warning', 'fine'],
      fineAmount: 3000,
      confiscationAmount: 0,
    });
    expect(notified.statusCode, notified.body).toBe(200);
    setDay(t, '2026-03-10');
    const proposed = await act(officer, caseId, 'propose_decision', {
      kinds: ['warning', 'fine'],
      fineAmount: 3000,
      confiscationAmount: 0,
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    const decided = await act(leader, caseId, 'decide');
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().severity).toBe('general');

    await drainEvents(t.ctx);

    const file = (await officer.get(`/credit/establishments/${clinicId}/entries`)).json();
    expect(file.items.find((e: { kind: string }) => e.kind === 'penalty')).toMatchObject({
      severity: 'general',
      source: { module: 'enforcement', type: 'case', id: String(caseId) },
      citation: { zh: expect.stringContaining('医疗废物管理条例') },
    });
    const demerits = (await officer.get(`/credit/establishments/${clinicId}/demerits`)).json();
    expect(demerits.items[0]).toMatchObject({
      behaviourCode: 'I06',
      points: 4,
      source: { id: String(caseId) },
    });
    const p = (await officer.get(`/credit/establishments/${clinicId}`)).json();
    expect(p.creditLevel.level).toBe('C');
    expect(p.risk).toMatchObject({ level: 'high', score: 41 });
    expect(p.mode).toMatchObject({ mode: 'demerit', inspectionsPerYear: 3 });
    expect((await stratumOf(t.database.db, [clinicId])).get(clinicId)).toEqual({
      riskLevel: 'high',
      creditLevel: 'c',
    });
  });
});
