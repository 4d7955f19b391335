-- Rules: effective-dated policy (SPEC §5), inspections, the facts the rules need, assessments.

-- A policy value holds from effective_from until the next value of the same key; old rows stay.
-- Every value is a decimal with at most two places, held as hundredths (3,932 KZT = 393200).
CREATE TABLE policy_value (
  id INTEGER PRIMARY KEY,
  scheme TEXT NOT NULL CHECK (scheme IN ('kz-state', 'kg-buffer')),
  key TEXT NOT NULL,
  value_centi INTEGER NOT NULL CHECK (value_centi >= 0),
  effective_from TEXT NOT NULL CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  set_at TEXT NOT NULL DEFAULT 'seed',
  set_by TEXT NOT NULL DEFAULT 'migration',
  UNIQUE (scheme, key, effective_from)
) STRICT;
CREATE TRIGGER policy_value_no_update BEFORE UPDATE ON policy_value
BEGIN SELECT RAISE(ABORT, 'policy values are never changed; add a value with a later date'); END;
CREATE TRIGGER policy_value_no_delete BEFORE DELETE ON policy_value
BEGIN SELECT RAISE(ABORT, 'policy values are never deleted'); END;

INSERT INTO policy_value(scheme, key, value_centi, effective_from) VALUES
  ('kz-state', 'mrp', 345000, '2023-01-01'),
  ('kz-state', 'mrp', 369200, '2024-01-01'),
  ('kz-state', 'mrp', 393200, '2025-01-01'),
  ('kz-state', 'mrp', 432500, '2026-01-01'),
  ('kz-state', 'rate.sheep_goat.adult', 1200, '2023-01-01'),
  ('kz-state', 'rate.sheep_goat.young', 500, '2023-01-01'),
  ('kz-state', 'rate.cattle.adult', 7000, '2023-01-01'),
  ('kz-state', 'rate.cattle.young', 2500, '2023-01-01'),
  ('kz-state', 'rate.horse.adult', 8000, '2023-01-01'),
  ('kz-state', 'rate.horse.young', 3000, '2023-01-01'),
  ('kz-state', 'rate.camel.adult', 9000, '2023-01-01'),
  ('kz-state', 'rate.camel.young', 3500, '2023-01-01'),
  ('kz-state', 'rate.pasture.light', 20, '2023-01-01'),
  ('kz-state', 'rate.pasture.moderate', 50, '2023-01-01'),
  ('kz-state', 'rate.pasture.severe', 100, '2023-01-01'),
  ('kz-state', 'rate.hay', 600, '2023-01-01'),
  ('kz-state', 'rate.crop.wheat', 1500, '2023-01-01'),
  ('kz-state', 'rate.crop.barley', 1200, '2023-01-01'),
  ('kz-state', 'rate.crop.fodder', 1000, '2023-01-01'),
  ('kz-state', 'rate.crop.other', 800, '2023-01-01'),
  ('kz-state', 'rate.water.point_day', 50, '2023-01-01'),
  ('kz-state', 'deadline_days.livestock_predation', 300, '2023-01-01'),
  ('kz-state', 'deadline_days.other', 1000, '2023-01-01'),
  ('kz-state', 'reduction_unprotected_percent', 5000, '2023-01-01'),
  ('kz-state', 'household_cap_mrp', 100000, '2023-01-01'),
  ('kz-state', 'minimum_mrp', 100, '2023-01-01'),
  ('kg-buffer', 'insured_value.sheep_goat.adult', 700000, '2023-01-01'),
  ('kg-buffer', 'insured_value.sheep_goat.young', 300000, '2023-01-01'),
  ('kg-buffer', 'premium.sheep_goat', 7000, '2023-01-01'),
  ('kg-buffer', 'insured_value.cattle.adult', 4500000, '2023-01-01'),
  ('kg-buffer', 'insured_value.cattle.young', 1500000, '2023-01-01'),
  ('kg-buffer', 'premium.cattle', 45000, '2023-01-01'),
  ('kg-buffer', 'insured_value.horse.adult', 6000000, '2023-01-01'),
  ('kg-buffer', 'insured_value.horse.young', 2000000, '2023-01-01'),
  ('kg-buffer', 'premium.horse', 60000, '2023-01-01'),
  ('kg-buffer', 'insured_value.yak.adult', 5000000, '2023-01-01'),
  ('kg-buffer', 'insured_value.yak.young', 1800000, '2023-01-01'),
  ('kg-buffer', 'premium.yak', 50000, '2023-01-01'),
  ('kg-buffer', 'coverage_percent.protected', 8000, '2023-01-01'),
  ('kg-buffer', 'coverage_percent.unprotected', 4000, '2023-01-01'),
  ('kg-buffer', 'household_cap', 15000000, '2023-01-01'),
  ('kg-buffer', 'minimum', 50000, '2023-01-01'),
  ('kg-buffer', 'deadline_days.livestock_predation', 300, '2023-01-01'),
  ('kg-buffer', 'clause_window_days', 36500, '2023-01-01');

