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
  /// 0 outside a transaction, 1 inside one, one more for each savepoint within it.
  private var depth = 0
  /// The statements of each savepoint nesting level, index 0 for level 1.
  private var savepoints: [SavepointStatements] = []
  /// Where `traceStatements(to:)` writes, while it does.
  private var traceFile: UnsafeMutablePointer<FILE>?

  private struct SavepointStatements {
    let begin: Statement
    let release: Statement
    let rollback: Statement
  }

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
    Database.addDigestFunction(pointer)
    try configure()
  }

  deinit {
    cache.removeAll()
    savepoints.removeAll()
    sqlite3_close_v2(handle)
    if let traceFile { fclose(traceFile) }
  }

  /// Appends every statement this connection runs from now on to the file at `path`, with its
  /// bound values written in, one per line ending in `;`, so the `sqlite3` tool can replay it.
  ///
  /// For `make bench`, which replays a report's own SQL as its baseline (`HWC_TRACE_SQL`). The
  /// file holds what the statements hold, national IDs included: never set it on real data.
  public func traceStatements(to path: String) throws(SQLiteError) {
    guard traceFile == nil else { return }
    guard let file = fopen(path, "a") else {
      throw SQLiteError(
        code: SQLITE_CANTOPEN, message: "cannot open \(path) for the SQL trace", sql: nil)
    }
    traceFile = file
    sqlite3_trace_v2(
      handle, UInt32(SQLITE_TRACE_STMT),
      { _, context, statement, text in
        guard let context, let statement, let text else { return 0 }
        let sql = text.assumingMemoryBound(to: CChar.self)
        // Statements run by triggers arrive as "-- comment" lines; their statement is traced.
        if sql[0] == 45, sql[1] == 45 { return 0 }
        let file = context.assumingMemoryBound(to: FILE.self)
        if let expanded = sqlite3_expanded_sql(OpaquePointer(statement)) {
          fputs(expanded, file)
          sqlite3_free(expanded)
        } else {
          fputs(sql, file)
        }
        fputs(";\n", file)
        return 0
      }, UnsafeMutableRawPointer(file))
  }

  private func configure() throws(SQLiteError) {
    if path != ":memory:" {
      let mode = try scalar(String.self, "PRAGMA journal_mode = WAL")
      guard let mode, mode.lowercased() == "wal" else {
        throw SQLiteError(
          code: SQLITE_ERROR, message: "cannot switch to WAL (got \(mode ?? "nothing"))", sql: nil)
      }
    }
    try execute("PRAGMA synchronous = FULL")
    try execute("PRAGMA foreign_keys = ON")
    let synchronous = try scalar(Int.self, "PRAGMA synchronous")
    guard let synchronous, synchronous == 2 else {
      throw SQLiteError(
        code: SQLITE_ERROR,
        message: "synchronous is \(synchronous.map(String.init) ?? "unknown"), expected FULL (2)",
        sql: nil)
    }
    guard try scalar(Int.self, "PRAGMA foreign_keys") == 1 else {
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

  /// The first column of the first row, nil when there is no row or the value is NULL.
  public func scalar<T: SQLReadable>(_ type: T.Type, _ sql: String, _ values: [SQLValue] = [])
    throws(SQLiteError) -> T?
  {
    let statement = try prepare(sql)
    try statement.bind(values)
    defer { sqlite3_reset(statement.handle) }
    guard try statement.step() else { return nil }
    let row = Row(statement: statement)
    return row.isNull(0) ? nil : T.read(row, at: 0)
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
  /// Called inside another transaction (or savepoint), it is a savepoint of it: a throw rolls
  /// back only the nested work, and the outer transaction can go on. `kind` then has no effect:
  /// the outer transaction already decided how it locks.
  public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws
    -> T
  {
    if depth > 0 { return try savepoint(body) }
    try execute("BEGIN \(kind.rawValue)")
    depth = 1
    defer { depth = 0 }
    do {
      let result = try body()
      try execute("COMMIT")
      return result
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }

  /// Runs `body` in a savepoint: released when it returns; rolled back to and released when it
  /// throws, so nothing of it is kept while the enclosing transaction goes on.
  ///
  /// Reentrant: each nesting level has its own savepoint name. Outside any transaction it is
  /// one, `transaction(.immediate)`, so a write takes the lock at once.
  public func savepoint<T>(_ body: () throws -> T) throws -> T {
    guard depth > 0 else { return try transaction(.immediate, body) }
    let level = try savepointStatements(level: depth)
    try level.begin.run()
    depth += 1
    defer { depth -= 1 }
    do {
      let result = try body()
      try level.release.run()
      return result
    } catch {
      // If SQLite already rolled back the whole transaction these fail; the outer level's
      // ROLLBACK then finds nothing to undo.
      try? level.rollback.run()
      try? level.release.run()
      throw error
    }
  }

  /// The prepared SAVEPOINT / RELEASE / ROLLBACK TO statements of nesting `level` (1 is the
  /// first savepoint inside a transaction), prepared once per connection.
  private func savepointStatements(level: Int) throws(SQLiteError) -> SavepointStatements {
    while savepoints.count < level {
      let name = "hwc_savepoint_\(savepoints.count + 1)"
      savepoints.append(
        SavepointStatements(
          begin: try Statement(database: self, sql: "SAVEPOINT \(name)"),
          release: try Statement(database: self, sql: "RELEASE \(name)"),
          rollback: try Statement(database: self, sql: "ROLLBACK TO \(name)")))
    }
    return savepoints[level - 1]
  }

  /// True while a transaction opened by `transaction` or `savepoint` is running.
  public var inTransaction: Bool { depth > 0 }

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
