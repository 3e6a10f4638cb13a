-- Credit and risk (seed 001 四(三)(五), seed 002 二(七)): versioned rule sets, credit files of
-- establishments and practitioners, demerit points, the credit profile (credit level, risk score
-- with its parts, supervision mode) with supervisors' overrides, the blacklist and credit repair,
-- quantitative grading, monitoring batches and readings, narcotic quotas, and warnings.

CREATE TABLE credit_rule_set (
  section          text NOT NULL CHECK (section IN ('demerits', 'levels', 'blacklist', 'risk', 'modes', 'grading', 'warnings', 'monitoring')),
  version          integer NOT NULL CHECK (version >= 1),
  "values"         jsonb NOT NULL,
  note             text NOT NULL DEFAULT '',
  effective_from   date,
  created_at       timestamptz NOT NULL,
  created_by       bigint,
  created_by_name  text,
  PRIMARY KEY (section, version)
);
COMMENT ON TABLE credit_rule_set IS 'The credit module''s rules as data, one section at a time; every edit is a new version, the highest is current';
COMMENT ON COLUMN credit_rule_set.section IS 'demerits | levels | blacklist | risk | modes | grading | warnings | monitoring (packages/domain credit/policy.ts)';
COMMENT ON COLUMN credit_rule_set.version IS 'Version number within the section; 1 is the shipped default';
COMMENT ON COLUMN credit_rule_set."values" IS 'The section''s values, each rule with its citation';
COMMENT ON COLUMN credit_rule_set.note IS 'What the version changed and why';
COMMENT ON COLUMN credit_rule_set.effective_from IS 'Day the version takes effect (informational; recompute applies it)';
COMMENT ON COLUMN credit_rule_set.created_at IS 'When the version was saved';
COMMENT ON COLUMN credit_rule_set.created_by IS 'Administrator who saved it; null for the shipped defaults';
COMMENT ON COLUMN credit_rule_set.created_by_name IS 'Username at the time';

CREATE TABLE credit_profile (
  subject_type            text NOT NULL CHECK (subject_type IN ('establishment', 'practitioner')),
  subject_id              bigint NOT NULL,
  establishment_id        bigint NOT NULL,
  region_code             varchar(12) NOT NULL,
  public_code             varchar(13),
  name                    text NOT NULL,
  kind                    text,
  flags                   text[] NOT NULL DEFAULT '{}',
  computed_credit_level   char(1) NOT NULL CHECK (computed_credit_level IN ('A', 'B', 'C', 'D')),
  credit_level            char(1) NOT NULL CHECK (credit_level IN ('A', 'B', 'C', 'D')),
  credit_reasons          jsonb NOT NULL DEFAULT '[]',
  risk_score              numeric(7, 1),
  computed_risk_level     text CHECK (computed_risk_level IN ('low', 'medium', 'high', 'severe')),
  risk_level              text CHECK (risk_level IN ('low', 'medium', 'high', 'severe')),
  risk_parts              jsonb,
  computed_mode           text CHECK (computed_mode IN ('stationed', 'code', 'demerit', 'remote', 'commitment', 'graded')),
  mode                    text CHECK (mode IN ('stationed', 'code', 'demerit', 'remote', 'commitment', 'graded')),
  modes                   text[] NOT NULL DEFAULT '{}',
  inspections_per_year    numeric(6, 2),
  mode_reasons            jsonb,
  demerit_points          integer NOT NULL DEFAULT 0,
  demerit_cycle_start     date,
  demerit_cycle_end       date,
  demerit_band            integer,
  blacklisted             boolean NOT NULL DEFAULT false,
  grade                   char(1) CHECK (grade IN ('A', 'B', 'C', 'D')),
  rule_versions           jsonb NOT NULL DEFAULT '{}',
  computed_on             date NOT NULL,
  computed_at             timestamptz NOT NULL,
  created_at              timestamptz NOT NULL,
  PRIMARY KEY (subject_type, subject_id)
);
COMMENT ON TABLE credit_profile IS 'Where a subject stands, recomputed when its credit file changes: credit level, risk score with its parts, supervision mode and frequency (effective values apply supervisors'' overrides; computed_* keep the rules'' answer)';
COMMENT ON COLUMN credit_profile.subject_type IS 'establishment | practitioner';
COMMENT ON COLUMN credit_profile.subject_id IS 'Establishment or practitioner id (registry)';
COMMENT ON COLUMN credit_profile.establishment_id IS 'The establishment itself, or the practitioner''s primary institution (institution users see their own)';
COMMENT ON COLUMN credit_profile.region_code IS 'Region of that establishment at the last recompute (scope: region subtree)';
COMMENT ON COLUMN credit_profile.public_code IS 'The establishment''s public code (一码), for the public portal; null for practitioners';
COMMENT ON COLUMN credit_profile.name IS 'Name at the last recompute (lists)';
COMMENT ON COLUMN credit_profile.kind IS 'Establishment kind (null for practitioners)';
COMMENT ON COLUMN credit_profile.flags IS 'Establishment flags at the last recompute';
COMMENT ON COLUMN credit_profile.computed_credit_level IS 'Credit level A–D the rules give (国市监信发〔2022〕6号)';
COMMENT ON COLUMN credit_profile.credit_level IS 'Effective credit level (an active override, else the computed one)';
COMMENT ON COLUMN credit_profile.credit_reasons IS 'Conditions of the deciding rule that fired, with counts and wording';
COMMENT ON COLUMN credit_profile.risk_score IS 'Additive risk score (establishments); null for practitioners';
COMMENT ON COLUMN credit_profile.computed_risk_level IS 'Risk level from the score and the cut-points';
COMMENT ON COLUMN credit_profile.risk_level IS 'Effective risk level (override or computed)';
COMMENT ON COLUMN credit_profile.risk_parts IS 'The score''s parts, each with its reasons (code, points, wording, day)';
COMMENT ON COLUMN credit_profile.computed_mode IS 'Supervision mode the mode rules give';
COMMENT ON COLUMN credit_profile.mode IS 'Effective supervision mode (override or computed)';
COMMENT ON COLUMN credit_profile.modes IS 'Every mode whose rule matched';
COMMENT ON COLUMN credit_profile.inspections_per_year IS 'Inspection frequency that goes with the effective mode';
COMMENT ON COLUMN credit_profile.mode_reasons IS 'Why the mode rule matched';
COMMENT ON COLUMN credit_profile.demerit_points IS 'Demerit points in the current cycle';
COMMENT ON COLUMN credit_profile.demerit_cycle_start IS 'First day of the current demerit cycle';
COMMENT ON COLUMN credit_profile.demerit_cycle_end IS 'Last day of the current demerit cycle';
COMMENT ON COLUMN credit_profile.demerit_band IS 'Minimum points of the band reached (null: none)';
COMMENT ON COLUMN credit_profile.blacklisted IS 'Currently on the blacklist';
COMMENT ON COLUMN credit_profile.grade IS 'Latest quantitative grade (医美/口腔)';
COMMENT ON COLUMN credit_profile.rule_versions IS 'Version of each rule section the profile was computed with';
COMMENT ON COLUMN credit_profile.computed_on IS 'Day (China time) the profile was computed for (time decay)';
COMMENT ON COLUMN credit_profile.computed_at IS 'When it was computed';
COMMENT ON COLUMN credit_profile.created_at IS 'First computed';
CREATE INDEX credit_profile_region_idx ON credit_profile (region_code varchar_pattern_ops, subject_type);
CREATE INDEX credit_profile_establishment_idx ON credit_profile (establishment_id);
CREATE INDEX credit_profile_public_idx ON credit_profile (public_code) WHERE public_code IS NOT NULL;

