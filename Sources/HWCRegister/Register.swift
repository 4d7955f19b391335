import HWCCore
import HWCDomain
import HWCRules
import HWCStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An open register: the database, its reference data, the clock, and the command being run
/// (recorded in the audit log).
public final class Register {
  let db: Database
  public let reference: Reference
  /// The clock, always in the office's zone (`officeZone`), whichever clock is set.
  public var clock: Clock {
    didSet { clock.zone = officeZone }
  }
  /// The office's time zone: "today" and printed times; stored timestamps stay UTC.
  public internal(set) var officeZone: OfficeZone {
    didSet { clock.zone = officeZone }
  }
  /// The office the register belongs to (`hwc init --office`); nil when it serves every district.
  public internal(set) var office: Office?
  /// The command line being run, recorded with every audit entry (e.g. `complaint register`).
  public var command: String
  /// The OS account and host of the process, recorded with every audit entry when known.
  public var origin: AuditOrigin?
  let audit: AuditLog
  /// Test seam, never set outside tests: called with the complaint's code in the store step of
  /// an assessment, after its assessment row and lines are written and before its audit entry
  /// and status change, so a test can throw a refusal after a partial write.
  var faultAfterAssessmentRow: ((String) throws -> Void)?
  /// Test seam, never set outside tests: called by an import after it has checked every row and
  /// before it takes the write lock, so a test can change the register in between.
  var afterImportValidation: (() throws -> Void)?
  /// Called by an import once it holds the write lock, before it writes: how the CLI's internal
  /// `HWC_TEST_WRITE_GATE` holds an import there, for tests of commands that wait for it.
  public var whileImportHoldsWriteLock: (() -> Void)?
  /// The English text of an explanation line rebuilt from its step, rule and values (the step
  /// renderer of HWCReports, with hwc's own words): when set, an assessment's steps are stored
  /// without their text wherever it rebuilds that text exactly, and read back through it. It
  /// returns nil when the renderer cannot be made (its words unreadable): texts are kept whole.
  public var explanationText: ((ExplanationLine, Scheme) -> String?)?

  /// Where a command waiting for another process's write lock says, once, what it waits for.
  public var writerWaitNotice: ((String) -> Void)? {
    get { db.writerWaitNotice }
    set { db.writerWaitNotice = newValue }
  }

  init(db: Database, clock: Clock, command: String) throws {
    self.db = db
    let zone = try Register.storedZone(db)
    self.officeZone = zone
    self.clock = clock.in(zone)
    self.command = command
    self.reference = try ReferenceLoader.load(db)
    self.audit = AuditLog(db: db)
    self.office = try Register.storedOffice(db, reference: reference)
  }

  /// Opens an existing, up-to-date register at `path`; with `traceSQL`, every statement it runs
  /// is appended to that file (`Database.traceStatements(to:)`, for `make bench`).
  ///
  /// With `readOnly` it is opened for reading only and nothing is written, not even the WAL
  /// switch: the file may be on read-only media or another application's. Opened for writing,
  /// it is first checked through a reader, so a file that is not a register is left untouched.
  public static func open(
    path: String, clock: Clock = .system, command: String = "", traceSQL: String? = nil,
    readOnly: Bool = false
  ) throws -> Register {
    guard path == ":memory:" || access(path, F_OK) == 0 else {
      throw RegisterError.missing(path: path)
    }
    do {
      if !readOnly, path != ":memory:" {
        try checkHasTables(Database(path: path, create: false, readOnly: true), path: path)
      }
      let db = try Database(path: path, create: false, readOnly: readOnly)
      if let traceSQL { try db.traceStatements(to: traceSQL) }
      try checkHasTables(db, path: path)
      let pending = try Schema.migrator.pending(db)
      if !pending.isEmpty {
        // A newer database or an edited migration is reported as such, before "outdated".
        try Schema.migrator.checkApplied(db)
        throw RegisterError.outdated(path: path, pending: pending)
      }
      try Schema.migrator.checkApplied(db)
      return try Register(db: db, clock: clock, command: command)
    } catch let error as SQLiteError where error.primaryCode == 26 {  // SQLITE_NOTADB
      throw RegisterError.notARegister(path: path, empty: false)
    }
  }

