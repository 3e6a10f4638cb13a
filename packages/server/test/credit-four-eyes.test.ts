import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/database.js';
import {
  auditCount,
  type Client,
  day,
  eventsOf,
  insertEstablishment,
  institution,
  staff,
} from './credit-helpers.js';
import { type TestApp, testApp } from './support/app.js';
import { DATABASE_KINDS } from './support/database.js';

/**
 * Four-eyes blacklisting: a listing is proposed by one officer, the subject is notified and may
 * state a defence, and a different officer with the approval permission approves (only then the
 * listing and its credit-file entry exist) or rejects; removal the same way. The proposer can never
 * decide, and bad input is refused in Chinese and English without a half-write.
 */
describe.each(DATABASE_KINDS)('four-eyes blacklisting on %s', (kind) => {
  let t: TestApp;
  let inspector: Client;
  let svLeader: Client;
  let leader: Client;
  let clinic: { id: number };
  let other: { id: number };

  const listed = async (id: number) =>
    (
      await queryOne<{ n: number }>(
        t.database.db,
        sql`SELECT count(*)::int AS n FROM credit_blacklist WHERE subject_id = ${id} AND status = 'listed'`,
      )
    )?.n ?? 0;
  const fileEntries = async (id: number) =>
    (
      await queryOne<{ n: number }>(
        t.database.db,
        sql`SELECT count(*)::int AS n FROM credit_entry WHERE subject_id = ${id} AND kind LIKE 'blacklist_%'`,
      )
    )?.n ?? 0;
  const proposal = (subjectId: number, id = 'C-4E-001') => ({
    subjectType: 'establishment',
    subjectId,
    ruleCode: 'BL_REVOKED',
    reason: '经查实以欺骗手段取得执业许可，许可已被吊销',
    source: { module: 'enforcement', type: 'case', id },
  });

  beforeAll(async () => {
    t = await testApp(kind);
    inspector = await staff(t, 'lc.inspector1');
    svLeader = await staff(t, 'lc.sv.leader');
    leader = await staff(t, 'lc.leader');
    clinic = await insertEstablishment(t, { name: '历城区四眼测试诊所' });
    other = await insertEstablishment(t, { name: '历城区驳回测试诊所' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('proposes without listing, notifies the subject, hears its defence, and lists only on a second officer’s approval', async () => {
    const res = await inspector.post('/credit/blacklist/proposals', proposal(clinic.id));
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      action: 'enter',
      status: 'pending',
      defenceStatus: 'awaiting',
      blacklistId: null,
    });
    expect(p.notice.zh).toContain('陈述、申辩');
    expect(p.notice.zh).toContain(p.defenceDueOn);
    expect(p.defenceDueOn > day(t)).toBe(true);
    expect(await listed(clinic.id)).toBe(0);
    expect(await fileEntries(clinic.id)).toBe(0);
    expect(await auditCount(t, 'credit.blacklist.propose')).toBeGreaterThanOrEqual(1);
    const notice = (await eventsOf(t, 'credit.blacklist.proposed')).find((e) => e.proposalId === p.id);
    expect(notice?.noticeZh).toBe(p.notice.zh);

    // The same grounds twice: refused while the first is pending.
    const twice = await svLeader.post('/credit/blacklist/proposals', proposal(clinic.id));
    expect(twice.statusCode).toBe(409);

    // The proposer has no approval permission; a leader who proposes cannot approve their own.
    expect(
      (
        await inspector.post(`/credit/blacklist/proposals/${p.id}/decide`, {
          decision: 'approve',
          reason: '同意列入名单',
        })
      ).statusCode,
    ).toBe(403);
    const own = await svLeader.post('/credit/blacklist/proposals', proposal(other.id, 'C-4E-002'));
    expect(own.statusCode).toBe(201);
    const self = await svLeader.post(`/credit/blacklist/proposals/${own.json().id}/decide`, {
      decision: 'reject',
      reason: '自己驳回自己的提议',
    });
    expect(self.statusCode).toBe(409);
    expect(self.json()).toMatchObject({ code: 'four_eyes_required' });
    expect(self.json().messageZh).toContain('提议人不能审核自己的提议');
    expect(self.json().messageEn).toContain('cannot decide your own proposal');

    // Approval waits for the defence (the window is open and nothing was stated).
    const early = await leader.post(`/credit/blacklist/proposals/${p.id}/decide`, {
      decision: 'approve',
      reason: '事实清楚，同意列入',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'defence_period_open' });
    expect(early.json().messageZh).toContain(p.defenceDueOn);

    // The institution sees the notice about itself (not the officer's name) and states its defence.
    const own1 = await institution(t, 'four.eyes.clinic', clinic.id);
    const mine = (await own1.get('/credit/blacklist/proposals')).json();
    expect(mine.items.map((x: { id: number }) => x.id)).toEqual([p.id]);
    expect(mine.items[0]).toMatchObject({ proposedBy: null, allowedActions: ['defend'] });
    const short = await own1.post(`/credit/blacklist/proposals/${p.id}/defence`, {
      kind: 'stated',
      statement: '不',
    });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('须填写陈述申辩内容');
    const defended = await own1.post(`/credit/blacklist/proposals/${p.id}/defence`, {
      kind: 'stated',
      statement: '我单位已整改，许可吊销正在行政复议中，请求暂缓列入',
    });
    expect(defended.statusCode, defended.body).toBe(200);
    expect(defended.json()).toMatchObject({ defenceStatus: 'stated', defenceBy: null });
    expect(
      (
        await own1.post(`/credit/blacklist/proposals/${p.id}/defence`, {
          kind: 'waived',
          statement: '放弃陈述申辩',
        })
      ).statusCode,
    ).toBe(409);
    // Another establishment's notice is not the institution's: not found.
    expect((await own1.get(`/credit/blacklist/proposals/${own.json().id}`)).statusCode).toBe(404);

    // A second officer approves, with the answer to the defence: now the listing and the entry exist.
    const noReason = await leader.post(`/credit/blacklist/proposals/${p.id}/decide`, {
      decision: 'approve',
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(await listed(clinic.id)).toBe(0);
    const ok = await leader.post(`/credit/blacklist/proposals/${p.id}/decide`, {
      decision: 'approve',
      reason: '申辩理由不成立：复议不停止执行，同意列入',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      defenceBy: 'four.eyes.clinic',
      status: 'approved',
      decidedBy: 'lc.leader',
      proposedBy: 'lc.inspector1',
    });
    expect(await listed(clinic.id)).toBe(1);
    expect(await fileEntries(clinic.id)).toBe(1);
    const entry = (await leader.get(`/credit/blacklist/${ok.json().blacklistId}`)).json();
    expect(entry).toMatchObject({ status: 'listed', ruleCode: 'BL_REVOKED', source: { id: 'C-4E-001' } });
    expect(await auditCount(t, 'credit.blacklist.proposal.approve')).toBe(1);
    const profile = (await leader.get(`/credit/establishments/${clinic.id}`)).json();
    expect(profile.blacklist.some((b: { status: string }) => b.status === 'listed')).toBe(true);

    // Decided once: a second decision is refused.
    const again = await leader.post(`/credit/blacklist/proposals/${p.id}/decide`, {
      decision: 'reject',
      reason: '重复审核的操作',
    });
    expect(again.statusCode).toBe(409);

    // The other proposal is rejected by a second officer: nothing listed, nothing in the file.
    const rejected = await leader.post(`/credit/blacklist/proposals/${own.json().id}/decide`, {
      decision: 'reject',
      reason: '证据不足，来源案件尚未结案',
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json().status).toBe('rejected');
    expect(await listed(other.id)).toBe(0);
    expect(await fileEntries(other.id)).toBe(0);
  });

  it('removes a listing only on a second officer’s approval, and refuses bad input', async () => {
    const l = (await leader.get('/credit/blacklist?status=listed'))
      .json()
      .items.find((x: { subjectId: number }) => x.subjectId === clinic.id);
    const bad = await inspector.post(`/credit/blacklist/${l.id}/removal-proposals`, { reason: '短' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('须填写理由');
    expect(bad.body).toContain('a written reason is required');
    const unknownRule = await inspector.post('/credit/blacklist/proposals', {
      ...proposal(clinic.id, 'X'),
      ruleCode: 'NOPE',
    });
    expect(unknownRule.statusCode).toBe(422);
    expect(unknownRule.json().messageZh).toContain('黑名单规则 NOPE 不存在');

    const res = await inspector.post(`/credit/blacklist/${l.id}/removal-proposals`, {
      reason: '列入所依据的吊销决定已被行政复议撤销',
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ action: 'remove', defenceStatus: 'not_required', blacklistId: l.id });
    expect(
      (await svLeader.post(`/credit/blacklist/${l.id}/removal-proposals`, { reason: '重复提议移出名单' }))
        .statusCode,
    ).toBe(409);
    expect(await listed(clinic.id)).toBe(1);

    const ok = await svLeader.post(`/credit/blacklist/proposals/${p.id}/decide`, {
      decision: 'approve',
      reason: '复议决定书已核实，同意移出',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await listed(clinic.id)).toBe(0);
    const ended = (await leader.get(`/credit/blacklist/${l.id}`)).json();
    expect(ended).toMatchObject({ status: 'exited', exitKind: 'withdrawn' });
    expect(ended.exitReason).toContain('lc.inspector1 提议');
    expect(await fileEntries(clinic.id)).toBe(2);
    // The immediate listing of before is gone.
    expect([404, 405]).toContain(
      (await leader.post('/credit/blacklist', proposal(clinic.id, 'C-4E-003'))).statusCode,
    );
  });
  it('approves a listing once the defence period has passed without a statement', async () => {
    const res = await inspector.post('/credit/blacklist/proposals', proposal(other.id, 'C-4E-009'));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as number;
    // The notice went out long ago: the period closed with nothing stated.
    await t.database.db.execute(
      sql`UPDATE credit_blacklist_proposal SET noticed_on = DATE '2026-01-05', defence_due_on = DATE '2026-01-12' WHERE id = ${id}`,
    );
    const seen = (await leader.get(`/credit/blacklist/proposals/${id}`)).json();
    expect(seen).toMatchObject({
      defenceStatus: 'awaiting',
      allowedActions: ['defend', 'approve', 'reject'],
    });
    const ok = await leader.post(`/credit/blacklist/proposals/${id}/decide`, {
      decision: 'approve',
      reason: '逾期未提出陈述申辩，视为放弃，同意列入',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await listed(other.id)).toBe(1);
    // The institution can no longer state a defence on a decided proposal.
    const own = await institution(t, 'four.eyes.other', other.id);
    const late = await own.post(`/credit/blacklist/proposals/${id}/defence`, {
      kind: 'stated',
      statement: '迟到的陈述申辩内容',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().messageEn).toContain('decided');
  });
});
