-- Assessments stored as computed (SPEC §5): the reason of an ineligible assessment as a code,
-- each policy value used as a row, and each explanation line as a row with its step, rule,
-- values and English text, so that documents word it in the reader's language. Existing
-- assessments read the same: their lines become rows with the rule `recorded`, their policy
-- lines become values, and their reasons get the code their text names.

CREATE TABLE assessment_policy (
  assessment_id INTEGER NOT NULL REFERENCES assessment(id),
  position INTEGER NOT NULL CHECK (position > 0),
  key TEXT NOT NULL,
  value_centi INTEGER NOT NULL,
  effective_from TEXT NOT NULL
    CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  PRIMARY KEY (assessment_id, position)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER assessment_policy_no_change BEFORE UPDATE ON assessment_policy
BEGIN SELECT RAISE(ABORT, 'assessments are never changed; assess again'); END;
CREATE TRIGGER assessment_policy_no_delete BEFORE DELETE ON assessment_policy
BEGIN SELECT RAISE(ABORT, 'assessments are never deleted'); END;

-- `key = value (from YYYY-MM-DD)`, one per line.
WITH RECURSIVE split(assessment_id, position, line, rest) AS (
  SELECT id, 0, NULL, policy_text || char(10) FROM assessment
  UNION ALL
  SELECT assessment_id, position + 1, substr(rest, 1, instr(rest, char(10)) - 1),
    substr(rest, instr(rest, char(10)) + 1)
  FROM split WHERE rest != ''
)
INSERT INTO assessment_policy(assessment_id, position, key, value_centi, effective_from)
SELECT assessment_id, position, substr(line, 1, instr(line, ' = ') - 1),
  CAST(round(CAST(substr(line, instr(line, ' = ') + 3,
    instr(line, ' (from ') - instr(line, ' = ') - 3) AS REAL) * 100) AS INTEGER),
  substr(line, instr(line, ' (from ') + 7, 10)
FROM split WHERE line IS NOT NULL AND line != '';

CREATE TABLE assessment_step (
  assessment_id INTEGER NOT NULL REFERENCES assessment(id),
  position INTEGER NOT NULL CHECK (position > 0),
  step TEXT NOT NULL
    CHECK (step IN ('eligibility', 'lines', 'reduction', 'cap', 'minimum', 'payer')),
  rule TEXT NOT NULL,
  -- The values the line used, as a JSON object of strings.
  args TEXT NOT NULL CHECK (json_valid(args) AND json_type(args) = 'object'),
  text TEXT NOT NULL,
  PRIMARY KEY (assessment_id, position)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER assessment_step_no_change BEFORE UPDATE ON assessment_step
BEGIN SELECT RAISE(ABORT, 'assessments are never changed; assess again'); END;
CREATE TRIGGER assessment_step_no_delete BEFORE DELETE ON assessment_step
BEGIN SELECT RAISE(ABORT, 'assessments are never deleted'); END;

WITH RECURSIVE split(assessment_id, position, line, rest) AS (
  SELECT id, 0, NULL, explanation_text || char(10) FROM assessment
  UNION ALL
  SELECT assessment_id, position + 1, substr(rest, 1, instr(rest, char(10)) - 1),
    substr(rest, instr(rest, char(10)) + 1)
  FROM split WHERE rest != ''
)
INSERT INTO assessment_step(assessment_id, position, step, rule, args, text)
SELECT assessment_id, position, substr(line, 1, instr(line, ': ') - 1), 'recorded', '{}',
  substr(line, instr(line, ': ') + 2)
FROM split WHERE line IS NOT NULL AND line != '';

DROP VIEW audit_state_assessment;
ALTER TABLE assessment DROP COLUMN explanation_text;
ALTER TABLE assessment DROP COLUMN policy_text;

ALTER TABLE assessment ADD COLUMN reason_code TEXT CHECK (reason_code IN ('late_report',
  'not_inspected', 'no_vet_certificate', 'no_emergency', 'not_covered', 'not_member', 'suspended',
  'below_minimum'));

DROP TRIGGER assessment_no_change;
UPDATE assessment SET reason_code = CASE
    WHEN reason LIKE 'reported %' THEN 'late_report'
    WHEN reason = 'not inspected' THEN 'not_inspected'
    WHEN reason LIKE '%vet certificate%' THEN 'no_vet_certificate'
    WHEN reason LIKE 'saiga damage%' THEN 'no_emergency'
    WHEN reason LIKE 'not covered%' THEN 'not_covered'
    WHEN reason LIKE 'payments suspended%' THEN 'suspended'
    WHEN reason LIKE 'not a member%' THEN 'not_member'
    WHEN reason = 'below minimum' THEN 'below_minimum'
  END
WHERE outcome = 'ineligible';
CREATE TRIGGER assessment_no_change BEFORE UPDATE ON assessment
BEGIN SELECT RAISE(ABORT, 'assessments are never changed; assess again'); END;

-- The audited state is unchanged for every assessment: the policy values and the explanation
-- read as they were stored before, one line each.
CREATE VIEW audit_state_assessment AS
SELECT a.id AS id, 'assessment:' || a.id AS entity,
  json_object('complaint', a.complaint_id, 'inspection', a.inspection_id, 'scheme', a.scheme,
    'outcome', a.outcome, 'reason', a.reason, 'currency', a.currency,
    'amount_minor', a.amount_minor, 'policy_date', a.policy_date, 'payer', a.payer,
    'policy', coalesce((SELECT group_concat(x.line, char(10)) FROM (
      SELECT p.key || ' = ' || (p.value_centi / 100) || CASE
          WHEN p.value_centi % 100 = 0 THEN ''
          WHEN p.value_centi % 10 = 0 THEN '.' || (p.value_centi % 100 / 10)
          ELSE printf('.%02d', p.value_centi % 100) END
        || ' (from ' || p.effective_from || ')' AS line
      FROM assessment_policy p WHERE p.assessment_id = a.id ORDER BY p.position) x), ''),
    'explanation', coalesce((SELECT group_concat(x.line, char(10)) FROM (
      SELECT s.step || ': ' || s.text AS line FROM assessment_step s
      WHERE s.assessment_id = a.id ORDER BY s.position) x), ''),
    'lines', (SELECT json_group_array(json_array(l.item, l.quantity_centi, l.rate,
      l.amount_minor, l.note)) FROM (SELECT * FROM assessment_line WHERE assessment_id = a.id
      ORDER BY position) l)) AS state
FROM assessment a;