  /// Refuses a file without hwc's tables: empty, or another application's database.
  private static func checkHasTables(_ db: Database, path: String) throws {
    let tables = try db.prepare(
      """
      SELECT count(*) AS objects, count(*) FILTER (WHERE name = 'schema_migration') AS migrations
      FROM sqlite_schema
      """
    ).first { (objects: $0.int("objects"), migrations: $0.int("migrations")) }
    guard let tables, tables.migrations == 0 else { return }
    throw RegisterError.notARegister(path: path, empty: tables.objects == 0)
  }

  /// What `hwc init` did.
  public struct InitResult: Sendable {
    /// True when the register file was created by this call.
    public let created: Bool
    /// Migrations applied by this call.
    public let applied: [String]
    /// The administrator created, when the register had no users.
    public let admin: String?
    /// The administrator's one-time setup code, when one was made (no passphrase was given).
    public var setupCode: String? = nil
  }

  /// Creates or upgrades the register at `path`; on a register without users, creates `admin`
  /// with `passphrase`, or else (when `setupCode`) with a one-time setup code, or else with no
  /// secret at all (the demo and library callers, which prove nobody). A new register may be
  /// given its `office` (`Register.resolveOffice`), stored with the administrator. On a register made before users had
  /// secrets, an administrator called `admin` who has neither gets them the same way (whoever
  /// may write the file may do this).
  public static func initialize(
    path: String, admin: String, passphrase: String? = nil, setupCode: Bool = false,
    origin: AuditOrigin? = nil, clock: Clock = .system, timeZone: OfficeZone? = nil,
    office: Office? = nil
  ) throws -> (Register, InitResult) {
    let existed = path != ":memory:" && access(path, F_OK) == 0
    if existed, office != nil { throw Register.officeOnExistingRegister(path) }
    if existed {
      // Another application's database is not made into a register.
      do {
        let reader = try Database(path: path, create: false, readOnly: true)
        if try reader.scalar(Int.self, "SELECT count(*) FROM sqlite_schema") ?? 0 > 0 {
          try checkHasTables(reader, path: path)
        }
      } catch let error as SQLiteError where error.primaryCode == 26 {  // SQLITE_NOTADB
        throw RegisterError.notARegister(path: path, empty: false)
      }
    }
    let db = try Database(path: path, create: true)
    let applied = try Schema.migrate(db, path: path, origin: origin, clock: clock)
    let register = try Register(db: db, clock: clock, command: "init")
    register.origin = origin
    if let passphrase { try checkNewPassphrase(passphrase, name: admin) }
    var createdAdmin: String?
    var code: String?
    try db.transaction {
      if try db.scalar(Int.self, "SELECT count(*) FROM app_user") == 0 {
        code = passphrase == nil && setupCode ? Randomness.setupCode() : nil
        try register.insertUser(
          name: admin, roles: [ScopedRole(role: .admin, scope: .everywhere)],
          passphrase: passphrase, setupCode: code, actor: admin)
        createdAdmin = admin
        if let timeZone {
          try register.storeTimeZone(timeZone, reason: "hwc init --timezone", by: admin)
        }
        if let office { try register.storeOffice(office, by: admin) }
      } else if passphrase != nil || setupCode,
        let id = try db.prepare(
          """
          SELECT u.id FROM app_user u JOIN user_role r ON r.user_id = u.id AND r.role = 'admin'
          WHERE u.name = ? AND u.secret IS NULL AND u.setup_code IS NULL
          """
        ).first(with: [admin], { $0.int("id") })
      {
        code = passphrase == nil ? Randomness.setupCode() : nil
        let change = try register.beginChange("user", id: id)
        try db.run(
          "UPDATE app_user SET secret = ?, setup_code = ? WHERE id = ?",
          with: [
            passphrase.map { SecretHash(passphrase: $0).stored },
            code.map { SetupCode.stored($0) }, id,
          ])
        try register.commitChange(change, action: "set first secret", actor: admin)
      }
    }
    var result = InitResult(created: !existed, applied: applied, admin: createdAdmin)
    result.setupCode = code
    return (register, result)
  }
}
