-- Foundation: reference data, users and roles, claimants, complaints, the audit chain.
-- Every table is STRICT; money is INTEGER minor units; quantities are INTEGER hundredths;
-- dates are TEXT 'YYYY-MM-DD'; timestamps are TEXT 'YYYY-MM-DDTHH:MM:SSZ' (UTC).

CREATE TABLE country (
  code TEXT PRIMARY KEY CHECK (code IN ('KZ', 'KG')),
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  name_en TEXT NOT NULL,
  name_ru TEXT NOT NULL
) STRICT;

CREATE TABLE district (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (length(code) = 3 AND code = upper(code)),
  name_en TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name_ru TEXT NOT NULL,
  country TEXT NOT NULL REFERENCES country(code),
  region_en TEXT NOT NULL,
  region_ru TEXT NOT NULL
) STRICT;

CREATE TABLE conservancy (
  id INTEGER PRIMARY KEY,
  name_en TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name_ru TEXT NOT NULL,
  district_id INTEGER NOT NULL REFERENCES district(id)
) STRICT;

CREATE TABLE species (
  code TEXT PRIMARY KEY,
  name_en TEXT NOT NULL,
  name_ru TEXT NOT NULL
) STRICT;

CREATE TABLE damage_type (
  code TEXT PRIMARY KEY,
  name_en TEXT NOT NULL,
  name_ru TEXT NOT NULL
) STRICT;

CREATE TABLE item (
  code TEXT PRIMARY KEY,
  name_en TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  unit TEXT NOT NULL CHECK (unit IN ('head', 'hectare', 'tonne', 'point_day')),
  -- For livestock items: the class (sheep_goat, cattle, horse, camel, yak) and age (adult, young).
  livestock_class TEXT,
  age TEXT CHECK (age IS NULL OR age IN ('adult', 'young')),
  CHECK ((unit = 'head') = (livestock_class IS NOT NULL AND age IS NOT NULL))
) STRICT;

-- Which items each damage type accepts.
CREATE TABLE damage_item (
  damage_type TEXT NOT NULL REFERENCES damage_type(code),
  item TEXT NOT NULL REFERENCES item(code),
  PRIMARY KEY (damage_type, item)
) STRICT, WITHOUT ROWID;