CREATE TABLE credit_entry (
  id                 bigserial PRIMARY KEY,
  subject_type       text NOT NULL CHECK (subject_type IN ('establishment', 'practitioner')),
  subject_id         bigint NOT NULL,
  establishment_id   bigint NOT NULL,
  region_code        varchar(12) NOT NULL,
  kind               text NOT NULL,
  polarity           text NOT NULL CHECK (polarity IN ('positive', 'negative', 'neutral')),
  severity           text CHECK (severity IN ('minor', 'general', 'serious')),
  occurred_on        date NOT NULL,
  summary_zh         text NOT NULL,
  summary_en         text NOT NULL,
  citation           jsonb NOT NULL,
  source_module      text NOT NULL,
  source_type        text NOT NULL,
  source_id          text NOT NULL,
  source_event_id    bigint,
  data               jsonb NOT NULL DEFAULT '{}',
  status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
  status_reason      text,
  status_changed_at  timestamptz,
  recorded_at        timestamptz NOT NULL,
  recorded_by        bigint,
  recorded_by_name   text
);
COMMENT ON TABLE credit_entry IS '信用档案: the timeline of everything that bears on a subject''s credit, each entry with its source record and citation';
COMMENT ON COLUMN credit_entry.subject_type IS 'establishment | practitioner';
COMMENT ON COLUMN credit_entry.subject_id IS 'Whose file';
COMMENT ON COLUMN credit_entry.establishment_id IS 'The establishment (or the practitioner''s primary institution), for scope';
COMMENT ON COLUMN credit_entry.region_code IS 'Its region when recorded (scope)';
COMMENT ON COLUMN credit_entry.kind IS 'Entry kind (packages/domain credit/entries.ts): licence_granted, penalty, inspection_non_compliant …';
COMMENT ON COLUMN credit_entry.polarity IS 'positive | negative | neutral for credit';
COMMENT ON COLUMN credit_entry.severity IS 'Penalties: minor | general | serious';
COMMENT ON COLUMN credit_entry.occurred_on IS 'Day it happened (decision day, inspection day …)';
COMMENT ON COLUMN credit_entry.summary_zh IS 'What happened, in Chinese, as shown to staff and the party';
COMMENT ON COLUMN credit_entry.summary_en IS 'The same in English';
COMMENT ON COLUMN credit_entry.citation IS 'Why it is recorded / the article behind it: {zh, en}';
COMMENT ON COLUMN credit_entry.source_module IS 'Module of the source record: enforcement, inspection, licensing, credit';
COMMENT ON COLUMN credit_entry.source_type IS 'Kind of source record: case, complaint, inspection, rectification, application, license, demerit, blacklist …';
COMMENT ON COLUMN credit_entry.source_id IS 'Id of the source record in its module';
COMMENT ON COLUMN credit_entry.source_event_id IS 'The domain event it was recorded from (null when staff recorded it)';
COMMENT ON COLUMN credit_entry.data IS 'Facts scoring uses (licenceRevoked, nonCompliantItems, rectified …) and the event payload''s details';
COMMENT ON COLUMN credit_entry.status IS 'active | withdrawn (e.g. the penalty was withdrawn: kept, no longer counted)';
COMMENT ON COLUMN credit_entry.status_reason IS 'Why it was withdrawn';
COMMENT ON COLUMN credit_entry.status_changed_at IS 'When the status last changed';
COMMENT ON COLUMN credit_entry.recorded_at IS 'When it was written';
COMMENT ON COLUMN credit_entry.recorded_by IS 'User who recorded it; null for events';
COMMENT ON COLUMN credit_entry.recorded_by_name IS 'Username at the time, or event:<type>';
CREATE INDEX credit_entry_subject_idx ON credit_entry (subject_type, subject_id, occurred_on DESC, id DESC);
CREATE INDEX credit_entry_source_idx ON credit_entry (source_module, source_type, source_id);
CREATE UNIQUE INDEX credit_entry_event_idx ON credit_entry (source_event_id, subject_type, subject_id, kind) WHERE source_event_id IS NOT NULL;

