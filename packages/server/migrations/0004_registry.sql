-- Registry (监管对象名录库, seed 002 三(二)): establishments of every supervised kind, their change
-- history, practitioners and their multi-site filings, imports, accepted failing credit codes, and
-- the compliance guides and responsibility map as versioned data.

CREATE TABLE import_batch (
  id             bigserial PRIMARY KEY,
  entity         text NOT NULL CHECK (entity IN ('establishment', 'practitioner')),
  file_name      text,
  file_sha256    char(64),
  rows           integer NOT NULL,
  inserted       integer NOT NULL,
  updated        integer NOT NULL,
  unchanged      integer NOT NULL,
  actor_user_id  bigint,
  actor_name     text,
  started_at     timestamptz NOT NULL,
  finished_at    timestamptz NOT NULL
);
COMMENT ON TABLE import_batch IS 'One committed import of a spreadsheet; written in the same transaction as its rows, so a batch exists only if all of it was written';
COMMENT ON COLUMN import_batch.entity IS 'What the file held: establishment or practitioner rows';
COMMENT ON COLUMN import_batch.file_name IS 'Name of the uploaded or given file, as the user named it';
COMMENT ON COLUMN import_batch.file_sha256 IS 'SHA-256 of the file bytes, to recognise a re-run of the same file';
COMMENT ON COLUMN import_batch.rows IS 'Data rows in the file (header excluded)';
COMMENT ON COLUMN import_batch.inserted IS 'Rows that created a record';
COMMENT ON COLUMN import_batch.updated IS 'Rows that changed an existing record (matched by 统一社会信用代码 or ID number)';
COMMENT ON COLUMN import_batch.unchanged IS 'Rows equal to the existing record (nothing written)';
COMMENT ON COLUMN import_batch.actor_user_id IS 'User who committed the import; null for the weijian command';
COMMENT ON COLUMN import_batch.actor_name IS 'Username (or cli:<os user>) at the time';
COMMENT ON COLUMN import_batch.started_at IS 'When reading the file began';
COMMENT ON COLUMN import_batch.finished_at IS 'When the rows were written (commit time)';

