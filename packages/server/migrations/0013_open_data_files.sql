-- Open data as daily files (issue 9, item 7): each day the job disclosure.open-data writes every
-- public data set, for the whole deployment and for each county, as CSV (UTF-8 with BOM) and JSON
-- into the content-addressed file store (files/file-store.ts), through the one disclosure gate.
-- This manifest says which stored file is the current one. It is derived data, owned and written
-- by the disclosure module only, and regenerated when its source changes during the day (a
-- withdrawn penalty leaves the files the same day).

CREATE TABLE open_data_file (
  id              bigserial PRIMARY KEY,
  day             date NOT NULL,
  dataset         text NOT NULL,
  region_code     varchar(12) NOT NULL,
  format          text NOT NULL CHECK (format IN ('csv', 'json')),
  records         integer NOT NULL CHECK (records >= 0),
  sha256          char(64) NOT NULL,
  bytes           bigint NOT NULL CHECK (bytes >= 0),
  source_version  text NOT NULL,
  generated_at    timestamptz NOT NULL,
  current         boolean NOT NULL DEFAULT true
);
CREATE UNIQUE INDEX open_data_file_current_idx ON open_data_file (day, dataset, region_code, format) WHERE current;
CREATE INDEX open_data_file_sha_idx ON open_data_file (sha256);
COMMENT ON TABLE open_data_file IS 'Manifest of the open data files: one row per day, data set, region and format, pointing at the stored bytes (files/file-store.ts)';
COMMENT ON COLUMN open_data_file.id IS 'Row id';
COMMENT ON COLUMN open_data_file.day IS 'The legal day (China) the disclosure periods were applied for';
COMMENT ON COLUMN open_data_file.dataset IS 'Data set id (packages/domain disclosure DATASET_IDS)';
COMMENT ON COLUMN open_data_file.region_code IS 'County code (6 digits) of the records, or ''all'' for the whole deployment';
COMMENT ON COLUMN open_data_file.format IS 'csv (UTF-8 with BOM) | json (with the data dictionary)';
COMMENT ON COLUMN open_data_file.records IS 'Number of records in the file';
COMMENT ON COLUMN open_data_file.sha256 IS 'SHA-256 of the bytes (hex): the file store key and the HTTP ETag';
COMMENT ON COLUMN open_data_file.bytes IS 'Size in bytes';
COMMENT ON COLUMN open_data_file.source_version IS 'Fingerprint of the source records when generated; a different fingerprint means the file is out of date';
COMMENT ON COLUMN open_data_file.generated_at IS 'When the file was written (HTTP Last-Modified)';
COMMENT ON COLUMN open_data_file.current IS 'False once the day''s data set was written again (its source changed); the job removes such rows and their bytes';

-- The establishment page (one statement, disclosure/page-bundle.ts) probes the commitment's latest
-- verification task per application; without this index that probe scans licensing_task.
CREATE INDEX licensing_task_application_idx ON licensing_task (application_id, id DESC);
