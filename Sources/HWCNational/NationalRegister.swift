import HWCCore
import HWCRegister
import HWCStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The ministry's national register, open: its folder (`NationalFolder`), the connection to
/// `national.sqlite`, the clock, and the command being run (recorded in the national chain).
public final class NationalRegister {
  /// Where its files are.
  public let folder: NationalFolder
  let db: Database
  /// Where "now" comes from (tests pin it).
  public var clock: Clock
  /// The command line being run, recorded with every chain entry (e.g. `national enroll`).
  public var command: String
  var chain: NationalChain { NationalChain(db: db) }

  init(folder: NationalFolder, db: Database, clock: Clock, command: String) {
    self.folder = folder
    self.db = db
    self.clock = clock
    self.command = command
  }

  /// Opens the national register in `folder`; refuses a folder that is not one.
  ///
  /// Opened for writing, it first finishes or undoes an acceptance a stopped process left
  /// half-done (see `reconcileReplicas`). `readOnly` changes nothing on disk (`natreport`).
  public static func open(
    folder path: String, clock: Clock = .system, command: String = "", readOnly: Bool = false
  ) throws -> NationalRegister {
    let folder = NationalFolder(path)
    guard NationalFolder.isFolder(folder.path) else {
      throw NationalError(
        "\(folder.path) is not a national register: no such folder (create one with "
          + "'hwc national init --national \(folder.path)')")
    }
    guard NationalFolder.exists(folder.database) else {
      throw NationalError(
        "\(folder.path) is not a national register: it has no national.sqlite")
    }
    let db: Database
    do {
      db = try Database(path: folder.database, create: false, readOnly: readOnly)
      guard try format(of: db) == NationalSchema.format else { throw NationalError("") }
    } catch {
      throw NationalError(
        "\(folder.path) is not a national register: its national.sqlite is not one hwc made")
    }
    let register = NationalRegister(folder: folder, db: db, clock: clock, command: command)
    if !readOnly { try register.reconcileReplicas() }
    return register
  }

  /// The format written in `national_meta`, nil when there is none.
  private static func format(of db: Database) throws -> String? {
    let tables = try db.scalar(
      Int.self, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'national_meta'"
    )
    guard tables == 1 else { return nil }
    return try db.scalar(String.self, "SELECT value FROM national_meta WHERE key = 'format'")
  }

  /// What `national init` did: nil admin when the folder already was a national register.
  public struct InitResult: Sendable, Equatable {
    public let created: Bool
    public let admin: String?
  }

  /// Creates a national register in `path` (made when missing, else it must be empty) with its
  /// first administrator `admin`, whose passphrase is stored as the register's are.
  ///
  /// A folder that already is a national register is left as it is (`created` false).
  public static func initialize(
    folder path: String, admin: String, passphrase: String, origin: AuditOrigin?,
    clock: Clock = .system
  ) throws -> InitResult {
    let folder = NationalFolder(path)
    try checkNewFolder(folder)
    if NationalFolder.exists(folder.database) {
      _ = try open(folder: folder.path, clock: clock, readOnly: true)
      return InitResult(created: false, admin: nil)
    }
    guard !admin.isEmpty, admin.allSatisfy({ !$0.isWhitespace && !$0.isNewline }) else {
      throw NationalError("--admin must be a name without spaces")
    }
    try Register.checkNewPassphrase(passphrase, name: admin)
    let madeFolder = !NationalFolder.exists(folder.path)
    if madeFolder, mkdir(folder.path, 0o700) != 0 {
      throw NationalError("cannot create the folder \(folder.path)")
    }
    do {
      if mkdir(folder.offices, 0o700) != 0 {
        throw NationalError("cannot create the folder \(folder.offices)")
      }
      let db = try Database(path: folder.database)
      let register = NationalRegister(
        folder: folder, db: db, clock: clock, command: "hwc national init")
      let actor = NationalActor(name: admin, osUser: origin?.osUser, host: origin?.host)
      let stored = Passphrase.stored(passphrase)
      try db.transaction {
        try db.execute(NationalSchema.sql)
        try register.insert(
          "INSERT INTO national_meta(key, value) VALUES ('format', ?)",
          [NationalSchema.format], table: "national_meta", actor: actor)
        try register.insert(
          "INSERT INTO national_user(name, secret, created_at) VALUES (?, ?, ?)",
          [admin, stored, register.now], table: "national_user", actor: actor)
      }
      NationalFolder.sync(folder.path)
    } catch {
      // Nothing half-made is left: the files this call created go, the folder if it made it.
      for file in ["", "-wal", "-shm", "-journal"] { unlink(folder.database + file) }
      rmdir(folder.offices)
      if madeFolder { rmdir(folder.path) }
      throw error
    }
    return InitResult(created: true, admin: admin)
  }

  /// Refuses a folder `national init` may not use: one whose parent is missing, a file, or a
  /// non-empty folder that is not a national register.
  private static func checkNewFolder(_ folder: NationalFolder) throws {
    let parent = NationalFolder.parent(of: folder.path)
    guard NationalFolder.isFolder(parent) else {
      throw NationalError(
        "the folder \(parent) does not exist, so the national register \(folder.path) cannot "
          + "be created there; nothing was changed (create the folder first)")
    }
    guard NationalFolder.exists(folder.path) else { return }
    guard NationalFolder.isFolder(folder.path) else {
      throw NationalError("\(folder.path) is a file, not a folder; choose a new or empty folder")
    }
    let names = NationalFolder.entries(folder.path) ?? []
    guard names.isEmpty || names.contains("national.sqlite") else {
      throw NationalError(
        "\(folder.path) is not empty and is not a national register; nothing was changed "
          + "(choose a new or empty folder)")
    }
  }

  /// The current instant, as stored.
  var now: String { clock.timestamp() }

  /// Runs an INSERT of one row into `table` and seals it in the national chain; the row id.
  @discardableResult
  func insert(_ sql: String, _ values: [any SQLBindable], table: String, actor: NationalActor)
    throws -> Int
  {
    try db.run(sql, with: values)
    let rowid = db.lastInsertRowID
    try chain.seal(table: table, rowid: rowid, actor: actor, command: command, at: now)
    return rowid
  }

  /// Proves that `name` is a national user who knows `passphrase`; the actor for the chain.
  public func prove(name: String, passphrase: String, origin: AuditOrigin?) throws
    -> NationalActor
  {
    let stored = try db.scalar(
      String.self, "SELECT secret FROM national_user WHERE name = ?", [.text(name)])
    guard let stored, Passphrase.matches(passphrase, stored: stored) else {
      throw NationalError(
        "\(name) is not a user of this national register, or the passphrase is wrong; nothing "
          + "was changed")
    }
    return NationalActor(name: name, osUser: origin?.osUser, host: origin?.host)
  }

  /// The national chain: its length and its first problem (nil when it and the rows agree).
  public func verifyChain() throws -> (entries: Int, problem: String?) {
    try db.transaction(.deferred) { try chain.verify() }
  }
}
