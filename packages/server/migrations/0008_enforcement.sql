-- Complaints and enforcement (issue 8): complaints and reports with their reporters (identity
-- encrypted), status history and rewards; leads; penalty cases with officers, evidence and the
-- tamper-evident enforcement record; penalty publications; referrals; re-inspections after a
-- penalty; versioned policy (discretion benchmark, settings, complaint periods) and numbering.

CREATE TABLE enforcement_policy (
  kind             text NOT NULL CHECK (kind IN ('benchmark', 'settings', 'complaint_periods')),
  version          integer NOT NULL CHECK (version >= 1),
  effective_from   date NOT NULL,
  content          jsonb NOT NULL,
  note             text NOT NULL DEFAULT '',
  created_at       timestamptz NOT NULL,
  created_by       bigint,
  created_by_name  text,
  PRIMARY KEY (kind, version)
);
COMMENT ON TABLE enforcement_policy IS 'Versioned enforcement policy: the discretion benchmark (行政裁量权基准), settings (hearing amounts, legal-review criteria, periods) and complaint periods; version 1 is the shipped default';
COMMENT ON COLUMN enforcement_policy.kind IS 'benchmark | settings | complaint_periods';
COMMENT ON COLUMN enforcement_policy.version IS 'Version number; the one in force on a day is the highest whose effective_from is on or before it';
COMMENT ON COLUMN enforcement_policy.effective_from IS 'Day the version takes effect';
COMMENT ON COLUMN enforcement_policy.content IS 'The policy itself (packages/domain enforcement: BenchmarkTable, EnforcementSettings, ComplaintPeriods)';
COMMENT ON COLUMN enforcement_policy.note IS 'What the version changed and why';
COMMENT ON COLUMN enforcement_policy.created_at IS 'When the version was saved';
COMMENT ON COLUMN enforcement_policy.created_by IS 'Administrator who saved it; null for the shipped defaults';
COMMENT ON COLUMN enforcement_policy.created_by_name IS 'Username at the time';

CREATE TABLE enforcement_sequence (
  scope       text NOT NULL,
  owner       text NOT NULL,
  year        integer NOT NULL,
  last_value  integer NOT NULL,
  PRIMARY KEY (scope, owner, year)
);
COMMENT ON TABLE enforcement_sequence IS 'Counters for complaint, lead, case, referral and document numbers (row-locked when drawn)';
COMMENT ON COLUMN enforcement_sequence.scope IS 'What is numbered: complaint, lead, case, referral, or a document kind (立, 罚告, 罚决)';
COMMENT ON COLUMN enforcement_sequence.owner IS 'Whose series: a region code for registers, a unit id for document numbers';
COMMENT ON COLUMN enforcement_sequence.year IS 'Calendar year of the number';
COMMENT ON COLUMN enforcement_sequence.last_value IS 'Last number given out';

CREATE TABLE complaint (
  id                   bigserial PRIMARY KEY,
  number               text NOT NULL UNIQUE,
  channel              text NOT NULL CHECK (channel IN ('portal', 'hotline', 'transfer', 'visit', 'letter')),
  category             text NOT NULL,
  category_source      text NOT NULL CHECK (category_source IN ('reporter', 'keywords', 'staff')),
  category_keywords    text[] NOT NULL DEFAULT '{}',
  department_code      text NOT NULL REFERENCES department (code),
  unit_id              bigint NOT NULL REFERENCES unit (id),
  region_code          varchar(12) NOT NULL,
  establishment_id     bigint REFERENCES establishment (id),
  establishment_text   text NOT NULL DEFAULT '',
  practitioner_text    text NOT NULL DEFAULT '',
  location_text        text NOT NULL DEFAULT '',
  description          text NOT NULL,
  needs_triage         boolean NOT NULL DEFAULT false,
  transferred_from     text,
  state                text NOT NULL CHECK (state IN ('received', 'accepted', 'not_accepted', 'concluded', 'closed')),
  received_on          date NOT NULL,
  accept_due           date NOT NULL,
  accepted_on          date,
  handle_due           date,
  concluded_on         date,
  reply_due            date,
  replied_on           date,
  substantiated        boolean,
  conclusion           text,
  lead_id              bigint,
  handler_user_id      bigint REFERENCES app_user (id),
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL
);
COMMENT ON TABLE complaint IS '投诉举报: one matter reported by one or more reporters (duplicates join the first), routed to a department by the responsibility map';
COMMENT ON COLUMN complaint.number IS 'Register number, e.g. TS370112-2026-000001';
COMMENT ON COLUMN complaint.channel IS 'How the first report came: portal, hotline (12345/12320, entered by staff), transfer (from another department or body), visit, letter';
COMMENT ON COLUMN complaint.category IS 'Category code (packages/domain enforcement/complaints.ts COMPLAINT_CATEGORIES)';
COMMENT ON COLUMN complaint.category_source IS 'Who chose the category: the reporter, the keyword suggestion, or staff';
COMMENT ON COLUMN complaint.category_keywords IS 'Keywords that suggested the category (why), when suggested';
COMMENT ON COLUMN complaint.department_code IS 'Responsible department by the responsibility map (scope)';
COMMENT ON COLUMN complaint.unit_id IS 'Handling unit: the department''s unit over the region';
COMMENT ON COLUMN complaint.region_code IS 'Region of the matter: the establishment''s, or the one the reporter gave (scope)';
COMMENT ON COLUMN complaint.establishment_id IS 'The establishment complained about, when identified in the registry';
COMMENT ON COLUMN complaint.establishment_text IS 'The establishment as the reporter named it (kept as text, rendered escaped)';
COMMENT ON COLUMN complaint.practitioner_text IS 'A practitioner the reporter named, if any';
COMMENT ON COLUMN complaint.location_text IS 'Address or place as reported';
COMMENT ON COLUMN complaint.description IS 'What the first reporter wrote (stored as text, never interpreted as markup)';
COMMENT ON COLUMN complaint.needs_triage IS 'No establishment could be identified: accepted and flagged for triage';
COMMENT ON COLUMN complaint.transferred_from IS 'The department or body that transferred it (channel transfer)';
COMMENT ON COLUMN complaint.state IS 'received | accepted | not_accepted | concluded | closed (domain COMPLAINT_WORKFLOW)';
COMMENT ON COLUMN complaint.received_on IS 'Day received (the acceptance period counts from it)';
COMMENT ON COLUMN complaint.accept_due IS 'Last day to decide on acceptance (working days)';
COMMENT ON COLUMN complaint.accepted_on IS 'Day accepted';
COMMENT ON COLUMN complaint.handle_due IS 'Last day to verify and conclude';
COMMENT ON COLUMN complaint.concluded_on IS 'Day concluded';
COMMENT ON COLUMN complaint.reply_due IS 'Last day to tell the reporters the result';
COMMENT ON COLUMN complaint.replied_on IS 'Day the reporters were told';
COMMENT ON COLUMN complaint.substantiated IS 'Whether the complaint was found true (null until concluded)';
COMMENT ON COLUMN complaint.conclusion IS 'Internal conclusion of the handling unit';
COMMENT ON COLUMN complaint.lead_id IS 'The lead created when it was accepted';
COMMENT ON COLUMN complaint.handler_user_id IS 'Staff member handling it (open work blocks moving them out of the region)';
COMMENT ON COLUMN complaint.version IS 'Optimistic concurrency: every action states the version it saw';
COMMENT ON COLUMN complaint.created_at IS 'When it was recorded';
COMMENT ON COLUMN complaint.updated_at IS 'When it last changed';
CREATE INDEX complaint_scope_idx ON complaint (region_code varchar_pattern_ops, department_code, state);
CREATE INDEX complaint_establishment_idx ON complaint (establishment_id);
CREATE INDEX complaint_open_idx ON complaint (category, state);

