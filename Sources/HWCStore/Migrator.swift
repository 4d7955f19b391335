import HWCCore

/// One numbered schema change, `NNNN_name.sql`.
public struct Migration: Sendable {
  /// The file name, e.g. `0001_schema.sql`.
  public let name: String
  /// The SQL it runs.
  public let sql: String
  /// The number at the start of the name.
  public let number: Int

  /// Creates a migration from a file name of the form `NNNN_name.sql` and its text.
  public init?(name: String, sql: String) {
    let digits = name.prefix { $0.isASCII && $0.isNumber }
    guard digits.count == 4, let number = Int(digits), name.hasSuffix(".sql") else { return nil }
    self.name = name
    self.sql = sql
    self.number = number
  }

  /// SHA-256 of the SQL text, recorded when applied.
  public var checksum: String { SHA256.hexHash(sql) }
}

/// Why the schema could not be brought up to date.
public enum MigrationError: Error, CustomStringConvertible, Equatable {
  /// An applied migration's file was edited after it was applied.
  case edited(name: String)
  /// The database has migrations this binary does not know: made by a newer hwc.
  case newerDatabase(name: String)
  /// The file is not a register made by hwc.
  case notARegister
  /// A migration failed to apply; nothing of it was kept.
  case failed(name: String, message: String)

  public var description: String {
    switch self {
    case .edited(let name):
      return "migration \(name) was changed after it was applied to this database; "
        + "restore the original file or use the hwc version that created the database"
    case .newerDatabase(let name):
      return "this database was created by a newer hwc (it has migration \(name)); "
        + "use that version or a later one"
    case .notARegister:
      return "the file is not an hwc register (it has tables but no migration record)"
    case .failed(let name, let message):
      return "migration \(name) failed and was not applied: \(message)"
    }
  }
}

/// Applies migrations in order, each in its own transaction, recording name and checksum.
public struct Migrator {
  /// The table that records the applied migrations, made before the first one.
  static let recordTable = """
    CREATE TABLE schema_migration (
      name TEXT PRIMARY KEY,
      checksum TEXT NOT NULL,
      applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    ) STRICT
    """

  /// The migrations this binary knows, in order.
  public let migrations: [Migration]

  public init(migrations: [Migration]) {
    self.migrations = migrations.sorted { $0.number < $1.number }
  }

  /// Checks what is applied and applies what is missing; returns the names newly applied.
  ///
  /// `before` runs once with the pending migrations, before any is applied, and may refuse them
  /// all by throwing; `after` runs inside each migration's transaction, after its SQL, so what it
  /// writes is kept only with the migration.
  @discardableResult
  public func migrate(
    _ db: Database, before: ([Migration]) throws -> Void = { _ in },
    after: (Migration) throws -> Void = { _ in }
  ) throws -> [String] {
    let applied = try db.transaction(.immediate) { () throws -> [String: String] in
      let hasTable =
        try db.scalar(
          Int.self,
          "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migration'")
        == 1
      if !hasTable {
        let others = try db.scalar(Int.self, "SELECT count(*) FROM sqlite_schema") ?? 0
        guard others == 0 else { throw MigrationError.notARegister }
        try db.execute(Migrator.recordTable)
      }
      return try appliedChecksums(db)
    }
    let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.name, $0) })
    for name in applied.keys.sorted() where known[name] == nil {
      throw MigrationError.newerDatabase(name: name)
    }
    for migration in migrations {
      if let checksum = applied[migration.name], checksum != migration.checksum {
        throw MigrationError.edited(name: migration.name)
      }
    }
    var newlyApplied: [String] = []
    let pending = migrations.filter { applied[$0.name] == nil }
    if !pending.isEmpty { try before(pending) }
    for migration in pending {
      do {
        try db.transaction(.immediate) {
          // Another process may have applied it while we waited for the lock.
          let done =
            try db.scalar(
              Int.self,
              "SELECT count(*) FROM schema_migration WHERE name = ?", with: [migration.name]) ?? 0
          guard done == 0 else { return }
          try db.execute(migration.sql)
          try after(migration)
          try db.run(
            "INSERT INTO schema_migration(name, checksum) VALUES (?, ?)",
            with: [migration.name, migration.checksum])
          newlyApplied.append(migration.name)
        }
      } catch let error as SQLiteError {
        throw MigrationError.failed(name: migration.name, message: error.message)
      }
    }
    return newlyApplied
  }

  /// Refuses a database with unknown (newer) or edited migrations, without applying anything.
  ///
  /// `db` must have the `schema_migration` table (check `pending` first).
  public func checkApplied(_ db: Database) throws {
    let applied = try appliedChecksums(db)
    let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.name, $0.checksum) })
    for name in applied.keys.sorted() {
      guard let checksum = known[name] else { throw MigrationError.newerDatabase(name: name) }
      guard checksum == applied[name] else { throw MigrationError.edited(name: name) }
    }
  }

  /// The recorded checksum of each applied migration, by name.
  private func appliedChecksums(_ db: Database) throws -> [String: String] {
    var applied: [String: String] = [:]
    try db.prepare("SELECT name, checksum FROM schema_migration").eachRow { row in
      applied[row.text("name")] = row.text("checksum")
    }
    return applied
  }

  /// Names of migrations not yet applied to `db`, without applying them.
  public func pending(_ db: Database) throws -> [String] {
    let hasTable =
      try db.scalar(
        Int.self,
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migration'")
      ?? 0
    guard hasTable == 1 else { return migrations.map(\.name) }
    let applied = Set(try db.prepare("SELECT name FROM schema_migration").map { $0.text("name") })
    return migrations.map(\.name).filter { !applied.contains($0) }
  }
}
