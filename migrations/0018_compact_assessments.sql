-- Compact assessments (issue #12): the explanation of a new assessment is one value on its row
-- (`ExplanationCodec`: step, rule and value names as small codes, numbers and dates as varints)
-- instead of a row per step with JSON values, and the policy values it used are a policy set
-- stored once and referenced by every assessment that used the same values. Older assessments
-- keep their `assessment_step` and `assessment_policy` rows and read as they were.
CREATE TABLE policy_set (
  id INTEGER PRIMARY KEY,
  scheme TEXT NOT NULL CHECK (scheme IN ('kz-state', 'kg-buffer')),
  -- The values, `key=centi@YYYY-MM-DD` joined by `;`, to find a set already stored.
  fingerprint TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE policy_set_value (
  policy_set_id INTEGER NOT NULL REFERENCES policy_set(id),
  position INTEGER NOT NULL CHECK (position > 0),
  key TEXT NOT NULL,
  value_centi INTEGER NOT NULL,
  effective_from TEXT NOT NULL
    CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  PRIMARY KEY (policy_set_id, position)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER policy_set_no_change BEFORE UPDATE ON policy_set
BEGIN SELECT RAISE(ABORT, 'policy sets are never changed'); END;
CREATE TRIGGER policy_set_no_delete BEFORE DELETE ON policy_set
BEGIN SELECT RAISE(ABORT, 'policy sets are never deleted'); END;
CREATE TRIGGER policy_set_value_no_change BEFORE UPDATE ON policy_set_value
BEGIN SELECT RAISE(ABORT, 'policy sets are never changed'); END;
CREATE TRIGGER policy_set_value_no_delete BEFORE DELETE ON policy_set_value
BEGIN SELECT RAISE(ABORT, 'policy sets are never deleted'); END;

ALTER TABLE assessment ADD COLUMN policy_set_id INTEGER REFERENCES policy_set(id);
ALTER TABLE assessment ADD COLUMN explanation BLOB;