CREATE TABLE complaint_reporter (
  id               bigserial PRIMARY KEY,
  complaint_id     bigint NOT NULL REFERENCES complaint (id),
  seq              integer NOT NULL,
  channel          text NOT NULL CHECK (channel IN ('portal', 'hotline', 'transfer', 'visit', 'letter')),
  anonymous        boolean NOT NULL,
  name_enc         text,
  phone_enc        text,
  id_number_enc    text,
  phone_hash       char(64),
  query_code_hash  char(64) NOT NULL UNIQUE,
  description      text NOT NULL,
  submitted_on     date NOT NULL,
  submitted_at     timestamptz NOT NULL,
  entered_by       bigint REFERENCES app_user (id),
  UNIQUE (complaint_id, seq)
);
COMMENT ON TABLE complaint_reporter IS 'A reporter of a complaint (the first, or one who reported the same matter later); identity encrypted, never published, visible only to the handling unit with each reading audited';
COMMENT ON COLUMN complaint_reporter.complaint_id IS 'The complaint';
COMMENT ON COLUMN complaint_reporter.seq IS '1 for the first reporter, then in order of arrival';
COMMENT ON COLUMN complaint_reporter.channel IS 'How this reporter reported';
COMMENT ON COLUMN complaint_reporter.anonymous IS 'Reported without a name (no identity stored)';
COMMENT ON COLUMN complaint_reporter.name_enc IS 'Name, AES-256-GCM encrypted';
COMMENT ON COLUMN complaint_reporter.phone_enc IS 'Phone, AES-256-GCM encrypted';
COMMENT ON COLUMN complaint_reporter.id_number_enc IS 'ID number, AES-256-GCM encrypted';
COMMENT ON COLUMN complaint_reporter.phone_hash IS 'HMAC-SHA256 of the phone (finds a repeat reporter without decrypting)';
COMMENT ON COLUMN complaint_reporter.query_code_hash IS 'HMAC-SHA256 of the query code given to the reporter (the code itself is never stored)';
COMMENT ON COLUMN complaint_reporter.description IS 'What this reporter wrote';
COMMENT ON COLUMN complaint_reporter.submitted_on IS 'Legal day of the report';
COMMENT ON COLUMN complaint_reporter.submitted_at IS 'Instant of the report';
COMMENT ON COLUMN complaint_reporter.entered_by IS 'Staff user who entered it (hotline, visit, letter, transfer); null from the portal';
CREATE INDEX complaint_reporter_phone_idx ON complaint_reporter (phone_hash);

CREATE TABLE complaint_note (
  id             bigserial PRIMARY KEY,
  complaint_id   bigint NOT NULL REFERENCES complaint (id),
  visibility     text NOT NULL CHECK (visibility IN ('public', 'internal')),
  from_state     text,
  to_state       text,
  action         text NOT NULL,
  text           text NOT NULL DEFAULT '',
  on_date        date NOT NULL,
  at             timestamptz NOT NULL,
  actor_user_id  bigint,
  actor_name     text
);
COMMENT ON TABLE complaint_note IS 'Status history of a complaint: public notes are what reporters see by their query code; internal notes stay with the handling unit';
COMMENT ON COLUMN complaint_note.complaint_id IS 'The complaint';
COMMENT ON COLUMN complaint_note.visibility IS 'public (reporters see it) | internal (staff only)';
COMMENT ON COLUMN complaint_note.from_state IS 'State before, for a status change';
COMMENT ON COLUMN complaint_note.to_state IS 'State after, for a status change';
COMMENT ON COLUMN complaint_note.action IS 'submit, join, accept, refuse, reroute, conclude, reply, note …';
COMMENT ON COLUMN complaint_note.text IS 'The note (stored as text)';
COMMENT ON COLUMN complaint_note.on_date IS 'Legal day';
COMMENT ON COLUMN complaint_note.at IS 'Instant recorded';
COMMENT ON COLUMN complaint_note.actor_user_id IS 'Staff who wrote it; null for the system or the portal';
COMMENT ON COLUMN complaint_note.actor_name IS 'Username at the time (never shown to reporters)';
CREATE INDEX complaint_note_complaint_idx ON complaint_note (complaint_id, id);