CREATE TABLE credit_demerit (
  id                bigserial PRIMARY KEY,
  subject_type      text NOT NULL CHECK (subject_type IN ('establishment', 'practitioner')),
  subject_id        bigint NOT NULL,
  establishment_id  bigint NOT NULL,
  region_code       varchar(12) NOT NULL,
  behaviour_code    text,
  points            integer NOT NULL CHECK (points BETWEEN 1 AND 20),
  act_zh            text NOT NULL,
  act_en            text NOT NULL,
  article           jsonb NOT NULL,
  occurred_on       date NOT NULL,
  cycle_start       date NOT NULL,
  cycle_end         date NOT NULL,
  source_module     text NOT NULL,
  source_type       text NOT NULL,
  source_id         text NOT NULL,
  entry_id          bigint REFERENCES credit_entry (id),
  note              text NOT NULL DEFAULT '',
  status            text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
  revoked_reason    text,
  revoked_at        timestamptz,
  revoked_by        bigint,
  recorded_at       timestamptz NOT NULL,
  recorded_by       bigint,
  recorded_by_name  text NOT NULL
);
COMMENT ON TABLE credit_demerit IS '不良执业行为记分: points recorded against an establishment or practitioner, each with the act, the article and its source record (never silently: every record is audited and in the credit file)';
COMMENT ON COLUMN credit_demerit.subject_type IS 'establishment | practitioner';
COMMENT ON COLUMN credit_demerit.subject_id IS 'Who the points are recorded against';
COMMENT ON COLUMN credit_demerit.establishment_id IS 'The establishment or the practitioner''s primary institution (scope)';
COMMENT ON COLUMN credit_demerit.region_code IS 'Its region when recorded (scope)';
COMMENT ON COLUMN credit_demerit.behaviour_code IS 'Catalogue behaviour (I01… / P01…); null when a penalty without a listed behaviour scored by severity';
COMMENT ON COLUMN credit_demerit.points IS 'Points (1, 2, 4, 6 or 10 by default)';
COMMENT ON COLUMN credit_demerit.act_zh IS 'The act, as shown to the party';
COMMENT ON COLUMN credit_demerit.act_en IS 'The act in English';
COMMENT ON COLUMN credit_demerit.article IS 'The rule broken: {zh, en}';
COMMENT ON COLUMN credit_demerit.occurred_on IS 'Day of the act or of the decision';
COMMENT ON COLUMN credit_demerit.cycle_start IS 'First day of the cycle the points count in';
COMMENT ON COLUMN credit_demerit.cycle_end IS 'Last day of that cycle';
COMMENT ON COLUMN credit_demerit.source_module IS 'Module of the source record (enforcement, inspection, credit)';
COMMENT ON COLUMN credit_demerit.source_type IS 'case | inspection | complaint | alert';
COMMENT ON COLUMN credit_demerit.source_id IS 'Id of the source record';
COMMENT ON COLUMN credit_demerit.entry_id IS 'The credit-file entry that records the points';
COMMENT ON COLUMN credit_demerit.note IS 'Staff note (what was found)';
COMMENT ON COLUMN credit_demerit.status IS 'active | revoked (kept; no longer counted)';
COMMENT ON COLUMN credit_demerit.revoked_reason IS 'Why the points were revoked';
COMMENT ON COLUMN credit_demerit.revoked_at IS 'When';
COMMENT ON COLUMN credit_demerit.revoked_by IS 'User who revoked them (null: the system, after a penalty was withdrawn)';
COMMENT ON COLUMN credit_demerit.recorded_at IS 'When recorded';
COMMENT ON COLUMN credit_demerit.recorded_by IS 'User who recorded them; null when recorded from a penalty event';
COMMENT ON COLUMN credit_demerit.recorded_by_name IS 'Username, or event:enforcement.penalty.decided';
CREATE INDEX credit_demerit_subject_idx ON credit_demerit (subject_type, subject_id, cycle_end);
CREATE INDEX credit_demerit_source_idx ON credit_demerit (source_module, source_type, source_id);

