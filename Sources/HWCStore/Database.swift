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
  /// Bumped when a transaction begins and when a savepoint is rolled back to (`writeEpoch`).
  private var epoch = 0
  /// The statements of each savepoint nesting level, index 0 for level 1.
  private var savepoints: [SavepointStatements] = []
  /// Where `traceStatements(to:)` writes, while it does.
  private var traceFile: UnsafeMutablePointer<FILE>?

  private struct SavepointStatements {
    let begin: Statement
    let release: Statement
    let rollback: Statement
  }

  /// How long a writer waits for another writer before giving up, in milliseconds, when no
  /// live long writer has noted that it holds the lock (see `WriterNote`).
  public static let busyTimeoutMilliseconds: Int32 = 15_000

  /// How this connection waits for another process's write lock.
  private let busyWait: BusyWait

  /// How long this connection keeps trying for the write lock when no live long writer is noted
  /// as holding it (tests shorten it).
  var busyGiveUpSeconds: Double {
    get { busyWait.giveUpSeconds }
    set { busyWait.giveUpSeconds = newValue }
  }

  /// Where a command waiting for another writer says, once, what it waits for
  /// (`waiting for a complaint import by saule, started 14:02 (pid 4121)…`); nil says nothing.
  public var writerWaitNotice: ((String) -> Void)? {
    get { busyWait.notice }
    set { busyWait.notice = newValue }
  }

  /// Opens (creating when missing, with mode 0600) the database at `path`.
  ///
  /// With `readOnly`, opens it for reading only and changes nothing: no file is created, the
  /// journal mode is left as it is, and a WAL database on read-only media (a folder this user
  /// cannot write, where SQLite cannot make the `-shm` file and no `-wal` file is left) is read
  /// as immutable, which is what SQLite documents for such media.
  public init(path: String, create: Bool = true, readOnly: Bool = false) throws(SQLiteError) {
    if create, !readOnly, path != ":memory:" {
      // A new register holds personal data: make the file readable by its owner only.
      let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
      if fd >= 0 { close(fd) }
    }
    let flags =
      readOnly
      ? SQLITE_OPEN_READONLY
      : create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READWRITE
    var pointer = try Database.openHandle(path, flags: flags)
    if readOnly, path != ":memory:", Database.needsImmutable(pointer, path: path) {
      sqlite3_close_v2(pointer)
      pointer = try Database.openHandle(
        Database.immutableURI(path), flags: SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, file: path)
    }
    self.handle = pointer
    self.path = path
    self.readOnly = readOnly
    sqlite3_extended_result_codes(pointer, 1)
    busyWait = BusyWait(
      databasePath: path, giveUpSeconds: Double(Database.busyTimeoutMilliseconds) / 1000)
    busyWait.install(on: pointer)
    _ = hwc_db_config_defensive(pointer, 1)
    Database.addDigestFunction(pointer)
    try configure()
  }

  /// True when opened for reading only.
  public let readOnly: Bool

  private static func openHandle(_ name: String, flags: Int32, file: String? = nil)
    throws(SQLiteError) -> OpaquePointer
  {
    var pointer: OpaquePointer?
    let code = sqlite3_open_v2(
      name, &pointer, flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, nil)
    guard code == SQLITE_OK, let pointer else {
      let message = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
      let systemErrno = pointer.map { sqlite3_system_errno($0) } ?? 0
      if let pointer { sqlite3_close_v2(pointer) }
      throw SQLiteError(
        code: code, message: message, sql: nil, file: file ?? name, systemErrno: systemErrno)
    }
    return pointer
  }

  /// True when a read-only connection cannot read a WAL database because its folder cannot be
  /// written (no `-shm` can be made) and no `-wal` is there: read-only media.
  private static func needsImmutable(_ pointer: OpaquePointer, path: String) -> Bool {
    let code = sqlite3_exec(pointer, "SELECT count(*) FROM sqlite_schema", nil, nil, nil)
    guard code & 0xFF == SQLITE_READONLY || code & 0xFF == SQLITE_CANTOPEN else { return false }
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
    return access(folder, W_OK) != 0 && access(path + "-wal", F_OK) != 0
  }

  /// `file:PATH?immutable=1`, the path percent-encoded where a URI needs it.
  static func immutableURI(_ path: String) -> String {
    var encoded = ""
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "/"), UInt8(ascii: "-"),
        UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
        encoded.append(Character(Unicode.Scalar(byte)))
      default:
        encoded += (byte < 16 ? "%0" : "%") + String(byte, radix: 16, uppercase: true)
      }
    }
    return "file:\(encoded)?immutable=1"
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
        // Whole statements on disk at once: the file is read while the connection is open.
        fflush(file)
        return 0
      }, UnsafeMutableRawPointer(file))
  }

  private func configure() throws(SQLiteError) {
    // A reader leaves the file as it is: another application's database stays in its mode.
    if path != ":memory:", !readOnly {
      let mode = try scalar(String.self, "PRAGMA journal_mode = WAL")
      guard let mode, mode.lowercased() == "wal" else {
        throw SQLiteError(
          code: SQLITE_ERROR, message: "cannot switch to WAL (got \(mode ?? "nothing"))", sql: nil)
      }
      // A big transaction checkpoints its own pages; a desk command never copies another's.
      hwc_install_wal_policy(handle)
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
      sql: sql, file: path, systemErrno: sqlite3_system_errno(handle))
  }

  /// Runs one or more statements without parameters.
  public func execute(_ sql: String) throws(SQLiteError) {
    var message: UnsafeMutablePointer<CChar>?
    let code = sqlite3_exec(handle, sql, nil, nil, &message)
    guard code == SQLITE_OK else {
      // A COMMIT whose WAL write fails (a full disk, a file size limit) is not an error of a
      // statement step, so SQLite keeps no errno for it: the one the failed write left is taken.
      let lastErrno = errno
      let text = message.map { String(cString: $0) } ?? "error \(code)"
      sqlite3_free(message)
      let extended = sqlite3_extended_errcode(handle)
      let systemErrno = sqlite3_system_errno(handle)
      throw SQLiteError(
        code: extended, message: text, sql: sql, file: path,
        systemErrno: systemErrno == 0 && extended & 0xFF == SQLITE_IOERR ? lastErrno : systemErrno)
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
    epoch &+= 1
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
      epoch &+= 1
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

  /// Within one transaction opened by `transaction`, the same number for as long as every write
  /// made in it stays; it changes when a transaction begins and when a savepoint is rolled back
  /// to. What a caller remembers of its own writes (the audit chain's head) is valid while
  /// `inTransaction` and this number are what they were when it remembered them. Nil outside.
  public var writeEpoch: Int? { depth > 0 ? epoch : nil }

  /// Writes a consistent copy of the whole database to `destination`, a new or empty file
  /// (created readable by its owner only), with one statement: `VACUUM INTO`.
  ///
  /// The statement reads one snapshot in one read transaction, so writers on other connections
  /// go on committing and the copy is never restarted, however often they do (the online backup
  /// API, copying a few pages per step, starts over after every commit of another process). The
  /// copy is compacted: it holds no free pages. A failure can leave `destination` partly
  /// written; the caller removes it.
  public func backup(to destination: String) throws(SQLiteError) {
    let fd = open(destination, O_CREAT | O_WRONLY | O_CLOEXEC, 0o600)
    if fd >= 0 { close(fd) }
    let statement = try Statement(database: self, sql: "VACUUM INTO ?")
    try statement.run([.text(destination)])
  }
}