CREATE TABLE complaint_reward (
  id             bigserial PRIMARY KEY,
  complaint_id   bigint NOT NULL REFERENCES complaint (id),
  reporter_id    bigint NOT NULL REFERENCES complaint_reporter (id),
  amount         numeric(12, 2) NOT NULL CHECK (amount > 0),
  basis          text NOT NULL,
  decided_on     date NOT NULL,
  decided_by     bigint,
  status         text NOT NULL CHECK (status IN ('approved', 'paid')),
  paid_on        date,
  note           text NOT NULL DEFAULT '',
  created_at     timestamptz NOT NULL
);
COMMENT ON TABLE complaint_reward IS '举报奖励: a reward to a reporter of a substantiated complaint (seed 001 二(五))';
COMMENT ON COLUMN complaint_reward.complaint_id IS 'The complaint';
COMMENT ON COLUMN complaint_reward.reporter_id IS 'The reporter rewarded (must be named to be paid)';
COMMENT ON COLUMN complaint_reward.amount IS 'Amount in yuan';
COMMENT ON COLUMN complaint_reward.basis IS 'Why and under which rule';
COMMENT ON COLUMN complaint_reward.decided_on IS 'Day decided';
COMMENT ON COLUMN complaint_reward.decided_by IS 'Staff who decided';
COMMENT ON COLUMN complaint_reward.status IS 'approved | paid';
COMMENT ON COLUMN complaint_reward.paid_on IS 'Day paid';
COMMENT ON COLUMN complaint_reward.note IS 'Payment note';
COMMENT ON COLUMN complaint_reward.created_at IS 'When recorded';

CREATE TABLE enforcement_lead (
  id                  bigserial PRIMARY KEY,
  number              text NOT NULL UNIQUE,
  source              text NOT NULL CHECK (source IN ('complaint', 'inspection', 'alert', 'referral', 'manual')),
  source_ref          text NOT NULL,
  complaint_id        bigint REFERENCES complaint (id),
  establishment_id    bigint REFERENCES establishment (id),
  practitioner_id     bigint,
  region_code         varchar(12) NOT NULL,
  department_code     text NOT NULL REFERENCES department (code),
  unit_id             bigint NOT NULL REFERENCES unit (id),
  summary             text NOT NULL,
  details             jsonb NOT NULL DEFAULT '{}',
  state               text NOT NULL CHECK (state IN ('open', 'no_action', 'rectification', 'case')),
  received_on         date NOT NULL,
  triaged_on          date,
  triage_reason       text,
  rectification_due   date,
  case_id             bigint,
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL,
  created_by          bigint,
  updated_at          timestamptz NOT NULL,
  UNIQUE (source, source_ref, department_code)
);
COMMENT ON TABLE enforcement_lead IS '线索: from a complaint, an inspection finding, an alert, a referral or an officer, triaged into no action, a rectification order or a case';
COMMENT ON COLUMN enforcement_lead.number IS 'Register number, e.g. XS370112-2026-000001';
COMMENT ON COLUMN enforcement_lead.source IS 'complaint | inspection | alert | referral | manual';
COMMENT ON COLUMN enforcement_lead.source_ref IS 'Id of the source (complaint, inspection lead, credit alert, referral) or a generated reference (manual); one lead per source and department';
COMMENT ON COLUMN enforcement_lead.complaint_id IS 'The complaint, for leads from complaints';
COMMENT ON COLUMN enforcement_lead.establishment_id IS 'The establishment concerned, if identified';
COMMENT ON COLUMN enforcement_lead.practitioner_id IS 'The practitioner concerned, if any (registry)';
COMMENT ON COLUMN enforcement_lead.region_code IS 'Region of the matter (scope)';
COMMENT ON COLUMN enforcement_lead.department_code IS 'Department that triages it (scope)';
COMMENT ON COLUMN enforcement_lead.unit_id IS 'Unit that triages it';
COMMENT ON COLUMN enforcement_lead.summary IS 'What the lead is about';
COMMENT ON COLUMN enforcement_lead.details IS 'Source facts: inspection item codes, alert rule, complaint category';
COMMENT ON COLUMN enforcement_lead.state IS 'open | no_action | rectification | case';
COMMENT ON COLUMN enforcement_lead.received_on IS 'Day the lead arrived';
COMMENT ON COLUMN enforcement_lead.triaged_on IS 'Day it was triaged';
COMMENT ON COLUMN enforcement_lead.triage_reason IS 'Reasons of the triage (required for no action)';
COMMENT ON COLUMN enforcement_lead.rectification_due IS 'Deadline of a rectification order';
COMMENT ON COLUMN enforcement_lead.case_id IS 'The case opened from it';
COMMENT ON COLUMN enforcement_lead.version IS 'Optimistic concurrency';
COMMENT ON COLUMN enforcement_lead.created_at IS 'When recorded';
COMMENT ON COLUMN enforcement_lead.created_by IS 'User who recorded it; null when created from an event';
COMMENT ON COLUMN enforcement_lead.updated_at IS 'When it last changed';
CREATE INDEX enforcement_lead_scope_idx ON enforcement_lead (region_code varchar_pattern_ops, department_code, state);