CREATE TABLE establishment (
  id                     bigserial PRIMARY KEY,
  public_code            varchar(13) NOT NULL UNIQUE,
  name                   text NOT NULL,
  uscc                   varchar(18),
  uscc_check_failed      boolean NOT NULL DEFAULT false,
  kind                   text NOT NULL CHECK (kind IN ('medical', 'public_place', 'drinking_water', 'disinfection', 'radiation', 'school', 'occupational', 'other')),
  category_code          varchar(4) NOT NULL,
  region_code            varchar(12) NOT NULL REFERENCES region (code),
  address                text NOT NULL,
  legal_representative   text,
  contact_phone          text,
  contact_mobile_enc     text,
  contact_mobile_hash    char(64),
  contact_mobile_masked  varchar(11),
  ownership              text CHECK (ownership IN ('public', 'private')),
  for_profit             boolean,
  level                  text CHECK (level IN ('level1', 'level2', 'level3', 'unrated')),
  beds                   integer CHECK (beds >= 0),
  clinical_subjects      text[] NOT NULL DEFAULT '{}',
  status                 text NOT NULL CHECK (status IN ('preparing', 'operating', 'suspended', 'deregistered')),
  flags                  text[] NOT NULL DEFAULT '{}' CHECK (flags <@ ARRAY['medical_beauty', 'tcm_filed_clinic', 'dental', 'individual_clinic', 'village_clinic', 'remote_monitoring']::text[]),
  version                integer NOT NULL DEFAULT 1,
  created_at             timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL,
  created_by             bigint,
  updated_by             bigint,
  CHECK (contact_phone IS NULL OR contact_mobile_enc IS NULL)
);
COMMENT ON TABLE establishment IS '监管对象: every supervised establishment (medical institutions, public places, water suppliers, disinfectant makers, radiology users, schools …); region-scoped, shared by all departments';
COMMENT ON COLUMN establishment.public_code IS 'Stable public establishment code (一码): 12 random base32 characters and a check character; the QR code opens /e/{public_code}';
COMMENT ON COLUMN establishment.name IS '机构名称';
COMMENT ON COLUMN establishment.uscc IS '统一社会信用代码 (GB 32100-2015), upper case; imports match existing establishments by it';
COMMENT ON COLUMN establishment.uscc_check_failed IS 'The code fails its check character but was accepted with a reason (see uscc_acceptance)';
COMMENT ON COLUMN establishment.kind IS 'Kind of establishment; follows from the category code';
COMMENT ON COLUMN establishment.category_code IS 'WS 218-2002 code for medical institutions (A100 …), Weijian S–Y codes for the other kinds';
COMMENT ON COLUMN establishment.region_code IS 'County (6-digit) or street/town (9-digit) region; scope is by this code''s prefix';
COMMENT ON COLUMN establishment.address IS '地址';
COMMENT ON COLUMN establishment.legal_representative IS '法定代表人 or 主要负责人 (public information on the business licence)';
COMMENT ON COLUMN establishment.contact_phone IS 'Institutional landline or 400/800 number, plain (not personal information)';
COMMENT ON COLUMN establishment.contact_mobile_enc IS 'A mobile number given as contact: personal information, AES-256-GCM encrypted';
COMMENT ON COLUMN establishment.contact_mobile_hash IS 'HMAC-SHA256 of the mobile number, for exact lookup and change detection';
COMMENT ON COLUMN establishment.contact_mobile_masked IS 'Masked mobile (138****5678) shown in lists and exports';
COMMENT ON COLUMN establishment.ownership IS '举办主体: public (公立) or private (社会办)';
COMMENT ON COLUMN establishment.for_profit IS '经营性质: true 营利性, false 非营利性';
COMMENT ON COLUMN establishment.level IS '医院等级 where it applies: level1/2/3 or unrated';
COMMENT ON COLUMN establishment.beds IS '核定床位数 (rooms'' beds for lodging places)';
COMMENT ON COLUMN establishment.clinical_subjects IS '诊疗科目 codes of the 1994 catalogue (03, 03.01 …)';
COMMENT ON COLUMN establishment.status IS 'preparing 筹建 | operating 执业 | suspended 停业 | deregistered 注销';
COMMENT ON COLUMN establishment.flags IS 'Flags supervision rules use (seed 002): medical_beauty, tcm_filed_clinic, dental, individual_clinic, village_clinic, remote_monitoring';
COMMENT ON COLUMN establishment.version IS 'Current version number; establishment_version holds every version''s changes';
COMMENT ON COLUMN establishment.created_at IS 'When the record was created';
COMMENT ON COLUMN establishment.updated_at IS 'When the record last changed';
COMMENT ON COLUMN establishment.created_by IS 'User who created it (null: the system, the weijian command or the demo seed)';
COMMENT ON COLUMN establishment.updated_by IS 'User who last changed it';
CREATE UNIQUE INDEX establishment_uscc_idx ON establishment (uscc) WHERE uscc IS NOT NULL;
CREATE INDEX establishment_region_idx ON establishment (region_code varchar_pattern_ops);
CREATE INDEX establishment_category_idx ON establishment (kind, category_code);
CREATE INDEX establishment_flags_idx ON establishment USING gin (flags);
CREATE INDEX establishment_name_sort_idx ON establishment (name, id);
CREATE INDEX establishment_updated_idx ON establishment (updated_at, id);

CREATE TABLE establishment_version (
  establishment_id  bigint NOT NULL REFERENCES establishment (id),
  version           integer NOT NULL,
  changed_at        timestamptz NOT NULL,
  actor_user_id     bigint,
  actor_name        text,
  action            text NOT NULL CHECK (action IN ('create', 'update', 'import', 'accept_uscc')),
  import_batch_id   bigint REFERENCES import_batch (id),
  diff              jsonb NOT NULL,
  PRIMARY KEY (establishment_id, version)
);
COMMENT ON TABLE establishment_version IS 'History: one row per version of an establishment (who, when, what changed); the timeline of its page';
COMMENT ON COLUMN establishment_version.version IS 'Version number; 1 is the creation';
COMMENT ON COLUMN establishment_version.changed_at IS 'When the change was made';
COMMENT ON COLUMN establishment_version.actor_user_id IS 'User who made it; null for the system or the weijian command';
COMMENT ON COLUMN establishment_version.actor_name IS 'Username at the time (cli:<os user> for the command)';
COMMENT ON COLUMN establishment_version.action IS 'create | update | import | accept_uscc';
COMMENT ON COLUMN establishment_version.import_batch_id IS 'The import that made the change, if any';
COMMENT ON COLUMN establishment_version.diff IS 'Changed fields as {field: [before, after]} with API field names; mobile numbers masked';

