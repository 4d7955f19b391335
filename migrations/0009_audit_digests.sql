-- The audit chain, compact (issues #11, #12). Each command is stored once; each entry names the
-- entity by kind and row id and records the SHA-256 digest of its state afterwards (computed by
-- hwc's code, see AuditedKind) and, for a change, what changed. Hashes are 32-byte blobs, with no
-- index on them. The chain continues from the last entry of `audit_log`, which stays as it was
-- and takes no more entries. hwc checks every row's state against its latest entry before this
-- migration runs and records a baseline entry for every entity in the same transaction.
CREATE TABLE audit_command (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  command TEXT NOT NULL,
  os_user TEXT,
  host TEXT
) STRICT;

CREATE TABLE audit_entry (
  id INTEGER PRIMARY KEY,
  command_id INTEGER NOT NULL REFERENCES audit_command(id),
  kind INTEGER NOT NULL,
  row INTEGER NOT NULL,
  action TEXT NOT NULL,
  change TEXT,
  digest BLOB CHECK (digest IS NULL OR length(digest) = 32),
  hash BLOB NOT NULL CHECK (length(hash) = 32)
) STRICT;
CREATE INDEX audit_entry_entity ON audit_entry(kind, row, id);

CREATE TRIGGER audit_command_no_update BEFORE UPDATE ON audit_command
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_command_no_delete BEFORE DELETE ON audit_command
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_closed BEFORE INSERT ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log continues in audit_entry'); END;

-- The audited state is computed by hwc, never by views stored in the file.
DROP VIEW audit_state_user;
DROP VIEW audit_state_claimant;
DROP VIEW audit_state_complaint;
DROP VIEW audit_state_policy;
DROP VIEW audit_state_inspection;
DROP VIEW audit_state_emergency;
DROP VIEW audit_state_incident;
DROP VIEW audit_state_insurance;
DROP VIEW audit_state_assessment;
DROP VIEW audit_state_account;
DROP VIEW audit_state_transfer;
DROP VIEW audit_state_approval;
