-- Licensing under 证照分离 (issue 5): the versioned permit catalogue, applications in the four
-- reform modes with their events and clock stops, joint applications across departments, uploaded
-- materials, licences, the verification of commitments and checks after filings, revalidation,
-- settings; and the registry-owned table of licences held, fed by licensing's events.

CREATE TABLE permit_type_version (
  code             text NOT NULL,
  version          integer NOT NULL CHECK (version >= 1),
  effective_from   date NOT NULL,
  name_zh          text NOT NULL,
  mode             text NOT NULL CHECK (mode IN ('abolished', 'filing', 'commitment', 'approval')),
  level            text NOT NULL CHECK (level IN ('province', 'city', 'county')),
  department_code  text NOT NULL REFERENCES department (code),
  definition       jsonb NOT NULL,
  note             text NOT NULL DEFAULT '',
  created_at       timestamptz NOT NULL,
  created_by       bigint,
  created_by_name  text,
  PRIMARY KEY (code, version)
);
COMMENT ON TABLE permit_type_version IS '事项清单: one row per version of a permit type; the version in force on a day is the highest whose effective_from is on or before it; applications keep theirs';
COMMENT ON COLUMN permit_type_version.code IS 'Stable code of the permit type, e.g. public_place_hygiene';
COMMENT ON COLUMN permit_type_version.version IS 'Version number; 1 is the shipped default (with its citation)';
COMMENT ON COLUMN permit_type_version.effective_from IS 'Day the version takes effect';
COMMENT ON COLUMN permit_type_version.name_zh IS 'Chinese name (copied from definition for lists)';
COMMENT ON COLUMN permit_type_version.mode IS 'Reform mode: abolished | filing | commitment | approval (copied from definition)';
COMMENT ON COLUMN permit_type_version.level IS 'Approving level: province | city | county (copied from definition)';
COMMENT ON COLUMN permit_type_version.department_code IS 'Department that approves (copied from definition)';
COMMENT ON COLUMN permit_type_version.definition IS 'The whole PermitTypeDefinition (packages/domain licensing/catalogue.ts): limits, materials, conditions, guide, model texts, citation';
COMMENT ON COLUMN permit_type_version.note IS 'What the version changed and why';
COMMENT ON COLUMN permit_type_version.created_at IS 'When the version was saved';
COMMENT ON COLUMN permit_type_version.created_by IS 'Administrator who saved it; null for the shipped defaults';
COMMENT ON COLUMN permit_type_version.created_by_name IS 'Username at the time';

CREATE TABLE licensing_sequence (
  scope        text NOT NULL,
  region_code  varchar(12) NOT NULL,
  year         integer NOT NULL,
  last_value   integer NOT NULL,
  PRIMARY KEY (scope, region_code, year)
);
COMMENT ON TABLE licensing_sequence IS 'Counters for application and licence numbers, per scope, region and year (row-locked when drawn)';
COMMENT ON COLUMN licensing_sequence.scope IS '"application" or a licence number prefix such as 卫公';
COMMENT ON COLUMN licensing_sequence.region_code IS 'Region of the issuing unit';
COMMENT ON COLUMN licensing_sequence.year IS 'Calendar year of the number';
COMMENT ON COLUMN licensing_sequence.last_value IS 'Last number given out';

