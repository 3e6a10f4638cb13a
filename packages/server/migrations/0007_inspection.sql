-- Random inspections (双随机、一公开, issue 6): "一表两清单、两库一平台" (seed 001 四(二)) — checklists,
-- the random-inspection item list and the supervision-responsibility list (versioned), the inspector
-- roster with its conflict links, campaigns with their verifiable draws (docs/draw-algorithm.md),
-- inspections with their results, photos, rectifications and leads, and the published results.

CREATE TABLE inspection_policy (
  version          integer PRIMARY KEY,
  "values"         jsonb NOT NULL,
  citations        jsonb NOT NULL,
  note             text NOT NULL DEFAULT '',
  effective_from   date,
  created_at       timestamptz NOT NULL,
  created_by       bigint,
  created_by_name  text
);
COMMENT ON TABLE inspection_policy IS 'Numbers policy sets for random inspections (coverage target, default ratio, team size, periods); every edit is a new version, the highest is current';
COMMENT ON COLUMN inspection_policy.version IS 'Version number; 1 is the shipped default';
COMMENT ON COLUMN inspection_policy."values" IS 'InspectionPolicy (packages/domain inspection/policy.ts)';
COMMENT ON COLUMN inspection_policy.citations IS 'The source of each value: {key: {zh, en}}';
COMMENT ON COLUMN inspection_policy.note IS 'What the version changed and why';
COMMENT ON COLUMN inspection_policy.effective_from IS 'Day the version takes effect (informational)';
COMMENT ON COLUMN inspection_policy.created_at IS 'When the version was saved';
COMMENT ON COLUMN inspection_policy.created_by IS 'Administrator who saved it; null for the shipped defaults';
COMMENT ON COLUMN inspection_policy.created_by_name IS 'Username at the time';

CREATE TABLE checklist (
  id               bigserial PRIMARY KEY,
  kind             text NOT NULL,
  department_code  text NOT NULL REFERENCES department (code),
  version          integer NOT NULL CHECK (version >= 1),
  title            text NOT NULL,
  items            jsonb NOT NULL,
  note             text NOT NULL DEFAULT '',
  created_at       timestamptz NOT NULL,
  created_by       bigint,
  created_by_name  text,
  UNIQUE (kind, department_code, version)
);
COMMENT ON TABLE checklist IS '检查表 ("一表"): one department''s checklist for one establishment kind; every edit is a new version, the highest is current; campaigns freeze the versions they use';
COMMENT ON COLUMN checklist.kind IS 'Establishment kind the checklist is for';
COMMENT ON COLUMN checklist.department_code IS 'Department that checks these items';
COMMENT ON COLUMN checklist.version IS 'Version number of this (kind, department) checklist';
COMMENT ON COLUMN checklist.title IS 'Title shown on the form';
COMMENT ON COLUMN checklist.items IS '[{code, what, basis, severity: minor|major|critical}] in form order';
COMMENT ON COLUMN checklist.note IS 'What the version changed and why';
COMMENT ON COLUMN checklist.created_at IS 'When the version was saved';
COMMENT ON COLUMN checklist.created_by IS 'Administrator who saved it; null for the shipped defaults';
COMMENT ON COLUMN checklist.created_by_name IS 'Username at the time';

