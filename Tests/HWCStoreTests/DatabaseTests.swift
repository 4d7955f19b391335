import Dispatch
import HWCTestSupport
import Testing

@testable import HWCStore

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct DatabaseTests {
  let directory = TemporaryDirectory()

  @Test func newFileIsCreatedReadableByItsOwnerOnly() throws {
    let path = directory.file("r.sqlite")
    _ = try Database(path: path)
    var info = stat()
    #expect(stat(path, &info) == 0)
    #expect(info.st_mode & 0o777 == 0o600)
  }

  @Test func openSetsWALFullSyncForeignKeysAndBusyTimeout() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    #expect(try db.scalarText("PRAGMA journal_mode") == "wal")
    #expect(try db.scalarInt("PRAGMA synchronous") == 2)
    #expect(try db.scalarInt("PRAGMA foreign_keys") == 1)
    #expect(try db.scalarInt("PRAGMA busy_timeout") >= 5000)
  }

  @Test func openingAMissingFileWithoutCreateFails() {
    #expect(throws: SQLiteError.self) {
      _ = try Database(path: directory.file("missing.sqlite"), create: false)
    }
  }

  @Test func transactionCommitsWhenTheBodyReturns() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    try db.execute("CREATE TABLE t (x INTEGER) STRICT")
    try db.transaction { try db.run("INSERT INTO t VALUES (?)", [.integer(1)]) }
    #expect(try db.scalarInt("SELECT count(*) FROM t") == 1)
  }

  @Test func transactionRollsBackEverythingWhenTheBodyThrows() throws {
    struct Boom: Error {}
    let db = try Database(path: directory.file("r.sqlite"))
    try db.execute("CREATE TABLE t (x INTEGER) STRICT")
    #expect(throws: Boom.self) {
      try db.transaction {
        try db.run("INSERT INTO t VALUES (1)")
        try db.transaction { try db.run("INSERT INTO t VALUES (2)") }
        throw Boom()
      }
    }
    #expect(try db.scalarInt("SELECT count(*) FROM t") == 0)
    #expect(!db.inTransaction)
  }

  @Test func typedBindingRoundTripsEveryKind() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    try db.execute("CREATE TABLE t (i INTEGER, s TEXT, b BLOB, n TEXT) STRICT")
    try db.run(
      "INSERT INTO t VALUES (?, ?, ?, ?)",
      [.integer(Int64.max), .text("Жанибек, \"quoted\""), .blob([0, 1, 255]), .null])
    let row = try db.prepare("SELECT i, s, b, n FROM t").first { row in
      (row.int(0), row.text(1), row.blob(2), row.optionalText(3))
    }
    #expect(row?.0 == Int.max)
    #expect(row?.1 == "Жанибек, \"quoted\"")
    #expect(row?.2 == [0, 1, 255])
    #expect(row?.3 == nil)
  }

  @Test func errorDescriptionNamesTheSQLButNeverTheBoundValues() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    try db.execute("CREATE TABLE t (id TEXT UNIQUE) STRICT")
    try db.run("INSERT INTO t VALUES (?)", [.text("880512300411")])
    do {
      try db.run("INSERT INTO t VALUES (?)", [.text("880512300411")])
      Issue.record("a duplicate was accepted")
    } catch {
      #expect(error.isConstraint)
      #expect(error.description.contains("INSERT INTO t VALUES (?)"))
      #expect(!error.description.contains("880512300411"))
    }
  }

  @Test func strictTablesRefuseTheWrongType() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    try db.execute("CREATE TABLE t (x INTEGER) STRICT")
    #expect(throws: SQLiteError.self) { try db.run("INSERT INTO t VALUES ('abc')") }
  }

  @Test func backupWritesAConsistentCopy() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    try db.execute("CREATE TABLE t (x INTEGER) STRICT; INSERT INTO t VALUES (7);")
    try db.backup(to: directory.file("copy.sqlite"))
    let copy = try Database(path: directory.file("copy.sqlite"), create: false)
    #expect(try copy.scalarInt("SELECT x FROM t") == 7)
  }

  @Test func aSecondWriterWaitsForTheFirstInsteadOfFailing() throws {
    let path = directory.file("r.sqlite")
    let first = try Database(path: path)
    try first.execute("CREATE TABLE t (x INTEGER) STRICT")
    let second = try Database(path: path)
    try first.execute("BEGIN IMMEDIATE")
    try first.run("INSERT INTO t VALUES (1)")
    // Another thread commits the first writer's transaction 300 ms from now; meanwhile the
    // second writer's BEGIN IMMEDIATE must wait on the busy timeout, not fail with SQLITE_BUSY.
    final class Box: @unchecked Sendable {
      let db: Database
      init(_ db: Database) { self.db = db }
    }
    let box = Box(first)
    DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(300)) {
      try? box.db.execute("COMMIT")
    }
    try second.transaction { try second.run("INSERT INTO t VALUES (2)") }
    #expect(try second.scalarInt("SELECT count(*) FROM t") == 2)
  }
}
