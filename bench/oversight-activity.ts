import type { Database } from '../packages/server/src/db/database.js';

/**
 * A year of a province's activity for the oversight benchmark (issue 10), generated set-based in
 * SQL into the modules' own tables, over the establishments the registry import left. Only what
 * the dashboard's panels read: licensing applications (and the post-approval tasks of commitment
 * and filing modes, with their licences), complaints, credit profiles and warnings, enforcement
 * cases and penalty publications, random-inspection campaigns with their visits, item results,
 * rectifications and officers. Kinds, days and outcomes follow a hash of the row number, so runs
 * are comparable. The year ends on END (the benchmark's "today").
 */
export const END = '2026-11-21';

export interface ActivityCounts {
  applications: number;
  complaints: number;
  cases: number;
  alerts: number;
}

/** h(n, salt): a stable non-negative pseudo-random integer. */
const h = (n: string, salt: number) =>
  `(hashint8((${n})::bigint * 7919 + ${salt})::bigint & 2147483647)::int`;
/** A day of the year ending on END, from a hash. */
const dayOf = (n: string, salt: number) => `(DATE '${END}' - (${h(n, salt)} % 365))`;

const ACTIVITY_TABLES = [
  'licensing_task',
  'licensing_license',
  'licensing_application',
  'complaint',
  'credit_alert',
  'penalty_publication',
  'enforcement_case',
  'credit_profile',
  'inspection_item_result',
  'inspection_team',
  'inspection_officer',
  'rectification',
  'inspection',
  'campaign',
  'inspector',
];