CREATE TABLE licensing_joint_application (
  id                      bigserial PRIMARY KEY,
  establishment_id        bigint NOT NULL REFERENCES establishment (id),
  window_unit_id          bigint NOT NULL REFERENCES unit (id),
  window_region_code      varchar(12) NOT NULL,
  window_department_code  text NOT NULL REFERENCES department (code),
  note                    text,
  created_at              timestamptz NOT NULL,
  created_by              bigint
);
COMMENT ON TABLE licensing_joint_application IS '联动审批: several departments'' applications of one establishment accepted at one window (seed 003 二(三) 首家受理窗口负责)';
COMMENT ON COLUMN licensing_joint_application.establishment_id IS 'The applying establishment';
COMMENT ON COLUMN licensing_joint_application.window_unit_id IS 'The first accepting window, which sees every part and the combined deadline';
COMMENT ON COLUMN licensing_joint_application.window_region_code IS 'Region of the window unit (scope)';
COMMENT ON COLUMN licensing_joint_application.window_department_code IS 'Department of the window unit (scope)';
COMMENT ON COLUMN licensing_joint_application.note IS 'Applicant''s note for the whole case';
COMMENT ON COLUMN licensing_joint_application.created_at IS 'When it was created';
COMMENT ON COLUMN licensing_joint_application.created_by IS 'User who created it (institution user or window staff)';

CREATE TABLE licensing_license (
  id                   bigserial PRIMARY KEY,
  number               text NOT NULL UNIQUE,
  permit_code          text NOT NULL,
  permit_version       integer NOT NULL,
  license_name_zh      text NOT NULL,
  establishment_id     bigint NOT NULL REFERENCES establishment (id),
  establishment_name   text NOT NULL,
  establishment_region varchar(12) NOT NULL,
  application_id       bigint,
  unit_id              bigint NOT NULL REFERENCES unit (id),
  unit_name            text NOT NULL,
  unit_region_code     varchar(12) NOT NULL,
  department_code      text NOT NULL REFERENCES department (code),
  status               text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'deregistered', 'withdrawn', 'revoked')),
  issued_on            date NOT NULL,
  valid_from           date NOT NULL,
  valid_to             date,
  scope_text           text,
  conditions           jsonb NOT NULL DEFAULT '[]',
  note                 text,
  status_changed_on    date,
  status_reason        text,
  status_decision_no   text,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
COMMENT ON TABLE licensing_license IS '许可证 (and filing certificates): issued by a decision; change, renewal, deregistration, withdrawal and revocation act on it';
COMMENT ON COLUMN licensing_license.number IS 'Licence number, e.g. 卫公字〔2026〕第37011200001号';
COMMENT ON COLUMN licensing_license.permit_code IS 'Permit type';
COMMENT ON COLUMN licensing_license.permit_version IS 'Catalogue version it was issued under';
COMMENT ON COLUMN licensing_license.license_name_zh IS 'Name of the document, e.g. 《公共场所卫生许可证》';
COMMENT ON COLUMN licensing_license.establishment_id IS 'Holder (registry establishment)';
COMMENT ON COLUMN licensing_license.establishment_name IS 'Holder''s name when issued or last changed';
COMMENT ON COLUMN licensing_license.establishment_region IS 'Holder''s region code';
COMMENT ON COLUMN licensing_license.application_id IS 'The application whose decision issued it';
COMMENT ON COLUMN licensing_license.unit_id IS 'Issuing unit';
COMMENT ON COLUMN licensing_license.unit_name IS 'Issuing unit''s name (printed on the certificate)';
COMMENT ON COLUMN licensing_license.unit_region_code IS 'Issuing unit''s region (scope)';
COMMENT ON COLUMN licensing_license.department_code IS 'Issuing department (scope)';
COMMENT ON COLUMN licensing_license.status IS 'valid | deregistered 注销 | withdrawn 撤销 | revoked 吊销 (expiry is read from valid_to)';
COMMENT ON COLUMN licensing_license.issued_on IS 'Day of the decision';
COMMENT ON COLUMN licensing_license.valid_from IS 'First day of validity';
COMMENT ON COLUMN licensing_license.valid_to IS 'Last day of validity; null when the licence has no fixed term (revalidated instead)';
COMMENT ON COLUMN licensing_license.scope_text IS '许可项目 / scope printed on the certificate';
COMMENT ON COLUMN licensing_license.conditions IS 'Conditions of the licence (for commitments: the conditions committed to), JSON array of strings';
COMMENT ON COLUMN licensing_license.note IS 'Internal note of the issuing unit';
COMMENT ON COLUMN licensing_license.status_changed_on IS 'Day the status last changed';
COMMENT ON COLUMN licensing_license.status_reason IS 'Reasons of a deregistration, withdrawal or revocation';
COMMENT ON COLUMN licensing_license.status_decision_no IS 'Number of the decision that changed the status';
COMMENT ON COLUMN licensing_license.version IS 'Optimistic concurrency: every change increments it';
COMMENT ON COLUMN licensing_license.created_at IS 'When it was issued (instant)';
COMMENT ON COLUMN licensing_license.updated_at IS 'When it last changed';
CREATE INDEX licensing_license_establishment_idx ON licensing_license (establishment_id);
CREATE INDEX licensing_license_scope_idx ON licensing_license (unit_region_code varchar_pattern_ops, department_code);
CREATE INDEX licensing_license_permit_idx ON licensing_license (permit_code, status);

