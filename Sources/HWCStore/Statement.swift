import CSQLite

/// A value that can be bound to a statement parameter.
public enum SQLValue: Sendable, Equatable {
  case null
  case integer(Int64)
  case text(String)
  case blob([UInt8])
}

/// A prepared statement; owns its SQLite pointer and finalizes it when released.
public final class Statement {
  let handle: OpaquePointer
  /// The SQL text this statement was prepared from.
  public let sql: String
  private unowned let database: Database
  /// Result column names to 0-based indexes, built on the first named read; -1 marks a name
  /// that appears more than once.
  private var columnIndexes: [String: Int]?

  init(database: Database, sql: String) throws(SQLiteError) {
    var pointer: OpaquePointer?
    let code = sqlite3_prepare_v3(database.handle, sql, -1, 0, &pointer, nil)
    guard code == SQLITE_OK, let pointer else {
      throw database.error(code: code, sql: sql)
    }
    self.handle = pointer
    self.sql = sql
    self.database = database
  }

  deinit { sqlite3_finalize(handle) }

  /// The 0-based index of the result column named `name` (its `AS` alias, else its name).
  ///
  /// Names are resolved once per statement. A name the statement does not return, or returns
  /// twice, is a programmer error and stops the program with the name and the SQL.
  public func columnIndex(_ name: String) -> Int {
    let indexes = columnIndexes ?? resolveColumnNames()
    guard let index = indexes[name] else {
      preconditionFailure("no column named \(name) in: \(sql)")
    }
    precondition(index >= 0, "column \(name) appears more than once (alias it) in: \(sql)")
    return index
  }

  private func resolveColumnNames() -> [String: Int] {
    var indexes: [String: Int] = [:]
    for index in 0..<Int(sqlite3_column_count(handle)) {
      guard let name = sqlite3_column_name(handle, Int32(index)) else { continue }
      let key = String(cString: name)
      indexes[key] = indexes[key] == nil ? index : -1
    }
    columnIndexes = indexes
    return indexes
  }

  /// Binds values to parameters 1…n in order, after clearing earlier bindings and resetting.
  @discardableResult
  public func bind(_ values: [SQLValue]) throws(SQLiteError) -> Statement {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
    for (offset, value) in values.enumerated() {
      try bind(value, at: Int32(offset + 1))
    }
    return self
  }

  /// Binds one value to the 1-based parameter `index`.
  public func bind(_ value: SQLValue, at index: Int32) throws(SQLiteError) {
    let code: Int32
    switch value {
    case .null: code = sqlite3_bind_null(handle, index)
    case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
    case .text(let text):
      code =
        text.utf8.withContiguousStorageIfAvailable { buffer in
          buffer.withMemoryRebound(to: CChar.self) {
            hwc_bind_text(handle, index, $0.baseAddress, Int32($0.count))
          }
        } ?? hwc_bind_text(handle, index, text, -1)
    case .blob(let bytes):
      code = bytes.withUnsafeBytes { hwc_bind_blob(handle, index, $0.baseAddress, Int32($0.count)) }
    }
    guard code == SQLITE_OK else { throw database.error(code: code, sql: sql) }
  }

  /// Advances one step: true when a row is available, false when the statement is done.
  public func step() throws(SQLiteError) -> Bool {
    let code = sqlite3_step(handle)
    switch code {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default:
      let error = database.error(code: code, sql: sql)
      sqlite3_reset(handle)
      throw error
    }
  }

  /// Resets the statement so it can run again; keeps the bindings.
  public func reset() { sqlite3_reset(handle) }

  /// Runs the statement to completion with the given values, ignoring any rows.
  public func run(_ values: [SQLValue] = []) throws(SQLiteError) {
    try bind(values)
    while try step() {}
    sqlite3_reset(handle)
  }

  /// Runs the statement and calls `body` for each row.
  public func eachRow(
    _ values: [SQLValue] = [], _ body: (Row) throws -> Void
  ) throws {
    try bind(values)
    defer { sqlite3_reset(handle) }
    while try step() { try body(Row(statement: self)) }
  }

  /// Runs the statement and maps each row.
  public func map<T>(_ values: [SQLValue] = [], _ transform: (Row) throws -> T) throws -> [T] {
    var result: [T] = []
    try eachRow(values) { result.append(try transform($0)) }
    return result
  }

  /// Runs the statement and maps the first row, if any.
  public func first<T>(_ values: [SQLValue] = [], _ transform: (Row) throws -> T) throws -> T? {
    try bind(values)
    defer { sqlite3_reset(handle) }
    guard try step() else { return nil }
    return try transform(Row(statement: self))
  }
}
