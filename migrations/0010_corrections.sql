-- Corrections, withdrawals, revocations and retroactive policy (issue #13, items 2 and 8).
-- Nothing is overwritten silently: each correction is a row naming what it corrected, who, when
-- and why, with one row per changed field keeping the old and the new value. A complaint's
-- corrected claimed items are kept as rows of the correction; the registered items stay.

CREATE TABLE correction (
  id INTEGER PRIMARY KEY,
  action TEXT NOT NULL CHECK (action IN ('correct', 'revoke', 'retroactive')),
  complaint_id INTEGER REFERENCES complaint(id),
  -- The complaint's `corrected` event.
  event_id INTEGER REFERENCES complaint_event(id),
  claimant_id INTEGER REFERENCES claimant(id),
  emergency_id INTEGER REFERENCES emergency(id),
  policy_id INTEGER REFERENCES policy_value(id),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  actor_id INTEGER NOT NULL REFERENCES app_user(id),
  at TEXT NOT NULL,
  CHECK ((complaint_id IS NOT NULL) + (claimant_id IS NOT NULL) + (emergency_id IS NOT NULL)
    + (policy_id IS NOT NULL) = 1),
  CHECK ((complaint_id IS NULL) = (event_id IS NULL))
) STRICT;
CREATE INDEX correction_complaint ON correction(complaint_id) WHERE complaint_id IS NOT NULL;
CREATE INDEX correction_claimant ON correction(claimant_id) WHERE claimant_id IS NOT NULL;
CREATE INDEX correction_emergency ON correction(emergency_id) WHERE emergency_id IS NOT NULL;

-- What one correction changed, field by field, as text a person reads.
CREATE TABLE correction_field (
  correction_id INTEGER NOT NULL REFERENCES correction(id),
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  PRIMARY KEY (correction_id, field)
) STRICT, WITHOUT ROWID;
-- A field form imported again under a reference since corrected is the same complaint.
CREATE INDEX correction_field_old ON correction_field(field, old_value);

-- A complaint's claimed items as a correction replaced them (the latest correction with items
-- holds the complaint's claimed items).
CREATE TABLE correction_item (
  correction_id INTEGER NOT NULL REFERENCES correction(id),
  item TEXT NOT NULL REFERENCES item(code),
  quantity_centi INTEGER NOT NULL CHECK (quantity_centi >= 0),
  PRIMARY KEY (correction_id, item)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER correction_no_update BEFORE UPDATE ON correction
BEGIN SELECT RAISE(ABORT, 'corrections are never changed; correct again'); END;
CREATE TRIGGER correction_no_delete BEFORE DELETE ON correction
BEGIN SELECT RAISE(ABORT, 'corrections are never deleted'); END;
CREATE TRIGGER correction_field_no_update BEFORE UPDATE ON correction_field
BEGIN SELECT RAISE(ABORT, 'corrections are never changed; correct again'); END;
CREATE TRIGGER correction_field_no_delete BEFORE DELETE ON correction_field
BEGIN SELECT RAISE(ABORT, 'corrections are never deleted'); END;
CREATE TRIGGER correction_item_no_update BEFORE UPDATE ON correction_item
BEGIN SELECT RAISE(ABORT, 'corrections are never changed; correct again'); END;
CREATE TRIGGER correction_item_no_delete BEFORE DELETE ON correction_item
BEGIN SELECT RAISE(ABORT, 'corrections are never deleted'); END;

-- SPEC §5.1: yak rates of kz-state (yak items were accepted in Kazakh districts without a rate),
-- from the date every other seeded rate holds from, so complaints already registered are covered.
INSERT INTO policy_value(scheme, key, value_centi, effective_from) VALUES
  ('kz-state', 'rate.yak.adult', 7000, '2023-01-01'),
  ('kz-state', 'rate.yak.young', 2500, '2023-01-01');