CREATE TABLE enforcement_case (
  id                   bigserial PRIMARY KEY,
  number               text NOT NULL UNIQUE,
  filing_no            text,
  notice_no            text,
  decision_no          text,
  lead_id              bigint REFERENCES enforcement_lead (id),
  establishment_id     bigint REFERENCES establishment (id),
  practitioner_id      bigint,
  party_kind           text NOT NULL CHECK (party_kind IN ('organisation', 'individual_business', 'person')),
  party_name           text NOT NULL,
  party_credit_code    text,
  party_representative text,
  party_address        text NOT NULL DEFAULT '',
  party_id_number_enc  text,
  party_is_minor       boolean NOT NULL DEFAULT false,
  region_code          varchar(12) NOT NULL,
  department_code      text NOT NULL REFERENCES department (code),
  unit_id              bigint NOT NULL REFERENCES unit (id),
  unit_name            text NOT NULL,
  summary              text NOT NULL,
  state                text NOT NULL CHECK (state IN ('proposed', 'not_opened', 'investigating', 'notified', 'hearing_requested',
                         'hearing_scheduled', 'heard', 'pending_decision', 'legal_review', 'decided', 'served', 'executed', 'closed', 'revoked')),
  flagged_complex      boolean NOT NULL DEFAULT false,
  violation_code       text,
  circumstance         text CHECK (circumstance IN ('minor', 'general', 'serious')),
  benchmark_version    integer,
  facts                text,
  illegal_income       numeric(14, 2) NOT NULL DEFAULT 0,
  proposed_on          date NOT NULL,
  opened_on            date,
  extension_days       integer NOT NULL DEFAULT 0,
  decide_due           date,
  notice               jsonb,
  noticed_on           date,
  statement_due        date,
  hearing_available    boolean NOT NULL DEFAULT false,
  hearing_request_due  date,
  rights_waived        boolean NOT NULL DEFAULT false,
  hearing              jsonb,
  proposal             jsonb,
  legal_review         jsonb,
  decision             jsonb,
  decided_on           date,
  severity             text CHECK (severity IN ('minor', 'general', 'serious')),
  service_due          date,
  served_on            date,
  service              jsonb,
  fine_amount          numeric(14, 2) NOT NULL DEFAULT 0,
  payment_due          date,
  paid_amount          numeric(14, 2) NOT NULL DEFAULT 0,
  surcharge_amount     numeric(14, 2) NOT NULL DEFAULT 0,
  executed_on          date,
  closed_on            date,
  outcome              text CHECK (outcome IN ('penalty', 'no_violation', 'not_punishable', 'referred', 'revoked')),
  outcome_reason       text,
  record_head          char(64) NOT NULL,
  record_length        integer NOT NULL DEFAULT 0,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL,
  created_by           bigint,
  updated_at           timestamptz NOT NULL
);
COMMENT ON TABLE enforcement_case IS '案件: a penalty case under 行政处罚法 (普通程序), from the proposal to open it to closure; its steps are in enforcement_record_entry';
COMMENT ON COLUMN enforcement_case.number IS 'Case register number, e.g. AJ370112-2026-000001';
COMMENT ON COLUMN enforcement_case.filing_no IS 'Number of the 立案审批表 (unit''s document scheme)';
COMMENT ON COLUMN enforcement_case.notice_no IS 'Number of the 行政处罚事先告知书';
COMMENT ON COLUMN enforcement_case.decision_no IS 'Number of the 行政处罚决定书';
COMMENT ON COLUMN enforcement_case.lead_id IS 'The lead it came from';
COMMENT ON COLUMN enforcement_case.establishment_id IS 'The establishment concerned (registry), if any';
COMMENT ON COLUMN enforcement_case.practitioner_id IS 'The practitioner concerned (registry), if any';
COMMENT ON COLUMN enforcement_case.party_kind IS 'organisation | individual_business | person (当事人类别)';
COMMENT ON COLUMN enforcement_case.party_name IS 'The party''s name (a natural person''s is masked when published)';
COMMENT ON COLUMN enforcement_case.party_credit_code IS 'The party''s unified social credit code, for organisations';
COMMENT ON COLUMN enforcement_case.party_representative IS 'Legal representative or person in charge';
COMMENT ON COLUMN enforcement_case.party_address IS 'Address for service (never published for persons)';
COMMENT ON COLUMN enforcement_case.party_id_number_enc IS 'A natural person''s ID number, AES-256-GCM encrypted (never published)';
COMMENT ON COLUMN enforcement_case.party_is_minor IS 'The case involves a minor: never published';
COMMENT ON COLUMN enforcement_case.region_code IS 'Region of the matter (scope)';
COMMENT ON COLUMN enforcement_case.department_code IS 'Department of the handling unit (scope)';
COMMENT ON COLUMN enforcement_case.unit_id IS 'Handling unit (the penalty authority)';
COMMENT ON COLUMN enforcement_case.unit_name IS 'Its name, printed on the documents';
COMMENT ON COLUMN enforcement_case.summary IS 'What the case is about (案由)';
COMMENT ON COLUMN enforcement_case.state IS 'State in domain CASE_WORKFLOW';
COMMENT ON COLUMN enforcement_case.flagged_complex IS 'Officers marked it complex or of major public interest (legal review required)';
COMMENT ON COLUMN enforcement_case.violation_code IS 'Violation in the discretion benchmark';
COMMENT ON COLUMN enforcement_case.circumstance IS 'Circumstances found: minor | general | serious';
COMMENT ON COLUMN enforcement_case.benchmark_version IS 'Benchmark version the violation was recorded under (kept)';
COMMENT ON COLUMN enforcement_case.facts IS 'The facts found (违法事实), internal wording';
COMMENT ON COLUMN enforcement_case.illegal_income IS 'Illegal income found, yuan (fines that are multiples of it)';
COMMENT ON COLUMN enforcement_case.proposed_on IS 'Day the opening was proposed';
COMMENT ON COLUMN enforcement_case.opened_on IS 'Day the opening was approved (立案之日); the 90-day limit counts from it';
COMMENT ON COLUMN enforcement_case.extension_days IS 'Approved extensions of the 90-day limit, in days';
COMMENT ON COLUMN enforcement_case.decide_due IS 'Last day for the decision (opened_on + 90 + extensions, calendar days)';
COMMENT ON COLUMN enforcement_case.notice IS 'The notice of the intended penalty: kinds, amounts, facts, basis, hearing right';
COMMENT ON COLUMN enforcement_case.noticed_on IS 'Day the notice reached the party';
COMMENT ON COLUMN enforcement_case.statement_due IS 'Last day of the statement period (working days)';
COMMENT ON COLUMN enforcement_case.hearing_available IS 'The intended penalty gives the right to a hearing (§63)';
COMMENT ON COLUMN enforcement_case.hearing_request_due IS 'Last day to ask for a hearing (5 working days)';
COMMENT ON COLUMN enforcement_case.rights_waived IS 'The party waived statement and hearing in writing';
COMMENT ON COLUMN enforcement_case.hearing IS 'The hearing: request, notice, date, place, chair, record';
COMMENT ON COLUMN enforcement_case.proposal IS 'The officers'' proposed decision (处理意见) with the benchmark check and any reason for departing from it';
COMMENT ON COLUMN enforcement_case.legal_review IS 'Legal review: whether required and why, reviewer, opinion, outcome';
COMMENT ON COLUMN enforcement_case.decision IS 'The decision: kinds, amounts, basis, facts, outside-range reason, deciding leader';
COMMENT ON COLUMN enforcement_case.decided_on IS 'Day of the decision';
COMMENT ON COLUMN enforcement_case.severity IS 'Severity for publication: minor | general | serious';
COMMENT ON COLUMN enforcement_case.service_due IS 'Last day to serve the decision (7 working days)';
COMMENT ON COLUMN enforcement_case.served_on IS 'Day the decision was served';
COMMENT ON COLUMN enforcement_case.service IS 'How it was served (送达回证): method, recipient, place';
COMMENT ON COLUMN enforcement_case.fine_amount IS 'Fine decided, yuan';
COMMENT ON COLUMN enforcement_case.payment_due IS 'Last day to pay without surcharge (15 days after service)';
COMMENT ON COLUMN enforcement_case.paid_amount IS 'Paid so far, yuan';
COMMENT ON COLUMN enforcement_case.surcharge_amount IS 'Late surcharge owed at the last payment (capped at the fine)';
COMMENT ON COLUMN enforcement_case.executed_on IS 'Day the penalty was fully executed';
COMMENT ON COLUMN enforcement_case.closed_on IS 'Day closed (结案)';
COMMENT ON COLUMN enforcement_case.outcome IS 'penalty | no_violation | not_punishable | referred | revoked';
COMMENT ON COLUMN enforcement_case.outcome_reason IS 'Reasons of a closure without penalty or of a revocation';
COMMENT ON COLUMN enforcement_case.record_head IS 'Hash of the last entry of the case''s enforcement record';
COMMENT ON COLUMN enforcement_case.record_length IS 'Number of entries in the record';
COMMENT ON COLUMN enforcement_case.version IS 'Optimistic concurrency: every action states the version it saw';
COMMENT ON COLUMN enforcement_case.created_at IS 'When proposed';
COMMENT ON COLUMN enforcement_case.created_by IS 'Officer who proposed it';
COMMENT ON COLUMN enforcement_case.updated_at IS 'When it last changed';
CREATE INDEX enforcement_case_scope_idx ON enforcement_case (region_code varchar_pattern_ops, department_code, state);
CREATE INDEX enforcement_case_establishment_idx ON enforcement_case (establishment_id);

