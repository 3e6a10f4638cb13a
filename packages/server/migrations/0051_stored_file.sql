-- Operations (issue 11). Uploaded files (licensing materials, inspection photos, enforcement
-- evidence) live in the database when it is PostgreSQL, so any application process can serve any
-- request without a shared mount. Content-addressed: a file with the same bytes is stored once.
-- On the embedded database (PGlite) the files stay under WEIJIAN_DATA_DIR/files and this table
-- stays empty (the backup copies that directory).

CREATE TABLE stored_file (
  sha256      text PRIMARY KEY,
  bytes       bytea NOT NULL,
  size        integer NOT NULL,
  created_at  timestamptz NOT NULL
);
COMMENT ON TABLE stored_file IS 'Uploaded files by content (PostgreSQL deployments); referenced by sha256 from licensing_material, inspection_photo and enforcement_evidence';
COMMENT ON COLUMN stored_file.sha256 IS 'SHA-256 of the bytes, lower-case hex (the same hash shown to users and in the enforcement record chain)';
COMMENT ON COLUMN stored_file.bytes IS 'The file''s content';
COMMENT ON COLUMN stored_file.size IS 'Length of the content in bytes';
COMMENT ON COLUMN stored_file.created_at IS 'When these bytes were first stored';
