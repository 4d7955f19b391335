/// Comparing a database's schema with what the migrations make (`hwc check`, `hwc audit verify`).
extension Migrator {
  /// One table, index, view or trigger as SQLite records it in `sqlite_schema`.
  struct SchemaObject: Equatable {
    let type: String
    let name: String
    let table: String
    let sql: String?

    /// Its name where names are unique: triggers have theirs apart from tables, indexes, views.
    var key: String { type == "trigger" ? "trigger \(name)" : name }
  }

  /// An object the migrations make, with what created it (`migration 0001_foundation.sql`) and
  /// the migration that last changed it.
  struct ExpectedObject {
    let object: SchemaObject
    let createdBy: String
    let changedBy: String?
  }

  /// Every difference between `db`'s schema and the one its applied migrations make, one
  /// sentence each (e.g. `trigger audit_log_no_update is missing (hwc's migrations create it)`);
  /// empty when they match.
  ///
  /// The expected schema is made by applying the same migrations to a fresh in-memory database;
  /// `sql` is compared as SQLite stores it. SQLite's own objects (`sqlite_sequence`,
  /// `sqlite_stat1`, automatic indexes) are ignored.
  public func schemaDifferences(_ db: Database) throws -> [String] {
    let applied = try appliedNames(db)
    let (expected, dropped) = try expectedSchema(applying: applied)
    let actual = try Self.schemaObjects(db)
    let actualByKey = Dictionary(actual.map { ($0.key, $0) }) { first, _ in first }
    var differences: [String] = []
    for made in expected {
      let want = made.object
      guard let have = actualByKey[want.key] else {
        differences.append("\(want.type) \(want.name) is missing (hwc's migrations create it)")
        continue
      }
      if have.type != want.type {
        differences.append(
          "\(want.name) is a \(have.type), but hwc's migrations make it a \(want.type)")
      } else if have != want {
        let changed = made.changedBy.map { " and migration \($0) last changed" } ?? ""
        differences.append(
          "\(want.type) \(want.name) differs from what \(made.createdBy) created\(changed)")
      }
    }
    let expectedKeys = Set(expected.map(\.object.key))
    for have in actual where !expectedKeys.contains(have.key) {
      let history = dropped[have.key].map { " (migration \($0) dropped it)" } ?? ""
      differences.append("\(have.type) \(have.name) is not made by hwc's migrations\(history)")
    }
    return differences
  }

  /// The schema the migrations named in `applied` make, in order of creation, and the objects
  /// they created and later dropped (by the migration that dropped them).
  func expectedSchema(applying applied: Set<String>) throws
    -> (objects: [ExpectedObject], dropped: [String: String])
  {
    let scratch = try Database(path: ":memory:")
    var made: [String: ExpectedObject] = [:]
    var dropped: [String: String] = [:]
    // The migrator's own table, made before the first migration.
    try scratch.execute(Migrator.recordTable)
    for object in try Self.schemaObjects(scratch) {
      made[object.key] = ExpectedObject(
        object: object, createdBy: "hwc's migrator", changedBy: nil)
    }
    for migration in migrations where applied.contains(migration.name) {
      // As `migrate` runs it, without the checksums (only the schema it leaves matters here).
      try scratch.transaction(.immediate) { try scratch.execute(migration.sql) }
      let now = try Self.schemaObjects(scratch)
      let keys = Set(now.map(\.key))
      for key in made.keys where !keys.contains(key) {
        made[key] = nil
        dropped[key] = migration.name
      }
      for object in now {
        let before = made[object.key]
        guard before?.object != object else { continue }
        // A view or trigger cannot be altered, only made again; a table or index keeps its birth.
        let remade = object.type == "view" || object.type == "trigger"
        if let before, !remade {
          made[object.key] = ExpectedObject(
            object: object, createdBy: before.createdBy, changedBy: migration.name)
        } else {
          made[object.key] = ExpectedObject(
            object: object, createdBy: "migration \(migration.name)", changedBy: nil)
        }
        dropped[object.key] = nil
      }
    }
    let order = try Self.schemaObjects(scratch).map(\.key)
    return (order.compactMap { made[$0] }, dropped)
  }

  /// The names of the migrations applied to `db`; empty when it has no migration record.
  func appliedNames(_ db: Database) throws -> Set<String> {
    let hasTable = try db.scalar(
      Int.self,
      "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migration'")
    guard hasTable == 1 else { return [] }
    return Set(try db.prepare("SELECT name FROM schema_migration").map { $0.text("name") })
  }

  /// The tables, indexes, views and triggers of `db`'s main schema, in the order they were made,
  /// without SQLite's own (`sqlite_*`).
  static func schemaObjects(_ db: Database) throws -> [SchemaObject] {
    try db.prepare(
      """
      SELECT type, name, tbl_name, sql FROM sqlite_schema
      WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid
      """
    ).map {
      SchemaObject(
        type: $0.text("type"), name: $0.text("name"), table: $0.text("tbl_name"),
        sql: $0.optionalText("sql"))
    }
  }
}