ALTER TABLE enforcement_lead ADD CONSTRAINT enforcement_lead_case_fk FOREIGN KEY (case_id) REFERENCES enforcement_case (id);
ALTER TABLE complaint ADD CONSTRAINT complaint_lead_fk FOREIGN KEY (lead_id) REFERENCES enforcement_lead (id);

CREATE TABLE enforcement_case_officer (
  case_id          bigint NOT NULL REFERENCES enforcement_case (id),
  inspector_id     bigint NOT NULL,
  user_id          bigint,
  name             text NOT NULL,
  certificate_no   text NOT NULL,
  assigned_on      date NOT NULL,
  recused_on       date,
  recusal_reason   text,
  recusal_source   text CHECK (recusal_source IN ('officer', 'party', 'leader')),
  PRIMARY KEY (case_id, inspector_id)
);
COMMENT ON TABLE enforcement_case_officer IS 'Certified officers handling a case (at least two, §42), from the inspector roster; a recused officer stays listed with the reason';
COMMENT ON COLUMN enforcement_case_officer.case_id IS 'The case';
COMMENT ON COLUMN enforcement_case_officer.inspector_id IS 'The officer in the roster (执法人员名录库, inspection module)';
COMMENT ON COLUMN enforcement_case_officer.user_id IS 'The officer''s user account, if linked (a handler may not review the case)';
COMMENT ON COLUMN enforcement_case_officer.name IS 'Name when assigned (printed on documents)';
COMMENT ON COLUMN enforcement_case_officer.certificate_no IS 'Enforcement certificate number when assigned';
COMMENT ON COLUMN enforcement_case_officer.assigned_on IS 'Day assigned';
COMMENT ON COLUMN enforcement_case_officer.recused_on IS 'Day recused (§43); null while active';
COMMENT ON COLUMN enforcement_case_officer.recusal_reason IS 'Why';
COMMENT ON COLUMN enforcement_case_officer.recusal_source IS 'Who raised it: the officer, the party, or the leader';