CREATE TABLE uscc_acceptance (
  uscc               varchar(18) PRIMARY KEY,
  reason             text NOT NULL,
  accepted_by        bigint,
  accepted_by_name   text,
  region_code        varchar(12),
  accepted_at        timestamptz NOT NULL
);
COMMENT ON TABLE uscc_acceptance IS 'Credit codes that fail their check character but were issued: accepted with a stated reason (standards-and-data §3), audited';
COMMENT ON COLUMN uscc_acceptance.uscc IS 'The accepted code, upper case';
COMMENT ON COLUMN uscc_acceptance.reason IS 'Why the code is accepted (e.g. checked against the issued licence)';
COMMENT ON COLUMN uscc_acceptance.accepted_by IS 'User who accepted it';
COMMENT ON COLUMN uscc_acceptance.accepted_by_name IS 'Username at the time';
COMMENT ON COLUMN uscc_acceptance.region_code IS 'Region of the accepting user''s unit (scope of the acceptance list)';
COMMENT ON COLUMN uscc_acceptance.accepted_at IS 'When it was accepted';

CREATE TABLE practitioner (
  id                        bigserial PRIMARY KEY,
  name                      text NOT NULL,
  id_number_enc             text NOT NULL,
  id_number_hash            char(64) NOT NULL UNIQUE,
  id_number_masked          varchar(18) NOT NULL,
  profession                text NOT NULL CHECK (profession IN ('doctor', 'nurse', 'pharmacist', 'technician')),
  qualification_cert_no     text,
  practising_cert_no        text,
  practice_category         text CHECK (practice_category IN ('1', '2', '3', '4')),
  practice_scopes           text[] NOT NULL DEFAULT '{}',
  title_grade               text CHECK (title_grade IN ('senior', 'associate_senior', 'intermediate', 'junior', 'assistant')),
  primary_establishment_id  bigint NOT NULL REFERENCES establishment (id),
  status                    text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  version                   integer NOT NULL DEFAULT 1,
  created_at                timestamptz NOT NULL,
  updated_at                timestamptz NOT NULL,
  created_by                bigint,
  updated_by                bigint
);
COMMENT ON TABLE practitioner IS '医务人员: doctors, nurses, pharmacists and technicians; scoped by the region of their primary institution';
COMMENT ON COLUMN practitioner.name IS 'Full name';
COMMENT ON COLUMN practitioner.id_number_enc IS 'Resident ID number (GB 11643), AES-256-GCM encrypted';
COMMENT ON COLUMN practitioner.id_number_hash IS 'HMAC-SHA256 of the ID number: exact lookup, one record per person';
COMMENT ON COLUMN practitioner.id_number_masked IS 'Masked ID number (first 6 and last 4 characters) shown in lists';
COMMENT ON COLUMN practitioner.profession IS 'doctor 医师 | nurse 护士 | pharmacist 药师 | technician 技师';
COMMENT ON COLUMN practitioner.qualification_cert_no IS '资格证书编号';
COMMENT ON COLUMN practitioner.practising_cert_no IS '执业证书编号';
COMMENT ON COLUMN practitioner.practice_category IS '医师执业类别: 1 临床, 2 口腔, 3 公共卫生, 4 中医 (doctors only)';
COMMENT ON COLUMN practitioner.practice_scopes IS '执业范围 statistical codes (11 内科 … 57), doctors only';
COMMENT ON COLUMN practitioner.title_grade IS '职称 grade: senior 正高, associate_senior 副高, intermediate 中级, junior 师级, assistant 士级';
COMMENT ON COLUMN practitioner.primary_establishment_id IS 'Primary institution (主要执业机构)';
COMMENT ON COLUMN practitioner.status IS 'active | inactive (left practice or registration cancelled)';
COMMENT ON COLUMN practitioner.version IS 'Current version number; practitioner_version holds the changes';
COMMENT ON COLUMN practitioner.created_at IS 'When the record was created';
COMMENT ON COLUMN practitioner.updated_at IS 'When it last changed';
COMMENT ON COLUMN practitioner.created_by IS 'User who created it';
COMMENT ON COLUMN practitioner.updated_by IS 'User who last changed it';
CREATE INDEX practitioner_primary_idx ON practitioner (primary_establishment_id);
CREATE INDEX practitioner_cert_idx ON practitioner (practising_cert_no);
CREATE INDEX practitioner_name_sort_idx ON practitioner (name, id);

