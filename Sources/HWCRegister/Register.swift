import HWCCore
import HWCDomain
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
  public var clock: Clock
  /// The command line being run, recorded with every audit entry (e.g. `complaint register`).
  public var command: String
  let audit: AuditLog
  /// Test seam, never set outside tests: called with the complaint's code in the store step of
  /// an assessment, after its assessment row and lines are written and before its audit entry
  /// and status change, so a test can throw a refusal after a partial write.
  var faultAfterAssessmentRow: ((String) throws -> Void)?

  init(db: Database, clock: Clock, command: String) throws {
    self.db = db
    self.clock = clock
    self.command = command
    self.reference = try ReferenceLoader.load(db)
    self.audit = AuditLog(db: db)
  }

  /// Opens an existing, up-to-date register at `path`; with `traceSQL`, every statement it runs
  /// is appended to that file (`Database.traceStatements(to:)`, for `make bench`).
  public static func open(
    path: String, clock: Clock = .system, command: String = "", traceSQL: String? = nil
  ) throws -> Register {
    guard path == ":memory:" || access(path, F_OK) == 0 else {
      throw RegisterError.missing(path: path)
    }
    let db = try Database(path: path, create: false)
    if let traceSQL { try db.traceStatements(to: traceSQL) }
    let pending = try Schema.migrator.pending(db)
    if !pending.isEmpty {
      // A newer database or an edited migration is reported as such, before "outdated".
      try Schema.migrator.checkApplied(db)
      throw RegisterError.outdated(path: path, pending: pending)
    }
    try Schema.migrator.checkApplied(db)
    return try Register(db: db, clock: clock, command: command)
  }

  /// What `hwc init` did.
  public struct InitResult: Sendable {
    /// True when the register file was created by this call.
    public let created: Bool
    /// Migrations applied by this call.
    public let applied: [String]
    /// The administrator created, when the register had no users.
    public let admin: String?
  }

  /// Creates or upgrades the register at `path`; on a register without users, creates `admin`.
  public static func initialize(path: String, admin: String, clock: Clock = .system) throws
    -> (Register, InitResult)
  {
    let existed = path != ":memory:" && access(path, F_OK) == 0
    let db = try Database(path: path, create: true)
    let applied = try Schema.migrator.migrate(db)
    let register = try Register(db: db, clock: clock, command: "init")
    var createdAdmin: String?
    try db.transaction {
      if try db.scalarInt("SELECT count(*) FROM app_user") == 0 {
        try register.insertUser(
          name: admin, roles: [ScopedRole(role: .admin, scope: .everywhere)], actor: admin)
        createdAdmin = admin
      }
    }
    return (register, InitResult(created: !existed, applied: applied, admin: createdAdmin))
  }
}