-- A field inspection; a re-inspection is a new row and the latest counts.
CREATE TABLE inspection (
  id INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaint(id),
  inspection_date TEXT NOT NULL,
  inspector_id INTEGER NOT NULL REFERENCES app_user(id),
  protected INTEGER NOT NULL CHECK (protected IN (0, 1)),
  vet_certificate TEXT,
  findings TEXT,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX inspection_complaint ON inspection(complaint_id, id);

CREATE TABLE inspection_item (
  inspection_id INTEGER NOT NULL REFERENCES inspection(id),
  item TEXT NOT NULL REFERENCES item(code),
  quantity_centi INTEGER NOT NULL CHECK (quantity_centi >= 0),
  PRIMARY KEY (inspection_id, item)
) STRICT, WITHOUT ROWID;

-- A declared emergency: saiga damage in Kazakhstan is paid only under one.
CREATE TABLE emergency (
  id INTEGER PRIMARY KEY,
  district_id INTEGER NOT NULL REFERENCES district(id),
  from_date TEXT NOT NULL,
  to_date TEXT NOT NULL,
  decree TEXT NOT NULL CHECK (length(decree) BETWEEN 1 AND 100),
  declared_by INTEGER NOT NULL REFERENCES app_user(id),
  declared_at TEXT NOT NULL,
  CHECK (to_date >= from_date)
) STRICT;
CREATE INDEX emergency_district ON emergency(district_id, from_date);

-- Poaching or retaliatory killing in a conservancy: the conservation clause.
CREATE TABLE wildlife_incident (
  id INTEGER PRIMARY KEY,
  conservancy_id INTEGER NOT NULL REFERENCES conservancy(id),
  kind TEXT NOT NULL CHECK (kind IN ('poaching', 'retaliatory_killing')),
  incident_date TEXT NOT NULL,
  note TEXT,
  recorded_by INTEGER NOT NULL REFERENCES app_user(id),
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX wildlife_incident_conservancy ON wildlife_incident(conservancy_id, incident_date);

-- Heads insured in a conservancy's buffer fund for a season, with the premium due.
CREATE TABLE herd_insurance (
  id INTEGER PRIMARY KEY,
  claimant_id INTEGER NOT NULL REFERENCES claimant(id),
  conservancy_id INTEGER NOT NULL REFERENCES conservancy(id),
  season INTEGER NOT NULL CHECK (season BETWEEN 2000 AND 2100),
  livestock_class TEXT NOT NULL CHECK (livestock_class IN ('sheep_goat', 'cattle', 'horse', 'yak')),
  heads INTEGER NOT NULL CHECK (heads > 0),
  premium_minor INTEGER NOT NULL CHECK (premium_minor >= 0),
  recorded_by INTEGER NOT NULL REFERENCES app_user(id),
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX herd_insurance_claimant ON herd_insurance(claimant_id, season, livestock_class);

-- An assessment with its result, the policy values it used and its explanation; a
-- re-assessment adds a row and earlier ones stay.
CREATE TABLE assessment (
  id INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaint(id),
  inspection_id INTEGER REFERENCES inspection(id),
  scheme TEXT NOT NULL CHECK (scheme IN ('kz-state', 'kg-buffer')),
  outcome TEXT NOT NULL CHECK (outcome IN ('eligible', 'ineligible')),
  reason TEXT,
  currency TEXT NOT NULL CHECK (currency IN ('KZT', 'KGS')),
  amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
  policy_date TEXT NOT NULL,
  payer TEXT,
  -- One line per policy value used: `key = value (from YYYY-MM-DD)`.
  policy_text TEXT NOT NULL,
  -- One line per explanation step: `step: text`.
  explanation_text TEXT NOT NULL,
  assessed_by INTEGER NOT NULL REFERENCES app_user(id),
  assessed_at TEXT NOT NULL,
  CHECK ((outcome = 'eligible') = (reason IS NULL)),
  CHECK (outcome = 'eligible' OR amount_minor = 0)
) STRICT;
CREATE INDEX assessment_complaint ON assessment(complaint_id, id);

CREATE TABLE assessment_line (
  assessment_id INTEGER NOT NULL REFERENCES assessment(id),
  position INTEGER NOT NULL,
  item TEXT NOT NULL REFERENCES item(code),
  quantity_centi INTEGER NOT NULL,
  rate TEXT NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
  note TEXT NOT NULL,
  PRIMARY KEY (assessment_id, position)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER inspection_no_change BEFORE UPDATE ON inspection
BEGIN SELECT RAISE(ABORT, 'inspections are never changed; record a new one'); END;
CREATE TRIGGER inspection_no_delete BEFORE DELETE ON inspection
BEGIN SELECT RAISE(ABORT, 'inspections are never deleted'); END;
CREATE TRIGGER assessment_no_change BEFORE UPDATE ON assessment
BEGIN SELECT RAISE(ABORT, 'assessments are never changed; assess again'); END;
CREATE TRIGGER assessment_no_delete BEFORE DELETE ON assessment
BEGIN SELECT RAISE(ABORT, 'assessments are never deleted'); END;

-- Audited states of the new records (see 0001: `hwc audit verify` compares them with the log).
CREATE VIEW audit_state_policy AS
SELECT p.id AS id, 'policy:' || p.scheme || ':' || p.key || '@' || p.effective_from AS entity,
  json_object('scheme', p.scheme, 'key', p.key, 'value_centi', p.value_centi,
    'effective_from', p.effective_from) AS state
FROM policy_value p WHERE p.set_by != 'migration';

CREATE VIEW audit_state_inspection AS
SELECT i.id AS id, 'inspection:' || i.id AS entity,
  json_object('complaint', i.complaint_id, 'date', i.inspection_date, 'inspector', i.inspector_id,
    'protected', i.protected, 'vet_certificate', i.vet_certificate, 'findings', i.findings,
    'items', (SELECT json_group_array(json_array(x.item, x.quantity_centi)) FROM (
      SELECT item, quantity_centi FROM inspection_item WHERE inspection_id = i.id ORDER BY item) x))
  AS state
FROM inspection i;

CREATE VIEW audit_state_emergency AS
SELECT e.id AS id, 'emergency:' || e.id AS entity,
  json_object('district', e.district_id, 'from', e.from_date, 'to', e.to_date, 'decree', e.decree)
  AS state
FROM emergency e;

CREATE VIEW audit_state_incident AS
SELECT w.id AS id, 'incident:' || w.id AS entity,
  json_object('conservancy', w.conservancy_id, 'kind', w.kind, 'date', w.incident_date,
    'note', w.note) AS state
FROM wildlife_incident w;

CREATE VIEW audit_state_insurance AS
SELECT h.id AS id, 'insurance:' || h.id AS entity,
  json_object('claimant', h.claimant_id, 'conservancy', h.conservancy_id, 'season', h.season,
    'class', h.livestock_class, 'heads', h.heads, 'premium_minor', h.premium_minor) AS state
FROM herd_insurance h;

CREATE VIEW audit_state_assessment AS
SELECT a.id AS id, 'assessment:' || a.id AS entity,
  json_object('complaint', a.complaint_id, 'inspection', a.inspection_id, 'scheme', a.scheme,
    'outcome', a.outcome, 'reason', a.reason, 'currency', a.currency,
    'amount_minor', a.amount_minor, 'policy_date', a.policy_date, 'payer', a.payer,
    'policy', a.policy_text, 'explanation', a.explanation_text,
    'lines', (SELECT json_group_array(json_array(l.item, l.quantity_centi, l.rate,
      l.amount_minor, l.note)) FROM (SELECT * FROM assessment_line WHERE assessment_id = a.id
      ORDER BY position) l)) AS state
FROM assessment a;
