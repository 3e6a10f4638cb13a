-- Identity and access: departments, their units at each region, users, roles and permissions,
-- sessions, sign-in attempts (for lock-out) and API keys for institutions' systems.

CREATE TABLE department (
  code        text PRIMARY KEY,
  name_zh     text NOT NULL,
  name_en     text NOT NULL,
  sort_order  smallint NOT NULL DEFAULT 0
);
COMMENT ON TABLE department IS '部门: the seven departments of seed 002 annex 3 (卫生健康, 卫生监督所, 公安, 行政审批, 市场监管, 生态环境, 医疗保障)';
COMMENT ON COLUMN department.code IS 'Stable code used in permissions and the responsibility map, e.g. health, supervision, police';
COMMENT ON COLUMN department.name_zh IS 'Chinese name';
COMMENT ON COLUMN department.name_en IS 'English name';
COMMENT ON COLUMN department.sort_order IS 'Display order';

CREATE TABLE unit (
  id               bigserial PRIMARY KEY,
  department_code  text NOT NULL REFERENCES department (code),
  region_code      varchar(12) NOT NULL REFERENCES region (code),
  name             text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (department_code, region_code, name)
);
COMMENT ON TABLE unit IS '单位: one department''s office at one region (e.g. 历城区卫生健康局); staff belong to one unit';
COMMENT ON COLUMN unit.department_code IS 'Department the unit belongs to';
COMMENT ON COLUMN unit.region_code IS 'Region the unit is responsible for; its staff see this region''s subtree';
COMMENT ON COLUMN unit.name IS 'Official name of the unit';
CREATE INDEX unit_region_idx ON unit (region_code);

CREATE TABLE role (
  code         text PRIMARY KEY,
  name_zh      text NOT NULL,
  name_en      text NOT NULL,
  description  text NOT NULL DEFAULT '',
  builtin      boolean NOT NULL DEFAULT false,
  for_kind     text NOT NULL DEFAULT 'staff' CHECK (for_kind IN ('staff', 'institution'))
);
COMMENT ON TABLE role IS '角色: a named set of permissions an administrator can adjust';
COMMENT ON COLUMN role.code IS 'Stable code, e.g. admin, approver, inspector';
COMMENT ON COLUMN role.builtin IS 'Shipped with Weijian (can be edited, not deleted)';
COMMENT ON COLUMN role.for_kind IS 'Whether staff or institution users may hold it';

CREATE TABLE role_permission (
  role_code   text NOT NULL REFERENCES role (code) ON DELETE CASCADE,
  permission  text NOT NULL,
  PRIMARY KEY (role_code, permission)
);
COMMENT ON TABLE role_permission IS 'Permissions (named actions declared in code) granted by a role';

CREATE TABLE app_user (
  id                    bigserial PRIMARY KEY,
  kind                  text NOT NULL CHECK (kind IN ('staff', 'institution')),
  username              text NOT NULL,
  display_name          text NOT NULL,
  unit_id               bigint REFERENCES unit (id),
  establishment_id      bigint,
  password_hash         text NOT NULL,
  password_changed_at   timestamptz NOT NULL DEFAULT now(),
  must_change_password  boolean NOT NULL DEFAULT false,
  status                text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  totp_secret_enc       text,
  totp_enabled          boolean NOT NULL DEFAULT false,
  totp_last_step        bigint,
  failed_sign_ins       integer NOT NULL DEFAULT 0,
  locked_until          timestamptz,
  phone_enc             text,
  phone_hash            char(64),
  id_number_enc         text,
  id_number_hash        char(64),
  created_at            timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'staff' AND unit_id IS NOT NULL) OR (kind = 'institution' AND unit_id IS NULL))
);
COMMENT ON TABLE app_user IS 'Users: staff (belong to one unit) and institution users (bound to one establishment)';
COMMENT ON COLUMN app_user.kind IS 'staff | institution';
COMMENT ON COLUMN app_user.username IS 'Sign-in name, unique case-insensitively';
COMMENT ON COLUMN app_user.display_name IS 'Name shown in the UI';
COMMENT ON COLUMN app_user.unit_id IS 'Staff user''s unit (department at a region)';
COMMENT ON COLUMN app_user.establishment_id IS 'Institution user''s establishment (registry module)';
COMMENT ON COLUMN app_user.password_hash IS 'argon2id hash (PHC string)';
COMMENT ON COLUMN app_user.must_change_password IS 'Set after an administrator reset; the user must choose a new one';
COMMENT ON COLUMN app_user.totp_secret_enc IS 'TOTP (RFC 6238) secret, AES-256-GCM encrypted';
COMMENT ON COLUMN app_user.totp_enabled IS 'Second factor confirmed and required at sign-in';
COMMENT ON COLUMN app_user.totp_last_step IS 'Last accepted TOTP time step, so a code cannot be replayed';
COMMENT ON COLUMN app_user.failed_sign_ins IS 'Consecutive failed sign-ins (reset on success)';
COMMENT ON COLUMN app_user.locked_until IS 'Sign-in refused until this instant after repeated failures';
COMMENT ON COLUMN app_user.phone_enc IS 'Phone number, AES-256-GCM encrypted';
COMMENT ON COLUMN app_user.phone_hash IS 'HMAC-SHA256 of the normalised phone number, for exact lookup';
COMMENT ON COLUMN app_user.id_number_enc IS 'Resident ID number, AES-256-GCM encrypted';
COMMENT ON COLUMN app_user.id_number_hash IS 'HMAC-SHA256 of the ID number, for exact lookup';
CREATE UNIQUE INDEX app_user_username_idx ON app_user (lower(username));
CREATE INDEX app_user_unit_idx ON app_user (unit_id);

