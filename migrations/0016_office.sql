-- Offices (issue #15 items 1–2): a register may belong to one office, which serves only its
-- districts and conservancies (`hwc init --office CODE --district D …`). A register without a
-- row serves every district, as before. The office and its places are never changed.
CREATE TABLE office (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  code TEXT NOT NULL UNIQUE
    CHECK (length(code) BETWEEN 2 AND 32 AND code NOT GLOB '*[^A-Z0-9-]*'),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
CREATE TABLE office_place (
  id INTEGER PRIMARY KEY,
  office_id INTEGER NOT NULL REFERENCES office(id),
  district_id INTEGER REFERENCES district(id),
  conservancy_id INTEGER REFERENCES conservancy(id),
  CHECK ((district_id IS NULL) <> (conservancy_id IS NULL))
) STRICT;
CREATE INDEX office_place_office ON office_place(office_id, id);
CREATE TRIGGER office_no_update BEFORE UPDATE ON office
BEGIN SELECT RAISE(ABORT, 'an office is never changed'); END;
CREATE TRIGGER office_no_delete BEFORE DELETE ON office
BEGIN SELECT RAISE(ABORT, 'an office is never deleted'); END;
CREATE TRIGGER office_place_no_update BEFORE UPDATE ON office_place
BEGIN SELECT RAISE(ABORT, 'an office''s places are never changed'); END;
CREATE TRIGGER office_place_no_delete BEFORE DELETE ON office_place
BEGIN SELECT RAISE(ABORT, 'an office''s places are never deleted'); END;

-- What was done as the office: a key set (only its fingerprint, the first 16 hex digits of the
-- key's SHA-256) and each export (`hwc office export`: its number and where the snapshot's audit
-- chain stood; the next export's previous_position/previous_head are this row's chain_*).
CREATE TABLE office_event (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('key', 'export')),
  key_fingerprint TEXT NOT NULL CHECK (length(key_fingerprint) = 16),
  export_no INTEGER UNIQUE CHECK ((kind = 'export') = (export_no IS NOT NULL)),
  chain_position INTEGER CHECK ((kind = 'export') = (chain_position IS NOT NULL)),
  chain_head TEXT CHECK ((kind = 'export') = (chain_head IS NOT NULL)),
  snapshot_bytes INTEGER,
  at TEXT NOT NULL,
  actor_id INTEGER NOT NULL REFERENCES app_user(id)
) STRICT;
CREATE TRIGGER office_event_no_update BEFORE UPDATE ON office_event
BEGIN SELECT RAISE(ABORT, 'office events are never changed'); END;
CREATE TRIGGER office_event_no_delete BEFORE DELETE ON office_event
BEGIN SELECT RAISE(ABORT, 'office events are never deleted'); END;

-- The office's key (`hwc office key --set HEX`), a secret: outside the audited state (like login
-- sessions) and removed from every bundle's snapshot. One row; setting it again replaces it.
CREATE TABLE office_key (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  key BLOB NOT NULL CHECK (length(key) = 32),
  set_at TEXT NOT NULL
) STRICT;
