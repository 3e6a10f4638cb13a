-- Oversight in the field (issue 10, item 3 and seed 002): photos of patrols, the pilot summary
-- report (试点工作总结, 济历城卫健发〔2022〕20号 四(三)), and the two read-only views it needs.

-- Photos taken on a patrol. Uploaded one by one from the phone before the record is saved (the bytes
-- go to the shared file store by SHA-256); the record then claims them. A photo not yet claimed
-- belongs to its uploader only.
CREATE TABLE oversight_patrol_photo (
  id               bigserial PRIMARY KEY,
  sha256           char(64) NOT NULL,
  media_type       text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
  size_bytes       integer NOT NULL CHECK (size_bytes > 0),
  patrol_id        bigint REFERENCES oversight_patrol (id),
  region_code      varchar(12) NOT NULL,
  department_code  text NOT NULL REFERENCES department (code),
  uploaded_by      bigint NOT NULL REFERENCES app_user (id),
  uploaded_at      timestamptz NOT NULL
);
CREATE INDEX oversight_patrol_photo_patrol_idx ON oversight_patrol_photo (patrol_id);
CREATE INDEX oversight_patrol_photo_sha_idx ON oversight_patrol_photo (sha256);
COMMENT ON TABLE oversight_patrol_photo IS 'A photo taken on a patrol (JPEG or PNG by its first bytes); the bytes live in the file store';
COMMENT ON COLUMN oversight_patrol_photo.sha256 IS 'SHA-256 of the bytes (the file store key; listed in oversight_patrol.photos)';
COMMENT ON COLUMN oversight_patrol_photo.media_type IS 'image/jpeg | image/png, from the first bytes';
COMMENT ON COLUMN oversight_patrol_photo.size_bytes IS 'Size in bytes';
COMMENT ON COLUMN oversight_patrol_photo.patrol_id IS 'The patrol record it belongs to; null until the record is saved';
COMMENT ON COLUMN oversight_patrol_photo.region_code IS 'Region of the uploader''s unit (scope)';
COMMENT ON COLUMN oversight_patrol_photo.department_code IS 'Department of the uploader''s unit (scope)';
COMMENT ON COLUMN oversight_patrol_photo.uploaded_by IS 'Staff user who took it';
COMMENT ON COLUMN oversight_patrol_photo.uploaded_at IS 'When uploaded';

ALTER TABLE oversight_report_run DROP CONSTRAINT oversight_report_run_kind_check;
ALTER TABLE oversight_report_run ADD CONSTRAINT oversight_report_run_kind_check
  CHECK (kind IN ('reform_evaluation', 'inspection_year', 'monthly_supervision', 'pilot_summary'));
COMMENT ON COLUMN oversight_report_run.kind IS 'reform_evaluation | inspection_year | monthly_supervision | pilot_summary';

-- The registry's flags (seed 002: key sectors inspected in full, differentiated coverage), added
-- at the end of the view so every existing reader keeps its columns.
CREATE OR REPLACE VIEW oversight_establishment AS
  SELECT e.id, e.name, e.kind, e.region_code, e.status,
         p.credit_level, p.risk_level, e.flags
    FROM establishment e
    LEFT JOIN credit_profile p ON p.subject_type = 'establishment' AND p.subject_id = e.id;
COMMENT ON COLUMN oversight_establishment.flags IS 'The registry''s supervision flags (medical_beauty, tcm_filed_clinic, dental, individual_clinic, village_clinic, remote_monitoring)';

CREATE VIEW oversight_inspection_visit AS
  SELECT i.id, i.establishment_id, i.region_code, i.departments, i.task_kind,
         i.inspected_on, i.outcome, i.publication_due, i.published_at::date AS published_on
    FROM inspection i
   WHERE i.status = 'completed';
COMMENT ON VIEW oversight_inspection_visit IS 'Read-only: every completed inspection visit (random or re-inspection) as the inspection module recorded it';
COMMENT ON COLUMN oversight_inspection_visit.id IS 'Inspection id';
COMMENT ON COLUMN oversight_inspection_visit.establishment_id IS 'Establishment visited';
COMMENT ON COLUMN oversight_inspection_visit.region_code IS 'Its region when drawn (scope)';
COMMENT ON COLUMN oversight_inspection_visit.departments IS 'Departments of the visit (more than one: a joint visit, 进一次门、查多件事)';
COMMENT ON COLUMN oversight_inspection_visit.task_kind IS 'random | reinspection';
COMMENT ON COLUMN oversight_inspection_visit.inspected_on IS 'Day of the visit';
COMMENT ON COLUMN oversight_inspection_visit.outcome IS 'compliant | non_compliant';
COMMENT ON COLUMN oversight_inspection_visit.publication_due IS 'Last day to publish the result';
COMMENT ON COLUMN oversight_inspection_visit.published_on IS 'Day the result was published; null while not';