CREATE TABLE user_role (
  user_id    bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role_code  text NOT NULL REFERENCES role (code),
  PRIMARY KEY (user_id, role_code)
);
COMMENT ON TABLE user_role IS 'Roles held by a user';

CREATE TABLE user_session (
  id                      char(64) PRIMARY KEY,
  user_id                 bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  csrf_token              char(64) NOT NULL,
  created_at              timestamptz NOT NULL,
  last_seen_at            timestamptz NOT NULL,
  expires_at              timestamptz NOT NULL,
  ip                      text,
  user_agent              text,
  revoked_at              timestamptz
);
COMMENT ON TABLE user_session IS 'Sign-in sessions, kept in the database so any server process can serve any request';
COMMENT ON COLUMN user_session.id IS 'SHA-256 of the session token held in the cookie (the token itself is never stored)';
COMMENT ON COLUMN user_session.csrf_token IS 'Token the client echoes in x-csrf-token on state-changing requests';
COMMENT ON COLUMN user_session.last_seen_at IS 'For the idle expiry';
COMMENT ON COLUMN user_session.expires_at IS 'Absolute expiry';
COMMENT ON COLUMN user_session.revoked_at IS 'Signed out (or signed out everywhere)';
CREATE INDEX user_session_user_idx ON user_session (user_id);

CREATE TABLE sign_in_attempt (
  id          bigserial PRIMARY KEY,
  username    text NOT NULL,
  ip          text NOT NULL,
  at          timestamptz NOT NULL,
  succeeded   boolean NOT NULL
);
COMMENT ON TABLE sign_in_attempt IS 'Sign-in attempts, for lock-out per address and the security log';
CREATE INDEX sign_in_attempt_ip_idx ON sign_in_attempt (ip, at);

CREATE TABLE api_key (
  id                bigserial PRIMARY KEY,
  establishment_id  bigint NOT NULL,
  name              text NOT NULL,
  prefix            char(8) NOT NULL,
  key_hash          char(64) NOT NULL UNIQUE,
  permissions       text[] NOT NULL,
  created_by        bigint NOT NULL REFERENCES app_user (id),
  created_at        timestamptz NOT NULL,
  last_used_at      timestamptz,
  revoked_at        timestamptz
);
COMMENT ON TABLE api_key IS 'API keys for an institution''s information systems (monitoring and 诊疗信息 uploads)';
COMMENT ON COLUMN api_key.establishment_id IS 'The one establishment the key acts for';
COMMENT ON COLUMN api_key.prefix IS 'First characters of the key, shown to tell keys apart';
COMMENT ON COLUMN api_key.key_hash IS 'SHA-256 of the key; the key itself is shown once and never stored';
COMMENT ON COLUMN api_key.permissions IS 'Subset of permissions the key carries';

-- The seven departments of 历城区 "综合监管一件事" (seed 002, annex 3: 各部门职责分工).
INSERT INTO department (code, name_zh, name_en, sort_order) VALUES
  ('health', '卫生健康', 'Health commission', 1),
  ('supervision', '卫生监督所', 'Health supervision institute', 2),
  ('police', '公安', 'Public security', 3),
  ('approval', '行政审批', 'Administrative approval', 4),
  ('market', '市场监管', 'Market regulation', 5),
  ('environment', '生态环境', 'Ecology and environment', 6),
  ('insurance', '医疗保障', 'Medical insurance', 7);