CREATE TABLE inspection_list (
  list             text NOT NULL CHECK (list IN ('items', 'responsibilities')),
  version          integer NOT NULL CHECK (version >= 1),
  entries          jsonb NOT NULL,
  note             text NOT NULL DEFAULT '',
  created_at       timestamptz NOT NULL,
  created_by       bigint,
  created_by_name  text,
  PRIMARY KEY (list, version)
);
COMMENT ON TABLE inspection_list IS '"两清单": the random-inspection item list (抽查事项清单) and the supervision-responsibility list (事中事后监管责任清单); every edit is a new version';
COMMENT ON COLUMN inspection_list.list IS 'items = 抽查事项清单; responsibilities = 监管责任清单';
COMMENT ON COLUMN inspection_list.version IS 'Version number; the highest is current';
COMMENT ON COLUMN inspection_list.entries IS 'items: [{code, nameZh, basisZh, objectKinds, departmentCode, method, ratio, frequency}]; responsibilities: [{code, departmentCode, matterZh, basisZh, objectKinds, measuresZh}]';
COMMENT ON COLUMN inspection_list.note IS 'What the version changed and why';
COMMENT ON COLUMN inspection_list.created_at IS 'When the version was saved';
COMMENT ON COLUMN inspection_list.created_by IS 'Administrator who saved it; null for the shipped defaults';
COMMENT ON COLUMN inspection_list.created_by_name IS 'Username at the time';

CREATE TABLE inspector (
  id                  bigserial PRIMARY KEY,
  certificate_no      text NOT NULL UNIQUE CHECK (certificate_no ~ '^[!-~]{1,100}$'),
  name                text NOT NULL,
  unit_id             bigint NOT NULL REFERENCES unit (id),
  department_code     text NOT NULL REFERENCES department (code),
  region_code         varchar(12) NOT NULL REFERENCES region (code),
  specialties         text[] NOT NULL DEFAULT '{}',
  available           boolean NOT NULL DEFAULT true,
  unavailable_reason  text,
  user_id             bigint UNIQUE REFERENCES app_user (id),
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  created_by          bigint,
  updated_by          bigint
);
COMMENT ON TABLE inspector IS '执法人员名录库: certified enforcement officers who can be drawn; department-owned records of their unit''s region';
COMMENT ON COLUMN inspector.certificate_no IS '执法证号 (printable ASCII); identifies the officer in draw records, which are public (行政执法公示)';
COMMENT ON COLUMN inspector.name IS 'Full name (published masked)';
COMMENT ON COLUMN inspector.unit_id IS 'Unit the officer works in';
COMMENT ON COLUMN inspector.department_code IS 'Department of the unit (copied for scope and the draw)';
COMMENT ON COLUMN inspector.region_code IS 'Region of the unit (copied); the officer''s jurisdiction is its scope prefix';
COMMENT ON COLUMN inspector.specialties IS 'Qualification codes (e.g. radiation, medical, public_place) a stratum may require';
COMMENT ON COLUMN inspector.available IS 'Can be drawn now (false: leave, training, secondment…)';
COMMENT ON COLUMN inspector.unavailable_reason IS 'Why not available';
COMMENT ON COLUMN inspector.user_id IS 'The officer''s staff account, when linked (tasks, own conflict declarations, moves)';
COMMENT ON COLUMN inspector.version IS 'Incremented on every change';
COMMENT ON COLUMN inspector.created_at IS 'When the officer was added';
COMMENT ON COLUMN inspector.updated_at IS 'When the record last changed';
COMMENT ON COLUMN inspector.created_by IS 'User who added the officer';
COMMENT ON COLUMN inspector.updated_by IS 'User who last changed the record';
CREATE INDEX inspector_region_idx ON inspector (region_code varchar_pattern_ops);
CREATE INDEX inspector_department_idx ON inspector (department_code);