CREATE TABLE licensing_application (
  id                    bigserial PRIMARY KEY,
  number                text UNIQUE,
  joint_id              bigint REFERENCES licensing_joint_application (id),
  establishment_id      bigint NOT NULL REFERENCES establishment (id),
  establishment_name    text NOT NULL,
  establishment_region  varchar(12) NOT NULL,
  permit_code           text NOT NULL,
  permit_version        integer NOT NULL,
  mode                  text NOT NULL CHECK (mode IN ('filing', 'commitment', 'approval')),
  purpose               text NOT NULL CHECK (purpose IN ('new', 'change', 'renewal', 'deregistration')),
  license_id            bigint REFERENCES licensing_license (id),
  unit_id               bigint NOT NULL REFERENCES unit (id),
  unit_region_code      varchar(12) NOT NULL,
  department_code       text NOT NULL REFERENCES department (code),
  state                 text NOT NULL CHECK (state IN ('draft', 'signed', 'submitted', 'correction_requested', 'under_review',
                          'excluded_period', 'public_notice', 'filed', 'granted', 'refused', 'rejected', 'withdrawn')),
  version               integer NOT NULL DEFAULT 1,
  form                  jsonb NOT NULL DEFAULT '{}',
  applicant_note        text,
  commitment            jsonb,
  received_on           date,
  last_received_on      date,
  accepted_on           date,
  deemed_accepted       boolean NOT NULL DEFAULT false,
  correction_used       boolean NOT NULL DEFAULT false,
  correction_items      jsonb,
  accept_due            date,
  decide_due            date,
  accept_on_time        boolean,
  decide_on_time        boolean,
  public_notice_from    date,
  public_notice_until   date,
  public_notice_done    boolean NOT NULL DEFAULT false,
  disclose_by           date,
  decided_on            date,
  decision_reasons      text,
  decision_no           text,
  delay_reason          text,
  publish_by            date,
  handler_user_id       bigint REFERENCES app_user (id),
  created_at            timestamptz NOT NULL,
  created_by            bigint,
  updated_at            timestamptz NOT NULL,
  updated_by            bigint
);
COMMENT ON TABLE licensing_application IS '申请: one application for one permit type (new, change, renewal or deregistration), in its mode''s workflow';
COMMENT ON COLUMN licensing_application.number IS 'Application number given at submission, e.g. 370112-2026-000001';
COMMENT ON COLUMN licensing_application.joint_id IS 'The joint application it is part of, if any';
COMMENT ON COLUMN licensing_application.establishment_id IS 'Applying establishment';
COMMENT ON COLUMN licensing_application.establishment_name IS 'Its name when the application was made';
COMMENT ON COLUMN licensing_application.establishment_region IS 'Its region code';
COMMENT ON COLUMN licensing_application.permit_code IS 'Permit type applied for';
COMMENT ON COLUMN licensing_application.permit_version IS 'Catalogue version in force when the application was made (kept)';
COMMENT ON COLUMN licensing_application.mode IS 'Reform mode of that version: filing | commitment | approval';
COMMENT ON COLUMN licensing_application.purpose IS 'new | change 变更 | renewal 延续 | deregistration 注销';
COMMENT ON COLUMN licensing_application.license_id IS 'The licence a change, renewal or deregistration is about; for a new one, the licence issued';
COMMENT ON COLUMN licensing_application.unit_id IS 'Competent unit (department at the approving level over the establishment)';
COMMENT ON COLUMN licensing_application.unit_region_code IS 'Region of the competent unit (scope)';
COMMENT ON COLUMN licensing_application.department_code IS 'Department of the competent unit (scope)';
COMMENT ON COLUMN licensing_application.state IS 'State in the mode''s workflow (packages/domain licensing/workflow.ts)';
COMMENT ON COLUMN licensing_application.version IS 'Optimistic concurrency: every action states the version it saw; a stale one is refused (409 conflict)';
COMMENT ON COLUMN licensing_application.form IS 'Form data: clinic doctors, beds, planned level, foreign investment, scope, changes';
COMMENT ON COLUMN licensing_application.applicant_note IS 'Applicant''s note';
COMMENT ON COLUMN licensing_application.commitment IS 'The signed commitment: the conditions as read, who signed, when';
COMMENT ON COLUMN licensing_application.received_on IS 'Day first submitted (收到申请材料之日)';
COMMENT ON COLUMN licensing_application.last_received_on IS 'Day the last materials arrived (after a correction)';
COMMENT ON COLUMN licensing_application.accepted_on IS 'Day accepted (受理); the decision clock starts here';
COMMENT ON COLUMN licensing_application.deemed_accepted IS 'Accepted after the 5-day limit: by law accepted from receipt (行政许可法 §32)';
COMMENT ON COLUMN licensing_application.correction_used IS 'The one complete request for corrections has been made';
COMMENT ON COLUMN licensing_application.correction_items IS 'What the applicant was told to correct';
COMMENT ON COLUMN licensing_application.accept_due IS 'Last day to accept, reject or request corrections (recomputed from the events; null while stopped)';
COMMENT ON COLUMN licensing_application.decide_due IS 'Last day of the committed limit for the decision (recomputed; null while stopped)';
COMMENT ON COLUMN licensing_application.accept_on_time IS 'Whether acceptance was decided by accept_due';
COMMENT ON COLUMN licensing_application.decide_on_time IS 'Whether the decision was made by decide_due';
COMMENT ON COLUMN licensing_application.public_notice_from IS '两证合一: first day of the public notice';
COMMENT ON COLUMN licensing_application.public_notice_until IS '两证合一: last day of the public notice';
COMMENT ON COLUMN licensing_application.public_notice_done IS 'The notice ran its course';
COMMENT ON COLUMN licensing_application.disclose_by IS 'Seed 004: a new application of a listed type is public by this day';
COMMENT ON COLUMN licensing_application.decided_on IS 'Day of the decision (or filing)';
COMMENT ON COLUMN licensing_application.decision_reasons IS 'Reasons of a refusal or rejection (written decision)';
COMMENT ON COLUMN licensing_application.decision_no IS 'Number of the written decision';
COMMENT ON COLUMN licensing_application.delay_reason IS 'Why a decision came after its due date';
COMMENT ON COLUMN licensing_application.publish_by IS '双公示: the decision is public by this day (7 working days)';
COMMENT ON COLUMN licensing_application.handler_user_id IS 'Staff member handling it (set when accepted); open work blocks moving them out of the region';
COMMENT ON COLUMN licensing_application.created_at IS 'When the draft was created';
COMMENT ON COLUMN licensing_application.created_by IS 'User who created it';
COMMENT ON COLUMN licensing_application.updated_at IS 'When it last changed';
COMMENT ON COLUMN licensing_application.updated_by IS 'User who last changed it';
CREATE INDEX licensing_application_scope_idx ON licensing_application (unit_region_code varchar_pattern_ops, department_code);
CREATE INDEX licensing_application_establishment_idx ON licensing_application (establishment_id);
CREATE INDEX licensing_application_state_idx ON licensing_application (state, decide_due);
CREATE INDEX licensing_application_joint_idx ON licensing_application (joint_id);
CREATE INDEX licensing_application_decided_idx ON licensing_application (decided_on);

