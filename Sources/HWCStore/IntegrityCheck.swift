import Dispatch

/// `PRAGMA integrity_check` of a database file, run on its own read-only connection in another
/// thread, so the caller can do other work on its connection meanwhile (the machine's second
/// core: `hwc check` reads the foreign keys, the audit chain and the ledger while SQLite
/// checks every page and index). Each connection reads a consistent snapshot of its own.
///
/// An in-memory database has no file another connection could open, and a file may have been
/// moved or removed since the caller opened it: then the check runs on the caller's connection,
/// in `wait`.
public final class IntegrityCheck: @unchecked Sendable {
  private let path: String
  private let group = DispatchGroup()
  /// Written by the worker before it leaves the group, read after `wait` has seen it leave.
  private var outcome: Result<[String], any Error>?

  /// Starts checking the file at `path` (the check of `:memory:` waits for `wait(on:)`).
  public init(path: String) {
    self.path = path
    guard path != ":memory:" else { return }
    group.enter()
    DispatchQueue.global().async { [self] in
      defer { group.leave() }
      // A file that cannot be opened again (moved or removed since) is checked in `wait`.
      guard let reader = try? Database(path: path, create: false, readOnly: true) else { return }
      outcome = Result { try IntegrityCheck.run(on: reader) }
    }
  }

  /// SQLite's findings, `["ok"]` when it found nothing; `db` runs the check when the file could
  /// not be opened by another connection.
  public func wait(on db: Database) throws -> [String] {
    group.wait()
    guard let outcome else { return try IntegrityCheck.run(on: db) }
    return try outcome.get()
  }

  /// `PRAGMA integrity_check` on `db`: its lines.
  private static func run(on db: Database) throws -> [String] {
    try db.prepare("PRAGMA integrity_check").map { $0.text("integrity_check") }
  }
}