CREATE TABLE inspector_conflict (
  id                bigserial PRIMARY KEY,
  inspector_id      bigint NOT NULL REFERENCES inspector (id),
  establishment_id  bigint NOT NULL REFERENCES establishment (id),
  reason            text NOT NULL CHECK (reason IN ('former_employer', 'relative', 'other')),
  note              text NOT NULL DEFAULT '',
  source            text NOT NULL CHECK (source IN ('declared', 'recorded')),
  created_at        timestamptz NOT NULL,
  created_by        bigint,
  created_by_name   text,
  ended_at          timestamptz,
  ended_by          bigint,
  end_reason        text
);
COMMENT ON TABLE inspector_conflict IS '回避: an officer must not inspect this establishment; recent inspections are added at the draw, not stored here';
COMMENT ON COLUMN inspector_conflict.inspector_id IS 'The officer';
COMMENT ON COLUMN inspector_conflict.establishment_id IS 'The establishment';
COMMENT ON COLUMN inspector_conflict.reason IS 'former_employer | relative | other';
COMMENT ON COLUMN inspector_conflict.note IS 'Details (who, which relative, until when)';
COMMENT ON COLUMN inspector_conflict.source IS 'declared by the officer, or recorded by a supervisor';
COMMENT ON COLUMN inspector_conflict.created_at IS 'When it was recorded';
COMMENT ON COLUMN inspector_conflict.created_by IS 'User who recorded it';
COMMENT ON COLUMN inspector_conflict.created_by_name IS 'Username at the time';
COMMENT ON COLUMN inspector_conflict.ended_at IS 'When the link was ended (kept for history); null = in force';
COMMENT ON COLUMN inspector_conflict.ended_by IS 'User who ended it';
COMMENT ON COLUMN inspector_conflict.end_reason IS 'Why it ended';
CREATE UNIQUE INDEX inspector_conflict_active_idx ON inspector_conflict (inspector_id, establishment_id) WHERE ended_at IS NULL;
CREATE INDEX inspector_conflict_establishment_idx ON inspector_conflict (establishment_id);