ALTER TABLE licensing_license ADD CONSTRAINT licensing_license_application_fk
  FOREIGN KEY (application_id) REFERENCES licensing_application (id);

CREATE TABLE licensing_application_event (
  id              bigserial PRIMARY KEY,
  application_id  bigint NOT NULL REFERENCES licensing_application (id),
  action          text NOT NULL,
  from_state      text,
  to_state        text NOT NULL,
  on_date         date NOT NULL,
  at              timestamptz NOT NULL,
  actor_user_id   bigint,
  actor_name      text,
  details         jsonb NOT NULL DEFAULT '{}'
);
COMMENT ON TABLE licensing_application_event IS 'Timeline of an application: every action with its date; deadlines are computed from these dates';
COMMENT ON COLUMN licensing_application_event.application_id IS 'The application';
COMMENT ON COLUMN licensing_application_event.action IS 'create, sign_commitment, submit, accept, request_correction, resubmit, grant, refuse …';
COMMENT ON COLUMN licensing_application_event.from_state IS 'State before (null for create)';
COMMENT ON COLUMN licensing_application_event.to_state IS 'State after';
COMMENT ON COLUMN licensing_application_event.on_date IS 'Legal date of the event (the working-day calendar counts from it)';
COMMENT ON COLUMN licensing_application_event.at IS 'Instant it was recorded';
COMMENT ON COLUMN licensing_application_event.actor_user_id IS 'Who acted';
COMMENT ON COLUMN licensing_application_event.actor_name IS 'Username at the time';
COMMENT ON COLUMN licensing_application_event.details IS 'Reasons, correction items, conditions, delay reasons';
CREATE INDEX licensing_application_event_app_idx ON licensing_application_event (application_id, id);

