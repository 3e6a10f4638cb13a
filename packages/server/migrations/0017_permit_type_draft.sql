-- Drafts of the next version of a permit type (issue 5, catalogue editor): kept on the server so
-- every administrator in scope sees the work in progress, one draft per type; never public.
CREATE TABLE permit_type_draft (
  code          text PRIMARY KEY,
  base_version  integer NOT NULL CHECK (base_version >= 1),
  draft         jsonb NOT NULL,
  saved_by      bigint NOT NULL REFERENCES app_user (id),
  saved_at      timestamptz NOT NULL
);
COMMENT ON TABLE permit_type_draft IS 'The draft of the next version of a permit type, as the catalogue editor left it (not published, never public); removed on publishing or discarding';
COMMENT ON COLUMN permit_type_draft.code IS 'The permit type''s code (permit_type_version.code)';
COMMENT ON COLUMN permit_type_draft.base_version IS 'The version the draft was started from; a newer published version makes the draft stale';
COMMENT ON COLUMN permit_type_draft.draft IS 'The editor''s values (the form''s own shape, checked only when previewed or published)';
COMMENT ON COLUMN permit_type_draft.saved_by IS 'Who saved the draft last';
COMMENT ON COLUMN permit_type_draft.saved_at IS 'When the draft was saved last';
