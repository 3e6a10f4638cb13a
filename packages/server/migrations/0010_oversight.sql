-- Oversight (issue 10): the leadership dashboard, reports and grid management.
--
-- The dashboard and the reports never re-derive a deadline. They read the deadline records the
-- other modules keep through ONE read-only view, oversight_deadline: each row is one record with a
-- due day, the day it was done and whether that was on time, exactly as the owning module stored
-- it. The view is the contract between those modules and this one (docs/architecture.md); when a
-- module renames a column, this migration's view is where it shows. The oversight module writes
-- only the oversight_* tables below.

CREATE VIEW oversight_deadline AS
  -- Licensing decisions: decide_due and decide_on_time are the licensing module's own (clocks.ts).
  SELECT 'licensing_decision'::text AS source, a.id AS record_id,
         coalesce(a.number, '') AS reference, a.establishment_name AS label,
         a.unit_region_code AS region_code, a.department_code,
         a.permit_code AS category, a.mode AS subkind, a.state,
         a.received_on AS started_on, a.decide_due AS due_on, a.decided_on AS done_on,
         a.decide_on_time AS on_time, NULL::boolean AS substantiated, NULL::numeric AS amount
    FROM licensing_application a
   WHERE a.received_on IS NOT NULL
  UNION ALL
  -- Complaints: handle_due is set on acceptance (enforcement complaint periods).
  SELECT 'complaint', c.id, c.number, coalesce(nullif(c.establishment_text, ''), c.category),
         c.region_code, c.department_code, c.category, c.channel, c.state,
         c.received_on, coalesce(c.handle_due, c.accept_due), c.concluded_on,
         CASE WHEN c.concluded_on IS NOT NULL THEN c.concluded_on <= coalesce(c.handle_due, c.accept_due) END,
         c.substantiated, NULL::numeric
    FROM complaint c
  UNION ALL
  -- Warnings: due_on is the credit module's handling deadline.
  SELECT 'warning', w.id, w.rule_code, w.summary_zh, w.region_code, w.department_code,
         w.rule_code, w.severity, w.status, w.raised_on, w.due_on, w.handled_on,
         CASE WHEN w.handled_on IS NOT NULL THEN w.handled_on <= w.due_on END,
         w.confirmed, NULL::numeric
    FROM credit_alert w
  UNION ALL
  -- Cases: the 90-day decision limit (decide_due, with approved extensions) of the case.
  SELECT 'case', k.id, k.number, k.party_name, k.region_code, k.department_code,
         coalesce(k.outcome, ''), coalesce(k.severity, ''), k.state,
         coalesce(k.opened_on, k.proposed_on), k.decide_due, k.decided_on,
         CASE WHEN k.decided_on IS NOT NULL AND k.decide_due IS NOT NULL THEN k.decided_on <= k.decide_due END,
         NULL::boolean, k.fine_amount
    FROM enforcement_case k
  UNION ALL
  -- Penalty publication: publish_by is 7 working days from the decision (双公示).
  SELECT 'publication', p.id, k.number, k.party_name, p.region_code, p.department_code,
         p.severity, coalesce(p.withheld_reason, ''), p.status,
         p.decided_on, p.publish_by, p.published_on,
         CASE WHEN p.published_on IS NOT NULL AND p.publish_by IS NOT NULL THEN p.published_on <= p.publish_by END,
         NULL::boolean, NULL::numeric
    FROM penalty_publication p JOIN enforcement_case k ON k.id = p.case_id
  UNION ALL
  -- Post-approval supervision: commitment verifications and checks after a filing.
  SELECT 'licensing_task', t.id, '', t.establishment_name, t.unit_region_code, t.department_code,
         t.kind, coalesce(a.mode, ''), t.state, t.created_at::date, t.due_on, t.closed_on,
         CASE WHEN t.closed_on IS NOT NULL THEN t.closed_on <= t.due_on END,
         CASE WHEN t.state = 'failed' THEN true WHEN t.state = 'conforming' THEN false END, NULL::numeric
    FROM licensing_task t JOIN licensing_application a ON a.id = t.application_id;
