import { sql } from 'drizzle-orm';
import { queryOne } from '../../src/db/database.js';
import { GENESIS_HASH } from '../../src/modules/audit/chain.js';
import type { TestApp } from './app.js';
import { LEAK_MARK, type ScopeFixture } from './scope-fixtures.js';

/**
 * Enforcement records owned by 历城区's supervision institute (the unit `unitId`): a complaint with a
 * named reporter, a note and a reward; a lead; a decided case with evidence, a pending (never public)
 * publication, a referral to the police and a re-inspection. Each carries LEAK_MARK where a list or a
 * detail would show it. Decided penalties are shared read-only with every department of the region
 * (GET /enforcement/penalties), declared as such.
 */
export async function enforcementFixtures(t: TestApp, unitId: number): Promise<ScopeFixture[]> {
  const db = t.database.db;
  const at = t.ctx.now().toISOString();
  const day = at.slice(0, 10);
  const region = '370112001';
  const id = async (q: ReturnType<typeof sql>) => String((await queryOne<{ id: number }>(db, q))!.id);

  const complaint =
    await id(sql`INSERT INTO complaint (number, channel, category, category_source, department_code, unit_id, region_code,
      establishment_text, description, needs_triage, state, received_on, accept_due, created_at, updated_at)
    VALUES (${`TS370112-2026-${LEAK_MARK}`}, 'portal', 'illegal_practice', 'reporter', 'supervision', ${unitId}, ${region},
      ${`${LEAK_MARK}诊所`}, ${`举报内容${LEAK_MARK}`}, true, 'received', ${day}, ${day}, ${at}, ${at}) RETURNING id`);
  const reporter =
    await id(sql`INSERT INTO complaint_reporter (complaint_id, seq, channel, anonymous, name_enc, query_code_hash, description,
      submitted_on, submitted_at)
    VALUES (${complaint}, 1, 'portal', false, ${t.ctx.secrets.encrypt(`举报人${LEAK_MARK}`)}, ${t.ctx.secrets.lookupHash(`LEAK-${LEAK_MARK}`)},
      ${`举报内容${LEAK_MARK}`}, ${day}, ${at}) RETURNING id`);
  await db.execute(sql`INSERT INTO complaint_note (complaint_id, visibility, action, text, on_date, at)
    VALUES (${complaint}, 'internal', 'note', ${`内部${LEAK_MARK}`}, ${day}, ${at})`);
  const reward =
    await id(sql`INSERT INTO complaint_reward (complaint_id, reporter_id, amount, basis, decided_on, status, created_at)
    VALUES (${complaint}, ${reporter}, 100, ${`奖励${LEAK_MARK}`}, ${day}, 'approved', ${at}) RETURNING id`);

  const lead =
    await id(sql`INSERT INTO enforcement_lead (number, source, source_ref, region_code, department_code, unit_id, summary, state,
      received_on, created_at, updated_at)
    VALUES (${`XS370112-2026-${LEAK_MARK}`}, 'manual', 'leak', ${region}, 'supervision', ${unitId}, ${`线索${LEAK_MARK}`}, 'case', ${day},
      ${at}, ${at}) RETURNING id`);
  const decision = {
    kinds: ['fine'],
    fineAmount: 5000,
    confiscationAmount: 0,
    outsideRangeReason: null,
    benchmark: null,
    decisionNo: `历城卫监罚决〔2026〕${LEAK_MARK}号`,
    decidedOn: day,
    decidedBy: LEAK_MARK,
    severity: 'general',
    basis: LEAK_MARK,
    facts: LEAK_MARK,
    changes: [],
  };
  const kase =
    await id(sql`INSERT INTO enforcement_case (number, lead_id, party_kind, party_name, region_code, department_code, unit_id,
      unit_name, summary, state, proposed_on, opened_on, decision, decided_on, severity, record_head, record_length, created_at, updated_at)
    VALUES (${`AJ370112-2026-${LEAK_MARK}`}, ${lead}, 'organisation', ${`当事人${LEAK_MARK}`}, ${region}, 'supervision', ${unitId},
      ${`历城区${LEAK_MARK}所`}, ${`案由${LEAK_MARK}`}, 'decided', ${day}, ${day}, ${JSON.stringify(decision)}::jsonb, ${day}, 'general',
      ${GENESIS_HASH}, 0, ${at}, ${at}) RETURNING id`);
  const evidence =
    await id(sql`INSERT INTO enforcement_evidence (case_id, kind, description, file_name, content_type, size_bytes, sha256,
      collected_on, uploaded_at)
    VALUES (${kase}, 'photo', ${`证据${LEAK_MARK}`}, 'leak.png', 'image/png', 10, ${'1'.repeat(64)}, ${day}, ${at}) RETURNING id`);
  const publication =
    await id(sql`INSERT INTO penalty_publication (case_id, decision_version, severity, status, decided_on, publish_by,
      content, masking, region_code, department_code, created_at, updated_at)
    VALUES (${kase}, 1, 'general', 'pending', ${day}, ${day}, ${JSON.stringify({ party: { name: LEAK_MARK } })}::jsonb, '[]'::jsonb,
      ${region}, 'supervision', ${at}, ${at}) RETURNING id`);
  const police = await queryOne<{ id: number }>(
    db,
    sql`SELECT id FROM unit WHERE department_code = 'police' AND region_code = '370112' LIMIT 1`,
  );
  const referral =
    await id(sql`INSERT INTO enforcement_referral (number, case_id, from_unit_id, from_region_code, from_department_code,
      to_kind, to_department_code, to_unit_id, to_region_code, to_body_name, reason, state, sent_on, created_at, updated_at)
    VALUES (${`YS370112-2026-${LEAK_MARK}`}, ${kase}, ${unitId}, ${region}, 'supervision', 'department', 'police', ${police!.id}, '370112',
      '历城区公安分局', ${`移送${LEAK_MARK}`}, 'sent', ${day}, ${at}, ${at}) RETURNING id`);
  const reinspection =
    await id(sql`INSERT INTO enforcement_reinspection (case_id, region_code, department_code, unit_id, due_on, state, note,
      created_at, updated_at)
    VALUES (${kase}, ${region}, 'supervision', ${unitId}, ${day}, 'open', ${LEAK_MARK}, ${at}, ${at}) RETURNING id`);

  const c = { id: complaint };
  const k = { id: kase };
  return [
    {
      entity: 'complaint',
      routes: {
        '/api/v1/enforcement/complaints/{id}': c,
        '/api/v1/enforcement/complaints/{id}/actions': c,
        '/api/v1/enforcement/complaints/{id}/notes': c,
        '/api/v1/enforcement/complaints/{id}/rewards': c,
        '/api/v1/enforcement/complaints/{id}/reporters/{reporterId}/identity': {
          id: complaint,
          reporterId: reporter,
        },
        '/api/v1/enforcement/complaints/{id}/rewards/{rewardId}/pay': { id: complaint, rewardId: reward },
      },
    },
    {
      entity: 'enforcement_lead',
      routes: {
        '/api/v1/enforcement/leads/{id}': { id: lead },
        '/api/v1/enforcement/leads/{id}/triage': { id: lead },
      },
    },
    {
      entity: 'enforcement_case',
      routes: {
        '/api/v1/enforcement/cases/{id}': k,
        '/api/v1/enforcement/cases/{id}/actions': k,
        '/api/v1/enforcement/cases/{id}/record': k,
        '/api/v1/enforcement/cases/{id}/record/verify': k,
        '/api/v1/enforcement/cases/{id}/documents/{kind}': { id: kase, kind: 'decision' },
        '/api/v1/enforcement/cases/{id}/evidence': k,
        '/api/v1/enforcement/cases/{id}/evidence/{evidenceId}': { id: kase, evidenceId: evidence },
        '/api/v1/enforcement/publications/{id}/publish': { id: publication },
        '/api/v1/enforcement/publications/{id}/repair': { id: publication },
        '/api/v1/enforcement/referrals/{id}': { id: referral },
        '/api/v1/enforcement/referrals/{id}/actions': { id: referral },
        '/api/v1/enforcement/reinspections/{id}/complete': { id: reinspection },
      },
    },
    { entity: 'penalty', routes: {}, regionShared: { lists: ['/api/v1/enforcement/penalties'] } },
  ];
}
