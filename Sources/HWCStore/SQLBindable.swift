/// A Swift value that can be bound to a statement parameter.
///
/// Lets callers pass plain values — `try db.run("… WHERE id = ?", with: [complaint.id, flag])` —
/// instead of wrapping each one in a `SQLValue`; an optional that is nil is bound as NULL.
///
/// The `with:` label keeps these entry points apart from the unlabeled `[SQLValue]` ones: with
/// both unlabeled, a long literal such as `[.integer(Int64(id)), name.map(SQLValue.text) ?? .null]`
/// makes the type checker try every element against both and give up.
public protocol SQLBindable {
  /// The value as SQLite stores it.
  var sqlValue: SQLValue { get }
}

extension SQLValue: SQLBindable {
  public var sqlValue: SQLValue { self }
}

extension Int: SQLBindable {
  public var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Int64: SQLBindable {
  public var sqlValue: SQLValue { .integer(self) }
}

extension String: SQLBindable {
  public var sqlValue: SQLValue { .text(self) }
}

/// Stored as the integer 1 or 0.
extension Bool: SQLBindable {
  public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
}

/// Stored as a blob.
extension Array: SQLBindable where Element == UInt8 {
  public var sqlValue: SQLValue { .blob(self) }
}

/// `nil` is bound as NULL.
extension Optional: SQLBindable where Wrapped: SQLBindable {
  public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

extension Sequence where Element == any SQLBindable {
  /// The values as `SQLValue`s, in order.
  var sqlValues: [SQLValue] { map(\.sqlValue) }
}

// The same entry points as the `[SQLValue]` ones, for plain Swift values.

extension Statement {
  /// Binds `values` to parameters 1…n in order, after clearing earlier bindings and resetting.
  @discardableResult
  public func bind(with values: [any SQLBindable]) throws(SQLiteError) -> Statement {
    try bind(values.sqlValues)
  }

  /// Runs the statement to completion with the given values, ignoring any rows.
  public func run(with values: [any SQLBindable]) throws(SQLiteError) {
    try run(values.sqlValues)
  }

  /// Runs the statement and calls `body` for each row.
  public func eachRow(with values: [any SQLBindable], _ body: (Row) throws -> Void) throws {
    try eachRow(values.sqlValues, body)
  }

  /// Runs the statement and maps each row.
  public func map<T>(with values: [any SQLBindable], _ transform: (Row) throws -> T) throws -> [T] {
    try map(values.sqlValues, transform)
  }

  /// Runs the statement and maps the first row, if any.
  public func first<T>(with values: [any SQLBindable], _ transform: (Row) throws -> T) throws -> T?
  {
    try first(values.sqlValues, transform)
  }
}

extension Database {
  /// Runs `sql` with `values`, ignoring rows.
  public func run(_ sql: String, with values: [any SQLBindable]) throws(SQLiteError) {
    try run(sql, values.sqlValues)
  }

  /// The first column of the first row, nil when there is no row or the value is NULL.
  public func scalar<T: SQLReadable>(_ type: T.Type, _ sql: String, with values: [any SQLBindable])
    throws(SQLiteError) -> T?
  {
    try scalar(type, sql, values.sqlValues)
  }
}
