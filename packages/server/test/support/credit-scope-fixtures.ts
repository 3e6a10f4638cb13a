import { sql } from 'drizzle-orm';
import { queryOne } from '../../src/db/database.js';
import { recomputeSubjects } from '../../src/modules/credit/recompute.js';
import type { TestApp } from './app.js';
import { LEAK_MARK, type ScopeFixture } from './scope-fixtures.js';

/**
 * Credit records of the registry fixture's 历城区 establishment and practitioner: a profile, a file
 * entry, points, an override, a listing with a repair application, a grading, a quota and a
 * monitoring batch, shared by every department of the region like the registry (declared
 * region-shared); and a warning of the supervision institute, scoped to its department.
 */
export async function creditFixtures(t: TestApp, registry: ScopeFixture): Promise<ScopeFixture[]> {
  const db = t.database.db;
  const at = t.ctx.now().toISOString();
  const day = at.slice(0, 10);
  const e = registry.routes['/api/v1/establishments/{id}']!.id!;
  const p = registry.routes['/api/v1/practitioners/{id}']!.id!;
  const region = '370112';
  const id = async (q: ReturnType<typeof sql>) => String((await queryOne<{ id: number }>(db, q))!.id);

  await db.transaction((tx) =>
    recomputeSubjects(
      tx,
      [
        { type: 'establishment', id: Number(e) },
        { type: 'practitioner', id: Number(p) },
      ],
      t.ctx.now(),
    ),
  );
  await db.execute(sql`INSERT INTO credit_entry (subject_type, subject_id, establishment_id, region_code, kind, polarity, occurred_on, summary_zh,
      summary_en, citation, source_module, source_type, source_id, recorded_at, recorded_by_name)
    VALUES ('establishment', ${e}, ${e}, ${region}, 'inspection_non_compliant', 'negative', ${day}, ${`检查${LEAK_MARK}`}, ${LEAK_MARK},
      '{"zh":"x","en":"x"}', 'inspection', 'inspection', 'leak', ${at}, 'leak')`);
  const demerit =
    await id(sql`INSERT INTO credit_demerit (subject_type, subject_id, establishment_id, region_code, behaviour_code, points, act_zh,
      act_en, article, occurred_on, cycle_start, cycle_end, source_module, source_type, source_id, note, recorded_at, recorded_by_name)
    VALUES ('practitioner', ${p}, ${e}, ${region}, 'P02', 2, ${`行为${LEAK_MARK}`}, ${LEAK_MARK}, '{"zh":"x","en":"x"}', ${day}, '2026-01-01',
      '2026-12-31', 'inspection', 'inspection', 'leak', ${LEAK_MARK}, ${at}, 'leak') RETURNING id`);
  const override =
    await id(sql`INSERT INTO credit_override (establishment_id, region_code, target, value, reason, created_at, created_by, created_by_name)
    VALUES (${e}, ${region}, 'mode', 'stationed', ${`理由${LEAK_MARK}`}, ${at}, 1, 'leak') RETURNING id`);
  const listing =
    await id(sql`INSERT INTO credit_blacklist (subject_type, subject_id, establishment_id, region_code, name, rule_code, reason, basis,
      flags, source_module, source_type, source_id, entered_on, repair_from, ends_on, entered_at, entered_by_name)
    VALUES ('establishment', ${e}, ${e}, ${region}, ${`机构${LEAK_MARK}`}, 'MANUAL', ${`原因${LEAK_MARK}`}, '{"zh":"x","en":"x"}', '{publish}',
      'enforcement', 'case', 'leak', ${day}, ${day}, '2029-01-01', ${at}, 'leak') RETURNING id`);
  const repair =
    await id(sql`INSERT INTO credit_repair (blacklist_id, statement, conditions, applied_at, applied_by, applied_by_name)
    VALUES (${listing}, ${`申请${LEAK_MARK}`}, '[]', ${at}, 1, 'leak') RETURNING id`);
  const proposal =
    await id(sql`INSERT INTO credit_blacklist_proposal (action, subject_type, subject_id, establishment_id, region_code, name, rule_code, reason,
      source_module, source_type, source_id, noticed_on, defence_due_on, defence_status, proposed_at, proposed_by, proposed_by_name)
    VALUES ('enter', 'establishment', ${e}, ${e}, ${region}, ${`机构${LEAK_MARK}`}, 'BL_REVOKED', ${`提议${LEAK_MARK}`}, 'enforcement', 'case',
      'leak', ${day}, ${day}, 'awaiting', ${at}, 1, 'leak') RETURNING id`);
  await db.execute(sql`INSERT INTO credit_grading (establishment_id, region_code, sector, rule_version, scores, total, grade, grade_by_total,
      assessed_on, note, recorded_at, recorded_by, recorded_by_name)
    VALUES (${e}, ${region}, 'dental', 1, '[]', 80, 'B', 'B', ${day}, ${`评定${LEAK_MARK}`}, ${at}, 1, 'leak')`);
  await db.execute(sql`INSERT INTO narcotic_quota (establishment_id, drug, monthly_quantity, unit, source, region_code, set_at, set_by, set_by_name)
    VALUES (${e}, '盐酸吗啡注射液', 10, '支', ${`印鉴卡${LEAK_MARK}`}, ${region}, ${at}, 1, 'leak')`);
  await db.execute(sql`INSERT INTO monitoring_batch (establishment_id, region_code, client_batch_id, status, payload_sha256, received_at, received_by,
      received_by_name, errors)
    VALUES (${e}, ${region}, ${`B-${LEAK_MARK}`}, 'rejected', ${'0'.repeat(64)}, ${at}, 1, 'leak', '[]')`);
  const alert =
    await id(sql`INSERT INTO credit_alert (establishment_id, region_code, department_code, rule_code, rule_version, dedupe_key, severity,
      summary_zh, summary_en, citation, raised_at, raised_on, due_on, next_escalation_on)
    VALUES (${e}, ${region}, 'supervision', 'upload_missing', 1, 'leak', 'medium', ${`预警${LEAK_MARK}`}, ${LEAK_MARK}, '{"zh":"x","en":"x"}',
      ${at}, ${day}, ${day}, ${day}) RETURNING id`);

  const est = { id: e };
  const pr = { id: p };
  return [
    {
      entity: 'credit',
      routes: {
        '/api/v1/credit/establishments/{id}': est,
        '/api/v1/credit/establishments/{id}/entries': est,
        '/api/v1/credit/establishments/{id}/demerits': est,
        '/api/v1/credit/establishments/{id}/overrides': est,
        '/api/v1/credit/establishments/{id}/gradings': est,
        '/api/v1/credit/establishments/{id}/narcotic-quotas': est,
        '/api/v1/credit/practitioners/{id}': pr,
        '/api/v1/credit/practitioners/{id}/entries': pr,
        '/api/v1/credit/practitioners/{id}/demerits': pr,
        '/api/v1/credit/demerits/{id}/revoke': { id: demerit },
        '/api/v1/credit/overrides/{id}/revoke': { id: override },
        '/api/v1/credit/blacklist/{id}': { id: listing },
        '/api/v1/credit/blacklist/{id}/repairs': { id: listing },
        '/api/v1/credit/blacklist/{id}/repairs/{repairId}/decide': { id: listing, repairId: repair },
        '/api/v1/credit/blacklist/{id}/removal-proposals': { id: listing },
        '/api/v1/credit/blacklist/proposals/{id}': { id: proposal },
        '/api/v1/credit/blacklist/proposals/{id}/defence': { id: proposal },
        '/api/v1/credit/blacklist/proposals/{id}/decide': { id: proposal },
      },
      regionShared: {
        lists: [
          '/api/v1/credit/establishments',
          '/api/v1/credit/blacklist',
          '/api/v1/credit/blacklist/proposals',
          '/api/v1/credit/monitoring/batches',
        ],
      },
    },
    {
      // The institution's own view: staff (the outsiders) have no establishment, so "not found";
      // never region-shared, so both outsiders are checked.
      entity: 'credit_own',
      routes: { '/api/v1/credit/mine': {} },
    },
    {
      entity: 'credit_alert',
      routes: {
        '/api/v1/credit/alerts/{id}': { id: alert },
        '/api/v1/credit/alerts/{id}/actions': { id: alert },
      },
    },
  ];
}
