import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, day, emit, eventsOf, insertEstablishment, staff } from './credit-helpers.js';
import { userId } from './identity-helpers.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';

/**
 * A warning's life: raised by a rule (a spike of substantiated complaints), seen only by the
 * answering department, escalated each time it runs overdue (the clock moved with setNow), then
 * assigned, checked (核查) and handled (处置: a lead to enforcement), with its history and events.
 */
describe.each(DATABASE_KINDS)('warnings on %s', (kind) => {
  let t: TestApp;
  let inspector: Client;
  let clinic: { id: number };
  let alertId: number;

  beforeAll(async () => {
    t = await testApp(kind);
    inspector = await staff(t, 'lc.inspector1');
    clinic = await insertEstablishment(t, { name: '历城区投诉较多诊所' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('three substantiated complaints in 30 days raise a complaint-spike warning, due in 10 working days', async () => {
    for (const n of [1, 2, 3]) {
      await emit(t, 'enforcement.complaint.substantiated', 'complaint', 500 + n, {
        complaintId: 500 + n,
        establishmentId: clinic.id,
        practitionerId: null,
        on: day(t),
      });
    }
    const raised = await eventsOf(t, 'credit.alert.raised');
    expect(raised).toEqual([
      expect.objectContaining({
        establishmentId: clinic.id,
        ruleCode: 'complaint_spike',
        dueOn: '2026-03-24',
      }),
    ]);
    alertId = raised[0]!.alertId as number;
    const inbox = (await inspector.get('/credit/alerts?status=open')).json();
    expect(inbox.items.map((a: { id: number }) => a.id)).toEqual([alertId]);
    expect(inbox.items[0]).toMatchObject({
      status: 'open',
      overdue: false,
      escalationLevel: 0,
      allowedActions: ['assign'],
    });
    // Another department of the same county does not see the supervision institute's warnings.
    const market = await staff(t, 'lc.market');
    expect((await market.get('/credit/alerts')).json().items).toEqual([]);
    expect((await market.get(`/credit/alerts/${alertId}`)).statusCode).toBe(404);
  });

  /** Moves the clock; sessions expire over days, so the inspector signs in again. */
  const moveTo = async (iso: string) => {
    t.setNow(new Date(iso));
    inspector = await staff(t, 'lc.inspector1');
  };

  it('escalates the day after the deadline, and again every five working days while unanswered', async () => {
    await moveTo('2026-03-24T02:00:00Z');
    expect((await inspector.post('/credit/alerts/escalate')).json()).toEqual({ escalated: 0 });
    await moveTo('2026-03-25T02:00:00Z');
    expect((await inspector.post('/credit/alerts/escalate')).json()).toEqual({ escalated: 1 });
    expect((await inspector.post('/credit/alerts/escalate')).json()).toEqual({ escalated: 0 });
    let a = (await inspector.get(`/credit/alerts/${alertId}`)).json();
    expect(a).toMatchObject({ overdue: true, escalationLevel: 1, nextEscalationOn: '2026-04-01' });
    await moveTo('2026-04-01T02:00:00Z');
    expect((await inspector.post('/credit/alerts/escalate')).json()).toEqual({ escalated: 1 });
    a = (await inspector.get(`/credit/alerts/${alertId}`)).json();
    expect(a.escalationLevel).toBe(2);
    expect((await eventsOf(t, 'credit.alert.escalated')).map((e) => e.level)).toEqual([1, 2]);
    expect(
      (await inspector.get('/credit/alerts?escalated=true&overdue=true'))
        .json()
        .items.map((x: { id: number }) => x.id),
    ).toEqual([alertId]);
  });

  it('refuses actions out of order with the allowed ones, and an assignee who may not handle it', async () => {
    const early = await inspector.post(`/credit/alerts/${alertId}/actions`, {
      action: 'dispose',
      disposition: 'lead',
      note: '移交执法',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'invalid_transition',
      details: { allowedActions: ['assign'] },
    });
    const wrong = await inspector.post(`/credit/alerts/${alertId}/actions`, {
      action: 'assign',
      assigneeUserId: await userId(t, 'lc.market'),
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('invalid_assignee');
    const noFindings = await inspector.post(`/credit/alerts/${alertId}/actions`, {
      action: 'check',
      confirmed: true,
      findings: '',
    });
    expect(noFindings.statusCode).toBe(400);
  });

  it('is assigned, checked and handled as a lead to enforcement, with history, file entry and event', async () => {
    const assigned = await inspector.post(`/credit/alerts/${alertId}/actions`, {
      action: 'assign',
      assigneeUserId: await userId(t, 'lc.inspector2'),
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({
      status: 'assigned',
      assignee: { username: 'lc.inspector2' },
      allowedActions: ['assign', 'check'],
    });
    const second = await staff(t, 'lc.inspector2');
    expect(
      (await second.get('/credit/alerts?mine=true')).json().items.map((a: { id: number }) => a.id),
    ).toEqual([alertId]);
    const checked = await second.post(`/credit/alerts/${alertId}/actions`, {
      action: 'check',
      confirmed: true,
      findings: '现场核查：投诉反映的无证人员执业情况属实',
    });
    expect(checked.json()).toMatchObject({
      status: 'checked',
      confirmed: true,
      allowedActions: ['assign', 'dispose'],
    });
    const handled = await second.post(`/credit/alerts/${alertId}/actions`, {
      action: 'dispose',
      disposition: 'lead',
      note: '移交执法支队立案调查',
    });
    expect(handled.statusCode).toBe(200);
    const a = handled.json();
    expect(a).toMatchObject({ status: 'handled', disposition: 'lead', overdue: false, allowedActions: [] });
    expect(a.history.map((h: { action: string }) => h.action)).toEqual([
      'raise',
      'escalate',
      'escalate',
      'assign',
      'check',
      'dispose',
    ]);
    expect(await eventsOf(t, 'credit.alert.handled')).toEqual([
      expect.objectContaining({
        alertId,
        disposition: 'lead',
        confirmed: true,
        onTime: false,
        establishmentId: clinic.id,
      }),
    ]);
    const file = (await inspector.get(`/credit/establishments/${clinic.id}/entries`)).json();
    expect(file.items.map((e: { kind: string }) => e.kind)).toContain('warning_confirmed');
    expect((await inspector.post('/credit/alerts/escalate')).json()).toEqual({ escalated: 0 });
  });

  it('time-driven rules: no upload for N days, a revalidation past due', async () => {
    const plant = await insertEstablishment(t, {
      name: '历城区远程监控泳池',
      kind: 'public_place',
      category: 'S402',
      flags: ['remote_monitoring'],
    });
    await emit(t, 'licensing.revalidation.noticed', 'licensing_revalidation', 42, {
      establishmentId: plant.id,
      licenseId: 4242,
      dueOn: '2026-04-05',
    });
    await inspector.get(`/credit/establishments/${plant.id}`); // assessed on 04-01: remote monitoring installed, nothing uploaded yet
    expect((await inspector.post('/credit/warnings/scan')).json().raised).toBe(0);
    await moveTo('2026-04-10T02:00:00Z');
    const scan = (await inspector.post('/credit/warnings/scan')).json();
    expect(scan.raised).toBe(2);
    const rules = (await inspector.get(`/credit/alerts?establishmentId=${plant.id}`))
      .json()
      .items.map((a: { ruleCode: string }) => a.ruleCode)
      .sort();
    expect(rules).toEqual(['revalidation_overdue', 'upload_missing']);
    expect((await inspector.post('/credit/warnings/scan')).json().raised).toBe(0);
  });
});