CREATE TABLE enforcement_evidence (
  id                bigserial PRIMARY KEY,
  case_id           bigint NOT NULL REFERENCES enforcement_case (id),
  kind              text NOT NULL CHECK (kind IN ('document', 'photo', 'statement', 'record', 'other')),
  description       text NOT NULL,
  file_name         text NOT NULL,
  content_type      text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes        integer NOT NULL CHECK (size_bytes > 0),
  sha256            char(64) NOT NULL,
  collected_on      date NOT NULL,
  uploaded_at       timestamptz NOT NULL,
  uploaded_by       bigint,
  uploaded_by_name  text
);
COMMENT ON TABLE enforcement_evidence IS 'Evidence of a case (documents, photos, statements, on-site records); bytes stored under WEIJIAN_DATA_DIR/files by SHA-256, the hash also in the enforcement record';
COMMENT ON COLUMN enforcement_evidence.case_id IS 'The case';
COMMENT ON COLUMN enforcement_evidence.kind IS 'document | photo | statement (询问笔录) | record (现场检查笔录) | other';
COMMENT ON COLUMN enforcement_evidence.description IS 'What it shows';
COMMENT ON COLUMN enforcement_evidence.file_name IS 'Original file name (sanitised)';
COMMENT ON COLUMN enforcement_evidence.content_type IS 'Recognised from the first bytes: PDF, JPEG or PNG';
COMMENT ON COLUMN enforcement_evidence.size_bytes IS 'Size in bytes';
COMMENT ON COLUMN enforcement_evidence.sha256 IS 'SHA-256 of the bytes (also the storage name)';
COMMENT ON COLUMN enforcement_evidence.collected_on IS 'Day collected';
COMMENT ON COLUMN enforcement_evidence.uploaded_at IS 'When uploaded';
COMMENT ON COLUMN enforcement_evidence.uploaded_by IS 'Officer who uploaded it';
COMMENT ON COLUMN enforcement_evidence.uploaded_by_name IS 'Username at the time';
CREATE INDEX enforcement_evidence_case_idx ON enforcement_evidence (case_id);

CREATE TABLE enforcement_record_entry (
  id              bigserial PRIMARY KEY,
  case_id         bigint NOT NULL REFERENCES enforcement_case (id),
  seq             integer NOT NULL,
  action          text NOT NULL,
  from_state      text,
  to_state        text NOT NULL,
  on_date         date NOT NULL,
  at              timestamptz NOT NULL,
  actor_user_id   bigint,
  actor_name      text,
  actor_role      text,
  details         jsonb NOT NULL DEFAULT '{}',
  file_hashes     text[] NOT NULL DEFAULT '{}',
  prev_hash       char(64) NOT NULL,
  hash            char(64) NOT NULL,
  UNIQUE (case_id, seq)
);
COMMENT ON TABLE enforcement_record_entry IS '执法全过程记录 (§47): every step of a case with its actor, time, details and evidence hashes, hash-chained per case (docs/events.md, src/modules/enforcement/record-chain.ts)';
COMMENT ON COLUMN enforcement_record_entry.case_id IS 'The case';
COMMENT ON COLUMN enforcement_record_entry.seq IS 'Position in the case''s chain, from 1';
COMMENT ON COLUMN enforcement_record_entry.action IS 'propose, approve_opening, evidence, notify, decide, serve …';
COMMENT ON COLUMN enforcement_record_entry.from_state IS 'State before';
COMMENT ON COLUMN enforcement_record_entry.to_state IS 'State after';
COMMENT ON COLUMN enforcement_record_entry.on_date IS 'Legal day of the step';
COMMENT ON COLUMN enforcement_record_entry.at IS 'Instant recorded (UTC, milliseconds)';
COMMENT ON COLUMN enforcement_record_entry.actor_user_id IS 'Who acted; null for the system';
COMMENT ON COLUMN enforcement_record_entry.actor_name IS 'Username at the time';
COMMENT ON COLUMN enforcement_record_entry.actor_role IS 'The role the actor acted in: investigator, reviewer, approver';
COMMENT ON COLUMN enforcement_record_entry.details IS 'What was decided or recorded in the step';
COMMENT ON COLUMN enforcement_record_entry.file_hashes IS 'SHA-256 of the files the step brought in';
COMMENT ON COLUMN enforcement_record_entry.prev_hash IS 'Hash of the previous entry of the case (64 zeros for the first)';
COMMENT ON COLUMN enforcement_record_entry.hash IS 'sha256(prev_hash || newline || canonical JSON of the entry)';

