import CSQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One connection to a register file: WAL, foreign keys on, a busy timeout, full sync.
///
/// Not `Sendable`: a connection belongs to the thread that opened it.
public final class Database {
  let handle: OpaquePointer
  /// Path of the database file.
  public let path: String
  private var cache: [String: Statement] = [:]
  private var transactionDepth = 0

  /// How long a writer waits for another writer before giving up, in milliseconds.
  public static let busyTimeoutMilliseconds: Int32 = 15_000

  /// Opens (creating when missing, with mode 0600) the database at `path`.
  public init(path: String, create: Bool = true) throws(SQLiteError) {
    if create, path != ":memory:" {
      // A new register holds personal data: make the file readable by its owner only.
      let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
      if fd >= 0 { close(fd) }
    }
    var pointer: OpaquePointer?
    let flags =
      (create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READWRITE)
      | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
    let code = sqlite3_open_v2(path, &pointer, flags, nil)
    guard code == SQLITE_OK, let pointer else {
      let message = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
      if let pointer { sqlite3_close_v2(pointer) }
      throw SQLiteError(code: code, message: message, sql: nil)
    }
    self.handle = pointer
    self.path = path
    sqlite3_extended_result_codes(pointer, 1)
    sqlite3_busy_timeout(pointer, Database.busyTimeoutMilliseconds)
    _ = hwc_db_config_defensive(pointer, 1)
    try configure()
  }

  deinit {
    cache.removeAll()
    sqlite3_close_v2(handle)
  }

  private func configure() throws(SQLiteError) {
    if path != ":memory:" {
      let mode = try scalarText("PRAGMA journal_mode = WAL")
      guard mode.lowercased() == "wal" else {
        throw SQLiteError(
          code: SQLITE_ERROR, message: "cannot switch to WAL (got \(mode))", sql: nil)
      }
    }
    try execute("PRAGMA synchronous = FULL")
    try execute("PRAGMA foreign_keys = ON")
    let synchronous = try scalarInt("PRAGMA synchronous")
    guard synchronous == 2 else {
      throw SQLiteError(
        code: SQLITE_ERROR, message: "synchronous is \(synchronous), expected FULL (2)", sql: nil)
    }
    guard try scalarInt("PRAGMA foreign_keys") == 1 else {
      throw SQLiteError(code: SQLITE_ERROR, message: "foreign keys cannot be enabled", sql: nil)
    }
  }

  func error(code: Int32, sql: String?) -> SQLiteError {
    SQLiteError(
      code: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)),
      sql: sql)
  }

  /// Runs one or more statements without parameters.
  public func execute(_ sql: String) throws(SQLiteError) {
    var message: UnsafeMutablePointer<CChar>?
    let code = sqlite3_exec(handle, sql, nil, nil, &message)
    guard code == SQLITE_OK else {
      let text = message.map { String(cString: $0) } ?? "error \(code)"
      sqlite3_free(message)
      throw SQLiteError(code: sqlite3_extended_errcode(handle), message: text, sql: sql)
    }
  }

  /// A prepared statement for `sql`, reused across calls on this connection.
  public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
    if let statement = cache[sql] { return statement }
    let statement = try Statement(database: self, sql: sql)
    cache[sql] = statement
    return statement
  }

  /// Runs `sql` with `values`, ignoring rows.
  public func run(_ sql: String, _ values: [SQLValue] = []) throws(SQLiteError) {
    try prepare(sql).run(values)
  }

  /// The first column of the first row as an integer (0 when there is no row).
  public func scalarInt(_ sql: String, _ values: [SQLValue] = []) throws(SQLiteError) -> Int {
    let statement = try prepare(sql)
    try statement.bind(values)
    defer { sqlite3_reset(statement.handle) }
    guard try statement.step() else { return 0 }
    return Int(sqlite3_column_int64(statement.handle, 0))
  }

  /// The first column of the first row as text ("" when there is no row).
  public func scalarText(_ sql: String, _ values: [SQLValue] = []) throws(SQLiteError) -> String {
    let statement = try prepare(sql)
    try statement.bind(values)
    defer { sqlite3_reset(statement.handle) }
    guard try statement.step() else { return "" }
    return Row(statement: statement).text(0)
  }

  /// Row id of the last successful INSERT on this connection.
  public var lastInsertRowID: Int { Int(sqlite3_last_insert_rowid(handle)) }

  /// Rows changed by the last INSERT, UPDATE or DELETE.
  public var changes: Int { Int(sqlite3_changes(handle)) }

  /// The kind of transaction to begin.
  public enum TransactionKind: String, Sendable {
    /// Takes the write lock at once: writers queue instead of failing mid-way.
    case immediate = "IMMEDIATE"
    /// Reads a consistent snapshot; takes the write lock only on the first write.
    case deferred = "DEFERRED"
  }

  /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
  ///
  /// Nested calls join the outer transaction.
  public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws
    -> T
  {
    if transactionDepth > 0 {
      transactionDepth += 1
      defer { transactionDepth -= 1 }
      return try body()
    }
    try execute("BEGIN \(kind.rawValue)")
    transactionDepth = 1
    defer { transactionDepth = 0 }
    do {
      let result = try body()
      try execute("COMMIT")
      return result
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }

  /// True while a transaction opened by `transaction` is running.
  public var inTransaction: Bool { transactionDepth > 0 }

  /// Copies the whole database to `path` with the online backup API, consistently.
  public func backup(to destination: String) throws(SQLiteError) {
    let target = try Database(path: destination, create: true)
    guard let backup = sqlite3_backup_init(target.handle, "main", handle, "main") else {
      throw target.error(code: SQLITE_ERROR, sql: nil)
    }
    var code: Int32
    repeat {
      code = sqlite3_backup_step(backup, 256)
      if code == SQLITE_BUSY || code == SQLITE_LOCKED { sqlite3_sleep(20) }
    } while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED
    sqlite3_backup_finish(backup)
    guard code == SQLITE_DONE else { throw target.error(code: code, sql: nil) }
  }
}