CREATE TABLE practitioner_version (
  practitioner_id  bigint NOT NULL REFERENCES practitioner (id),
  version          integer NOT NULL,
  changed_at       timestamptz NOT NULL,
  actor_user_id    bigint,
  actor_name       text,
  action           text NOT NULL CHECK (action IN ('create', 'update', 'import', 'multi_site_filed', 'multi_site_ended')),
  import_batch_id  bigint REFERENCES import_batch (id),
  diff             jsonb NOT NULL,
  PRIMARY KEY (practitioner_id, version)
);
COMMENT ON TABLE practitioner_version IS 'History of a practitioner: one row per version (who, when, what changed; ID numbers masked)';
COMMENT ON COLUMN practitioner_version.version IS 'Version number; 1 is the creation';
COMMENT ON COLUMN practitioner_version.changed_at IS 'When the change was made';
COMMENT ON COLUMN practitioner_version.actor_user_id IS 'User who made it';
COMMENT ON COLUMN practitioner_version.actor_name IS 'Username at the time';
COMMENT ON COLUMN practitioner_version.action IS 'create | update | import | multi_site_filed | multi_site_ended';
COMMENT ON COLUMN practitioner_version.import_batch_id IS 'The import that made the change, if any';
COMMENT ON COLUMN practitioner_version.diff IS 'Changed fields as {field: [before, after]}';

CREATE TABLE multi_site_filing (
  id                     bigserial PRIMARY KEY,
  practitioner_id        bigint NOT NULL REFERENCES practitioner (id),
  site_establishment_id  bigint NOT NULL REFERENCES establishment (id),
  valid_from             date NOT NULL,
  valid_to               date NOT NULL,
  agreement_no           text NOT NULL,
  agreement_signed_on    date,
  status                 text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
  ended_on               date,
  end_reason             text,
  filed_at               timestamptz NOT NULL,
  filed_by               bigint,
  CHECK (valid_to >= valid_from)
);
COMMENT ON TABLE multi_site_filing IS '多点执业备案: a doctor''s filing to practise at an extra medical institution for a period';
COMMENT ON COLUMN multi_site_filing.practitioner_id IS 'The doctor';
COMMENT ON COLUMN multi_site_filing.site_establishment_id IS 'The extra practice site';
COMMENT ON COLUMN multi_site_filing.valid_from IS 'First day of the filed period';
COMMENT ON COLUMN multi_site_filing.valid_to IS 'Last day of the filed period';
COMMENT ON COLUMN multi_site_filing.agreement_no IS 'Number of the agreement with the primary institution (and the site)';
COMMENT ON COLUMN multi_site_filing.agreement_signed_on IS 'Date the agreement was signed';
COMMENT ON COLUMN multi_site_filing.status IS 'active | ended (ended early; a filing past valid_to simply lapses)';
COMMENT ON COLUMN multi_site_filing.ended_on IS 'Day an early end took effect';
COMMENT ON COLUMN multi_site_filing.end_reason IS 'Why it ended early';
COMMENT ON COLUMN multi_site_filing.filed_at IS 'When the filing was recorded';
COMMENT ON COLUMN multi_site_filing.filed_by IS 'User who recorded it';
CREATE INDEX multi_site_filing_practitioner_idx ON multi_site_filing (practitioner_id);
CREATE INDEX multi_site_filing_site_idx ON multi_site_filing (site_establishment_id);

