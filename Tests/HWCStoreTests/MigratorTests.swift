import HWCTestSupport
import Testing

@testable import HWCStore

@Suite struct MigratorTests {
  let directory = TemporaryDirectory()

  func migrations(_ second: String = "CREATE TABLE b (y INTEGER) STRICT;") -> [Migration] {
    [
      Migration(name: "0001_a.sql", sql: "CREATE TABLE a (x INTEGER) STRICT;")!,
      Migration(name: "0002_b.sql", sql: second)!,
    ]
  }

  @Test func appliesInOrderAndRecordsChecksums() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    let applied = try Migrator(migrations: migrations().reversed()).migrate(db)
    #expect(applied == ["0001_a.sql", "0002_b.sql"])
    let recorded = try db.prepare("SELECT name, checksum FROM schema_migration ORDER BY name").map {
      [$0.text(0), $0.text(1)]
    }
    #expect(recorded == migrations().map { [$0.name, $0.checksum] })
  }

  @Test func secondRunAppliesNothing() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    try Migrator(migrations: migrations()).migrate(db)
    #expect(try Migrator(migrations: migrations()).migrate(db).isEmpty)
  }

  @Test func anEditedAppliedMigrationIsRefused() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    try Migrator(migrations: migrations()).migrate(db)
    let edited = migrations("CREATE TABLE b (y TEXT) STRICT;")
    #expect(throws: MigrationError.edited(name: "0002_b.sql")) {
      try Migrator(migrations: edited).migrate(db)
    }
  }

  @Test func aDatabaseFromANewerBinaryIsRefused() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    try Migrator(migrations: migrations()).migrate(db)
    #expect(throws: MigrationError.newerDatabase(name: "0002_b.sql")) {
      try Migrator(migrations: Array(migrations().prefix(1))).migrate(db)
    }
  }

  @Test func aFailingMigrationLeavesNothingOfItself() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    let broken = migrations("CREATE TABLE b (y INTEGER) STRICT; INSERT INTO nowhere VALUES (1);")
    #expect(throws: MigrationError.self) { try Migrator(migrations: broken).migrate(db) }
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM sqlite_schema WHERE name = 'b'") == 0)
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM schema_migration") == 1)
  }

  @Test func checkAppliedRefusesEditedAndNewerMigrationsWithoutApplyingAnything() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    try Migrator(migrations: Array(migrations().prefix(1))).migrate(db)
    // Pending migrations are not its business: only what is applied is checked.
    try Migrator(migrations: migrations()).checkApplied(db)
    let edited = [Migration(name: "0001_a.sql", sql: "CREATE TABLE a (x TEXT) STRICT;")!]
    #expect(throws: MigrationError.edited(name: "0001_a.sql")) {
      try Migrator(migrations: edited).checkApplied(db)
    }
    #expect(throws: MigrationError.newerDatabase(name: "0001_a.sql")) {
      try Migrator(migrations: []).checkApplied(db)
    }
    #expect(try Migrator(migrations: migrations()).pending(db) == ["0002_b.sql"])
  }

  @Test func aForeignDatabaseIsRefused() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    try db.execute("CREATE TABLE other (z INTEGER)")
    #expect(throws: MigrationError.notARegister) {
      try Migrator(migrations: migrations()).migrate(db)
    }
  }

  @Test(arguments: ["001_a.sql", "0001_a.txt", "abcd_a.sql"])
  func badFileNamesAreNotMigrations(name: String) {
    #expect(Migration(name: name, sql: "") == nil)
  }
}

@Suite struct MigratorSchemaTests {
  let directory = TemporaryDirectory()

  static let migrations = [
    Migration(
      name: "0001_a.sql",
      sql: """
        CREATE TABLE a (x INTEGER) STRICT; CREATE TABLE gone (z INTEGER);
        CREATE TRIGGER a_kept BEFORE DELETE ON a BEGIN SELECT RAISE(ABORT, 'kept'); END;
        """)!,
    Migration(
      name: "0002_b.sql",
      sql: "DROP TABLE gone; CREATE INDEX a_x ON a(x); ALTER TABLE a ADD COLUMN y TEXT;")!,
  ]

  @Test func aDatabaseAsItsMigrationsMadeItHasNoDifferences() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    let migrator = Migrator(migrations: Self.migrations)
    try migrator.migrate(db)
    #expect(try migrator.schemaDifferences(db) == [])
    try db.run("INSERT INTO a(x) VALUES (1)")
    try db.execute("ANALYZE")
    #expect(try migrator.schemaDifferences(db) == [], "SQLite's own tables are not hwc's schema")
  }

  @Test func everyDifferenceIsNamedWithTheMigrationsThatMadeIt() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    let migrator = Migrator(migrations: Self.migrations)
    try migrator.migrate(db)
    try db.execute(
      """
      ALTER TABLE a ADD COLUMN w TEXT; DROP INDEX a_x; CREATE TABLE gone (z INTEGER);
      CREATE TRIGGER a BEFORE UPDATE ON a BEGIN SELECT 1; END;
      DROP TRIGGER a_kept; CREATE TRIGGER a_kept BEFORE DELETE ON a BEGIN SELECT 1; END;
      """)
    #expect(
      try migrator.schemaDifferences(db) == [
        "table a differs from what migration 0001_a.sql created and migration 0002_b.sql "
          + "last changed",
        "trigger a_kept differs from what migration 0001_a.sql created",
        "index a_x is missing (hwc's migrations create it)",
        "table gone is not made by hwc's migrations (migration 0002_b.sql dropped it)",
        "trigger a is not made by hwc's migrations",
      ])
  }

  @Test func aDatabaseWithoutAMigrationRecordHasNothingOfTheMigrations() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    try db.execute("CREATE TABLE t (x)")
    #expect(
      try Migrator(migrations: Self.migrations).schemaDifferences(db) == [
        "table schema_migration is missing (hwc's migrations create it)",
        "table t is not made by hwc's migrations",
      ])
  }
}
