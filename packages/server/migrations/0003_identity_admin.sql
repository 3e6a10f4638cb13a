-- Identity administration: indexes for the audit trail's filters and the API keys of an
-- establishment, and the audit trail's privileges.

-- The audit trail is append-only (issue 3; 等保 2.0 8.1.4.3 安全审计 c "应对审计记录进行保护").
-- Two locks guard it:
--   1. the triggers of migration 0001 raise on UPDATE, DELETE and TRUNCATE, even for the owner;
--   2. no role but the owner holds UPDATE, DELETE or TRUNCATE on the table. PUBLIC never had them;
--      the REVOKE below states it, so a later GRANT ... TO PUBLIC cannot slip through unnoticed.
-- In production the application should connect as a role that does NOT own the tables (the owner
-- can disable triggers), granted only what it needs on audit_event:
--   CREATE ROLE weijian_app LOGIN PASSWORD '…';
--   GRANT SELECT, INSERT ON audit_event TO weijian_app;
--   GRANT USAGE ON SEQUENCE audit_event_id_seq TO weijian_app;
-- and run migrations as the owner. Then only a superuser can alter a row, and `weijian audit verify`
-- names the first row such a change breaks.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM PUBLIC;

-- Filters of GET /audit-events: by actor, by the actor's unit (scope), by entity and by time.
CREATE INDEX audit_event_actor_user_idx ON audit_event (actor_user_id);
CREATE INDEX audit_event_actor_unit_idx ON audit_event (actor_unit_id);
CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id);
CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at);

-- An institution user lists the keys of their establishment.
CREATE INDEX api_key_establishment_idx ON api_key (establishment_id);

-- User list filters: by role.
CREATE INDEX user_role_role_idx ON user_role (role_code);