CREATE TABLE app_user (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE user_role (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES app_user(id),
  role TEXT NOT NULL
    CHECK (role IN ('admin', 'officer', 'inspector', 'committee', 'treasurer', 'analyst')),
  district_id INTEGER REFERENCES district(id),
  conservancy_id INTEGER REFERENCES conservancy(id),
  CHECK (district_id IS NULL OR conservancy_id IS NULL),
  UNIQUE (user_id, role, district_id, conservancy_id)
) STRICT;

CREATE TABLE claimant (
  id INTEGER PRIMARY KEY,
  national_id TEXT NOT NULL UNIQUE CHECK (length(national_id) IN (12, 14)),
  country TEXT NOT NULL REFERENCES country(code),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  district_id INTEGER NOT NULL REFERENCES district(id),
  conservancy_id INTEGER REFERENCES conservancy(id),
  village TEXT,
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES app_user(id)
) STRICT;
CREATE INDEX claimant_district ON claimant(district_id);

-- Declared herd, by livestock class; a new declaration adds a row, the latest counts.
CREATE TABLE herd_declaration (
  id INTEGER PRIMARY KEY,
  claimant_id INTEGER NOT NULL REFERENCES claimant(id),
  livestock_class TEXT NOT NULL
    CHECK (livestock_class IN ('sheep_goat', 'cattle', 'horse', 'camel', 'yak')),
  heads INTEGER NOT NULL CHECK (heads >= 0),
  declared_at TEXT NOT NULL
) STRICT;
CREATE INDEX herd_declaration_claimant ON herd_declaration(claimant_id, livestock_class);

CREATE TABLE complaint (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  district_id INTEGER NOT NULL REFERENCES district(id),
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL CHECK (seq > 0),
  claimant_id INTEGER NOT NULL REFERENCES claimant(id),
  conservancy_id INTEGER REFERENCES conservancy(id),
  damage_type TEXT NOT NULL REFERENCES damage_type(code),
  species TEXT NOT NULL REFERENCES species(code),
  incident_date TEXT NOT NULL CHECK (incident_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  reported_date TEXT NOT NULL CHECK (reported_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  village TEXT,
  latitude_micro INTEGER CHECK (latitude_micro BETWEEN -90000000 AND 90000000),
  longitude_micro INTEGER CHECK (longitude_micro BETWEEN -180000000 AND 180000000),
  notes TEXT,
  external_ref TEXT UNIQUE,
  status TEXT NOT NULL CHECK (status IN
    ('registered', 'inspected', 'assessed', 'approved', 'paid', 'rejected', 'ineligible',
     'withdrawn', 'appealed')),
  registered_at TEXT NOT NULL,
  registered_by INTEGER NOT NULL REFERENCES app_user(id),
  CHECK (reported_date >= incident_date),
  UNIQUE (district_id, year, seq)
) STRICT;
CREATE INDEX complaint_reported ON complaint(reported_date, district_id);
CREATE INDEX complaint_district_status ON complaint(district_id, status);
CREATE INDEX complaint_claimant ON complaint(claimant_id, damage_type, incident_date);

CREATE TABLE complaint_item (
  complaint_id INTEGER NOT NULL REFERENCES complaint(id),
  item TEXT NOT NULL REFERENCES item(code),
  quantity_centi INTEGER NOT NULL CHECK (quantity_centi >= 0),
  PRIMARY KEY (complaint_id, item)
) STRICT, WITHOUT ROWID;

-- Every transition of a complaint, with who, when and why.
CREATE TABLE complaint_event (
  id INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaint(id),
  kind TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  actor_id INTEGER NOT NULL REFERENCES app_user(id),
  at TEXT NOT NULL,
  reason TEXT
) STRICT;
CREATE INDEX complaint_event_complaint ON complaint_event(complaint_id);

-- Possible duplicates: flagged for a person to look at, never refused.
CREATE TABLE complaint_flag (
  id INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaint(id),
  kind TEXT NOT NULL CHECK (kind IN ('near_duplicate', 'above_herd')),
  other_complaint_id INTEGER REFERENCES complaint(id),
  detail TEXT NOT NULL
) STRICT;
CREATE INDEX complaint_flag_complaint ON complaint_flag(complaint_id);

-- The tamper-evident log: hash = SHA-256(previous hash and this entry's fields).
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  command TEXT NOT NULL,
  entity TEXT NOT NULL,
  action TEXT NOT NULL,
  before TEXT,
  after TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX audit_log_entity ON audit_log(entity, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Rows that are only ever appended.
CREATE TRIGGER complaint_event_no_update BEFORE UPDATE ON complaint_event
BEGIN SELECT RAISE(ABORT, 'complaint events are append-only'); END;
CREATE TRIGGER complaint_event_no_delete BEFORE DELETE ON complaint_event
BEGIN SELECT RAISE(ABORT, 'complaint events are append-only'); END;
CREATE TRIGGER complaint_no_delete BEFORE DELETE ON complaint
BEGIN SELECT RAISE(ABORT, 'complaints are never deleted'); END;
CREATE TRIGGER complaint_item_no_change BEFORE UPDATE ON complaint_item
BEGIN SELECT RAISE(ABORT, 'claimed items are never changed'); END;
CREATE TRIGGER complaint_item_no_delete BEFORE DELETE ON complaint_item
BEGIN SELECT RAISE(ABORT, 'claimed items are never deleted'); END;
CREATE TRIGGER claimant_no_delete BEFORE DELETE ON claimant
BEGIN SELECT RAISE(ABORT, 'claimants are never deleted'); END;
CREATE TRIGGER herd_no_change BEFORE UPDATE ON herd_declaration
BEGIN SELECT RAISE(ABORT, 'herd declarations are append-only'); END;

-- The audited state of each entity, as the audit log records it; `hwc audit verify` compares
-- the latest logged state of every entity with these.
CREATE VIEW audit_state_user AS
SELECT u.id AS id, 'user:' || u.name AS entity,
  json_object('name', u.name, 'roles', (
    SELECT json_group_array(r) FROM (
      SELECT ur.role || coalesce('@' || d.name_en, '@' || c.name_en, '') AS r
      FROM user_role ur
      LEFT JOIN district d ON d.id = ur.district_id
      LEFT JOIN conservancy c ON c.id = ur.conservancy_id
      WHERE ur.user_id = u.id ORDER BY r))) AS state
FROM app_user u;

CREATE VIEW audit_state_claimant AS
SELECT cl.id AS id, 'claimant:' || cl.national_id AS entity,
  json_object('national_id', cl.national_id, 'country', cl.country, 'name', cl.name,
    'district', cl.district_id, 'conservancy', cl.conservancy_id, 'village', cl.village,
    'herd', (SELECT json_group_array(json_array(h.livestock_class, h.heads)) FROM (
      SELECT livestock_class, heads FROM herd_declaration WHERE claimant_id = cl.id ORDER BY id) h))
  AS state
FROM claimant cl;

CREATE VIEW audit_state_complaint AS
SELECT c.id AS id, 'complaint:' || c.code AS entity,
  json_object('code', c.code, 'district', c.district_id, 'claimant', c.claimant_id,
    'conservancy', c.conservancy_id, 'type', c.damage_type, 'species', c.species,
    'incident_date', c.incident_date, 'reported_date', c.reported_date, 'village', c.village,
    'latitude_micro', c.latitude_micro, 'longitude_micro', c.longitude_micro, 'notes', c.notes,
    'ref', c.external_ref, 'status', c.status, 'registered_by', c.registered_by,
    'items', (SELECT json_group_array(json_array(i.item, i.quantity_centi)) FROM (
      SELECT item, quantity_centi FROM complaint_item WHERE complaint_id = c.id ORDER BY item) i),
    'events', (SELECT count(*) FROM complaint_event e WHERE e.complaint_id = c.id),
    'flags', (SELECT count(*) FROM complaint_flag f WHERE f.complaint_id = c.id))
  AS state
FROM complaint c;
