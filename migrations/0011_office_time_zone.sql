-- The office's time zone (issue #13 item 5): "today" (incident dates in the future, default
-- dates, deadlines) and every printed time are counted in it; stored timestamps stay UTC.
-- A register without a row is in Asia/Oral (UTC+5). A value is never changed in place: a new
-- row replaces it, so who set which zone, when and why stays (audited as `setting:KEY#ID`).
CREATE TABLE office_setting (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL CHECK (key IN ('timezone')),
  value TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 64),
  set_at TEXT NOT NULL,
  set_by TEXT NOT NULL,
  reason TEXT
) STRICT;
CREATE INDEX office_setting_key ON office_setting(key, id);
CREATE TRIGGER office_setting_no_update BEFORE UPDATE ON office_setting
BEGIN SELECT RAISE(ABORT, 'office settings are never changed; set a new value'); END;
CREATE TRIGGER office_setting_no_delete BEFORE DELETE ON office_setting
BEGIN SELECT RAISE(ABORT, 'office settings are never deleted'); END;