CREATE TABLE credit_override (
  id                bigserial PRIMARY KEY,
  establishment_id  bigint NOT NULL,
  region_code       varchar(12) NOT NULL,
  target            text NOT NULL CHECK (target IN ('mode', 'risk_level', 'credit_level')),
  value             text NOT NULL,
  inspections_per_year numeric(6, 2),
  reason            text NOT NULL CHECK (length(btrim(reason)) >= 5),
  valid_until       date,
  status            text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
  created_at        timestamptz NOT NULL,
  created_by        bigint NOT NULL,
  created_by_name   text NOT NULL,
  revoked_at        timestamptz,
  revoked_by        bigint,
  revoke_reason     text
);
COMMENT ON TABLE credit_override IS 'A supervisor''s override of an establishment''s mode, risk level or credit level, with a written reason (audited); the computed value stays visible beside it';
COMMENT ON COLUMN credit_override.establishment_id IS 'The establishment';
COMMENT ON COLUMN credit_override.region_code IS 'Its region (scope)';
COMMENT ON COLUMN credit_override.target IS 'mode | risk_level | credit_level';
COMMENT ON COLUMN credit_override.value IS 'The value set (a mode, low…severe, or A–D)';
COMMENT ON COLUMN credit_override.inspections_per_year IS 'Frequency set with a mode override (null: the rules'' frequency for that mode)';
COMMENT ON COLUMN credit_override.reason IS 'The written reason (at least 5 characters)';
COMMENT ON COLUMN credit_override.valid_until IS 'Last day it applies (null: until revoked)';
COMMENT ON COLUMN credit_override.status IS 'active | revoked';
COMMENT ON COLUMN credit_override.created_at IS 'When set';
COMMENT ON COLUMN credit_override.created_by IS 'Supervisor who set it';
COMMENT ON COLUMN credit_override.created_by_name IS 'Username at the time';
COMMENT ON COLUMN credit_override.revoked_at IS 'When revoked';
COMMENT ON COLUMN credit_override.revoked_by IS 'Who revoked it';
COMMENT ON COLUMN credit_override.revoke_reason IS 'Why';
CREATE UNIQUE INDEX credit_override_active_idx ON credit_override (establishment_id, target) WHERE status = 'active';

CREATE TABLE credit_blacklist (
  id                bigserial PRIMARY KEY,
  subject_type      text NOT NULL CHECK (subject_type IN ('establishment', 'practitioner')),
  subject_id        bigint NOT NULL,
  establishment_id  bigint NOT NULL,
  region_code       varchar(12) NOT NULL,
  name              text NOT NULL,
  rule_code         text NOT NULL,
  reason            text NOT NULL,
  basis             jsonb NOT NULL,
  flags             text[] NOT NULL,
  source_module     text NOT NULL,
  source_type       text NOT NULL,
  source_id         text NOT NULL,
  entered_on        date NOT NULL,
  repair_from       date NOT NULL,
  ends_on           date NOT NULL,
  status            text NOT NULL DEFAULT 'listed' CHECK (status IN ('listed', 'exited')),
  exited_on         date,
  exit_kind         text CHECK (exit_kind IN ('repair', 'expiry', 'withdrawn')),
  exit_reason       text,
  entered_at        timestamptz NOT NULL,
  entered_by        bigint,
  entered_by_name   text NOT NULL
);
COMMENT ON TABLE credit_blacklist IS '黑名单 (严重失信主体名单): listings with their joint-punishment flags, periods and exit';
COMMENT ON COLUMN credit_blacklist.subject_type IS 'establishment | practitioner';
COMMENT ON COLUMN credit_blacklist.subject_id IS 'Who is listed';
COMMENT ON COLUMN credit_blacklist.establishment_id IS 'The establishment or the practitioner''s primary institution (scope)';
COMMENT ON COLUMN credit_blacklist.region_code IS 'Region (scope)';
COMMENT ON COLUMN credit_blacklist.name IS 'Name when listed (the published list)';
COMMENT ON COLUMN credit_blacklist.rule_code IS 'The blacklist rule (BL_REVOKED …) or MANUAL';
COMMENT ON COLUMN credit_blacklist.reason IS 'Why, as published';
COMMENT ON COLUMN credit_blacklist.basis IS 'Citation of the rule: {zh, en}';
COMMENT ON COLUMN credit_blacklist.flags IS 'Joint-punishment flags other departments act on (restrict_new_licences …)';
COMMENT ON COLUMN credit_blacklist.source_module IS 'Module of the source record';
COMMENT ON COLUMN credit_blacklist.source_type IS 'case | task | …';
COMMENT ON COLUMN credit_blacklist.source_id IS 'Id of the source record';
COMMENT ON COLUMN credit_blacklist.entered_on IS 'Day listed';
COMMENT ON COLUMN credit_blacklist.repair_from IS 'First day credit repair may be applied for (minimum period)';
COMMENT ON COLUMN credit_blacklist.ends_on IS 'Day the listing ends by itself (maximum period)';
COMMENT ON COLUMN credit_blacklist.status IS 'listed | exited';
COMMENT ON COLUMN credit_blacklist.exited_on IS 'Day it ended';
COMMENT ON COLUMN credit_blacklist.exit_kind IS 'repair (信用修复) | expiry (maximum period) | withdrawn (its source was withdrawn)';
COMMENT ON COLUMN credit_blacklist.exit_reason IS 'Why it ended';
COMMENT ON COLUMN credit_blacklist.entered_at IS 'When written';
COMMENT ON COLUMN credit_blacklist.entered_by IS 'Staff who listed it (null: by an event)';
COMMENT ON COLUMN credit_blacklist.entered_by_name IS 'Username or event type';
CREATE INDEX credit_blacklist_subject_idx ON credit_blacklist (subject_type, subject_id, status);
CREATE INDEX credit_blacklist_region_idx ON credit_blacklist (region_code varchar_pattern_ops, status);

