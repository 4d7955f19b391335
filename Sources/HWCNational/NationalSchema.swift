/// The schema of `national.sqlite`: the ministry's own small register, apart from the
/// offices' registers and their migrations.
///
/// Rows are only added: an office's key is replaced by a newer `office_key` row, never
/// rewritten; triggers refuse UPDATE and DELETE on every table. Each added row is recorded in
/// the national chain (`NationalChain`), whose entries hold the row's canonical text.
enum NationalSchema {
  /// The value of `national_meta.format`: what makes a file a national register.
  static let format = "hwc-national 1"

  /// The tables, in the order they are created.
  static let tables = [
    "national_meta", "national_user", "office", "office_key", "office_area", "acceptance",
    "refusal", "chain_entry",
  ]

  /// Creates every table and trigger of a new national register.
  static let sql = """
    CREATE TABLE national_meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
    CREATE TABLE national_user (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      secret TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE office (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      enrolled_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE office_key (
      id INTEGER PRIMARY KEY,
      office_id INTEGER NOT NULL REFERENCES office(id),
      key BLOB NOT NULL CHECK (length(key) = 32),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE office_area (
      office_id INTEGER NOT NULL REFERENCES office(id),
      kind TEXT NOT NULL CHECK (kind IN ('district', 'conservancy')),
      name TEXT NOT NULL,
      PRIMARY KEY (kind, name)
    ) STRICT;
    CREATE TABLE acceptance (
      id INTEGER PRIMARY KEY,
      office_id INTEGER NOT NULL REFERENCES office(id),
      export INTEGER NOT NULL,
      chain_position INTEGER NOT NULL,
      chain_head TEXT NOT NULL,
      bundle_created_at TEXT NOT NULL,
      accepted_at TEXT NOT NULL,
      file_name TEXT NOT NULL,
      bundle_bytes INTEGER NOT NULL,
      snapshot_bytes INTEGER NOT NULL,
      snapshot_sha256 TEXT NOT NULL,
      replica_sha256 TEXT NOT NULL,
      UNIQUE (office_id, export)
    ) STRICT;
    CREATE TABLE refusal (
      id INTEGER PRIMARY KEY,
      office_code TEXT,
      file_name TEXT NOT NULL,
      reason TEXT NOT NULL,
      at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE chain_entry (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      os_user TEXT,
      host TEXT,
      command TEXT NOT NULL,
      subject TEXT NOT NULL,
      detail TEXT NOT NULL,
      hash BLOB NOT NULL
    ) STRICT;
    """ + tables.map(appendOnlyTriggers).joined()

  /// Triggers refusing UPDATE and DELETE on `table`.
  private static func appendOnlyTriggers(_ table: String) -> String {
    """

    CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
      BEGIN SELECT RAISE(ABORT, '\(table) rows are never changed'); END;
    CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
      BEGIN SELECT RAISE(ABORT, '\(table) rows are never deleted'); END;
    """
  }
}
