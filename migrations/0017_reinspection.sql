-- Re-inspection (issue #16, SPEC §13). The policy is data like every rule, from the date the
-- seeded rules start: the share of eligible assessments drawn for a second inspection
-- (0.05 = 5 %), the amount from which one is always required (kz-state: in MRP, so 100 × the
-- MRP on the incident date; kg-buffer: in KGS), and whether its inspector must be another
-- person (1 = yes).
INSERT INTO policy_value(scheme, key, value_centi, effective_from) VALUES
  ('kz-state', 'reinspect_rate', 5, '2023-01-01'),
  ('kz-state', 'reinspect_threshold', 10000, '2023-01-01'),
  ('kz-state', 'reinspect_other_inspector', 100, '2023-01-01'),
  ('kg-buffer', 'reinspect_rate', 5, '2023-01-01'),
  ('kg-buffer', 'reinspect_threshold', 5000000, '2023-01-01'),
  ('kg-buffer', 'reinspect_other_inspector', 100, '2023-01-01');

-- A re-inspection is an inspection (the latest counts, as for any inspection) that names the
-- assessment it re-checks; NULL for a first inspection or one after an appeal.
ALTER TABLE inspection ADD COLUMN reinspection_of INTEGER REFERENCES assessment(id);

-- The draw's seed is the last audit entry of the last command before a week's start: found
-- by time.
CREATE INDEX audit_command_at ON audit_command(at, id);
