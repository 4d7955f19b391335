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

  /// Waiting for another writer is `BusyWait`'s (see `BusyWaitTests`): SQLite's own busy
  /// timeout, which `PRAGMA busy_timeout` reports, is replaced by it.
  @Test func openSetsWALFullSyncAndForeignKeys() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    #expect(try db.scalar(String.self, "PRAGMA journal_mode") == "wal")
    #expect(try db.scalar(Int.self, "PRAGMA synchronous") == 2)
    #expect(try db.scalar(Int.self, "PRAGMA foreign_keys") == 1)
    #expect(db.busyGiveUpSeconds >= 5)
  }

  @Test func aTraceHoldsEachStatementRunWithItsValuesAndSkipsTriggerComments() throws {
    let trace = directory.file("trace.sql")
    do {
      let db = try Database(path: directory.file("t.sqlite"))
      try db.execute(
        "CREATE TABLE t(a TEXT); CREATE TABLE u(b TEXT); "
          + "CREATE TRIGGER t_copy AFTER INSERT ON t BEGIN INSERT INTO u VALUES (new.a); END")
      try db.traceStatements(to: trace)
      try db.run("INSERT INTO t(a) VALUES (?)", [.text("it's")])
      #expect(try db.scalar(Int.self, "SELECT count(*) FROM u WHERE b = ?", [.text("it's")]) == 1)
    }
    let text = try #require(directory.read("trace.sql"))
    #expect(
      text == "INSERT INTO t(a) VALUES ('it''s');\n"
        + "SELECT count(*) FROM u WHERE b = 'it''s';\n")
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
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM t") == 1)
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
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM t") == 0)
    #expect(!db.inTransaction)
  }

  @Test func scalarIsNilWhenThereIsNoRowAndWhenTheValueIsNull() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    try db.execute("CREATE TABLE t (x INTEGER, s TEXT) STRICT; INSERT INTO t VALUES (NULL, NULL);")
    #expect(try db.scalar(Int.self, "SELECT x FROM t WHERE x = 1") == nil)
    #expect(try db.scalar(String.self, "SELECT s FROM t WHERE s = 'a'") == nil)
    #expect(try db.scalar(Int.self, "SELECT x FROM t") == nil)
    #expect(try db.scalar(String.self, "SELECT s FROM t") == nil)
  }

  @Test func scalarReadsTheFirstColumnOfTheFirstRow() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    try db.execute("CREATE TABLE t (x INTEGER, s TEXT) STRICT; INSERT INTO t VALUES (0, '');")
    #expect(try db.scalar(Int.self, "SELECT x FROM t") == 0)
    #expect(try db.scalar(String.self, "SELECT s FROM t") == "")
    #expect(try db.scalar(Int.self, "SELECT ? + 1", [.integer(41)]) == 42)
    #expect(try db.scalar(String.self, "SELECT upper(?)", with: ["kaz"]) == "KAZ")
    #expect(try db.scalar(Int64.self, "SELECT ?", with: [Int64.max]) == Int64.max)
    #expect(try db.scalar(Bool.self, "SELECT 1") == true)
    #expect(try db.scalar([UInt8].self, "SELECT x'0a0b'") == [10, 11])
  }

  @Test func savepointKeepsItsWorkWhenTheBodyReturns() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    try db.execute("CREATE TABLE t (x INTEGER) STRICT")
    try db.transaction {
      let value = try db.savepoint { () throws -> Int in
        try db.run("INSERT INTO t VALUES (1)")
        return 7
      }
      #expect(value == 7)
    }
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM t") == 1)
  }

  @Test func savepointUndoesOnlyItsOwnWorkWhenTheBodyThrows() throws {
    struct Refused: Error {}
    let db = try Database(path: directory.file("r.sqlite"))
    try db.execute("CREATE TABLE t (x INTEGER) STRICT")
    try db.transaction {
      try db.run("INSERT INTO t VALUES (1)")
      #expect(throws: Refused.self) {
        try db.savepoint {
          try db.run("INSERT INTO t VALUES (2)")
          throw Refused()
        }
      }
      #expect(db.inTransaction)
      try db.run("INSERT INTO t VALUES (3)")
    }
    #expect(try db.prepare("SELECT x FROM t ORDER BY x").map { $0.int(0) } == [1, 3])
  }

  @Test func aConstraintErrorInASavepointIsUndoneAndTheTransactionGoesOn() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    try db.execute("CREATE TABLE t (x INTEGER UNIQUE) STRICT")
    try db.transaction {
      try db.run("INSERT INTO t VALUES (1)")
      #expect(throws: SQLiteError.self) {
        try db.savepoint {
          try db.run("INSERT INTO t VALUES (2)")
          try db.run("INSERT INTO t VALUES (1)")
        }
      }
      try db.run("INSERT INTO t VALUES (3)")
    }
    #expect(try db.prepare("SELECT x FROM t ORDER BY x").map { $0.int(0) } == [1, 3])
  }

  @Test func savepointsNestThreeDeepAndAnInnerThrowCaughtInTheMiddleUndoesOnlyTheInnermost()
    throws
  {
    struct Refused: Error {}
    let db = try Database(path: directory.file("r.sqlite"))
    try db.execute("CREATE TABLE t (x INTEGER) STRICT")
    try db.transaction {
      try db.savepoint {
        try db.run("INSERT INTO t VALUES (1)")
        try db.savepoint {
          try db.run("INSERT INTO t VALUES (2)")
          do {
            try db.savepoint {
              try db.run("INSERT INTO t VALUES (3)")
              throw Refused()
            }
          } catch is Refused {
            try db.run("INSERT INTO t VALUES (4)")
          }
          // A second savepoint at the same depth after the rolled-back one.
          try db.savepoint { try db.run("INSERT INTO t VALUES (5)") }
        }
      }
    }
    #expect(try db.prepare("SELECT x FROM t ORDER BY x").map { $0.int(0) } == [1, 2, 4, 5])
    #expect(!db.inTransaction)
  }

  @Test func aThrowThroughEveryLevelRollsBackEverything() throws {
    struct Refused: Error {}
    let db = try Database(path: directory.file("r.sqlite"))
    try db.execute("CREATE TABLE t (x INTEGER) STRICT")
    #expect(throws: Refused.self) {
      try db.transaction {
        try db.run("INSERT INTO t VALUES (1)")
        try db.savepoint {
          try db.run("INSERT INTO t VALUES (2)")
          try db.savepoint {
            try db.run("INSERT INTO t VALUES (3)")
            throw Refused()
          }
        }
      }
    }
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM t") == 0)
    #expect(!db.inTransaction)
    // The connection is usable again, savepoints included.
    try db.transaction { try db.savepoint { try db.run("INSERT INTO t VALUES (9)") } }
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM t") == 1)
  }

  @Test func aSavepointOutsideATransactionIsOne() throws {
    struct Refused: Error {}
    let db = try Database(path: directory.file("r.sqlite"))
    try db.execute("CREATE TABLE t (x INTEGER) STRICT")
    try db.savepoint {
      #expect(db.inTransaction)
      try db.run("INSERT INTO t VALUES (1)")
    }
    #expect(throws: Refused.self) {
      try db.savepoint {
        try db.run("INSERT INTO t VALUES (2)")
        throw Refused()
      }
    }
    #expect(!db.inTransaction)
    #expect(try db.prepare("SELECT x FROM t").map { $0.int(0) } == [1])
  }

  @Test func aNestedTransactionRollsBackOnlyItsPartAndTheOuterCommitsTheRest() throws {
    struct Refused: Error {}
    let db = try Database(path: directory.file("r.sqlite"))
    try db.execute("CREATE TABLE t (x INTEGER) STRICT")
    try db.transaction {
      try db.run("INSERT INTO t VALUES (1)")
      #expect(throws: Refused.self) {
        try db.transaction {
          try db.run("INSERT INTO t VALUES (2)")
          throw Refused()
        }
      }
      try db.transaction(.deferred) { try db.run("INSERT INTO t VALUES (3)") }
      #expect(db.inTransaction)
    }
    #expect(!db.inTransaction)
    // Read from a second connection: committed, not just visible to this one.
    let other = try Database(path: directory.file("r.sqlite"), create: false)
    #expect(try other.prepare("SELECT x FROM t ORDER BY x").map { $0.int(0) } == [1, 3])
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
    #expect(try copy.scalar(Int.self, "SELECT x FROM t") == 7)
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
    #expect(try second.scalar(Int.self, "SELECT count(*) FROM t") == 2)
  }
}
