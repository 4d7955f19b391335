import HWCTestSupport
import Testing

@testable import HWCStore

/// A change stamp taken in a read transaction equals one taken later under the write lock only
/// when nobody changed the database in between: not another connection, not this one.
@Suite struct ChangeStampTests {
  let directory = TemporaryDirectory()

  func opened() throws -> (Database, String) {
    let path = directory.file("r.sqlite")
    let db = try Database(path: path)
    try db.execute("CREATE TABLE t(x INTEGER)")
    return (db, path)
  }

  /// The stamp inside a read transaction, then the stamp once the write lock is held, with
  /// `between` run after the read transaction ended.
  func stamps(_ db: Database, between: () throws -> Void) throws -> (ChangeStamp, ChangeStamp) {
    let read = try db.transaction(.deferred) { try db.changeStamp() }
    try between()
    let write = try db.transaction(.immediate) { try db.changeStamp() }
    return (read, write)
  }

  @Test func nothingDoneInBetweenKeepsTheStamp() throws {
    let (db, _) = try opened()
    let (read, write) = try stamps(db) {}
    #expect(read == write)
  }

  @Test func aCommitByAnotherConnectionChangesTheStamp() throws {
    let (db, path) = try opened()
    let other = try Database(path: path, create: false)
    let (read, write) = try stamps(db) { try other.execute("INSERT INTO t VALUES (1)") }
    #expect(read != write)
  }

  @Test func aChangeByThisConnectionChangesTheStamp() throws {
    let (db, _) = try opened()
    let (read, write) = try stamps(db) { try db.execute("INSERT INTO t VALUES (1)") }
    #expect(read != write)
  }
}