COMMENT ON VIEW oversight_deadline IS 'Read-only: every deadline record the modules keep (licensing decisions and post-approval tasks, complaints, warnings, cases, penalty publications), with its due day, done day and on-time flag as stored by the owning module';
COMMENT ON COLUMN oversight_deadline.source IS 'licensing_decision | licensing_task | complaint | warning | case | publication';
COMMENT ON COLUMN oversight_deadline.record_id IS 'Id of the record in its module''s table';
COMMENT ON COLUMN oversight_deadline.reference IS 'Its number (application, complaint, case) or rule code';
COMMENT ON COLUMN oversight_deadline.label IS 'Whom or what it concerns (establishment, party, warning summary)';
COMMENT ON COLUMN oversight_deadline.region_code IS 'Region used for scope (the handling unit''s for licensing, the matter''s otherwise)';
COMMENT ON COLUMN oversight_deadline.department_code IS 'Department used for scope';
COMMENT ON COLUMN oversight_deadline.category IS 'Permit type, complaint category, warning rule, case outcome, publication severity, task kind';
COMMENT ON COLUMN oversight_deadline.subkind IS 'Reform mode, complaint channel, warning severity, case severity, withheld reason';
COMMENT ON COLUMN oversight_deadline.state IS 'State of the record in its own workflow';
COMMENT ON COLUMN oversight_deadline.started_on IS 'Day the period started (received, raised, opened, decided, created)';
COMMENT ON COLUMN oversight_deadline.due_on IS 'Last day, as computed and stored by the owning module';
COMMENT ON COLUMN oversight_deadline.done_on IS 'Day it was done (decided, concluded, handled, published, closed); null while open';
COMMENT ON COLUMN oversight_deadline.on_time IS 'Done by the due day; null while open';
COMMENT ON COLUMN oversight_deadline.substantiated IS 'Complaint substantiated; warning confirmed; commitment found false (task failed)';
COMMENT ON COLUMN oversight_deadline.amount IS 'Fine of a case, yuan';

CREATE VIEW oversight_establishment AS
  SELECT e.id, e.name, e.kind, e.region_code, e.status,
         p.credit_level, p.risk_level
    FROM establishment e
    LEFT JOIN credit_profile p ON p.subject_type = 'establishment' AND p.subject_id = e.id;
COMMENT ON VIEW oversight_establishment IS 'Read-only: the directory''s establishments with the credit module''s current credit and risk level (scoped by region only, like the registry)';
COMMENT ON COLUMN oversight_establishment.id IS 'Establishment id';
COMMENT ON COLUMN oversight_establishment.name IS 'Name';
COMMENT ON COLUMN oversight_establishment.kind IS 'Establishment kind';
COMMENT ON COLUMN oversight_establishment.region_code IS 'Region (scope)';
COMMENT ON COLUMN oversight_establishment.status IS 'preparing | operating | suspended | deregistered';
COMMENT ON COLUMN oversight_establishment.credit_level IS 'Credit level A–D; null when not yet assessed';
COMMENT ON COLUMN oversight_establishment.risk_level IS 'low | medium | high | severe; null when not yet assessed';

CREATE TABLE oversight_grid (
  id               bigserial PRIMARY KEY,
  code             text NOT NULL UNIQUE,
  name             text NOT NULL,
  region_code      varchar(12) NOT NULL REFERENCES region (code),
  department_code  text NOT NULL REFERENCES department (code),
  duties           text NOT NULL DEFAULT '',
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);
COMMENT ON TABLE oversight_grid IS '网格: an area of streets/towns or villages with its staff and duties (定格、定员、定责, seed 001)';
COMMENT ON COLUMN oversight_grid.code IS 'Grid code, e.g. WG370112-01';
COMMENT ON COLUMN oversight_grid.name IS 'Grid name';
COMMENT ON COLUMN oversight_grid.region_code IS 'County (or town) the grid belongs to (scope)';
COMMENT ON COLUMN oversight_grid.department_code IS 'Department that runs the grid (scope)';
COMMENT ON COLUMN oversight_grid.duties IS 'Duties of the grid (定责)';
COMMENT ON COLUMN oversight_grid.version IS 'Optimistic-lock version';
COMMENT ON COLUMN oversight_grid.created_at IS 'When created';
COMMENT ON COLUMN oversight_grid.updated_at IS 'When last changed';