CREATE TABLE campaign (
  id                 bigserial PRIMARY KEY,
  campaign_no        text NOT NULL UNIQUE,
  title              text NOT NULL,
  description        text NOT NULL DEFAULT '',
  owner_unit_id      bigint NOT NULL REFERENCES unit (id),
  department_code    text NOT NULL REFERENCES department (code),
  region_code        varchar(12) NOT NULL REFERENCES region (code),
  departments        text[] NOT NULL,
  kinds              text[] NOT NULL,
  region_codes       text[] NOT NULL,
  item_codes         text[] NOT NULL,
  item_list_version  integer NOT NULL,
  period_start       date NOT NULL,
  period_end         date NOT NULL,
  sampling           jsonb NOT NULL,
  team_size          integer NOT NULL CHECK (team_size >= 2),
  workload_cap       integer CHECK (workload_cap >= 1),
  cross_region       boolean NOT NULL DEFAULT false,
  year_target        double precision NOT NULL CHECK (year_target >= 0 AND year_target <= 1),
  randomness_date    date NOT NULL,
  sources            jsonb NOT NULL,
  commitment         char(64),
  nonce_enc          text,
  status             text NOT NULL CHECK (status IN ('draft', 'approved', 'frozen', 'drawn', 'cancelled')),
  policy_version     integer NOT NULL,
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL,
  created_by         bigint,
  created_by_name    text,
  updated_at         timestamptz NOT NULL,
  approved_at        timestamptz,
  approved_by        bigint,
  approved_by_name   text,
  published_at       timestamptz,
  frozen_at          timestamptz,
  drawn_at           timestamptz,
  cancelled_at       timestamptz,
  cancel_reason      text,
  CHECK (period_end >= period_start)
);
COMMENT ON TABLE campaign IS '抽查计划: one planned round of random inspections of a department (or several: joint) in its region; department-owned, visible to every participating department';
COMMENT ON COLUMN campaign.campaign_no IS 'Public number: region-year-sequence, e.g. 370112-2026-0001 (also the draw record''s campaign)';
COMMENT ON COLUMN campaign.title IS 'Title of the plan';
COMMENT ON COLUMN campaign.description IS 'Purpose and notes of the plan';
COMMENT ON COLUMN campaign.owner_unit_id IS 'Unit that plans and draws';
COMMENT ON COLUMN campaign.department_code IS 'Department of the owner unit';
COMMENT ON COLUMN campaign.region_code IS 'Region of the owner unit (scope)';
COMMENT ON COLUMN campaign.departments IS 'Participating departments, ascending (several = joint campaign, one visit)';
COMMENT ON COLUMN campaign.kinds IS 'Establishment kinds in scope';
COMMENT ON COLUMN campaign.region_codes IS 'Regions in scope (each a subtree), inside the owner''s region';
COMMENT ON COLUMN campaign.item_codes IS 'Entries of the random-inspection item list the campaign checks';
COMMENT ON COLUMN campaign.item_list_version IS 'Version of the item list the codes refer to';
COMMENT ON COLUMN campaign.period_start IS 'First day of the inspection period';
COMMENT ON COLUMN campaign.period_end IS 'Last day; the draw record is published the day after';
COMMENT ON COLUMN campaign.sampling IS 'SamplingMatrix: defaultRatio, cells (kind × risk × credit), sectors (full coverage), qualifications';
COMMENT ON COLUMN campaign.team_size IS 'Inspectors per target (at least 2)';
COMMENT ON COLUMN campaign.workload_cap IS 'Most targets per inspector in this campaign; null = no cap';
COMMENT ON COLUMN campaign.cross_region IS 'Teams drawn across the regions of the roster (异地交叉检查) instead of within each officer''s jurisdiction';
COMMENT ON COLUMN campaign.year_target IS 'Year coverage target shown with the plan (policy default 0.2)';
COMMENT ON COLUMN campaign.randomness_date IS 'Day D on which the named public randomness becomes known; the pool closes before it';
COMMENT ON COLUMN campaign.sources IS 'Named public randomness sources [{id, description}], in announced order';
COMMENT ON COLUMN campaign.commitment IS 'C = SHA-256("weijian-draw/1:commit" ‖ 0x00 ‖ nonce), published at approval';
COMMENT ON COLUMN campaign.nonce_enc IS 'The nonce, AES-256-GCM encrypted, when the platform generated it; null when it is held in escrow outside';
COMMENT ON COLUMN campaign.status IS 'draft | approved | frozen | drawn | cancelled (packages/domain inspection/campaign-states.ts)';
COMMENT ON COLUMN campaign.policy_version IS 'inspection_policy version the plan was made under';
COMMENT ON COLUMN campaign.version IS 'Incremented on every edit (optimistic concurrency)';
COMMENT ON COLUMN campaign.created_at IS 'When the plan was created';
COMMENT ON COLUMN campaign.created_by IS 'Planner';
COMMENT ON COLUMN campaign.created_by_name IS 'Planner''s username';
COMMENT ON COLUMN campaign.updated_at IS 'Last change';
COMMENT ON COLUMN campaign.approved_at IS 'When it was approved (and the plan published)';
COMMENT ON COLUMN campaign.approved_by IS 'Approver (never the planner)';
COMMENT ON COLUMN campaign.approved_by_name IS 'Approver''s username';
COMMENT ON COLUMN campaign.published_at IS 'When the plan became public on the portal';
COMMENT ON COLUMN campaign.frozen_at IS 'When the pool, roster and exclusions were frozen and hashed';
COMMENT ON COLUMN campaign.drawn_at IS 'When the draw ran';
COMMENT ON COLUMN campaign.cancelled_at IS 'When it was cancelled';
COMMENT ON COLUMN campaign.cancel_reason IS 'Why';
CREATE INDEX campaign_region_idx ON campaign (region_code varchar_pattern_ops);