CREATE TABLE licensing_clock_stop (
  id              bigserial PRIMARY KEY,
  application_id  bigint NOT NULL REFERENCES licensing_application (id),
  kind            text NOT NULL CHECK (kind IN ('correction', 'site_inspection', 'expert_review')),
  from_on         date NOT NULL,
  to_on           date,
  CHECK (to_on IS NULL OR to_on >= from_on)
);
COMMENT ON TABLE licensing_clock_stop IS 'Periods the clock does not run: corrections (补正) and the periods 行政许可法 §45 excludes (site inspection, expert review)';
COMMENT ON COLUMN licensing_clock_stop.application_id IS 'The application whose clocks it stops';
COMMENT ON COLUMN licensing_clock_stop.kind IS 'correction | site_inspection | expert_review';
COMMENT ON COLUMN licensing_clock_stop.from_on IS 'Day the clock stopped (still counted)';
COMMENT ON COLUMN licensing_clock_stop.to_on IS 'Day it resumed (not counted); null while stopped';
CREATE INDEX licensing_clock_stop_app_idx ON licensing_clock_stop (application_id);

CREATE TABLE licensing_material (
  id                bigserial PRIMARY KEY,
  application_id    bigint NOT NULL REFERENCES licensing_application (id),
  material_code     text NOT NULL,
  file_name         text NOT NULL,
  content_type      text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes        integer NOT NULL CHECK (size_bytes > 0),
  sha256            char(64) NOT NULL,
  uploaded_at       timestamptz NOT NULL,
  uploaded_by       bigint,
  uploaded_by_name  text
);
COMMENT ON TABLE licensing_material IS 'Uploaded application materials; the bytes are stored under WEIJIAN_DATA_DIR/files by their SHA-256';
COMMENT ON COLUMN licensing_material.application_id IS 'The application it belongs to';
COMMENT ON COLUMN licensing_material.material_code IS 'Which required material of the permit type it is';
COMMENT ON COLUMN licensing_material.file_name IS 'Name the uploader gave the file';
COMMENT ON COLUMN licensing_material.content_type IS 'Type recognised from the first bytes: PDF, JPEG or PNG only';
COMMENT ON COLUMN licensing_material.size_bytes IS 'Size in bytes';
COMMENT ON COLUMN licensing_material.sha256 IS 'SHA-256 of the bytes (also the storage name)';
COMMENT ON COLUMN licensing_material.uploaded_at IS 'When it was uploaded';
COMMENT ON COLUMN licensing_material.uploaded_by IS 'Who uploaded it';
COMMENT ON COLUMN licensing_material.uploaded_by_name IS 'Username at the time';
CREATE INDEX licensing_material_app_idx ON licensing_material (application_id);