export async function generateActivity(database: Database, c: ActivityCounts): Promise<void> {
  const run = (s: string) => database.execScript(s);
  // Earlier runs' activity goes first; the establishments stay.
  await run(`TRUNCATE ${ACTIVITY_TABLES.join(', ')} RESTART IDENTITY CASCADE`);

  // One health commission and one supervision institute per county, city and the province.
  await run(`
    INSERT INTO unit (department_code, region_code, name)
    SELECT d, r.code, '基准' || r.name || CASE d WHEN 'health' THEN '卫生健康局' ELSE '卫生监督所' END
    FROM region r CROSS JOIN (VALUES ('health'), ('supervision')) AS x(d)
    WHERE r.code LIKE '37%' AND NOT r.retired AND r.level IN ('province', 'city', 'county')
    ON CONFLICT DO NOTHING;
    DROP TABLE IF EXISTS bench_unit;
    CREATE TABLE bench_unit AS SELECT region_code, department_code, min(id) AS id, min(name) AS name
      FROM unit WHERE name LIKE '基准%' GROUP BY 1, 2;
    CREATE UNIQUE INDEX ON bench_unit (region_code, department_code);
    ANALYZE bench_unit;
  `);

  // Credit profiles: every establishment assessed (A 60 %, B 25 %, C 12 %, D 3 %).
  await run(`
    INSERT INTO credit_profile (subject_type, subject_id, establishment_id, region_code, public_code, name, kind, computed_credit_level,
      credit_level, risk_score, computed_risk_level, risk_level, computed_on, computed_at, created_at)
    SELECT 'establishment', e.id, e.id, e.region_code, e.public_code, e.name, e.kind, l.credit, l.credit, l.score, l.risk, l.risk,
      DATE '${END}', TIMESTAMPTZ '${END}T02:00:00Z', TIMESTAMPTZ '${END}T02:00:00Z'
    FROM establishment e
    CROSS JOIN LATERAL (SELECT ${h('e.id', 1)} % 100 AS p) x
    CROSS JOIN LATERAL (SELECT
      CASE WHEN x.p < 60 THEN 'A' WHEN x.p < 85 THEN 'B' WHEN x.p < 97 THEN 'C' ELSE 'D' END AS credit,
      CASE WHEN x.p < 55 THEN 'low' WHEN x.p < 85 THEN 'medium' WHEN x.p < 97 THEN 'high' ELSE 'severe' END AS risk,
      (x.p)::numeric(7,1) AS score) l;
    ANALYZE credit_profile;
  `);

  // Licensing applications: received over the year, due 20 working days on (≈ 28 days), 92 % decided.
  await run(`
    INSERT INTO licensing_application (number, establishment_id, establishment_name, establishment_region, permit_code, permit_version, mode,
      purpose, unit_id, unit_region_code, department_code, state, received_on, accepted_on, accept_due, decide_due, decided_on,
      accept_on_time, decide_on_time, created_at, updated_at)
    SELECT 'BA' || lpad(a.g::text, 9, '0'), e.id, e.name, e.region_code, a.permit, 1, a.mode, 'new', u.id, e.region_code, 'health',
      CASE WHEN NOT a.decided THEN 'under_review' WHEN a.mode = 'filing' THEN 'filed' WHEN a.p < 4 THEN 'refused' ELSE 'granted' END,
      a.received, a.received, a.received + 5, a.received + 28,
      CASE WHEN a.decided THEN a.received + CASE WHEN a.p < 6 THEN 30 + a.p ELSE 1 + a.p % 27 END END,
      true, CASE WHEN a.decided THEN a.p >= 6 END,
      a.received::timestamptz, a.received::timestamptz
    FROM (
      SELECT g, 1 + ${h('g', 11)} % 1000000 AS eid, ${dayOf('g', 12)} AS received, ${h('g', 13)} % 100 AS p,
        (ARRAY['medical_institution_practice','medical_institution_practice','public_place_hygiene','public_place_hygiene','public_place_hygiene',
               'clinic_filing','water_supplier','radiation_diagnosis','medical_institution_setup','disinfectant_producer'])[1 + ${h('g', 14)} % 10] AS permit,
        (ARRAY['approval','approval','commitment','filing'])[1 + ${h('g', 15)} % 4] AS mode,
        ${h('g', 16)} % 100 < 92 AS decided
      FROM generate_series(1, ${c.applications}) g
    ) a
    JOIN establishment e ON e.id = a.eid
    JOIN bench_unit u ON u.region_code = e.region_code AND u.department_code = 'health';
    UPDATE licensing_application SET decided_on = '${END}' WHERE decided_on > '${END}';
    UPDATE licensing_application SET decide_on_time = decided_on <= decide_due WHERE decided_on IS NOT NULL;
    ANALYZE licensing_application;
  `);

  // Post-approval tasks of commitment and filing decisions (one in four), on a licence each.
  await run(`
    INSERT INTO licensing_license (number, permit_code, permit_version, license_name_zh, establishment_id, establishment_name,
      establishment_region, application_id, unit_id, unit_name, unit_region_code, department_code, issued_on, valid_from, created_at, updated_at)
    SELECT 'BL' || a.id, a.permit_code, 1, '基准许可证', a.establishment_id, a.establishment_name, a.establishment_region, a.id, a.unit_id,
      '基准', a.unit_region_code, a.department_code, a.decided_on, a.decided_on, a.decided_on::timestamptz, a.decided_on::timestamptz
    FROM licensing_application a
    WHERE a.mode IN ('commitment', 'filing') AND a.state IN ('granted', 'filed') AND a.id % 4 = 0;
    INSERT INTO licensing_task (kind, application_id, license_id, establishment_id, establishment_name, unit_id, unit_region_code,
      department_code, state, due_on, closed_on, created_at, updated_at)
    SELECT CASE a.mode WHEN 'commitment' THEN 'commitment_verification' ELSE 'post_filing_check' END, a.id, l.id, a.establishment_id,
      a.establishment_name, a.unit_id, a.unit_region_code, a.department_code,
      CASE WHEN a.decided_on + 30 > DATE '${END}' THEN 'open' WHEN a.id % 50 = 0 THEN 'failed' ELSE 'conforming' END,
      a.decided_on + 30, CASE WHEN a.decided_on + 30 <= DATE '${END}' THEN a.decided_on + 10 + (a.id % 25)::int END,
      a.decided_on::timestamptz, a.decided_on::timestamptz
    FROM licensing_application a JOIN licensing_license l ON l.application_id = a.id;
    ANALYZE licensing_license;
    ANALYZE licensing_task;
  `);

  // Complaints: accepted within 7 days, handled within 60; 90 % concluded, 30 % of those substantiated.
  await run(`
    INSERT INTO complaint (number, channel, category, category_source, department_code, unit_id, region_code, establishment_id,
      establishment_text, description, state, received_on, accept_due, accepted_on, handle_due, concluded_on, substantiated,
      created_at, updated_at)
    SELECT 'BC' || lpad(x.g::text, 9, '0'), (ARRAY['portal','hotline','hotline','transfer','visit','letter'])[1 + x.p % 6],
      (ARRAY['illegal_practice','public_place','drinking_water','medical_service','radiation','occupational'])[1 + (x.p / 7) % 6], 'reporter',
      x.dept, u.id, e.region_code, e.id, e.name, '基准投诉',
      CASE WHEN x.p % 20 = 0 THEN 'not_accepted' WHEN x.p < 90 THEN 'concluded' ELSE 'accepted' END,
      x.received, x.received + 7, CASE WHEN x.p % 20 <> 0 THEN x.received + 2 END,
      CASE WHEN x.p % 20 <> 0 THEN x.received + 60 END,
      CASE WHEN x.p % 20 <> 0 AND x.p < 90 THEN least(x.received + 5 + (x.p * 7) % 70, DATE '${END}') END,
      CASE WHEN x.p % 20 <> 0 AND x.p < 90 THEN x.p % 10 < 3 END,
      x.received::timestamptz, x.received::timestamptz
    FROM (
      SELECT g, 1 + ${h('g', 21)} % 1000000 AS eid, ${dayOf('g', 22)} AS received, ${h('g', 23)} % 100 AS p,
        CASE WHEN ${h('g', 24)} % 5 = 0 THEN 'health' ELSE 'supervision' END AS dept
      FROM generate_series(1, ${c.complaints}) g
    ) x
    JOIN establishment e ON e.id = x.eid
    JOIN bench_unit u ON u.region_code = e.region_code AND u.department_code = x.dept;
    UPDATE complaint SET state = 'accepted', concluded_on = NULL, substantiated = NULL WHERE state = 'concluded' AND concluded_on < accepted_on;
    ANALYZE complaint;
  `);

  // Credit warnings: due 10 days after being raised; 85 % handled.
  await run(`
    INSERT INTO credit_alert (establishment_id, region_code, department_code, rule_code, rule_version, dedupe_key, severity, summary_zh,
      summary_en, citation, status, confirmed, raised_at, raised_on, due_on, handled_at, handled_on)
    SELECT e.id, e.region_code, x.dept, (ARRAY['repeat_complaints','licence_expiry','repeat_non_compliance','penalty_pattern'])[1 + x.p % 4], 1,
      'bench:' || x.g, (ARRAY['high','medium','medium','low'])[1 + (x.p / 4) % 4], '基准预警', 'bench warning', '{"zh":"基准","en":"bench"}',
      CASE WHEN x.p < 85 THEN 'handled' ELSE 'open' END, CASE WHEN x.p < 85 THEN x.p % 3 = 0 END,
      x.raised::timestamptz, x.raised, x.raised + 10,
      CASE WHEN x.p < 85 THEN least(x.raised + 1 + x.p % 14, DATE '${END}')::timestamptz END,
      CASE WHEN x.p < 85 THEN least(x.raised + 1 + x.p % 14, DATE '${END}') END
    FROM (
      SELECT g, 1 + ${h('g', 31)} % 1000000 AS eid, ${dayOf('g', 32)} AS raised, ${h('g', 33)} % 100 AS p,
        CASE WHEN ${h('g', 34)} % 5 = 0 THEN 'health' ELSE 'supervision' END AS dept
      FROM generate_series(1, ${c.alerts}) g
    ) x JOIN establishment e ON e.id = x.eid;
    ANALYZE credit_alert;
  `);

  // Enforcement cases: decided within 90 days (80 %), 70 % of decisions a penalty; each penalty published.
  await run(`
    INSERT INTO enforcement_case (number, establishment_id, party_kind, party_name, region_code, department_code, unit_id, unit_name,
      summary, state, proposed_on, opened_on, decide_due, decided_on, severity, fine_amount, outcome, record_head, created_at, updated_at)
    SELECT 'BK' || lpad(x.g::text, 9, '0'), e.id, 'organisation', e.name, e.region_code, x.dept, u.id, u.name, '基准案件',
      CASE WHEN x.p < 80 THEN 'decided' ELSE 'investigating' END, x.opened - 3, x.opened, x.opened + 90,
      CASE WHEN x.p < 80 THEN least(x.opened + 10 + (x.p * 13) % 95, DATE '${END}') END,
      CASE WHEN x.p < 80 THEN (ARRAY['minor','general','general','serious'])[1 + x.p % 4] END,
      CASE WHEN x.p < 56 THEN 1000 * (1 + x.p % 30) ELSE 0 END,
      CASE WHEN x.p < 56 THEN 'penalty' WHEN x.p < 80 THEN 'no_violation' END,
      repeat('0', 64), x.opened::timestamptz, x.opened::timestamptz
    FROM (
      SELECT g, 1 + ${h('g', 41)} % 1000000 AS eid, ${dayOf('g', 42)} AS opened, ${h('g', 43)} % 100 AS p,
        CASE WHEN ${h('g', 44)} % 5 = 0 THEN 'health' ELSE 'supervision' END AS dept
      FROM generate_series(1, ${c.cases}) g
    ) x
    JOIN establishment e ON e.id = x.eid
    JOIN bench_unit u ON u.region_code = e.region_code AND u.department_code = x.dept;
    UPDATE enforcement_case SET state = 'investigating', decided_on = NULL, severity = NULL, fine_amount = 0, outcome = NULL
      WHERE decided_on < opened_on;
    INSERT INTO penalty_publication (case_id, decision_version, severity, status, withheld_reason, decided_on, publish_by, published_on,
      content, masking, region_code, department_code, created_at, updated_at)
    SELECT k.id, 1, k.severity, CASE WHEN k.severity = 'minor' THEN 'withheld' WHEN k.decided_on + 12 > DATE '${END}' THEN 'pending' ELSE 'published' END,
      CASE WHEN k.severity = 'minor' THEN 'minor_severity' END, k.decided_on, k.decided_on + 9,
      CASE WHEN k.severity <> 'minor' AND k.decided_on + 12 <= DATE '${END}' THEN k.decided_on + 2 + (k.id % 10)::int END,
      '{}', '{}', k.region_code, k.department_code, k.decided_on::timestamptz, k.decided_on::timestamptz
    FROM enforcement_case k WHERE k.outcome = 'penalty';
    ANALYZE enforcement_case;
    ANALYZE penalty_publication;
  `);

  // Random inspections: one campaign per city and year, ~5 % of operating establishments drawn, 85 %
  // visited (two officers each, four checklist items, one in ten with a rectification order).
  const year = END.slice(0, 4);
  await run(`
    INSERT INTO campaign (campaign_no, title, owner_unit_id, department_code, region_code, departments, kinds, region_codes, item_codes,
      item_list_version, period_start, period_end, sampling, team_size, year_target, randomness_date, sources, status, policy_version,
      created_at, updated_at)
    SELECT 'BS' || r.code, '基准' || r.name || '双随机抽查', u.id, 'supervision', r.code, '{supervision,health}',
      '{medical,public_place,drinking_water,school,radiation,occupational,disinfection}', ARRAY[r.code], '{}', 1,
      DATE '${year}-01-01', DATE '${year}-12-31', '{}', 2, 0.05, DATE '${year}-01-01', '[]', 'drawn', 1, now(), now()
    FROM region r JOIN bench_unit u ON u.region_code = r.code AND u.department_code = 'supervision'
    WHERE r.level = 'city' AND r.code LIKE '37%' AND NOT r.retired;
    INSERT INTO inspector (certificate_no, name, unit_id, department_code, region_code, created_at, updated_at)
    SELECT 'BENCH' || u.region_code || '-' || n, '基准执法' || n, u.id, 'supervision', u.region_code, now(), now()
    FROM bench_unit u CROSS JOIN generate_series(1, 20) n
    WHERE u.department_code = 'supervision' AND u.region_code NOT LIKE '%00';
    INSERT INTO inspection (campaign_id, establishment_id, establishment_code, establishment_kind, region_code, departments, task_kind,
      status, due_on, inspected_at, inspected_on, outcome, publication_due, published_at, created_at)
    SELECT c.id, e.id, e.public_code, e.kind, e.region_code, c.departments, 'random',
      CASE WHEN x.p < 85 THEN 'completed' ELSE 'assigned' END, x.due,
      CASE WHEN x.p < 85 THEN (x.due - 10)::timestamptz END, CASE WHEN x.p < 85 THEN x.due - 10 END,
      CASE WHEN x.p < 85 THEN CASE WHEN x.p % 10 = 0 THEN 'non_compliant' ELSE 'compliant' END END,
      CASE WHEN x.p < 85 THEN x.due + 10 END, CASE WHEN x.p < 80 THEN (x.due - 5)::timestamptz END, now()
    FROM (
      SELECT e.id, DATE '${year}-02-01' + (${h('e.id', 52)} % 330) AS due, ${h('e.id', 53)} % 100 AS p
      FROM establishment e WHERE e.status = 'operating' AND ${h('e.id', 51)} % 20 = 0
    ) x
    JOIN establishment e ON e.id = x.id
    JOIN campaign c ON c.region_code = left(e.region_code, 4) || '00';
    INSERT INTO inspection_item_result (inspection_id, item_code, position, result, disposition)
    SELECT i.id, 'B' || n, n, CASE WHEN i.outcome = 'non_compliant' AND n = 1 THEN 'non_compliant' WHEN n = 4 AND i.id % 3 = 0 THEN 'not_applicable' ELSE 'compliant' END,
      CASE WHEN i.outcome = 'non_compliant' AND n = 1 THEN 'rectification' END
    FROM inspection i CROSS JOIN generate_series(1, 4) n WHERE i.status = 'completed';
    INSERT INTO rectification (inspection_id, establishment_id, item_codes, ordered_on, working_days, deadline, status)
    SELECT i.id, i.establishment_id, '{B1}', i.inspected_on, 15, i.inspected_on + 21, CASE WHEN i.id % 4 = 0 THEN 'open' ELSE 'rectified' END
    FROM inspection i WHERE i.outcome = 'non_compliant';
    CREATE TEMP TABLE bench_inspector AS
      SELECT id, region_code, row_number() OVER (PARTITION BY region_code ORDER BY id) - 1 AS k FROM inspector;
    INSERT INTO inspection_team (inspection_id, inspector_id, position)
    SELECT i.id, o.id, t.pos FROM inspection i CROSS JOIN (VALUES (1), (2)) t(pos)
    JOIN bench_inspector o ON o.region_code = left(i.region_code, 6) AND o.k = (i.id + t.pos * 7) % 20;
    INSERT INTO inspection_officer (inspection_id, inspector_id)
    SELECT t.inspection_id, t.inspector_id FROM inspection_team t JOIN inspection i ON i.id = t.inspection_id WHERE i.status = 'completed';
    ANALYZE campaign; ANALYZE inspector; ANALYZE inspection; ANALYZE inspection_item_result; ANALYZE rectification;
    ANALYZE inspection_team; ANALYZE inspection_officer;
  `);
}