CREATE TABLE credit_repair (
  id                bigserial PRIMARY KEY,
  blacklist_id      bigint NOT NULL REFERENCES credit_blacklist (id),
  statement         text NOT NULL,
  conditions        jsonb NOT NULL,
  status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'granted', 'refused')),
  applied_at        timestamptz NOT NULL,
  applied_by        bigint NOT NULL,
  applied_by_name   text NOT NULL,
  decided_at        timestamptz,
  decided_by        bigint,
  decided_by_name   text,
  decision_reason   text
);
COMMENT ON TABLE credit_repair IS '信用修复 applications to leave the blacklist, with the conditions declared and the decision';
COMMENT ON COLUMN credit_repair.blacklist_id IS 'The listing';
COMMENT ON COLUMN credit_repair.statement IS 'The applicant''s statement';
COMMENT ON COLUMN credit_repair.conditions IS '[{code, met, evidence}] for each condition of the rules';
COMMENT ON COLUMN credit_repair.status IS 'pending | granted | refused';
COMMENT ON COLUMN credit_repair.applied_at IS 'When applied';
COMMENT ON COLUMN credit_repair.applied_by IS 'Institution user (or staff on its behalf) who applied';
COMMENT ON COLUMN credit_repair.applied_by_name IS 'Username at the time';
COMMENT ON COLUMN credit_repair.decided_at IS 'When decided';
COMMENT ON COLUMN credit_repair.decided_by IS 'Staff who decided';
COMMENT ON COLUMN credit_repair.decided_by_name IS 'Username at the time';
COMMENT ON COLUMN credit_repair.decision_reason IS 'Why granted or refused';
CREATE UNIQUE INDEX credit_repair_pending_idx ON credit_repair (blacklist_id) WHERE status = 'pending';

CREATE TABLE credit_grading (
  id                bigserial PRIMARY KEY,
  establishment_id  bigint NOT NULL,
  region_code       varchar(12) NOT NULL,
  sector            text NOT NULL CHECK (sector IN ('medical_beauty', 'dental')),
  rule_version      integer NOT NULL,
  scores            jsonb NOT NULL,
  total             numeric(6, 1) NOT NULL,
  grade             char(1) NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
  grade_by_total    char(1) NOT NULL CHECK (grade_by_total IN ('A', 'B', 'C', 'D')),
  capped_by         text[] NOT NULL DEFAULT '{}',
  assessed_on       date NOT NULL,
  note              text NOT NULL DEFAULT '',
  recorded_at       timestamptz NOT NULL,
  recorded_by       bigint NOT NULL,
  recorded_by_name  text NOT NULL
);
COMMENT ON TABLE credit_grading IS '量化分级 assessments of medical-beauty and dental clinics: the scored checklist and its grade';
COMMENT ON COLUMN credit_grading.establishment_id IS 'The clinic';
COMMENT ON COLUMN credit_grading.region_code IS 'Its region (scope)';
COMMENT ON COLUMN credit_grading.sector IS 'medical_beauty | dental: which checklist';
COMMENT ON COLUMN credit_grading.rule_version IS 'Version of the grading rules used';
COMMENT ON COLUMN credit_grading.scores IS '[{itemCode, score, note}]';
COMMENT ON COLUMN credit_grading.total IS 'Total score';
COMMENT ON COLUMN credit_grading.grade IS 'Grade A 优秀 | B 良好 | C 一般 | D 差 (after key-item caps)';
COMMENT ON COLUMN credit_grading.grade_by_total IS 'Grade the total alone gives';
COMMENT ON COLUMN credit_grading.capped_by IS 'Key items that capped the grade';
COMMENT ON COLUMN credit_grading.assessed_on IS 'Day of the assessment';
COMMENT ON COLUMN credit_grading.note IS 'Assessor''s note';
COMMENT ON COLUMN credit_grading.recorded_at IS 'When recorded';
COMMENT ON COLUMN credit_grading.recorded_by IS 'Staff who recorded it';
COMMENT ON COLUMN credit_grading.recorded_by_name IS 'Username at the time';
CREATE INDEX credit_grading_establishment_idx ON credit_grading (establishment_id, assessed_on DESC, id DESC);

