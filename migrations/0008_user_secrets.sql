-- Who did what (issue #10): every user proves who they are with a secret only they know.
-- A passphrase is stored only as `pbkdf2-sha256$ITERATIONS$SALT_HEX$HASH_HEX`; a one-time setup
-- code (from `hwc user add` or `hwc user reset`) only as `sha256$HEX`. A user without a secret
-- must set one (`hwc user passwd`) before doing anything else.
ALTER TABLE app_user ADD COLUMN secret TEXT
  CHECK (secret IS NULL OR secret GLOB 'pbkdf2-sha256$*');
ALTER TABLE app_user ADD COLUMN setup_code TEXT
  CHECK (setup_code IS NULL OR setup_code GLOB 'sha256$*');
ALTER TABLE app_user ADD COLUMN disabled_reason TEXT;
ALTER TABLE app_user ADD COLUMN locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1));
-- Wrong secrets in a row; five lock the user. Not audited: it is written by refused commands.
ALTER TABLE app_user ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0
  CHECK (failed_attempts >= 0);
ALTER TABLE app_user ADD COLUMN last_active_at TEXT;

-- Sessions from `hwc login`: the token only as its SHA-256; it ends after 15 idle minutes, at
-- `hwc logout`, or when the user is disabled, locked or reset.
CREATE TABLE user_session (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES app_user(id),
  token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  started_at TEXT NOT NULL,
  last_used_at TEXT NOT NULL,
  ended_at TEXT
) STRICT;
CREATE INDEX user_session_user ON user_session(user_id);

-- Where an audit entry came from: the OS account and host of the process (NULL in entries made
-- before this migration, whose hashes do not cover them).
ALTER TABLE audit_log ADD COLUMN os_user TEXT;
ALTER TABLE audit_log ADD COLUMN host TEXT;

-- A user's audited state covers what matters for trust: status and a digest of the secret and
-- setup code, so a hash replaced with another SQLite tool is detected. A user that never had a
-- secret and is active keeps the state it had before this migration, so old entries still match.
DROP VIEW audit_state_user;
CREATE VIEW audit_state_user AS
SELECT u.id AS id, 'user:' || u.name AS entity,
  CASE
  WHEN u.secret IS NULL AND u.setup_code IS NULL AND u.disabled_reason IS NULL AND u.locked = 0
    AND u.national_id IS NULL THEN json_object('name', u.name, 'roles', (
    SELECT json_group_array(r) FROM (
      SELECT ur.role || coalesce('@' || d.name_en, '@' || c.name_en, '') AS r
      FROM user_role ur
      LEFT JOIN district d ON d.id = ur.district_id
      LEFT JOIN conservancy c ON c.id = ur.conservancy_id
      WHERE ur.user_id = u.id ORDER BY r)))
  WHEN u.secret IS NULL AND u.setup_code IS NULL AND u.disabled_reason IS NULL AND u.locked = 0
    THEN json_object('name', u.name, 'roles', (
    SELECT json_group_array(r) FROM (
      SELECT ur.role || coalesce('@' || d.name_en, '@' || c.name_en, '') AS r
      FROM user_role ur
      LEFT JOIN district d ON d.id = ur.district_id
      LEFT JOIN conservancy c ON c.id = ur.conservancy_id
      WHERE ur.user_id = u.id ORDER BY r)), 'national_id', u.national_id)
  ELSE json_object('name', u.name, 'roles', (
    SELECT json_group_array(r) FROM (
      SELECT ur.role || coalesce('@' || d.name_en, '@' || c.name_en, '') AS r
      FROM user_role ur
      LEFT JOIN district d ON d.id = ur.district_id
      LEFT JOIN conservancy c ON c.id = ur.conservancy_id
      WHERE ur.user_id = u.id ORDER BY r)), 'national_id', u.national_id,
    'status', CASE
      WHEN u.disabled_reason IS NOT NULL THEN 'disabled'
      WHEN u.locked = 1 THEN 'locked'
      WHEN u.secret IS NULL THEN 'must set passphrase'
      ELSE 'active' END,
    'disabled_reason', u.disabled_reason,
    'secret', hwc_digest(coalesce(u.secret, '-') || ' ' || coalesce(u.setup_code, '-')))
  END AS state
FROM app_user u;
