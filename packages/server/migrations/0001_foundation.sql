-- Foundation: regions (GB/T 2260), the legal calendar's administrator data, the audit trail and the
-- domain-event outbox. Every column carries a comment so the data model reads in one sitting.

CREATE TABLE region (
  code          varchar(12) PRIMARY KEY,
  name          text NOT NULL,
  level         text NOT NULL CHECK (level IN ('province', 'city', 'county', 'town', 'village')),
  parent_code   varchar(12) REFERENCES region (code),
  retired       boolean NOT NULL DEFAULT false,
  valid_from    smallint,
  valid_to      smallint,
  replaced_by   text[] NOT NULL DEFAULT '{}',
  former_names  jsonb NOT NULL DEFAULT '[]',
  source        text NOT NULL DEFAULT 'gbt2260'
);
COMMENT ON TABLE region IS '行政区划: GB/T 2260 codes (province, city, county) plus street/town levels a deployment adds';
COMMENT ON COLUMN region.code IS '6-digit GB/T 2260 code, or 9/12-digit town/village code added by a deployment';
COMMENT ON COLUMN region.name IS 'Current (or last) name';
COMMENT ON COLUMN region.level IS 'province | city | county | town | village';
COMMENT ON COLUMN region.parent_code IS 'Parent region; null for provinces';
COMMENT ON COLUMN region.retired IS 'True for a code no longer in use; kept because older licences refer to it';
COMMENT ON COLUMN region.valid_from IS 'Year the code came into use';
COMMENT ON COLUMN region.valid_to IS 'Year the code was retired or changed';
COMMENT ON COLUMN region.replaced_by IS 'Codes that replaced a retired code';
COMMENT ON COLUMN region.former_names IS 'Earlier names under the same code: [{name, from, to}]';
COMMENT ON COLUMN region.source IS 'gbt2260 (MCA list) or deployment (added locally)';
CREATE INDEX region_parent_idx ON region (parent_code);

CREATE TABLE holiday_arrangement (
  year          smallint PRIMARY KEY,
  doc_no        text NOT NULL,
  source_url    text,
  published_on  date,
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active')),
  entered_by    bigint,
  approved_by   bigint,
  created_at    timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE holiday_arrangement IS '国务院办公厅 holiday arrangement notice for a year not yet in the packaged calendar data';
COMMENT ON COLUMN holiday_arrangement.doc_no IS 'Notice number, e.g. 国办发明电〔2026〕X号';
COMMENT ON COLUMN holiday_arrangement.status IS 'draft until a second administrator approves; only active arrangements count';
COMMENT ON COLUMN holiday_arrangement.entered_by IS 'User who entered it';
COMMENT ON COLUMN holiday_arrangement.approved_by IS 'User who activated it (must differ from entered_by)';

CREATE TABLE calendar_override (
  date          date NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('holiday', 'makeup_workday')),
  festival      text,
  region_code   varchar(12) REFERENCES region (code),
  year          smallint NOT NULL REFERENCES holiday_arrangement (year),
  PRIMARY KEY (date, kind)
);
COMMENT ON TABLE calendar_override IS 'Days of an arrangement: holidays and make-up working days (调休)';
COMMENT ON COLUMN calendar_override.kind IS 'holiday (放假) or makeup_workday (调休上班)';
COMMENT ON COLUMN calendar_override.festival IS 'Festival name, e.g. 春节';
COMMENT ON COLUMN calendar_override.region_code IS 'Null = national; a region for local holidays of 民族自治地方';

CREATE TABLE audit_event (
  id            bigserial PRIMARY KEY,
  occurred_at   timestamptz NOT NULL,
  actor_user_id bigint,
  actor_name    text,
  actor_roles   text[] NOT NULL DEFAULT '{}',
  actor_unit_id bigint,
  source_ip     text,
  request_id    text,
  action        text NOT NULL,
  entity_type   text NOT NULL,
  entity_id     text,
  diff          jsonb NOT NULL DEFAULT '{}',
  prev_hash     char(64) NOT NULL,
  hash          char(64) NOT NULL UNIQUE
);
COMMENT ON TABLE audit_event IS 'Append-only, hash-chained audit trail of every write and of reads of sensitive data';
COMMENT ON COLUMN audit_event.occurred_at IS 'When it happened (millisecond precision, part of the hash)';
COMMENT ON COLUMN audit_event.actor_user_id IS 'User who acted; null for the system';
COMMENT ON COLUMN audit_event.actor_name IS 'Username at the time';
COMMENT ON COLUMN audit_event.actor_roles IS 'Role codes at the time';
COMMENT ON COLUMN audit_event.actor_unit_id IS 'Unit of the actor at the time';
COMMENT ON COLUMN audit_event.source_ip IS 'Client address';
COMMENT ON COLUMN audit_event.request_id IS 'HTTP request id, to join with the logs';
COMMENT ON COLUMN audit_event.action IS 'What was done, e.g. identity.user.create or identity.person.read-sensitive';
COMMENT ON COLUMN audit_event.entity_type IS 'Kind of record acted on';
COMMENT ON COLUMN audit_event.entity_id IS 'Id of the record acted on';
COMMENT ON COLUMN audit_event.diff IS 'Before/after difference: {field: [before, after]} (sensitive values masked)';
COMMENT ON COLUMN audit_event.prev_hash IS 'hash of the previous row (64 zeros for the first)';
COMMENT ON COLUMN audit_event.hash IS 'sha256 over prev_hash and the canonical JSON of this row (docs/audit-chain.md)';

-- Append-only, even for the table owner: updates and deletes raise. (Roles get no UPDATE/DELETE either.)
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

CREATE TABLE domain_event (
  id             bigserial PRIMARY KEY,
  occurred_at    timestamptz NOT NULL DEFAULT now(),
  type           text NOT NULL,
  aggregate_type text NOT NULL,
  aggregate_id   text NOT NULL,
  payload        jsonb NOT NULL DEFAULT '{}',
  published_at   timestamptz
);
COMMENT ON TABLE domain_event IS 'Outbox: domain events written in the same transaction as the change, delivered by jobs';
COMMENT ON COLUMN domain_event.type IS 'Event name, e.g. licensing.license.granted';
COMMENT ON COLUMN domain_event.aggregate_type IS 'Kind of record the event is about';
COMMENT ON COLUMN domain_event.aggregate_id IS 'Id of that record';
COMMENT ON COLUMN domain_event.payload IS 'Event data';
COMMENT ON COLUMN domain_event.published_at IS 'When the dispatcher handed it to the job queue; null = pending';
CREATE INDEX domain_event_pending_idx ON domain_event (id) WHERE published_at IS NULL;
