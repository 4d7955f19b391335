import CSQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Row {
  /// True when the 0-based column is a BLOB holding exactly `bytes`, compared in place (no copy
  /// of the column is made: for loops that check millions of stored digests).
  public func blobEquals(_ index: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
    let column = Int32(index)
    guard sqlite3_column_type(statement.handle, column) == SQLITE_BLOB else { return false }
    let length = Int(sqlite3_column_bytes(statement.handle, column))
    guard length == bytes.count else { return false }
    guard length > 0 else { return true }
    guard let stored = sqlite3_column_blob(statement.handle, column), let base = bytes.baseAddress
    else { return false }
    return memcmp(stored, base, length) == 0
  }
}
