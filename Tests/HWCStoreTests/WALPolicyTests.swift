import HWCTestSupport
import Testing

@testable import HWCStore

#if canImport(Glibc)
  import Glibc
#endif

/// The WAL policy (issue #12): a transaction that wrote 1,000 pages or more checkpoints its own
/// pages when it commits; a small transaction does not copy pages other transactions left in
/// the log, which SQLite's automatic checkpoint would make it do once the log passes 1,000.
@Suite struct WALPolicyTests {
  let directory = TemporaryDirectory()

  /// Bytes of the main database file (the log excluded).
  func mainFileBytes(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : -1
  }

  /// Writes `pages` pages of 4,000-byte blobs in one transaction.
  func writeBig(_ db: Database, pages: Int) throws {
    try db.transaction {
      for _ in 0..<pages {
        try db.run("INSERT INTO t(x) VALUES (zeroblob(4000))", [])
      }
    }
  }

  @Test func aBigTransactionCheckpointsItsOwnPagesWhenItCommits() throws {
    let path = directory.file("big.sqlite")
    let db = try Database(path: path)
    try db.execute("CREATE TABLE t(x BLOB)")
    let before = mainFileBytes(path)
    try writeBig(db, pages: 1_500)
    #expect(mainFileBytes(path) >= before + 1_500 * 4_000)
  }

  @Test func aSmallTransactionLeavesAnotherTransactionsPagesInTheLog() throws {
    let path = directory.file("small.sqlite")
    let writer = try Database(path: path)
    let desk = try Database(path: path)
    let reader = try Database(path: path)
    try writer.execute("CREATE TABLE t(x BLOB); CREATE TABLE note(y TEXT)")
    // A reader's snapshot keeps the big transaction's own checkpoint from copying its pages.
    try reader.execute("BEGIN")
    _ = try reader.scalar(Int.self, "SELECT count(*) FROM t")
    try writeBig(writer, pages: 1_500)
    try reader.execute("COMMIT")
    let left = mainFileBytes(path)
    #expect(left < 1_000 * 4_000)
    // SQLite's automatic checkpoint would copy the 1,500 pages now; the desk command does not.
    try desk.run("INSERT INTO note(y) VALUES ('a desk command')", [])
    #expect(mainFileBytes(path) == left)
    #expect(try desk.scalar(Int.self, "SELECT count(*) FROM t") == 1_500)
  }
}