CREATE TABLE penalty_publication (
  id                 bigserial PRIMARY KEY,
  case_id            bigint NOT NULL REFERENCES enforcement_case (id),
  decision_version   integer NOT NULL,
  severity           text NOT NULL CHECK (severity IN ('minor', 'general', 'serious')),
  status             text NOT NULL CHECK (status IN ('pending', 'published', 'withheld', 'withdrawn')),
  withheld_reason    text CHECK (withheld_reason IN ('minor_party', 'minor_severity')),
  decided_on         date NOT NULL,
  publish_by         date,
  published_on       date,
  published_by       bigint,
  min_until          date,
  max_until          date,
  withdraw_by        date,
  withdrawn_on       date,
  withdrawal_reason  text,
  repair_status      text NOT NULL DEFAULT 'none' CHECK (repair_status IN ('none', 'applied', 'repaired')),
  content            jsonb NOT NULL,
  masking            jsonb NOT NULL,
  region_code        varchar(12) NOT NULL,
  department_code    text NOT NULL REFERENCES department (code),
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  UNIQUE (case_id, decision_version)
);
COMMENT ON TABLE penalty_publication IS '执法公示: what of a penalty decision is public, masked how, from when and until when (双公示 within 7 working days; period by severity per 《信用修复管理办法》; withdrawn within 3 working days when the decision is changed or revoked)';
COMMENT ON COLUMN penalty_publication.case_id IS 'The case';
COMMENT ON COLUMN penalty_publication.decision_version IS '1 for the decision, then one more for each change of it';
COMMENT ON COLUMN penalty_publication.severity IS 'minor | general | serious';
COMMENT ON COLUMN penalty_publication.status IS 'pending (to publish) | published | withheld (never published) | withdrawn';
COMMENT ON COLUMN penalty_publication.withheld_reason IS 'minor_party (a minor is involved) | minor_severity (轻微, not published)';
COMMENT ON COLUMN penalty_publication.decided_on IS 'Day of the decision (periods count from it)';
COMMENT ON COLUMN penalty_publication.publish_by IS 'Last day to publish (7 working days)';
COMMENT ON COLUMN penalty_publication.published_on IS 'Day published';
COMMENT ON COLUMN penalty_publication.published_by IS 'Staff who published it';
COMMENT ON COLUMN penalty_publication.min_until IS 'Shortest display: after this day the party may apply for credit repair';
COMMENT ON COLUMN penalty_publication.max_until IS 'Display stops automatically on this day';
COMMENT ON COLUMN penalty_publication.withdraw_by IS 'Last day to withdraw after a change or revocation (3 working days)';
COMMENT ON COLUMN penalty_publication.withdrawn_on IS 'Day withdrawn';
COMMENT ON COLUMN penalty_publication.withdrawal_reason IS 'Reason stated publicly with the withdrawal';
COMMENT ON COLUMN penalty_publication.repair_status IS 'Credit repair: none | applied | repaired';
COMMENT ON COLUMN penalty_publication.content IS 'The public record (信用中国 data items), already masked';
COMMENT ON COLUMN penalty_publication.masking IS 'The masking rules applied, per field';
COMMENT ON COLUMN penalty_publication.region_code IS 'Region of the case (scope for staff)';
COMMENT ON COLUMN penalty_publication.department_code IS 'Department of the case (scope for staff)';
COMMENT ON COLUMN penalty_publication.created_at IS 'When created';
COMMENT ON COLUMN penalty_publication.updated_at IS 'When it last changed';
CREATE INDEX penalty_publication_public_idx ON penalty_publication (status, published_on, max_until);

CREATE TABLE enforcement_referral (
  id                    bigserial PRIMARY KEY,
  number                text NOT NULL UNIQUE,
  case_id               bigint REFERENCES enforcement_case (id),
  lead_id               bigint REFERENCES enforcement_lead (id),
  from_unit_id          bigint NOT NULL REFERENCES unit (id),
  from_region_code      varchar(12) NOT NULL,
  from_department_code  text NOT NULL REFERENCES department (code),
  to_kind               text NOT NULL CHECK (to_kind IN ('department', 'judiciary')),
  to_department_code    text REFERENCES department (code),
  to_unit_id            bigint REFERENCES unit (id),
  to_region_code        varchar(12),
  to_body_name          text NOT NULL,
  reason                text NOT NULL,
  suspected_crime       boolean NOT NULL DEFAULT false,
  materials             text NOT NULL DEFAULT '',
  state                 text NOT NULL CHECK (state IN ('sent', 'acknowledged', 'concluded')),
  sent_on               date NOT NULL,
  acknowledged_on       date,
  receipt_no            text,
  acknowledged_by_name  text,
  result                text,
  result_on             date,
  received_lead_id      bigint REFERENCES enforcement_lead (id),
  version               integer NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL,
  created_by            bigint,
  updated_at            timestamptz NOT NULL,
  CHECK ((to_kind = 'department') = (to_department_code IS NOT NULL))
);
COMMENT ON TABLE enforcement_referral IS '移送: a case or lead sent to another department (police, market…) or to the judiciary for a suspected crime (§27), with the receiving body''s acknowledgement and result';
COMMENT ON COLUMN enforcement_referral.number IS 'Register number, e.g. YS370112-2026-000001';
COMMENT ON COLUMN enforcement_referral.case_id IS 'The case referred';
COMMENT ON COLUMN enforcement_referral.lead_id IS 'The lead referred (when no case was opened)';
COMMENT ON COLUMN enforcement_referral.from_unit_id IS 'Sending unit';
COMMENT ON COLUMN enforcement_referral.from_region_code IS 'Sending unit''s region (scope)';
COMMENT ON COLUMN enforcement_referral.from_department_code IS 'Sending unit''s department (scope)';
COMMENT ON COLUMN enforcement_referral.to_kind IS 'department (a department in the system) | judiciary (procuratorate, court, or a body outside the system)';
COMMENT ON COLUMN enforcement_referral.to_department_code IS 'Receiving department, for to_kind department';
COMMENT ON COLUMN enforcement_referral.to_unit_id IS 'Receiving unit in the system (it sees the referral and acknowledges it)';
COMMENT ON COLUMN enforcement_referral.to_region_code IS 'Receiving unit''s region (scope)';
COMMENT ON COLUMN enforcement_referral.to_body_name IS 'Name of the receiving body';
COMMENT ON COLUMN enforcement_referral.reason IS 'Why it is referred';
COMMENT ON COLUMN enforcement_referral.suspected_crime IS 'Referred as a suspected crime';
COMMENT ON COLUMN enforcement_referral.materials IS 'List of materials sent';
COMMENT ON COLUMN enforcement_referral.state IS 'sent | acknowledged | concluded';
COMMENT ON COLUMN enforcement_referral.sent_on IS 'Day sent';
COMMENT ON COLUMN enforcement_referral.acknowledged_on IS 'Day the receiving body acknowledged receipt (回执)';
COMMENT ON COLUMN enforcement_referral.receipt_no IS 'Number of the receipt';
COMMENT ON COLUMN enforcement_referral.acknowledged_by_name IS 'Who acknowledged (user or person at the body)';
COMMENT ON COLUMN enforcement_referral.result IS 'What the receiving body did';
COMMENT ON COLUMN enforcement_referral.result_on IS 'Day of the result';
COMMENT ON COLUMN enforcement_referral.received_lead_id IS 'The lead created for the receiving unit in the system';
COMMENT ON COLUMN enforcement_referral.version IS 'Optimistic concurrency';
COMMENT ON COLUMN enforcement_referral.created_at IS 'When recorded';
COMMENT ON COLUMN enforcement_referral.created_by IS 'Who sent it';
COMMENT ON COLUMN enforcement_referral.updated_at IS 'When it last changed';
CREATE INDEX enforcement_referral_from_idx ON enforcement_referral (from_region_code varchar_pattern_ops, from_department_code);
CREATE INDEX enforcement_referral_to_idx ON enforcement_referral (to_region_code varchar_pattern_ops, to_department_code);