CREATE TABLE monitoring_batch (
  id                bigserial PRIMARY KEY,
  establishment_id  bigint,
  region_code       varchar(12),
  client_batch_id   text NOT NULL,
  status            text NOT NULL CHECK (status IN ('accepted', 'rejected')),
  payload_sha256    char(64) NOT NULL,
  received_at       timestamptz NOT NULL,
  received_by       bigint NOT NULL,
  received_by_name  text NOT NULL,
  readings          integer NOT NULL DEFAULT 0,
  flagged           integer NOT NULL DEFAULT 0,
  summaries         integer NOT NULL DEFAULT 0,
  purchases         integer NOT NULL DEFAULT 0,
  errors            jsonb NOT NULL DEFAULT '[]',
  payload           jsonb
);
COMMENT ON TABLE monitoring_batch IS 'Batches uploaded by institutions'' systems (API keys): accepted once per client batch id; a rejected batch is kept with its errors and may be resent';
COMMENT ON COLUMN monitoring_batch.establishment_id IS 'The establishment the batch is for (null when its code was unknown)';
COMMENT ON COLUMN monitoring_batch.region_code IS 'Its region (scope)';
COMMENT ON COLUMN monitoring_batch.client_batch_id IS 'The id the client gave the batch (idempotency key)';
COMMENT ON COLUMN monitoring_batch.status IS 'accepted | rejected';
COMMENT ON COLUMN monitoring_batch.payload_sha256 IS 'SHA-256 of the canonical batch, to tell a resend from a different batch under the same id';
COMMENT ON COLUMN monitoring_batch.received_at IS 'When received';
COMMENT ON COLUMN monitoring_batch.received_by IS 'User (the API key''s creator) who sent it';
COMMENT ON COLUMN monitoring_batch.received_by_name IS 'api-key:<prefix>#<id> or username';
COMMENT ON COLUMN monitoring_batch.readings IS 'Readings stored';
COMMENT ON COLUMN monitoring_batch.flagged IS 'Readings outside the regulatory limit';
COMMENT ON COLUMN monitoring_batch.summaries IS 'Clinical-activity summaries stored';
COMMENT ON COLUMN monitoring_batch.purchases IS 'Narcotic purchases stored';
COMMENT ON COLUMN monitoring_batch.errors IS 'Why a batch was rejected: [{path, code, messageZh, messageEn}]';
COMMENT ON COLUMN monitoring_batch.payload IS 'The rejected batch as received (nothing lost); null for accepted batches, whose rows are stored';
CREATE UNIQUE INDEX monitoring_batch_accepted_idx ON monitoring_batch (establishment_id, client_batch_id) WHERE status = 'accepted';
CREATE INDEX monitoring_batch_establishment_idx ON monitoring_batch (establishment_id, received_at DESC);

CREATE TABLE monitoring_reading (
  id                bigserial PRIMARY KEY,
  batch_id          bigint NOT NULL REFERENCES monitoring_batch (id),
  establishment_id  bigint NOT NULL,
  metric            text NOT NULL,
  value             double precision NOT NULL,
  unit              text NOT NULL,
  raw_value         double precision NOT NULL,
  raw_unit          text NOT NULL,
  measured_at       timestamptz NOT NULL,
  point             text,
  out_of_limit      boolean NOT NULL,
  limit_text        text
);
COMMENT ON TABLE monitoring_reading IS 'Online-monitoring readings (water, pool, air, medical waste) in canonical units, flagged when outside the limit';
COMMENT ON COLUMN monitoring_reading.batch_id IS 'The batch';
COMMENT ON COLUMN monitoring_reading.establishment_id IS 'The establishment';
COMMENT ON COLUMN monitoring_reading.metric IS 'Metric code (water.free_chlorine …)';
COMMENT ON COLUMN monitoring_reading.value IS 'Value in the canonical unit';
COMMENT ON COLUMN monitoring_reading.unit IS 'Canonical unit';
COMMENT ON COLUMN monitoring_reading.raw_value IS 'Value as sent';
COMMENT ON COLUMN monitoring_reading.raw_unit IS 'Unit as sent';
COMMENT ON COLUMN monitoring_reading.measured_at IS 'When measured (device clock)';
COMMENT ON COLUMN monitoring_reading.point IS 'Measuring point (outlet, pool no. …)';
COMMENT ON COLUMN monitoring_reading.out_of_limit IS 'Outside the regulatory limit';
COMMENT ON COLUMN monitoring_reading.limit_text IS 'The limit it was checked against';
CREATE INDEX monitoring_reading_establishment_idx ON monitoring_reading (establishment_id, measured_at DESC);

CREATE TABLE monitoring_activity (
  id                bigserial PRIMARY KEY,
  batch_id          bigint NOT NULL REFERENCES monitoring_batch (id),
  establishment_id  bigint NOT NULL,
  day               date NOT NULL,
  visits            integer NOT NULL CHECK (visits >= 0),
  prescriptions     integer NOT NULL CHECK (prescriptions >= 0),
  practitioners     text[] NOT NULL DEFAULT '{}'
);
COMMENT ON TABLE monitoring_activity IS 'Daily summaries of 诊疗信息 uploads: visits, prescriptions, who practised';
COMMENT ON COLUMN monitoring_activity.batch_id IS 'The batch';
COMMENT ON COLUMN monitoring_activity.establishment_id IS 'The establishment';
COMMENT ON COLUMN monitoring_activity.day IS 'Day summarised';
COMMENT ON COLUMN monitoring_activity.visits IS 'Outpatient and inpatient visits';
COMMENT ON COLUMN monitoring_activity.prescriptions IS 'Prescriptions issued';
COMMENT ON COLUMN monitoring_activity.practitioners IS '执业证书编码 of the practitioners recorded that day';
CREATE INDEX monitoring_activity_establishment_idx ON monitoring_activity (establishment_id, day DESC);