CREATE TABLE oversight_grid_area (
  grid_id          bigint NOT NULL REFERENCES oversight_grid (id),
  department_code  text NOT NULL REFERENCES department (code),
  area_code        varchar(12) NOT NULL REFERENCES region (code),
  PRIMARY KEY (grid_id, area_code),
  UNIQUE (department_code, area_code)
);
COMMENT ON TABLE oversight_grid_area IS 'The street/town (9-digit) or village (12-digit) codes a grid covers; one department''s grids never overlap';
COMMENT ON COLUMN oversight_grid_area.grid_id IS 'The grid';
COMMENT ON COLUMN oversight_grid_area.department_code IS 'The grid''s department (copied, so the database refuses a second grid of the department on the same code)';
COMMENT ON COLUMN oversight_grid_area.area_code IS 'Region code covered';

CREATE TABLE oversight_grid_staff (
  grid_id   bigint NOT NULL REFERENCES oversight_grid (id),
  user_id   bigint NOT NULL REFERENCES app_user (id),
  role      text NOT NULL CHECK (role IN ('lead', 'member')),
  duties    text NOT NULL DEFAULT '',
  PRIMARY KEY (grid_id, user_id)
);
COMMENT ON TABLE oversight_grid_staff IS 'Staff assigned to a grid (定员)';
COMMENT ON COLUMN oversight_grid_staff.grid_id IS 'The grid';
COMMENT ON COLUMN oversight_grid_staff.user_id IS 'The staff user';
COMMENT ON COLUMN oversight_grid_staff.role IS 'lead (网格长) | member (网格员)';
COMMENT ON COLUMN oversight_grid_staff.duties IS 'The person''s own duties in the grid';

CREATE TABLE oversight_special_campaign (
  id               bigserial PRIMARY KEY,
  name             text NOT NULL,
  theme            text NOT NULL,
  region_code      varchar(12) NOT NULL REFERENCES region (code),
  department_code  text NOT NULL REFERENCES department (code),
  departments      text[] NOT NULL,
  starts_on        date NOT NULL,
  ends_on          date NOT NULL CHECK (ends_on >= starts_on),
  target           integer NOT NULL CHECK (target >= 0),
  created_at       timestamptz NOT NULL
);
COMMENT ON TABLE oversight_special_campaign IS '专项整治: a campaign across departments (e.g. against illegal medical practice) with a target number of checks';
COMMENT ON COLUMN oversight_special_campaign.name IS 'Campaign name';
COMMENT ON COLUMN oversight_special_campaign.theme IS 'What it targets';
COMMENT ON COLUMN oversight_special_campaign.region_code IS 'Region it covers (scope)';
COMMENT ON COLUMN oversight_special_campaign.department_code IS 'Leading department (scope)';
COMMENT ON COLUMN oversight_special_campaign.departments IS 'Every participating department';
COMMENT ON COLUMN oversight_special_campaign.starts_on IS 'First day';
COMMENT ON COLUMN oversight_special_campaign.ends_on IS 'Last day';
COMMENT ON COLUMN oversight_special_campaign.target IS 'Number of patrol checks planned; progress is counted from the patrols recorded for it';
COMMENT ON COLUMN oversight_special_campaign.created_at IS 'When created';

CREATE TABLE oversight_patrol (
  id                bigserial PRIMARY KEY,
  grid_id           bigint NOT NULL REFERENCES oversight_grid (id),
  campaign_id       bigint REFERENCES oversight_special_campaign (id),
  establishment_id  bigint REFERENCES establishment (id),
  place             text NOT NULL,
  planned_on        date NOT NULL,
  officer_user_id   bigint REFERENCES app_user (id),
  status            text NOT NULL CHECK (status IN ('planned', 'done', 'cancelled')),
  patrolled_at      timestamptz,
  findings          text,
  problem_found     boolean,
  photos            jsonb NOT NULL DEFAULT '[]',
  created_at        timestamptz NOT NULL
);
COMMENT ON TABLE oversight_patrol IS '日常巡查: a planned patrol of a grid and, once done, its record';
COMMENT ON COLUMN oversight_patrol.grid_id IS 'The grid';
COMMENT ON COLUMN oversight_patrol.campaign_id IS 'The special campaign it counts towards, if any';
COMMENT ON COLUMN oversight_patrol.establishment_id IS 'The establishment visited, if any';
COMMENT ON COLUMN oversight_patrol.place IS 'Place patrolled';
COMMENT ON COLUMN oversight_patrol.planned_on IS 'Day planned';
COMMENT ON COLUMN oversight_patrol.officer_user_id IS 'Officer assigned';
COMMENT ON COLUMN oversight_patrol.status IS 'planned | done | cancelled';
COMMENT ON COLUMN oversight_patrol.patrolled_at IS 'When it was done';
COMMENT ON COLUMN oversight_patrol.findings IS 'What was found';
COMMENT ON COLUMN oversight_patrol.problem_found IS 'Whether a problem was found';
COMMENT ON COLUMN oversight_patrol.photos IS 'Content hashes of the photos taken';
COMMENT ON COLUMN oversight_patrol.created_at IS 'When planned';

