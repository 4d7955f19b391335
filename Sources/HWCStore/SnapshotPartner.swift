import CSQLite
import Dispatch

/// A second, read-only connection to the file of the caller's connection, reading on another
/// thread inside a read transaction that sees exactly the caller's snapshot: `hwc audit verify`
/// walks the chain there while the caller compares the records (the machine's second core).
///
/// The system SQLite has no snapshot API (`SQLITE_ENABLE_SNAPSHOT`), so the two read transactions
/// are proven to start on the same commit instead, without taking any lock a writer would wait
/// for:
/// 1. the partner opens its connection and reads `PRAGMA data_version` (a read transaction of
///    its own, ended at once);
/// 2. the caller then starts its read transaction;
/// 3. the partner then starts its read transaction and reads `PRAGMA data_version` again.
///
/// SQLite changes a connection's `data_version` whenever another connection committed between
/// two of its reads. When both values are equal, nothing was committed between step 1 and step 3,
/// so the caller's snapshot (taken between them) is the partner's. When they differ (a writer
/// committed meanwhile), the partner does no work and `wait()` says so: the caller does all of
/// it on its own connection. Writers are never blocked, and a read-only file works the same.
public final class SnapshotPartner: @unchecked Sendable {
  private let group = DispatchGroup()
  private let opened = DispatchSemaphore(value: 0)
  private let started = DispatchSemaphore(value: 0)
  /// Written by the partner before it leaves the group, read after `wait()` saw it leave.
  private var shared = false
  /// Whether a partner thread was started at all.
  private var running = false

  /// Starts the partner, which runs `work` on the shared snapshot. Call it inside a transaction
  /// of `db` that has read nothing yet (a deferred `BEGIN`), on `db`'s thread: on return, `db`'s
  /// read transaction has started. Without a file another connection can open (`:memory:`), or
  /// when `db` already reads a snapshot, no partner starts and `db` starts its transaction alone.
  ///
  /// `beforeSharing` runs on the partner's thread between steps 2 and 3 (tests commit a write
  /// there, to show the partner then stands aside).
  public init(
    sharing db: Database, beforeSharing: (@Sendable () -> Void)? = nil,
    work: @escaping @Sendable (Database) throws -> Void
  ) throws {
    let canShare =
      db.path != ":memory:" && sqlite3_get_autocommit(db.handle) == 0
      && sqlite3_txn_state(db.handle, "main") == SQLITE_TXN_NONE
    if canShare {
      running = true
      group.enter()
      let path = db.path
      DispatchQueue.global().async { [self] in
        defer { group.leave() }
        var reader: Database?
        var before: Int?
        do {
          let connection = try Database(path: path, create: false, readOnly: true)
          before = try connection.scalar(Int.self, "PRAGMA data_version")
          reader = connection
        } catch {}
        opened.signal()
        guard let reader, let before else { return }
        started.wait()
        beforeSharing?()
        do {
          try reader.transaction(.deferred) {
            let after = try reader.scalar(Int.self, "PRAGMA data_version")
            guard after == before, sqlite3_txn_state(reader.handle, "main") == SQLITE_TXN_READ
            else { return }
            shared = true
            try work(reader)
          }
        } catch {
          // `work` keeps its own outcomes; a failure to begin or end leaves the work undone.
        }
      }
      opened.wait()
    }
    // The caller's read transaction starts here, between the partner's two reads.
    _ = try db.scalar(Int.self, "PRAGMA data_version")
    if running { started.signal() }
  }

  /// Waits for the partner to finish; true when it ran `work` on the caller's snapshot, false
  /// when it did not run it at all (the caller must then do that work itself).
  @discardableResult
  public func wait() -> Bool {
    guard running else { return false }
    group.wait()
    return shared
  }
}