CREATE TABLE monitoring_narcotic_purchase (
  id                bigserial PRIMARY KEY,
  batch_id          bigint NOT NULL REFERENCES monitoring_batch (id),
  establishment_id  bigint NOT NULL,
  day               date NOT NULL,
  drug              text NOT NULL,
  quantity          double precision NOT NULL CHECK (quantity >= 0),
  unit              text NOT NULL
);
COMMENT ON TABLE monitoring_narcotic_purchase IS 'Narcotic and first-class psychotropic purchases reported by the institution';
COMMENT ON COLUMN monitoring_narcotic_purchase.batch_id IS 'The batch';
COMMENT ON COLUMN monitoring_narcotic_purchase.establishment_id IS 'The establishment';
COMMENT ON COLUMN monitoring_narcotic_purchase.day IS 'Day of purchase';
COMMENT ON COLUMN monitoring_narcotic_purchase.drug IS 'Drug (generic name, as on the seal card)';
COMMENT ON COLUMN monitoring_narcotic_purchase.quantity IS 'Quantity purchased';
COMMENT ON COLUMN monitoring_narcotic_purchase.unit IS 'Unit (支, 片, mg …): must match the quota''s';
CREATE INDEX monitoring_narcotic_purchase_idx ON monitoring_narcotic_purchase (establishment_id, drug, day);

CREATE TABLE narcotic_quota (
  establishment_id  bigint NOT NULL,
  drug              text NOT NULL,
  monthly_quantity  double precision NOT NULL CHECK (monthly_quantity >= 0),
  unit              text NOT NULL,
  source            text NOT NULL,
  region_code       varchar(12) NOT NULL,
  set_at            timestamptz NOT NULL,
  set_by            bigint NOT NULL,
  set_by_name       text NOT NULL,
  PRIMARY KEY (establishment_id, drug)
);
COMMENT ON TABLE narcotic_quota IS 'Monthly purchase quotas of the seal card (印鉴卡), as set by the issuing health department';
COMMENT ON COLUMN narcotic_quota.establishment_id IS 'The establishment';
COMMENT ON COLUMN narcotic_quota.drug IS 'Drug (generic name)';
COMMENT ON COLUMN narcotic_quota.monthly_quantity IS 'Quantity allowed per calendar month';
COMMENT ON COLUMN narcotic_quota.unit IS 'Unit of the quantity';
COMMENT ON COLUMN narcotic_quota.source IS 'Seal card number or decision it comes from';
COMMENT ON COLUMN narcotic_quota.region_code IS 'Region of the establishment (scope)';
COMMENT ON COLUMN narcotic_quota.set_at IS 'When set';
COMMENT ON COLUMN narcotic_quota.set_by IS 'Staff who set it';
COMMENT ON COLUMN narcotic_quota.set_by_name IS 'Username at the time';

CREATE TABLE credit_alert (
  id                   bigserial PRIMARY KEY,
  establishment_id     bigint NOT NULL,
  practitioner_id      bigint,
  region_code          varchar(12) NOT NULL,
  department_code      text NOT NULL,
  rule_code            text NOT NULL,
  rule_version         integer NOT NULL,
  dedupe_key           text NOT NULL,
  severity             text NOT NULL CHECK (severity IN ('high', 'medium', 'low')),
  summary_zh           text NOT NULL,
  summary_en           text NOT NULL,
  data                 jsonb NOT NULL DEFAULT '{}',
  citation             jsonb NOT NULL,
  status               text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'assigned', 'checked', 'handled')),
  assignee_user_id     bigint,
  assignee_name        text,
  check_findings       text,
  confirmed            boolean,
  disposition          text CHECK (disposition IN ('closed', 'rectification_ordered', 'lead')),
  disposition_note     text,
  raised_at            timestamptz NOT NULL,
  raised_on            date NOT NULL,
  due_on               date NOT NULL,
  escalation_level     integer NOT NULL DEFAULT 0,
  escalated_at         timestamptz,
  next_escalation_on   date,
  handled_at           timestamptz,
  handled_on           date,
  version              integer NOT NULL DEFAULT 1
);
COMMENT ON TABLE credit_alert IS '风险预警: warnings raised by the rules, assigned, checked (核查), handled (处置) within a deadline, escalated when overdue';
COMMENT ON COLUMN credit_alert.establishment_id IS 'The establishment concerned';
COMMENT ON COLUMN credit_alert.practitioner_id IS 'The practitioner concerned, if any';
COMMENT ON COLUMN credit_alert.region_code IS 'Region of the establishment (scope)';
COMMENT ON COLUMN credit_alert.department_code IS 'Department that answers it (scope)';
COMMENT ON COLUMN credit_alert.rule_code IS 'Warning rule (packages/domain credit/warnings.ts)';
COMMENT ON COLUMN credit_alert.rule_version IS 'Version of the warning rules that raised it';
COMMENT ON COLUMN credit_alert.dedupe_key IS 'What makes it one warning (metric, month, licence …): one unhandled warning per rule and key';
COMMENT ON COLUMN credit_alert.severity IS 'high | medium | low';
COMMENT ON COLUMN credit_alert.summary_zh IS 'What was detected, in Chinese';
COMMENT ON COLUMN credit_alert.summary_en IS 'The same in English';
COMMENT ON COLUMN credit_alert.data IS 'The facts behind it (readings, counts, dates)';
COMMENT ON COLUMN credit_alert.citation IS 'The rule''s citation';
COMMENT ON COLUMN credit_alert.status IS 'open 待分派 | assigned 待核查 | checked 待处置 | handled 已处置';
COMMENT ON COLUMN credit_alert.assignee_user_id IS 'Staff member it is assigned to';
COMMENT ON COLUMN credit_alert.assignee_name IS 'Their username';
COMMENT ON COLUMN credit_alert.check_findings IS 'What the check (核查) found';
COMMENT ON COLUMN credit_alert.confirmed IS 'Whether the check confirmed the warning';
COMMENT ON COLUMN credit_alert.disposition IS 'closed | rectification_ordered | lead (to enforcement)';
COMMENT ON COLUMN credit_alert.disposition_note IS 'What was done';
COMMENT ON COLUMN credit_alert.raised_at IS 'When raised';
COMMENT ON COLUMN credit_alert.raised_on IS 'Day raised (China time)';
COMMENT ON COLUMN credit_alert.due_on IS 'Day by which it must be handled (working days per rule)';
COMMENT ON COLUMN credit_alert.escalation_level IS 'How many times it was escalated (0: never)';
COMMENT ON COLUMN credit_alert.escalated_at IS 'When last escalated';
COMMENT ON COLUMN credit_alert.next_escalation_on IS 'Day of the next escalation if still unhandled';
COMMENT ON COLUMN credit_alert.handled_at IS 'When handled';
COMMENT ON COLUMN credit_alert.handled_on IS 'Day handled';
COMMENT ON COLUMN credit_alert.version IS 'Optimistic concurrency';
CREATE UNIQUE INDEX credit_alert_open_idx ON credit_alert (establishment_id, rule_code, dedupe_key) WHERE status <> 'handled';
CREATE INDEX credit_alert_scope_idx ON credit_alert (region_code varchar_pattern_ops, department_code, status);