CREATE TABLE campaign_draw (
  campaign_id      bigint PRIMARY KEY REFERENCES campaign (id),
  snapshot_gz      bytea NOT NULL,
  pool_hash        char(64) NOT NULL,
  roster_hash      char(64) NOT NULL,
  exclusions_hash  char(64) NOT NULL,
  params_hash      char(64) NOT NULL,
  strata           jsonb NOT NULL,
  frozen_at        timestamptz NOT NULL,
  sources_hash     char(64),
  seed             char(64),
  draw_hash        char(64),
  record_gz        bytea,
  record_sha256    char(64),
  drawn_at         timestamptz
);
COMMENT ON TABLE campaign_draw IS 'A campaign''s frozen draw inputs and its draw record (docs/draw-algorithm.md)';
COMMENT ON COLUMN campaign_draw.campaign_id IS 'The campaign (one draw each: a draw happens once)';
COMMENT ON COLUMN campaign_draw.snapshot_gz IS 'gzip of the JSON snapshot: params, pool, roster, exclusions (as in the record) plus the establishment and inspector ids behind the codes';
COMMENT ON COLUMN campaign_draw.pool_hash IS 'hashes.pool of the record, published when the pool closed';
COMMENT ON COLUMN campaign_draw.roster_hash IS 'hashes.roster, published when the pool closed';
COMMENT ON COLUMN campaign_draw.exclusions_hash IS 'hashes.exclusions, published when the pool closed';
COMMENT ON COLUMN campaign_draw.params_hash IS 'hashes.params, published when the pool closed';
COMMENT ON COLUMN campaign_draw.strata IS 'Expected strata [{id, ratio, population, sample}] from the frozen pool';
COMMENT ON COLUMN campaign_draw.frozen_at IS 'When the pool closed';
COMMENT ON COLUMN campaign_draw.sources_hash IS 'hashes.sources, once the values were entered at the draw';
COMMENT ON COLUMN campaign_draw.seed IS 'The seed of the draw';
COMMENT ON COLUMN campaign_draw.draw_hash IS 'drawHash, published at the draw';
COMMENT ON COLUMN campaign_draw.record_gz IS 'gzip of the record in canonical JSON (RFC 8785), replacements included';
COMMENT ON COLUMN campaign_draw.record_sha256 IS 'SHA-256 of the canonical record bytes (the downloadable file)';
COMMENT ON COLUMN campaign_draw.drawn_at IS 'When the draw ran';

CREATE TABLE campaign_checklist (
  campaign_id  bigint NOT NULL REFERENCES campaign (id),
  kind         text NOT NULL,
  items        jsonb NOT NULL,
  checklists   jsonb NOT NULL,
  PRIMARY KEY (campaign_id, kind)
);
COMMENT ON TABLE campaign_checklist IS 'The merged checklist of a campaign for one establishment kind (every participating department''s items, one visit), frozen at the draw';
COMMENT ON COLUMN campaign_checklist.campaign_id IS 'The campaign';
COMMENT ON COLUMN campaign_checklist.kind IS 'Establishment kind';
COMMENT ON COLUMN campaign_checklist.items IS '[{code, what, basis, severity, departments}] in form order';
COMMENT ON COLUMN campaign_checklist.checklists IS 'Checklist versions merged: [{id, departmentCode, version}]';