CREATE TABLE oversight_recheck_task (
  id                bigserial PRIMARY KEY,
  grid_id           bigint NOT NULL REFERENCES oversight_grid (id),
  establishment_id  bigint NOT NULL REFERENCES establishment (id),
  source            text NOT NULL CHECK (source IN ('penalty', 'rectification', 'campaign', 'manual')),
  source_ref        text NOT NULL DEFAULT '',
  due_on            date NOT NULL,
  status            text NOT NULL CHECK (status IN ('open', 'done')),
  done_on           date,
  result            text,
  created_at        timestamptz NOT NULL
);
COMMENT ON TABLE oversight_recheck_task IS '回头看: a re-check of an establishment after a penalty, a rectification or a campaign';
COMMENT ON COLUMN oversight_recheck_task.grid_id IS 'Grid responsible';
COMMENT ON COLUMN oversight_recheck_task.establishment_id IS 'Establishment to re-check';
COMMENT ON COLUMN oversight_recheck_task.source IS 'penalty | rectification | campaign | manual';
COMMENT ON COLUMN oversight_recheck_task.source_ref IS 'Case or inspection number it follows';
COMMENT ON COLUMN oversight_recheck_task.due_on IS 'Last day';
COMMENT ON COLUMN oversight_recheck_task.status IS 'open | done';
COMMENT ON COLUMN oversight_recheck_task.done_on IS 'Day done';
COMMENT ON COLUMN oversight_recheck_task.result IS 'What the re-check found';
COMMENT ON COLUMN oversight_recheck_task.created_at IS 'When created';

CREATE TABLE oversight_report_run (
  id               bigserial PRIMARY KEY,
  kind             text NOT NULL CHECK (kind IN ('reform_evaluation', 'inspection_year', 'monthly_supervision')),
  period_from      date NOT NULL,
  period_to        date NOT NULL,
  region_code      varchar(12) NOT NULL,
  department_code  text,
  format           text NOT NULL CHECK (format IN ('docx', 'xlsx', 'pdf')),
  empty            boolean NOT NULL,
  figures          jsonb NOT NULL,
  sha256           char(64) NOT NULL,
  generated_at     timestamptz NOT NULL,
  generated_by     bigint
);
COMMENT ON TABLE oversight_report_run IS 'Every report generated: its period, region, the figures it carried and the hash of the file';
COMMENT ON COLUMN oversight_report_run.kind IS 'reform_evaluation | inspection_year | monthly_supervision';
COMMENT ON COLUMN oversight_report_run.period_from IS 'First day of the period';
COMMENT ON COLUMN oversight_report_run.period_to IS 'Last day of the period';
COMMENT ON COLUMN oversight_report_run.region_code IS 'Region reported on (scope)';
COMMENT ON COLUMN oversight_report_run.department_code IS 'Department of the requesting user, or null for all departments';
COMMENT ON COLUMN oversight_report_run.format IS 'docx | xlsx | pdf';
COMMENT ON COLUMN oversight_report_run.empty IS 'The period had no data (the report says so)';
COMMENT ON COLUMN oversight_report_run.figures IS 'The figures as reported';
COMMENT ON COLUMN oversight_report_run.sha256 IS 'SHA-256 of the file delivered';
COMMENT ON COLUMN oversight_report_run.generated_at IS 'When generated';
COMMENT ON COLUMN oversight_report_run.generated_by IS 'Staff user who generated it';
