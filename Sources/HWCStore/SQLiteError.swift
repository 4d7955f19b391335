/// An error reported by SQLite: its result code, its message and the SQL that failed.
///
/// The description never shows bound values: they can hold a herder's national ID.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
  /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`, `SQLITE_BUSY`, …).
  public let code: Int32
  /// SQLite's own message.
  public let message: String
  /// The statement text, with `?` placeholders where values were bound.
  public let sql: String?

  /// The database file the connection had open, when known.
  public let file: String?
  /// The operating system's `errno` behind an I/O error (`ENOSPC`, `EFBIG`, …), else 0.
  public let systemErrno: Int32

  public init(
    code: Int32, message: String, sql: String?, file: String? = nil, systemErrno: Int32 = 0
  ) {
    self.code = code
    self.message = message
    self.sql = sql
    self.file = file
    self.systemErrno = systemErrno
  }

  /// The primary result code (the low byte of the extended code).
  public var primaryCode: Int32 { code & 0xFF }

  /// True for a constraint violation (UNIQUE, CHECK, FOREIGN KEY, NOT NULL, trigger RAISE).
  public var isConstraint: Bool { primaryCode == 19 }

  public var description: String {
    if let sql {
      return "database error \(code): \(message) (in: \(sql))"
    }
    return "database error \(code): \(message)"
  }
}