CREATE TABLE inspection (
  id                   bigserial PRIMARY KEY,
  campaign_id          bigint NOT NULL REFERENCES campaign (id),
  establishment_id     bigint NOT NULL REFERENCES establishment (id),
  establishment_code   text NOT NULL,
  establishment_kind   text NOT NULL,
  region_code          varchar(12) NOT NULL,
  departments          text[] NOT NULL,
  task_kind            text NOT NULL CHECK (task_kind IN ('random', 'reinspection')),
  parent_id            bigint REFERENCES inspection (id),
  stratum              text,
  draw_key             char(64),
  replacement_seq      integer,
  understaffed         boolean NOT NULL DEFAULT false,
  status               text NOT NULL CHECK (status IN ('assigned', 'completed', 'replaced')),
  due_on               date NOT NULL,
  inspected_at         timestamptz,
  inspected_on         date,
  outcome              text CHECK (outcome IN ('compliant', 'non_compliant')),
  notes                text,
  recorded_at          timestamptz,
  recorded_by          bigint,
  recorded_by_name     text,
  publication_due      date,
  published_at         timestamptz,
  published_by         bigint,
  publication          jsonb,
  replaced_reason      text,
  replaced_on          date,
  replaced_note        text,
  created_at           timestamptz NOT NULL,
  CHECK (task_kind = 'random' OR parent_id IS NOT NULL)
);
COMMENT ON TABLE inspection IS '检查: one visit to one establishment by its team (every participating department at once); a drawn target or a re-inspection (回头看)';
COMMENT ON COLUMN inspection.campaign_id IS 'The campaign';
COMMENT ON COLUMN inspection.establishment_id IS 'The establishment';
COMMENT ON COLUMN inspection.establishment_code IS 'Its code in the draw record (统一社会信用代码 or public code)';
COMMENT ON COLUMN inspection.establishment_kind IS 'Its kind when drawn (selects the merged checklist)';
COMMENT ON COLUMN inspection.region_code IS 'Its region when drawn (scope)';
COMMENT ON COLUMN inspection.departments IS 'The campaign''s departments (scope: each may see and record)';
COMMENT ON COLUMN inspection.task_kind IS 'random = drawn target; reinspection = 回头看 after a rectification order';
COMMENT ON COLUMN inspection.parent_id IS 'For a re-inspection: the inspection whose findings it checks';
COMMENT ON COLUMN inspection.stratum IS 'Stratum of the draw';
COMMENT ON COLUMN inspection.draw_key IS 'The target''s key in the draw (order of assignment)';
COMMENT ON COLUMN inspection.replacement_seq IS 'Set when the target replaced another: the seq of the replacement log entry';
COMMENT ON COLUMN inspection.understaffed IS 'The draw could not give it a full team';
COMMENT ON COLUMN inspection.status IS 'assigned | completed | replaced (found closed: the next key of the stratum replaced it)';
COMMENT ON COLUMN inspection.due_on IS 'Due date: the campaign''s last day, or the re-inspection due date';
COMMENT ON COLUMN inspection.inspected_at IS 'When the visit took place (as recorded on the form)';
COMMENT ON COLUMN inspection.inspected_on IS 'Day of the visit in China time (deadlines count from it)';
COMMENT ON COLUMN inspection.outcome IS 'compliant | non_compliant';
COMMENT ON COLUMN inspection.notes IS 'General notes of the visit (not published)';
COMMENT ON COLUMN inspection.recorded_at IS 'When the form was submitted';
COMMENT ON COLUMN inspection.recorded_by IS 'User who submitted it';
COMMENT ON COLUMN inspection.recorded_by_name IS 'Username at the time';
COMMENT ON COLUMN inspection.publication_due IS 'Last day to publish the result (20 working days after the visit by default)';
COMMENT ON COLUMN inspection.published_at IS 'When the result was published (一公开)';
COMMENT ON COLUMN inspection.published_by IS 'User who published it';
COMMENT ON COLUMN inspection.publication IS 'The published text, personal data masked, frozen at publication';
COMMENT ON COLUMN inspection.replaced_reason IS 'closed | deregistered | unreachable | other';
COMMENT ON COLUMN inspection.replaced_on IS 'Day the target was found closed or unreachable';
COMMENT ON COLUMN inspection.replaced_note IS 'Details of the replacement';
COMMENT ON COLUMN inspection.created_at IS 'When the task was created';
CREATE INDEX inspection_campaign_idx ON inspection (campaign_id);
CREATE INDEX inspection_establishment_idx ON inspection (establishment_id);
CREATE INDEX inspection_region_idx ON inspection (region_code varchar_pattern_ops);
CREATE INDEX inspection_open_idx ON inspection (due_on) WHERE status = 'assigned';

CREATE TABLE inspection_team (
  inspection_id  bigint NOT NULL REFERENCES inspection (id),
  inspector_id   bigint NOT NULL REFERENCES inspector (id),
  position       integer NOT NULL,
  PRIMARY KEY (inspection_id, inspector_id)
);
COMMENT ON TABLE inspection_team IS 'The team drawn (or, for a re-inspection, carried over) for an inspection';
COMMENT ON COLUMN inspection_team.inspection_id IS 'The inspection';
COMMENT ON COLUMN inspection_team.inspector_id IS 'An officer of its team';
COMMENT ON COLUMN inspection_team.position IS 'Order in which the draw picked the officer';
CREATE INDEX inspection_team_inspector_idx ON inspection_team (inspector_id);

