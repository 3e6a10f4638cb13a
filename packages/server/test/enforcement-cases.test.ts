import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../src/db/database.js';
import { filePath, readFile } from '../src/files/file-store.js';
import { userId } from './identity-helpers.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';
import {
  type Client,
  caseActions,
  demoUser,
  insertEstablishment,
  insertOfficer,
  multipartBody,
  publicGet,
  setDay,
  staff,
  TINY_PNG,
} from './support/enforcement.js';

/**
 * A penalty case end to end (issue 8 §3–9): opening with approval and two officers, evidence, the
 * violation against the discretion benchmark, notice with the right to a hearing, the hearing with
 * its 5- and 7-working-day rules, legal review by someone who did not handle the case, the 90-day
 * limit across holidays and its extension, decision and documents, service, payment with the surcharge
 * capped at the fine, closure with re-inspection, publication for the severity's period, take-down,
 * and revocation withdrawing the publication.
 */
describe.each(DATABASE_KINDS)('penalty case on %s', (kind) => {
  let t: TestApp;
  let officer: Client;
  let dual: Client;
  let leader: Client;
  let legal: Client;
  let clinicId: number;
  let o1: number;
  let o2: number;
  let leadId: number;
  let caseId: number;
  let act: ReturnType<typeof caseActions>;
  const dataDir = fs.mkdtempSync('/tmp/weijian-enforcement-');

  beforeAll(async () => {
    t = await testApp(kind, { env: { WEIJIAN_DATA_DIR: dataDir } });
    setDay(t, '2026-01-05');
    act = caseActions();
    officer = await demoUser(t, 'lc.inspector1');
    dual = await staff(t, 'sv.dual', 'supervision', ['inspector', 'legal_reviewer']);
    leader = await staff(t, 'sv.leader', 'supervision', ['leader']);
    legal = await demoUser(t, 'lc.legal');
    clinicId = (await insertEstablishment(t, { name: '历城区康宁诊所', uscc: '91370112MA3CASE01X' })).id;
    o1 = await insertOfficer(t, { name: '执法甲', username: 'lc.inspector1' });
    o2 = await insertOfficer(t, { name: '执法乙', username: 'sv.dual' });
    const lead = await officer.post('/enforcement/leads', {
      summary: '日常巡查发现康宁诊所开展医疗美容项目，超出登记的诊疗科目。患者刘病人反映术后感染。',
      establishmentId: clinicId,
    });
    expect(lead.statusCode, lead.body).toBe(201);
    leadId = lead.json().id;
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses to propose a case with fewer than two certified officers', async () => {
    const lead = (await officer.get(`/enforcement/leads/${leadId}`)).json();
    const res = await officer.post(`/enforcement/leads/${leadId}/triage`, {
      action: 'open_case',
      expectedVersion: lead.version,
      summary: '超出登记范围开展诊疗活动',
      officerIds: [o1],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'too_few_officers', errors: [{ path: 'officerIds' }] });
  });

  it('opens the case with approval; the 90-day limit is counted in calendar days and ends after the Qingming holiday', async () => {
    const lead = (await officer.get(`/enforcement/leads/${leadId}`)).json();
    const res = await officer.post(`/enforcement/leads/${leadId}/triage`, {
      action: 'open_case',
      expectedVersion: lead.version,
      summary: '超出登记范围开展诊疗活动',
      officerIds: [o1, o2],
    });
    expect(res.statusCode, res.body).toBe(200);
    caseId = res.json().caseId;
    const proposed = (await leader.get(`/enforcement/cases/${caseId}`)).json();
    expect(proposed).toMatchObject({
      state: 'proposed',
      party: { name: '历城区康宁诊所', creditCode: '91370112MA3CASE01X' },
      activeOfficers: 2,
    });
    expect(proposed.availableActions.map((a: { action: string }) => a.action)).toContain('approve_opening');
    expect((await act(officer, caseId, 'approve_opening')).statusCode).toBe(403);
    const opened = await act(leader, caseId, 'approve_opening', { opinion: '同意立案调查' });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({
      state: 'investigating',
      openedOn: '2026-01-05',
      decideDue: '2026-04-07',
    });
    expect(opened.json().filingNo).toBe('历城卫监立〔2026〕1号');
    const event = await queryOne<{ payload: unknown }>(
      t.database.db,
      sql`SELECT payload FROM domain_event WHERE type = 'enforcement.case.opened'`,
    );
    expect(event!.payload).toEqual({ caseId, establishmentId: clinicId });
  });

  it('stores evidence with its hash, and refuses what is not a PDF, JPEG or PNG', async () => {
    const { payload, contentType } = multipartBody('现场照片.png', TINY_PNG);
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/v1/enforcement/cases/${caseId}/evidence?kind=photo&description=${encodeURIComponent('美容治疗室现场照片')}`,
      headers: { ...(await officer.headers()), 'content-type': contentType },
      payload,
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    // The case page shows a photo as a thumbnail; evidence is never kept by the browser.
    const thumb = await t.app.inject({
      method: 'GET',
      url: `/api/v1/enforcement/cases/${caseId}/evidence/${up.json().id}?size=thumb`,
      headers: await officer.headers(),
    });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    expect(thumb.headers['cache-control']).toBe('private, no-store');
    const original = await t.app.inject({
      method: 'GET',
      url: `/api/v1/enforcement/cases/${caseId}/evidence/${up.json().id}`,
      headers: await officer.headers(),
    });
    expect(original.headers['content-type']).toBe('image/png');
    expect(original.rawPayload.equals(TINY_PNG)).toBe(true);
    // The original downloads under its file name; the thumbnail is shown inline.
    expect(original.headers['content-disposition']).toMatch(/^attachment;/);
    expect(thumb.headers['content-disposition']).toBeUndefined();
    const bad = multipartBody('x.html', Buffer.from('<html><script>alert(1)</script></html>'), 'image/png');
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/enforcement/cases/${caseId}/evidence?kind=photo&description=x`,
      headers: { ...(await officer.headers()), 'content-type': bad.contentType },
      payload: bad.payload,
    });
    expect(refused.statusCode).toBe(415);
  });

  it('checks the intended penalty against the benchmark, then notifies with the right to a hearing', async () => {
    const v = await act(officer, caseId, 'record_violation', {
      violationCode: 'beyond_registered_scope',
      circumstance: 'serious',
      facts: '经查，当事人于2025年10月至12月擅自开展医疗美容项目，超出登记的诊疗科目，患者刘病人术后感染。',
      illegalIncome: 12_000,
    });
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json().violation).toMatchObject({
      suggestedFine: { min: 50_000, max: 100_000 },
      statutoryFine: { min: 10_000, max: 100_000 },
    });
    const outside = await act(officer, caseId, 'notify', {
      kinds: ['fine', 'revocation'],
      fineAmount: 40_000,
      confiscationAmount: 0,
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.json()).toMatchObject({
      code: 'benchmark_reason_required',
      errors: [{ path: 'outsideRangeReason' }],
    });
    const unlawful = await act(officer, caseId, 'notify', {
      kinds: ['fine'],
      fineAmount: 150_000,
      confiscationAmount: 0,
      outsideRangeReason: '情节特别严重',
    });
    expect(unlawful.json().code).toBe('beyond_statutory_range');
    const notified = await act(officer, caseId, 'notify', {
      kinds: ['fine', 'revocation'],
      fineAmount: 80_000,
      confiscationAmount: 0,
    });
    expect(notified.statusCode, notified.body).toBe(200);
    expect(notified.json()).toMatchObject({
      state: 'notified',
      noticeNo: '历城卫监罚告〔2026〕1号',
      deadlines: { statementDue: '2026-01-08', hearingAvailable: true, hearingRequestDue: '2026-01-12' },
    });
    const early = await act(officer, caseId, 'propose_decision', {
      kinds: ['fine'],
      fineAmount: 60_000,
      confiscationAmount: 0,
    });
    expect(early.json()).toMatchObject({ code: 'rights_period_running' });
  });

  it('holds the hearing: requested within 5 working days, notified 7 working days ahead, chaired by a non-investigator', async () => {
    setDay(t, '2026-01-07');
    expect(
      (await act(officer, caseId, 'record_statement', { text: '当事人称系外聘医生自行开展，请求从轻处罚。' }))
        .statusCode,
    ).toBe(200);
    expect((await act(officer, caseId, 'request_hearing')).json().state).toBe('hearing_requested');
    const tooSoon = await act(officer, caseId, 'schedule_hearing', {
      date: '2026-01-15',
      place: '第一听证室',
      hostName: '钱主持',
    });
    expect(tooSoon.json()).toMatchObject({
      code: 'hearing_notice_too_short',
      messageZh: expect.stringContaining('2026-01-16'),
      errors: [{ path: 'date' }],
    });
    const investigatorHost = await act(officer, caseId, 'schedule_hearing', {
      date: '2026-01-19',
      place: '第一听证室',
      hostName: '执法甲',
      hostUserId: await userId(t, 'lc.inspector1'),
    });
    expect(investigatorHost.json().code).toBe('host_not_independent');
    const scheduled = await act(officer, caseId, 'schedule_hearing', {
      date: '2026-01-19',
      place: '第一听证室',
      hostName: '钱主持',
    });
    expect(scheduled.json().state).toBe('hearing_scheduled');
    setDay(t, '2026-01-19');
    const held = await act(leader, caseId, 'hold_hearing', {
      record: '当事人到场陈述，承认超范围执业事实。',
      partyAttended: true,
    });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json().state).toBe('heard');
  });

  it('needs legal review of the major decision, by someone who did not handle the case', async () => {
    const heavier = await act(officer, caseId, 'propose_decision', {
      kinds: ['fine', 'revocation'],
      fineAmount: 90_000,
      confiscationAmount: 0,
    });
    expect(heavier.json().code).toBe('heavier_than_notified');
    const proposed = await act(officer, caseId, 'propose_decision', {
      kinds: ['fine', 'revocation'],
      fineAmount: 70_000,
      confiscationAmount: 0,
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(proposed.json().legalReview).toMatchObject({
      required: true,
      reasons: ['吊销许可证件', '经过听证程序'],
    });
    const unreviewed = await act(leader, caseId, 'decide');
    expect(unreviewed.statusCode).toBe(422);
    expect(unreviewed.json().code).toBe('legal_review_required');
    expect((await act(officer, caseId, 'submit_legal_review')).json().state).toBe('legal_review');
    const byHandler = await act(dual, caseId, 'approve_legal_review', { opinion: '同意' });
    expect(byHandler.statusCode).toBe(422);
    expect(byHandler.json().code).toBe('reviewer_handled_case');
    expect((await act(officer, caseId, 'approve_legal_review', { opinion: '同意' })).statusCode).toBe(403);
    const reviewed = await act(legal, caseId, 'approve_legal_review', {
      opinion: '事实清楚，证据确凿，程序合法，适用依据正确。',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toMatchObject({
      state: 'pending_decision',
      legalReview: { outcome: 'passed', reviewerName: expect.any(String) },
    });
  });

  it('refuses a decision after the 90 days unless an extension was approved, then decides and emits the penalty', async () => {
    setDay(t, '2026-04-08');
    const late = await act(leader, caseId, 'decide');
    expect(late.json()).toMatchObject({
      code: 'decision_deadline_passed',
      details: { decideDue: '2026-04-07' },
    });
    const extended = await act(leader, caseId, 'extend_deadline', {
      days: 30,
      reason: '案情复杂，经负责人批准延长',
    });
    expect(extended.json().decideDue).toBe('2026-05-06'); // 5 May is in the Labour Day holiday
    const decided = await act(leader, caseId, 'decide', { namesToMask: ['刘病人'] });
    expect(decided.statusCode, decided.body).toBe(200);
    const d = decided.json();
    expect(d).toMatchObject({
      state: 'decided',
      decisionNo: '历城卫监罚决〔2026〕1号',
      severity: 'serious',
      deadlines: { serviceDue: '2026-04-17' },
      decision: { kinds: ['fine', 'revocation'], fineAmount: 70_000 },
    });
    expect(d.publications[0]).toMatchObject({
      status: 'pending',
      severity: 'serious',
      publishBy: '2026-04-17',
      minUntil: '2027-04-08',
      maxUntil: '2029-04-08',
    });
    expect(d.publications[0].content.facts).not.toContain('刘病人');
    const event = await queryOne<{ payload: Record<string, unknown> }>(
      t.database.db,
      sql`SELECT payload FROM domain_event WHERE type = 'enforcement.penalty.decided'`,
    );
    expect(event!.payload).toEqual({
      caseId,
      establishmentId: clinicId,
      practitionerId: null,
      severity: 'serious',
      kinds: ['fine', 'revocation'],
      fineAmount: 70_000,
      licenceRevoked: true,
      decidedOn: '2026-04-08',
      violationCode: 'beyond_registered_scope',
      basis: expect.stringContaining('《医疗机构管理条例》'),
    });
    const pdf = await officer.get(`/enforcement/cases/${caseId}/documents/decision`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    if (process.env.ENFORCEMENT_PDF_OUT) fs.writeFileSync(process.env.ENFORCEMENT_PDF_OUT, pdf.rawPayload);
    expect((await officer.get(`/enforcement/cases/${caseId}/documents/service`)).json().code).toBe(
      'document_not_available',
    );
  });

  it('serves the decision, caps the late surcharge at the fine, executes and closes with a re-inspection', async () => {
    const served = await act(officer, caseId, 'serve', {
      method: 'in_person',
      recipient: '张负责',
      servedOn: '2026-04-08',
    });
    expect(served.statusCode, served.body).toBe(200);
    expect(served.json().deadlines.paymentDue).toBe('2026-04-23');
    setDay(t, '2026-06-01'); // 39 days late: 3% × 39 = 117% of the fine, capped at 100%
    const view = (await officer.get(`/enforcement/cases/${caseId}`)).json();
    expect(view.payment).toMatchObject({
      surchargeToday: { daysLate: 39, amount: 70_000, capped: true },
      owedToday: 140_000,
    });
    const tooMuch = await act(officer, caseId, 'record_payment', { amount: 140_000.01 });
    expect(tooMuch.json().code).toBe('payment_exceeds_due');
    const part = await act(officer, caseId, 'record_payment', { amount: 70_000, receiptNo: 'FS001' });
    expect(part.json()).toMatchObject({
      state: 'served',
      payment: { paidAmount: 70_000, outstandingToday: 70_000 },
    });
    expect((await act(officer, caseId, 'record_execution', { note: 'x' })).json().code).toBe(
      'payment_outstanding',
    );
    const paid = await act(officer, caseId, 'record_payment', { amount: 70_000, receiptNo: 'FS002' });
    expect(paid.json().state).toBe('served'); // the revocation still has to be carried out
    const executed = await act(officer, caseId, 'record_execution', {
      note: '已收缴《医疗机构执业许可证》正副本',
    });
    expect(executed.json().state).toBe('executed');
    const closed = await act(leader, caseId, 'close', {
      report: '罚款及加处罚款已缴清，许可证已吊销，结案。',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      state: 'closed',
      reinspection: { state: 'open', dueOn: '2026-06-30' },
    });
    const scheduled = await queryOne<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM domain_event WHERE type = 'enforcement.reinspection.scheduled'`,
    );
    expect(scheduled!.n).toBe(1);
  });

  it('renders the documents as Word (.docx) as well as PDF, including the closing report', async () => {
    const view = (await officer.get(`/enforcement/cases/${caseId}`)).json();
    expect(view.documents.map((d: { kind: string }) => d.kind)).toEqual([
      'filing',
      'inspection_record',
      'notice',
      'decision',
      'service',
      'closure',
    ]);
    const out = process.env.ENFORCEMENT_DOC_OUT;
    for (const kind of ['decision', 'closure', 'inspection_record']) {
      const docx = await officer.get(`/enforcement/cases/${caseId}/documents/${kind}?format=docx`);
      expect(docx.statusCode, docx.body).toBe(200);
      expect(docx.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect(docx.headers['content-disposition']).toMatch(/^attachment; .*\.docx/);
      const zip = await JSZip.loadAsync(docx.rawPayload);
      const xml = await zip.file('word/document.xml')!.async('string');
      if (kind === 'decision') {
        expect(xml).toContain('历城卫监罚决〔2026〕1号');
        expect(xml).toContain('罚款人民币70,000元');
      } else if (kind === 'closure') {
        expect(xml).toContain('结案报告');
        expect(xml).toContain('2026年6月30日前复查');
      } else {
        // 现场检查笔录: the party, both officers, what was found and the photo with its hash.
        const photo = view.evidence.find((e: { kind: string }) => e.kind === 'photo');
        for (const text of ['现场检查笔录', '历城区康宁诊所', '执法甲', '执法乙', '美容治疗室现场照片']) {
          expect(xml).toContain(text);
        }
        expect(xml).toContain(photo.sha256);
        expect(xml).toContain('被检查人（签名）');
      }
      const pdf = await officer.get(`/enforcement/cases/${caseId}/documents/${kind}`);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      if (out) {
        fs.writeFileSync(`${out}/${kind}.docx`, docx.rawPayload);
        fs.writeFileSync(`${out}/${kind}.pdf`, pdf.rawPayload);
      }
    }
    const bad = await officer.get(`/enforcement/cases/${caseId}/documents/decision?format=html`);
    expect(bad.statusCode).toBe(400);
  });

  it('publishes the penalty masked, shows it for its period, and takes it down at the end', async () => {
    const pending = (await leader.get('/enforcement/publications?status=pending')).json().items[0];
    const published = await leader.post(`/enforcement/publications/${pending.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({
      status: 'published',
      publishedOn: '2026-06-01',
      publishedOnTime: false,
      visible: true,
    });
    const shown = (await publicGet(t, '/public/penalties')).json();
    expect(shown.items).toHaveLength(1);
    expect(shown.items[0]).toMatchObject({
      decisionNo: '历城卫监罚决〔2026〕1号',
      party: { name: '历城区康宁诊所', creditCode: '91370112MA3CASE01X' },
      fineAmountWan: 7,
      displayUntil: '2029-04-08',
    });
    expect(JSON.stringify(shown)).not.toContain('刘病人');
    expect(JSON.stringify(shown)).not.toContain('历城区执法测试路');
    setDay(t, '2029-04-08');
    expect((await publicGet(t, '/public/penalties')).json().items).toEqual([]);
    setDay(t, '2026-06-02');
  });

  it('withdraws the publication when the decision is revoked, and tells the credit module', async () => {
    const revoked = await act(leader, caseId, 'revoke_decision', { reason: '行政复议决定撤销原处罚决定' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().state).toBe('revoked');
    expect(revoked.json().publications[0]).toMatchObject({
      status: 'withdrawn',
      withdrawnOn: '2026-06-02',
      withdrawBy: '2026-06-05',
    });
    expect((await publicGet(t, '/public/penalties')).json().items).toEqual([]);
    const events = await queryRows<{ type: string; payload: Record<string, unknown> }>(
      t.database.db,
      sql`SELECT type, payload FROM domain_event WHERE type LIKE 'enforcement.penalty.%' ORDER BY id`,
    );
    expect(events.map((e) => e.type)).toEqual([
      'enforcement.penalty.decided',
      'enforcement.penalty.withdrawn',
    ]);
    expect(events[1]!.payload).toEqual({ caseId, reason: '行政复议决定撤销原处罚决定', on: '2026-06-02' });
  });

  it('keeps every step in the case’s hash-chained record, and detects an altered step and an altered file', async () => {
    const record = (await officer.get(`/enforcement/cases/${caseId}/record`)).json();
    expect(record.entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([
        'propose',
        'approve_opening',
        'evidence',
        'notify',
        'hold_hearing',
        'approve_legal_review',
        'decide',
        'serve',
        'close',
        'revoke_decision',
      ]),
    );
    expect(record.entries.find((e: { action: string }) => e.action === 'evidence').fileHashes).toHaveLength(
      1,
    );
    const ok = (await officer.get(`/enforcement/cases/${caseId}/record/verify`)).json();
    expect(ok).toMatchObject({ ok: true, broken: null, entries: record.entries.length });

    const [sha] = record.entries.find((e: { action: string }) => e.action === 'evidence').fileHashes;
    const original = (await readFile(t.ctx, sha))!;
    // Tamper with the stored bytes behind the application's back (a file on PGlite, a row on PostgreSQL).
    const overwrite = async (bytes: Buffer) => {
      if (t.ctx.database.kind === 'postgres') {
        await t.database.db.execute(sql`UPDATE stored_file SET bytes = ${bytes} WHERE sha256 = ${sha}`);
      } else fs.writeFileSync(filePath(dataDir, sha), bytes);
    };
    await overwrite(Buffer.concat([original, Buffer.from('x')]));
    const altered = (await officer.get(`/enforcement/cases/${caseId}/record/verify`)).json();
    expect(altered).toMatchObject({ ok: false, broken: { seq: null, reason: 'file_altered' } });
    await overwrite(original);

    await t.database.db.execute(
      sql`UPDATE enforcement_record_entry SET details = jsonb_set(details, '{fineAmount}', '7000') WHERE case_id = ${caseId} AND action = 'propose_decision' AND (details->>'fineAmount')::numeric = 70000`,
    );
    const seq = record.entries.filter((e: { action: string }) => e.action === 'propose_decision').at(-1).seq;
    const broken = (await officer.get(`/enforcement/cases/${caseId}/record/verify`)).json();
    expect(broken).toMatchObject({ ok: false, broken: { seq, reason: 'hash_mismatch' } });
  });
});