CREATE TABLE licensing_license_event (
  id             bigserial PRIMARY KEY,
  license_id     bigint NOT NULL REFERENCES licensing_license (id),
  action         text NOT NULL,
  on_date        date NOT NULL,
  at             timestamptz NOT NULL,
  actor_user_id  bigint,
  actor_name     text,
  diff           jsonb NOT NULL DEFAULT '{}'
);
COMMENT ON TABLE licensing_license_event IS 'History of a licence: issue, change, renewal, revalidation outcomes, deregistration, withdrawal, revocation';
COMMENT ON COLUMN licensing_license_event.license_id IS 'The licence';
COMMENT ON COLUMN licensing_license_event.action IS 'issue | change | renew | revalidation_passed | revalidation_deferred | deregister | withdraw | revoke';
COMMENT ON COLUMN licensing_license_event.on_date IS 'Legal date';
COMMENT ON COLUMN licensing_license_event.at IS 'Instant recorded';
COMMENT ON COLUMN licensing_license_event.actor_user_id IS 'Who acted';
COMMENT ON COLUMN licensing_license_event.actor_name IS 'Username at the time';
COMMENT ON COLUMN licensing_license_event.diff IS 'Changed fields as {field: [before, after]} and reasons';
CREATE INDEX licensing_license_event_license_idx ON licensing_license_event (license_id, id);

CREATE TABLE licensing_task (
  id                  bigserial PRIMARY KEY,
  kind                text NOT NULL CHECK (kind IN ('commitment_verification', 'post_filing_check')),
  application_id      bigint NOT NULL REFERENCES licensing_application (id),
  license_id          bigint NOT NULL REFERENCES licensing_license (id),
  establishment_id    bigint NOT NULL REFERENCES establishment (id),
  establishment_name  text NOT NULL,
  unit_id             bigint NOT NULL REFERENCES unit (id),
  unit_region_code    varchar(12) NOT NULL,
  department_code     text NOT NULL REFERENCES department (code),
  state               text NOT NULL CHECK (state IN ('open', 'rectifying', 'conforming', 'failed')),
  due_on              date NOT NULL,
  rectification_due   date,
  findings            text,
  closed_on           date,
  assignee_user_id    bigint REFERENCES app_user (id),
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL
);
COMMENT ON TABLE licensing_task IS 'Supervision after a decision: verification of a commitment (告知承诺核查) or the check after a filing (备案后核查)';
COMMENT ON COLUMN licensing_task.kind IS 'commitment_verification | post_filing_check';
COMMENT ON COLUMN licensing_task.application_id IS 'The application decided';
COMMENT ON COLUMN licensing_task.license_id IS 'The licence or filing certificate issued';
COMMENT ON COLUMN licensing_task.establishment_id IS 'The establishment to check';
COMMENT ON COLUMN licensing_task.establishment_name IS 'Its name';
COMMENT ON COLUMN licensing_task.unit_id IS 'Unit that checks (the supervision institute of the region, else the issuing unit)';
COMMENT ON COLUMN licensing_task.unit_region_code IS 'Its region (scope)';
COMMENT ON COLUMN licensing_task.department_code IS 'Its department (scope)';
COMMENT ON COLUMN licensing_task.state IS 'open | rectifying | conforming | failed (licence withdrawn)';
COMMENT ON COLUMN licensing_task.due_on IS 'Last day to verify (working days from the decision)';
COMMENT ON COLUMN licensing_task.rectification_due IS 'Deadline of the rectification ordered';
COMMENT ON COLUMN licensing_task.findings IS 'What the check found';
COMMENT ON COLUMN licensing_task.closed_on IS 'Day it was closed';
COMMENT ON COLUMN licensing_task.assignee_user_id IS 'Inspector who took it up';
COMMENT ON COLUMN licensing_task.version IS 'Optimistic concurrency';
COMMENT ON COLUMN licensing_task.created_at IS 'When created';
COMMENT ON COLUMN licensing_task.updated_at IS 'When it last changed';
CREATE INDEX licensing_task_scope_idx ON licensing_task (unit_region_code varchar_pattern_ops, department_code, state);

