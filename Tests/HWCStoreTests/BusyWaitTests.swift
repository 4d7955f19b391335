import Dispatch
import Foundation
import HWCTestSupport
import Testing

@testable import HWCStore

/// A writer that finds the write lock taken waits: as long as a live long writer's note says it
/// holds the lock, saying once what it waits for; otherwise for a bounded time only.
@Suite struct BusyWaitTests {
  let directory = TemporaryDirectory()

  /// Lets another thread end the first connection's transaction.
  final class Box: @unchecked Sendable {
    let db: Database
    init(_ db: Database) { self.db = db }
  }

  /// Collects the waiting lines a connection reports.
  final class Lines: @unchecked Sendable {
    var lines: [String] = []
  }

  /// Two connections to a fresh register; the first holds the write lock and releases it after
  /// `release` seconds (never when nil). The second gives up after `giveUp` seconds with no live
  /// noted holder.
  func contend(release: Double?, giveUp: Double) throws
    -> (second: Database, lines: Lines, first: Box)
  {
    let path = directory.file("r.sqlite")
    let first = try Database(path: path)
    try first.execute("CREATE TABLE IF NOT EXISTS t (x INTEGER) STRICT")
    let second = try Database(path: path)
    second.busyGiveUpSeconds = giveUp
    let lines = Lines()
    second.writerWaitNotice = { lines.lines.append($0) }
    try first.execute("BEGIN IMMEDIATE")
    let box = Box(first)
    if let release {
      DispatchQueue.global().asyncAfter(deadline: .now() + release) {
        try? box.db.execute("COMMIT")
      }
    }
    return (second, lines, box)
  }

  @Test func withALiveNotedHolderAWriterWaitsPastTheBoundAndSaysWhatItWaitsFor() throws {
    let note = WriterNote(user: "saule", command: "a complaint import", started: 1_780_000_000)
    try note.write(databasePath: directory.file("r.sqlite"))
    let (second, lines, _) = try contend(release: 1.6, giveUp: 0.3)
    let start = Date()
    try second.transaction { try second.run("INSERT INTO t VALUES (2)") }
    #expect(Date().timeIntervalSince(start) >= 1.0)
    #expect(lines.lines == [note.waitingLine])
    #expect(note.waitingLine.hasPrefix("waiting for a complaint import by saule, started "))
    #expect(note.waitingLine.hasSuffix(" (pid \(getpid()))…"))
  }

  @Test func withNoNoteAWriterGivesUpAfterTheBoundedTime() throws {
    let (second, _, first) = try contend(release: nil, giveUp: 0.3)
    defer { try? first.db.execute("ROLLBACK") }
    let start = Date()
    #expect(throws: SQLiteError.self) {
      try second.transaction { try second.run("INSERT INTO t VALUES (2)") }
    }
    #expect(Date().timeIntervalSince(start) >= 0.3)
  }

  @Test func aStaleNoteOfAProcessThatEndedIsIgnored() throws {
    let stale = try StaleWriterNote.write(databasePath: directory.file("r.sqlite"))
    #expect(!stale.holderIsAlive)
    // A dead holder's note does not keep the waiter waiting, nor is it named.
    let (second, lines, first) = try contend(release: nil, giveUp: 1.3)
    defer { try? first.db.execute("ROLLBACK") }
    #expect(throws: SQLiteError.self) {
      try second.transaction { try second.run("INSERT INTO t VALUES (2)") }
    }
    #expect(lines.lines == ["waiting for another command writing to the register…"])
  }

  @Test func aLongWriteLeavesItsNoteWhileItHoldsTheLockAndRemovesItAfter() throws {
    let path = directory.file("r.sqlite")
    let db = try Database(path: path)
    try db.execute("CREATE TABLE t (x INTEGER) STRICT")
    var seen: WriterNote?
    try db.longWrite(command: "an inspection import", user: "marat") {
      seen = WriterNote.read(databasePath: path)
      try db.run("INSERT INTO t VALUES (1)")
    }
    #expect(seen?.user == "marat" && seen?.command == "an inspection import")
    #expect(seen?.pid == getpid())
    var info = stat()
    #expect(stat(WriterNote.path(for: path), &info) != 0, "the note outlived the write")
  }
}
