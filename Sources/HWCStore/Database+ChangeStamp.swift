import CSQLite

/// What a connection can tell about changes to its database since it last looked: the
/// `data_version` SQLite bumps when another connection (of any process) commits, and the rows
/// this connection itself inserted, updated or deleted.
///
/// Two stamps taken on the same connection are equal only when nobody changed the database in
/// between: a reader that took one stamp inside its read transaction and another once it holds
/// the write lock knows that what it read is still what is there.
public struct ChangeStamp: Equatable, Sendable {
  /// `PRAGMA data_version`: changes when another connection commits.
  let dataVersion: Int
  /// `sqlite3_total_changes64`: rows changed by this connection since it was opened.
  let ownChanges: Int
}

extension Database {
  /// The connection's change stamp now. Inside a transaction it describes the transaction's
  /// snapshot (SQLite notices other connections' commits when a transaction starts).
  public func changeStamp() throws(SQLiteError) -> ChangeStamp {
    let version = try scalar(Int.self, "PRAGMA data_version") ?? 0
    return ChangeStamp(dataVersion: version, ownChanges: Int(sqlite3_total_changes64(handle)))
  }
}