CREATE TABLE enforcement_reinspection (
  id                bigserial PRIMARY KEY,
  case_id           bigint NOT NULL UNIQUE REFERENCES enforcement_case (id),
  establishment_id  bigint REFERENCES establishment (id),
  region_code       varchar(12) NOT NULL,
  department_code   text NOT NULL REFERENCES department (code),
  unit_id           bigint NOT NULL REFERENCES unit (id),
  due_on            date NOT NULL,
  state             text NOT NULL CHECK (state IN ('open', 'done')),
  done_on           date,
  outcome           text CHECK (outcome IN ('compliant', 'non_compliant')),
  note              text,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL
);
COMMENT ON TABLE enforcement_reinspection IS '处罚后复查: a re-inspection task created when a penalty case is closed (seed 001 四(六))';
COMMENT ON COLUMN enforcement_reinspection.case_id IS 'The closed case';
COMMENT ON COLUMN enforcement_reinspection.establishment_id IS 'The establishment to re-inspect';
COMMENT ON COLUMN enforcement_reinspection.region_code IS 'Region (scope)';
COMMENT ON COLUMN enforcement_reinspection.department_code IS 'Department (scope)';
COMMENT ON COLUMN enforcement_reinspection.unit_id IS 'Unit that re-inspects';
COMMENT ON COLUMN enforcement_reinspection.due_on IS 'Deadline (working days after closure, a setting)';
COMMENT ON COLUMN enforcement_reinspection.state IS 'open | done';
COMMENT ON COLUMN enforcement_reinspection.done_on IS 'Day done';
COMMENT ON COLUMN enforcement_reinspection.outcome IS 'compliant | non_compliant (a non-compliant result raises a new lead)';
COMMENT ON COLUMN enforcement_reinspection.note IS 'What was found';
COMMENT ON COLUMN enforcement_reinspection.created_at IS 'When created';
COMMENT ON COLUMN enforcement_reinspection.updated_at IS 'When it last changed';
CREATE INDEX enforcement_reinspection_scope_idx ON enforcement_reinspection (region_code varchar_pattern_ops, department_code, state);

-- Installations whose built-in roles already exist get the enforcement permissions here; a new
-- installation gets them from BUILTIN_ROLES (permissions.ts) when the roles are created.
INSERT INTO role_permission (role_code, permission)
SELECT r.code, p.permission
FROM role r
JOIN (VALUES
  ('admin', 'complaint.read'), ('admin', 'complaint.handle'), ('admin', 'complaint.reporter.read'),
  ('admin', 'enforcement.read'), ('admin', 'enforcement.investigate'), ('admin', 'enforcement.review'),
  ('admin', 'enforcement.approve'), ('admin', 'enforcement.publish'), ('admin', 'enforcement.policy.manage'),
  ('inspector', 'complaint.read'), ('inspector', 'complaint.handle'), ('inspector', 'complaint.reporter.read'),
  ('inspector', 'enforcement.read'), ('inspector', 'enforcement.investigate'),
  ('legal_reviewer', 'complaint.read'), ('legal_reviewer', 'enforcement.read'), ('legal_reviewer', 'enforcement.review'),
  ('leader', 'complaint.read'), ('leader', 'complaint.handle'), ('leader', 'enforcement.read'),
  ('leader', 'enforcement.approve'), ('leader', 'enforcement.publish'),
  ('viewer', 'enforcement.read')
) AS p (role_code, permission) ON p.role_code = r.code
WHERE r.builtin
ON CONFLICT DO NOTHING;