CREATE TABLE credit_alert_action (
  id             bigserial PRIMARY KEY,
  alert_id       bigint NOT NULL REFERENCES credit_alert (id),
  action         text NOT NULL CHECK (action IN ('raise', 'assign', 'check', 'dispose', 'escalate')),
  from_status    text,
  to_status      text NOT NULL,
  note           text NOT NULL DEFAULT '',
  at             timestamptz NOT NULL,
  by_user_id     bigint,
  by_name        text NOT NULL
);
COMMENT ON TABLE credit_alert_action IS 'History of a warning: raised, assigned, checked, disposed, escalated';
COMMENT ON COLUMN credit_alert_action.alert_id IS 'The warning';
COMMENT ON COLUMN credit_alert_action.action IS 'raise | assign | check | dispose | escalate';
COMMENT ON COLUMN credit_alert_action.from_status IS 'Status before';
COMMENT ON COLUMN credit_alert_action.to_status IS 'Status after';
COMMENT ON COLUMN credit_alert_action.note IS 'Assignee, findings, disposition or escalation level';
COMMENT ON COLUMN credit_alert_action.at IS 'When';
COMMENT ON COLUMN credit_alert_action.by_user_id IS 'Who (null: the system)';
COMMENT ON COLUMN credit_alert_action.by_name IS 'Username or system';
CREATE INDEX credit_alert_action_alert_idx ON credit_alert_action (alert_id, id);

CREATE TABLE credit_revalidation_watch (
  license_id        bigint PRIMARY KEY,
  establishment_id  bigint NOT NULL,
  due_on            date NOT NULL,
  status            text NOT NULL CHECK (status IN ('due', 'cleared')),
  last_event_id     bigint NOT NULL,
  updated_at        timestamptz NOT NULL
);
COMMENT ON TABLE credit_revalidation_watch IS 'Revalidations the licensing module noticed (licensing.revalidation.noticed), watched for the revalidation-overdue warning';
COMMENT ON COLUMN credit_revalidation_watch.license_id IS 'The licence';
COMMENT ON COLUMN credit_revalidation_watch.establishment_id IS 'Its establishment';
COMMENT ON COLUMN credit_revalidation_watch.due_on IS 'Day the revalidation is due';
COMMENT ON COLUMN credit_revalidation_watch.status IS 'due | cleared (decided, or the licence ended)';
COMMENT ON COLUMN credit_revalidation_watch.last_event_id IS 'Last event applied (an older one never overwrites a newer)';
COMMENT ON COLUMN credit_revalidation_watch.updated_at IS 'When it last changed';

-- Installations whose built-in roles already exist get the credit permissions here; a new
-- installation gets them from BUILTIN_ROLES (permissions.ts) when the roles are created.
INSERT INTO role_permission (role_code, permission)
SELECT r.code, p.permission
FROM role r
JOIN (VALUES
  ('admin', 'credit.read'), ('admin', 'credit.demerit.record'), ('admin', 'credit.override'),
  ('admin', 'credit.blacklist.manage'), ('admin', 'credit.grading.record'), ('admin', 'credit.alert.handle'),
  ('admin', 'credit.rules.manage'), ('admin', 'credit.monitoring.upload'), ('admin', 'credit.repair.apply'),
  ('inspector', 'credit.read'), ('inspector', 'credit.demerit.record'), ('inspector', 'credit.grading.record'),
  ('inspector', 'credit.alert.handle'),
  ('leader', 'credit.read'), ('leader', 'credit.override'), ('leader', 'credit.blacklist.manage'), ('leader', 'credit.alert.handle'),
  ('legal_reviewer', 'credit.read'), ('approver', 'credit.read'), ('viewer', 'credit.read'),
  ('institution', 'credit.read'), ('institution', 'credit.monitoring.upload'), ('institution', 'credit.repair.apply')
) AS p (role_code, permission) ON p.role_code = r.code
WHERE r.builtin
ON CONFLICT DO NOTHING;