CREATE TABLE licensing_revalidation (
  id                bigserial PRIMARY KEY,
  license_id        bigint NOT NULL REFERENCES licensing_license (id),
  cycle_years       integer NOT NULL,
  due_on            date NOT NULL,
  notice_on         date NOT NULL,
  state             text NOT NULL CHECK (state IN ('scheduled', 'noticed', 'submitted', 'deferred', 'passed', 'failed')),
  noticed_on        date,
  submitted_on      date,
  submission        jsonb,
  decided_on        date,
  deferred_until    date,
  reasons           text,
  unit_id           bigint NOT NULL REFERENCES unit (id),
  unit_region_code  varchar(12) NOT NULL,
  department_code   text NOT NULL REFERENCES department (code),
  handler_user_id   bigint REFERENCES app_user (id),
  version           integer NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL
);
COMMENT ON TABLE licensing_revalidation IS '校验: one revalidation of a licence on its type''s cycle';
COMMENT ON COLUMN licensing_revalidation.license_id IS 'The licence';
COMMENT ON COLUMN licensing_revalidation.cycle_years IS 'Cycle in years (医疗机构: 1 under 100 beds, 3 from 100; 母婴保健: 3)';
COMMENT ON COLUMN licensing_revalidation.due_on IS 'Day the cycle ends';
COMMENT ON COLUMN licensing_revalidation.notice_on IS 'Day the notice goes out (before due_on)';
COMMENT ON COLUMN licensing_revalidation.state IS 'scheduled | noticed | submitted | deferred 暂缓校验 | passed | failed (licence deregistered)';
COMMENT ON COLUMN licensing_revalidation.noticed_on IS 'Day the notice was sent';
COMMENT ON COLUMN licensing_revalidation.submission IS 'What the institution submitted (self-inspection summary)';
COMMENT ON COLUMN licensing_revalidation.submitted_on IS 'Day submitted';
COMMENT ON COLUMN licensing_revalidation.decided_on IS 'Day of the outcome';
COMMENT ON COLUMN licensing_revalidation.deferred_until IS 'End of the rectification period of a deferral (1–6 months)';
COMMENT ON COLUMN licensing_revalidation.reasons IS 'Reasons of a deferral or failure';
COMMENT ON COLUMN licensing_revalidation.unit_id IS 'Registering unit (校验由原登记机关办理)';
COMMENT ON COLUMN licensing_revalidation.unit_region_code IS 'Its region (scope)';
COMMENT ON COLUMN licensing_revalidation.department_code IS 'Its department (scope)';
COMMENT ON COLUMN licensing_revalidation.handler_user_id IS 'Staff member handling it';
COMMENT ON COLUMN licensing_revalidation.version IS 'Optimistic concurrency';
COMMENT ON COLUMN licensing_revalidation.created_at IS 'When scheduled';
COMMENT ON COLUMN licensing_revalidation.updated_at IS 'When it last changed';
CREATE INDEX licensing_revalidation_scope_idx ON licensing_revalidation (unit_region_code varchar_pattern_ops, department_code, state);
CREATE INDEX licensing_revalidation_license_idx ON licensing_revalidation (license_id);