CREATE TABLE inspection_officer (
  inspection_id  bigint NOT NULL REFERENCES inspection (id),
  inspector_id   bigint NOT NULL REFERENCES inspector (id),
  PRIMARY KEY (inspection_id, inspector_id)
);
COMMENT ON TABLE inspection_officer IS 'Officers present at the visit, as recorded on the form (at least two)';
COMMENT ON COLUMN inspection_officer.inspection_id IS 'The inspection';
COMMENT ON COLUMN inspection_officer.inspector_id IS 'An officer present';

CREATE TABLE inspection_photo (
  id              bigserial PRIMARY KEY,
  inspection_id   bigint NOT NULL REFERENCES inspection (id),
  sha256          char(64) NOT NULL,
  media_type      text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
  size_bytes      integer NOT NULL,
  uploaded_at     timestamptz NOT NULL,
  uploaded_by     bigint
);
COMMENT ON TABLE inspection_photo IS 'Photos taken at a visit; the bytes live under WEIJIAN_DATA_DIR/files, named by their SHA-256';
COMMENT ON COLUMN inspection_photo.inspection_id IS 'The inspection the photo belongs to';
COMMENT ON COLUMN inspection_photo.sha256 IS 'SHA-256 of the file (its name on disk; proves it unchanged)';
COMMENT ON COLUMN inspection_photo.media_type IS 'Type recognised from the file''s first bytes (JPEG or PNG)';
COMMENT ON COLUMN inspection_photo.size_bytes IS 'Size of the file';
COMMENT ON COLUMN inspection_photo.uploaded_at IS 'When it was uploaded';
COMMENT ON COLUMN inspection_photo.uploaded_by IS 'User who uploaded it';
CREATE INDEX inspection_photo_inspection_idx ON inspection_photo (inspection_id);

CREATE TABLE inspection_item_result (
  inspection_id    bigint NOT NULL REFERENCES inspection (id),
  item_code        text NOT NULL,
  position         integer NOT NULL,
  result           text NOT NULL CHECK (result IN ('compliant', 'non_compliant', 'not_applicable')),
  note             text NOT NULL DEFAULT '',
  photo_ids        bigint[] NOT NULL DEFAULT '{}',
  disposition      text CHECK (disposition IN ('rectification', 'lead', 'rectification_and_lead')),
  PRIMARY KEY (inspection_id, item_code),
  CHECK ((result = 'non_compliant') = (disposition IS NOT NULL))
);
COMMENT ON TABLE inspection_item_result IS 'The result of one checklist item at a visit';
COMMENT ON COLUMN inspection_item_result.inspection_id IS 'The inspection';
COMMENT ON COLUMN inspection_item_result.item_code IS 'Item of the merged checklist';
COMMENT ON COLUMN inspection_item_result.position IS 'Order on the form';
COMMENT ON COLUMN inspection_item_result.result IS 'compliant 符合 | non_compliant 不符合 | not_applicable 不适用';
COMMENT ON COLUMN inspection_item_result.note IS 'What was found';
COMMENT ON COLUMN inspection_item_result.photo_ids IS 'Photos of this item (inspection_photo ids)';
COMMENT ON COLUMN inspection_item_result.disposition IS 'For 不符合: rectification order, lead to enforcement, or both';

