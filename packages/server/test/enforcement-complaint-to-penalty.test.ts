import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import {
  type Client,
  caseActions,
  demoUser,
  insertEstablishment,
  insertOfficer,
  LICHENG,
  publicGet,
  publicPost,
  setDay,
} from './support/enforcement.js';

/**
 * One thread from end to end (issue 8, “done when”): a named complaint on the portal → accepted by
 * the unit the responsibility map chose → its lead opened as a case → decision → published with the
 * reporter nowhere in it → taken down when its period ends; the reporter follows it all by the
 * query code and sees the public notes only.
 */
describe.each(DATABASE_KINDS)('from a complaint to a published penalty and its take-down on %s', (kind) => {
  let t: TestApp;
  let officer: Client;
  let leader: Client;
  let legal: Client;
  let queryCode: string;
  let complaintId: number;
  let caseId: number;
  const act = caseActions();
  const REPORTER = '欧阳举报';
  const PHONE = '13966667777';

  const step = async (who: Client, action: string, body: Record<string, unknown> = {}) => {
    const res = await act(who, caseId, action, body);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await testApp(kind);
    setDay(t, '2026-03-02');
    officer = await demoUser(t, 'lc.inspector1');
    leader = await demoUser(t, 'lc.sv.leader');
    legal = await demoUser(t, 'lc.legal');
    await insertEstablishment(t, { name: '历城区惠民诊所', uscc: '91370112MA3THRD01X' });
    await insertOfficer(t, { name: '执法丙', username: 'lc.inspector1' });
    await insertOfficer(t, { name: '执法丁', username: 'lc.inspector2' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('takes the named complaint and routes it to the health supervision unit by the responsibility map', async () => {
    const res = await publicPost(t, '/public/complaints', {
      anonymous: false,
      reporter: { name: REPORTER, phone: PHONE },
      categoryCode: 'practice_violation',
      establishmentCode: '91370112MA3THRD01X',
      regionCode: `${LICHENG}001`,
      description: '惠民诊所超出执业登记范围开展医疗美容项目，我亲眼所见。',
    });
    expect(res.statusCode, res.body).toBe(201);
    queryCode = res.json().queryCode;
    expect(res.json().handlingUnit).toBe('历城区卫生健康监督所');
    const inbox = (await officer.get('/enforcement/complaints')).json();
    expect(inbox.items).toHaveLength(1);
    complaintId = inbox.items[0].id;
  });

  it('accepts it (a lead), opens the case from the lead, and decides', async () => {
    const c = (await officer.get(`/enforcement/complaints/${complaintId}`)).json();
    const accepted = await officer.post(`/enforcement/complaints/${complaintId}/actions`, {
      action: 'accept',
      expectedVersion: c.version,
      publicNote: '已受理，将现场核查。',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const lead = (await officer.get(`/enforcement/leads/${accepted.json().lead.id}`)).json();
    expect(lead).toMatchObject({ source: 'complaint', complaintId, state: 'open' });
    const officers = (await officer.get('/inspectors')).json().items.map((o: { id: number }) => o.id);
    const opened = await officer.post(`/enforcement/leads/${lead.id}/triage`, {
      action: 'open_case',
      expectedVersion: lead.version,
      summary: '超出登记范围开展诊疗活动',
      officerIds: officers.slice(0, 2),
    });
    expect(opened.statusCode, opened.body).toBe(200);
    caseId = opened.json().caseId;
    await step(leader, 'approve_opening');
    const v = await step(officer, 'record_violation', {
      violationCode: 'beyond_registered_scope',
      circumstance: 'general',
      facts: '经查，当事人超出登记的诊疗科目开展医疗美容项目，举报人欧阳举报反映属实。',
    });
    const terms = {
      kinds: v.violation.suggestedKinds,
      fineAmount: v.violation.suggestedFine?.min ?? 0,
      confiscationAmount: 0,
    };
    await step(officer, 'notify', terms);
    await step(officer, 'waive_rights', { note: '当事人书面放弃陈述、申辩和听证。' });
    const proposed = await step(officer, 'propose_decision', terms);
    if (proposed.legalReview?.required) {
      await step(officer, 'submit_legal_review');
      await step(legal, 'approve_legal_review', { opinion: '同意。' });
    }
    const decided = await step(leader, 'decide', { namesToMask: [REPORTER] });
    expect(decided).toMatchObject({ state: 'decided', severity: 'general' });
    expect(decided.publications[0]).toMatchObject({ status: 'pending', severity: 'general' });
  });

  it('publishes the penalty with the reporter nowhere in it, then takes it down when its period ends', async () => {
    const pending = (await leader.get('/enforcement/publications?status=pending')).json().items;
    expect(pending).toHaveLength(1);
    const published = await leader.post(`/enforcement/publications/${pending[0].id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', publishedOnTime: true, visible: true });
    const until = published.json().maxUntil as string;
    const shown = await publicGet(t, '/public/penalties');
    expect(shown.json().items).toHaveLength(1);
    expect(shown.json().items[0].party.name).toBe('历城区惠民诊所');
    for (const secret of [REPORTER, '欧阳', PHONE]) expect(shown.body).not.toContain(secret);

    // The complaint is concluded and answered; the reporter sees the public notes only.
    const c = (await officer.get(`/enforcement/complaints/${complaintId}`)).json();
    const concluded = await officer.post(`/enforcement/complaints/${complaintId}/actions`, {
      action: 'conclude',
      expectedVersion: c.version,
      substantiated: true,
      conclusion: '举报属实，已立案并作出行政处罚。',
      publicNote: '经核查，举报属实，已依法立案查处。',
    });
    expect(concluded.statusCode, concluded.body).toBe(200);
    const tracked = await publicGet(t, `/public/complaints/${queryCode}`);
    expect(tracked.json().history.map((h: { text: string }) => h.text)).toContain(
      '经核查，举报属实，已依法立案查处。',
    );
    expect(tracked.body).not.toContain('举报属实，已立案并作出行政处罚。');

    // The day the period ends it is gone, with no job to run.
    setDay(t, until);
    expect((await publicGet(t, '/public/penalties')).json().items).toEqual([]);
  });
});