CREATE TABLE compliance_guide (
  kind             text NOT NULL,
  version          integer NOT NULL,
  content          jsonb NOT NULL,
  note             text NOT NULL DEFAULT '',
  effective_from   date,
  created_at       timestamptz NOT NULL,
  created_by       bigint,
  created_by_name  text,
  PRIMARY KEY (kind, version)
);
COMMENT ON TABLE compliance_guide IS '合规指引 per establishment kind (seed 002 三(四)): departments, inspection items, frequency and process; every edit is a new version';
COMMENT ON COLUMN compliance_guide.kind IS 'Establishment kind the guide is for';
COMMENT ON COLUMN compliance_guide.version IS 'Version number; the highest is current, earlier ones are kept';
COMMENT ON COLUMN compliance_guide.content IS '{titleZh, summaryZh, departments[], items[], frequency[], process[]} with citations';
COMMENT ON COLUMN compliance_guide.note IS 'What this version changed and why';
COMMENT ON COLUMN compliance_guide.effective_from IS 'Day the version takes effect (informational)';
COMMENT ON COLUMN compliance_guide.created_at IS 'When the version was saved';
COMMENT ON COLUMN compliance_guide.created_by IS 'Administrator who saved it; null for the shipped defaults';
COMMENT ON COLUMN compliance_guide.created_by_name IS 'Username at the time';

CREATE TABLE responsibility_map (
  version          integer PRIMARY KEY,
  entries          jsonb NOT NULL,
  note             text NOT NULL DEFAULT '',
  created_at       timestamptz NOT NULL,
  created_by       bigint,
  created_by_name  text
);
COMMENT ON TABLE responsibility_map IS '职责分工: each department''s duties (defaults from seed 002 annex 3); every edit is a new version';
COMMENT ON COLUMN responsibility_map.version IS 'Version number; the highest is current';
COMMENT ON COLUMN responsibility_map.entries IS '[{departmentCode, dutiesZh, dutiesEn, citation}]';
COMMENT ON COLUMN responsibility_map.note IS 'What this version changed and why';
COMMENT ON COLUMN responsibility_map.created_at IS 'When the version was saved';
COMMENT ON COLUMN responsibility_map.created_by IS 'Administrator who saved it; null for the shipped defaults';
COMMENT ON COLUMN responsibility_map.created_by_name IS 'Username at the time';

-- Partial Chinese name search (LIKE '%…%'). Trigram indexes answer queries of three characters or
-- more where the server has pg_trgm (PGlite loads it; PostgreSQL needs the contrib package). Chinese
-- searches are often two characters (口腔, 诊所), which trigrams cannot index, so each name's distinct
-- character pairs are indexed as well (what pg_bigm does, in plain SQL, on PGlite and PostgreSQL).
-- The registry's queries add `registry_bigrams(name) @> ARRAY[q]` for a two-character q.
CREATE FUNCTION registry_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT COALESCE(array_agg(DISTINCT substr(t, i, 2)), '{}'::text[]) FROM generate_series(1, char_length(t) - 1) AS i
$$;
COMMENT ON FUNCTION registry_bigrams(text) IS 'Distinct pairs of adjacent characters of a name: the keys of the name search indexes';
CREATE INDEX establishment_name_bigram_idx ON establishment USING gin (registry_bigrams(name));
CREATE INDEX practitioner_name_bigram_idx ON practitioner USING gin (registry_bigrams(name));
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX establishment_name_trgm_idx ON establishment USING gin (name gin_trgm_ops);
    CREATE INDEX practitioner_name_trgm_idx ON practitioner USING gin (name gin_trgm_ops);
  END IF;
END $$;

-- Installations whose built-in roles already exist get the registry permissions here; a new
-- installation gets them from BUILTIN_ROLES (permissions.ts) when the roles are created.
INSERT INTO role_permission (role_code, permission)
SELECT r.code, p.permission
FROM role r
JOIN (VALUES
  ('admin', 'registry.read'), ('admin', 'registry.edit'), ('admin', 'registry.import'), ('admin', 'registry.export'),
  ('admin', 'registry.uscc.accept'), ('admin', 'registry.guide.manage'),
  ('approver', 'registry.read'), ('approver', 'registry.edit'), ('approver', 'registry.export'), ('approver', 'registry.uscc.accept'),
  ('inspector', 'registry.read'), ('inspector', 'registry.edit'), ('inspector', 'registry.export'),
  ('legal_reviewer', 'registry.read'),
  ('leader', 'registry.read'), ('leader', 'registry.export'),
  ('viewer', 'registry.read'),
  ('institution', 'registry.read')
) AS p (role_code, permission) ON p.role_code = r.code
WHERE r.builtin
ON CONFLICT DO NOTHING;
