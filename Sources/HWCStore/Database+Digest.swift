import CSQLite
import HWCCore

extension Database {
  /// Adds `hwc_digest(text)` to the connection: the first 16 hex digits of the text's SHA-256, or
  /// NULL for NULL. Audited states use it to cover a value (a user's secret hash) without
  /// revealing it; another SQLite tool lacks the function, which matters only to hwc's own views.
  static func addDigestFunction(_ handle: OpaquePointer) {
    sqlite3_create_function_v2(
      handle, "hwc_digest", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil,
      { context, count, values in
        guard count == 1, let values, let value = values[0],
          sqlite3_value_type(value) != SQLITE_NULL, let text = sqlite3_value_text(value)
        else {
          sqlite3_result_null(context)
          return
        }
        let length = Int(sqlite3_value_bytes(value))
        var hasher = SHA256()
        hasher.update(UnsafeRawBufferPointer(start: text, count: length))
        let digest = String(SHA256.hex(hasher.finalize()).prefix(16))
        hwc_result_text(context, digest, Int32(digest.utf8.count))
      }, nil, nil, nil)
  }
}