CREATE TABLE licensing_setting (
  key         text PRIMARY KEY,
  value       jsonb NOT NULL,
  updated_at  timestamptz NOT NULL,
  updated_by  bigint
);
COMMENT ON TABLE licensing_setting IS 'Licensing settings an administrator adjusts (e.g. the inbox warning margin)';
COMMENT ON COLUMN licensing_setting.key IS 'Setting name, e.g. warningMarginDays';
COMMENT ON COLUMN licensing_setting.value IS 'Value as JSON';
COMMENT ON COLUMN licensing_setting.updated_at IS 'When it was last set';
COMMENT ON COLUMN licensing_setting.updated_by IS 'Who set it';

-- Owned by the REGISTRY module (licences held, on the establishment record). Written only by the
-- registry's subscriber to licensing.license.* events (src/modules/registry/license-holdings.ts).
CREATE TABLE establishment_license (
  license_id        bigint PRIMARY KEY,
  establishment_id  bigint NOT NULL REFERENCES establishment (id),
  permit_code       text NOT NULL,
  license_name_zh   text NOT NULL,
  number            text NOT NULL,
  issuer_name       text NOT NULL,
  valid_from        date NOT NULL,
  valid_to          date,
  status            text NOT NULL CHECK (status IN ('valid', 'deregistered', 'withdrawn', 'revoked')),
  updated_at        timestamptz NOT NULL,
  last_event_id     bigint NOT NULL
);
COMMENT ON TABLE establishment_license IS 'Registry: licences held by an establishment, as the licensing module reported them through its events (owned by registry)';
COMMENT ON COLUMN establishment_license.license_id IS 'The licensing module''s licence id';
COMMENT ON COLUMN establishment_license.establishment_id IS 'Holder';
COMMENT ON COLUMN establishment_license.permit_code IS 'Permit type code';
COMMENT ON COLUMN establishment_license.license_name_zh IS 'Name of the licence';
COMMENT ON COLUMN establishment_license.number IS 'Licence number';
COMMENT ON COLUMN establishment_license.issuer_name IS 'Issuing unit';
COMMENT ON COLUMN establishment_license.valid_from IS 'First day of validity';
COMMENT ON COLUMN establishment_license.valid_to IS 'Last day of validity (null: no fixed term)';
COMMENT ON COLUMN establishment_license.status IS 'valid | deregistered | withdrawn | revoked';
COMMENT ON COLUMN establishment_license.updated_at IS 'When the last event was applied';
COMMENT ON COLUMN establishment_license.last_event_id IS 'Domain event last applied (older events never overwrite newer ones)';
CREATE INDEX establishment_license_establishment_idx ON establishment_license (establishment_id);

-- Installations whose built-in roles already exist get the licensing permissions here; a new
-- installation gets them from BUILTIN_ROLES (permissions.ts) when the roles are created.
INSERT INTO role_permission (role_code, permission)
SELECT r.code, p.permission
FROM role r
JOIN (VALUES
  ('admin', 'licensing.read'), ('admin', 'licensing.apply'), ('admin', 'licensing.decide'), ('admin', 'licensing.verify'),
  ('admin', 'licensing.catalogue.manage'), ('admin', 'licensing.report.read'),
  ('approver', 'licensing.read'), ('approver', 'licensing.apply'), ('approver', 'licensing.decide'),
  ('inspector', 'licensing.read'), ('inspector', 'licensing.verify'),
  ('legal_reviewer', 'licensing.read'),
  ('leader', 'licensing.read'), ('leader', 'licensing.report.read'),
  ('viewer', 'licensing.read'),
  ('institution', 'licensing.read'), ('institution', 'licensing.apply')
) AS p (role_code, permission) ON p.role_code = r.code
WHERE r.builtin
ON CONFLICT DO NOTHING;
