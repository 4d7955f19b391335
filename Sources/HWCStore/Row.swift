import CSQLite

/// The current row of a statement; valid only inside the callback that receives it.
public struct Row {
  let statement: Statement

  /// The current row of `statement`, after `step()` returned true.
  public init(statement: Statement) { self.statement = statement }

  /// Number of columns in the row.
  public var count: Int { Int(sqlite3_column_count(statement.handle)) }

  /// True when the 0-based column holds NULL.
  public func isNull(_ index: Int) -> Bool {
    sqlite3_column_type(statement.handle, Int32(index)) == SQLITE_NULL
  }

  /// The 0-based column as an integer (0 for NULL).
  public func int(_ index: Int) -> Int { Int(sqlite3_column_int64(statement.handle, Int32(index))) }

  /// The 0-based column as an integer, nil for NULL.
  public func optionalInt(_ index: Int) -> Int? { isNull(index) ? nil : int(index) }

  /// The 0-based column as a boolean stored as an integer (false for 0 and NULL).
  public func bool(_ index: Int) -> Bool { int(index) != 0 }

  /// The 0-based column as text ("" for NULL).
  public func text(_ index: Int) -> String {
    guard let pointer = sqlite3_column_text(statement.handle, Int32(index)) else { return "" }
    let length = Int(sqlite3_column_bytes(statement.handle, Int32(index)))
    return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
  }

  /// The 0-based column as text, nil for NULL.
  public func optionalText(_ index: Int) -> String? { isNull(index) ? nil : text(index) }

  /// The 0-based column as bytes.
  public func blob(_ index: Int) -> [UInt8] {
    let length = Int(sqlite3_column_bytes(statement.handle, Int32(index)))
    guard length > 0, let pointer = sqlite3_column_blob(statement.handle, Int32(index)) else {
      return []
    }
    return Array(UnsafeRawBufferPointer(start: pointer, count: length))
  }

  /// The 0-based column as a value of its stored type (a REAL is read as its text).
  public func value(_ index: Int) -> SQLValue {
    switch sqlite3_column_type(statement.handle, Int32(index)) {
    case SQLITE_NULL: return .null
    case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement.handle, Int32(index)))
    case SQLITE_BLOB: return .blob(blob(index))
    default: return .text(text(index))
    }
  }

  /// Appends the 0-based column to `bytes` typed, as `SQLValue.appendTyped(to:)` does, read
  /// straight from SQLite without an intermediate value.
  public func appendTyped(_ index: Int, to bytes: inout [UInt8]) {
    let column = Int32(index)
    switch sqlite3_column_type(statement.handle, column) {
    case SQLITE_NULL: bytes.append(0)
    case SQLITE_INTEGER:
      SQLValue.appendInteger(sqlite3_column_int64(statement.handle, column), to: &bytes)
    case SQLITE_BLOB:
      let length = Int(sqlite3_column_bytes(statement.handle, column))
      SQLValue.appendLength(3, length, to: &bytes)
      if length > 0, let pointer = sqlite3_column_blob(statement.handle, column) {
        bytes.append(contentsOf: UnsafeRawBufferPointer(start: pointer, count: length))
      }
    default:
      let pointer = sqlite3_column_text(statement.handle, column)
      let length = Int(sqlite3_column_bytes(statement.handle, column))
      SQLValue.appendLength(2, pointer == nil ? 0 : length, to: &bytes)
      if let pointer, length > 0 {
        bytes.append(contentsOf: UnsafeBufferPointer(start: pointer, count: length))
      }
    }
  }

  /// Calls `body` with the raw UTF-8 bytes of a text column, without copying.
  public func withTextBytes<T>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows
    -> T
  {
    let pointer = sqlite3_column_text(statement.handle, Int32(index))
    let length = Int(sqlite3_column_bytes(statement.handle, Int32(index)))
    return try body(UnsafeRawBufferPointer(start: pointer, count: pointer == nil ? 0 : length))
  }

  // Named columns: `row.int("amount_minor")`. The name is the column's `AS` alias, else its
  // name; it is resolved to an index once per statement. A name the query does not return is a
  // programmer error (the program stops with the name), never a silent 0.

  /// True when the column named `name` holds NULL.
  public func isNull(_ name: String) -> Bool { isNull(statement.columnIndex(name)) }

  /// The column named `name` as an integer (0 for NULL).
  public func int(_ name: String) -> Int { int(statement.columnIndex(name)) }

  /// The column named `name` as an integer, nil for NULL.
  public func optionalInt(_ name: String) -> Int? { optionalInt(statement.columnIndex(name)) }

  /// The column named `name` as a boolean stored as an integer (false for 0 and NULL).
  public func bool(_ name: String) -> Bool { bool(statement.columnIndex(name)) }

  /// The column named `name` as a boolean stored as an integer, nil for NULL.
  public func optionalBool(_ name: String) -> Bool? {
    let index = statement.columnIndex(name)
    return isNull(index) ? nil : bool(index)
  }

  /// The column named `name` as text ("" for NULL).
  public func text(_ name: String) -> String { text(statement.columnIndex(name)) }

  /// The column named `name` as text, nil for NULL.
  public func optionalText(_ name: String) -> String? {
    optionalText(statement.columnIndex(name))
  }

  /// The column named `name` as bytes (empty for NULL).
  public func blob(_ name: String) -> [UInt8] { blob(statement.columnIndex(name)) }
}

/// A Swift type a column can be read as, by `Database.scalar`.
public protocol SQLReadable {
  /// The value of the 0-based column `index` of `row`, which is not NULL.
  static func read(_ row: Row, at index: Int) -> Self
}

extension Int: SQLReadable {
  public static func read(_ row: Row, at index: Int) -> Int { row.int(index) }
}

extension Int64: SQLReadable {
  public static func read(_ row: Row, at index: Int) -> Int64 {
    sqlite3_column_int64(row.statement.handle, Int32(index))
  }
}

extension String: SQLReadable {
  public static func read(_ row: Row, at index: Int) -> String { row.text(index) }
}

/// Any non-zero integer is true.
extension Bool: SQLReadable {
  public static func read(_ row: Row, at index: Int) -> Bool { row.bool(index) }
}

extension Array: SQLReadable where Element == UInt8 {
  public static func read(_ row: Row, at index: Int) -> [UInt8] { row.blob(index) }
}