CREATE TABLE rectification (
  id                bigserial PRIMARY KEY,
  inspection_id     bigint NOT NULL UNIQUE REFERENCES inspection (id),
  establishment_id  bigint NOT NULL REFERENCES establishment (id),
  item_codes        text[] NOT NULL,
  ordered_on        date NOT NULL,
  working_days      integer NOT NULL CHECK (working_days BETWEEN 1 AND 60),
  deadline          date NOT NULL,
  reinspection_id   bigint REFERENCES inspection (id),
  status            text NOT NULL CHECK (status IN ('open', 'rectified', 'not_rectified')),
  closed_at         timestamptz
);
COMMENT ON TABLE rectification IS '责令整改: an order to correct the non-compliant items by a deadline in working days, checked by a re-inspection';
COMMENT ON COLUMN rectification.inspection_id IS 'The inspection that found the items';
COMMENT ON COLUMN rectification.establishment_id IS 'The establishment ordered to rectify';
COMMENT ON COLUMN rectification.item_codes IS 'The items to rectify';
COMMENT ON COLUMN rectification.ordered_on IS 'Day of the order (the visit)';
COMMENT ON COLUMN rectification.working_days IS 'Period in working days';
COMMENT ON COLUMN rectification.deadline IS 'Last day to rectify (legal working-day calendar)';
COMMENT ON COLUMN rectification.reinspection_id IS 'The re-inspection task (回头看)';
COMMENT ON COLUMN rectification.status IS 'open | rectified | not_rectified (set by the re-inspection)';
COMMENT ON COLUMN rectification.closed_at IS 'When the re-inspection closed it';

CREATE TABLE inspection_lead (
  id                bigserial PRIMARY KEY,
  inspection_id     bigint NOT NULL REFERENCES inspection (id),
  establishment_id  bigint NOT NULL REFERENCES establishment (id),
  region_code       varchar(12) NOT NULL,
  departments       text[] NOT NULL,
  item_codes        text[] NOT NULL,
  summary           text NOT NULL,
  status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'taken')),
  created_at        timestamptz NOT NULL,
  created_by        bigint
);
COMMENT ON TABLE inspection_lead IS '线索: a finding passed to enforcement (the enforcement module reacts to inspection.lead.raised)';
COMMENT ON COLUMN inspection_lead.inspection_id IS 'Inspection that found it';
COMMENT ON COLUMN inspection_lead.establishment_id IS 'The establishment';
COMMENT ON COLUMN inspection_lead.region_code IS 'Its region (scope)';
COMMENT ON COLUMN inspection_lead.departments IS 'Departments of the inspection (scope)';
COMMENT ON COLUMN inspection_lead.item_codes IS 'The non-compliant items behind it';
COMMENT ON COLUMN inspection_lead.summary IS 'What was found, for the case officer';
COMMENT ON COLUMN inspection_lead.status IS 'open | taken (by the enforcement module)';
COMMENT ON COLUMN inspection_lead.created_at IS 'When it was raised';
COMMENT ON COLUMN inspection_lead.created_by IS 'User who raised it';

-- Installations whose built-in roles already exist get the inspection permissions here; a new
-- installation gets them from BUILTIN_ROLES (permissions.ts) when the roles are created.
INSERT INTO role_permission (role_code, permission)
SELECT r.code, p.permission
FROM role r
JOIN (VALUES
  ('admin', 'inspection.read'), ('admin', 'inspection.checklist.manage'), ('admin', 'inspection.roster.manage'),
  ('admin', 'inspection.conflict.declare'), ('admin', 'inspection.campaign.manage'), ('admin', 'inspection.campaign.approve'),
  ('admin', 'inspection.inspection.record'), ('admin', 'inspection.result.publish'),
  ('inspector', 'inspection.read'), ('inspector', 'inspection.conflict.declare'), ('inspector', 'inspection.inspection.record'),
  ('leader', 'inspection.read'), ('leader', 'inspection.roster.manage'), ('leader', 'inspection.campaign.manage'),
  ('leader', 'inspection.campaign.approve'), ('leader', 'inspection.result.publish'),
  ('legal_reviewer', 'inspection.read'),
  ('viewer', 'inspection.read')
) AS p (role_code, permission) ON p.role_code = r.code
WHERE r.builtin
ON CONFLICT DO NOTHING;
