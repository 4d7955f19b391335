import HWCCore
import HWCStore

/// The tamper-evident log: every change of an audited entity appends an entry whose hash covers
/// the previous entry's hash, the command that made it (who, when, which command, from which OS
/// account and host), the entity, the action, what changed and the digest of the entity's state
/// afterwards.
///
/// A command's details are stored once (`audit_command`); an entry is about 90 bytes.
public struct AuditLog {
  let db: Database
  /// The head and the command of the write transaction appending now (`AppendMemory`).
  let memory = AppendMemory()

  /// What `append` wrote last in the running write transaction: the chain's head and the
  /// command row with its hash, so the next entry of the same transaction reads neither back.
  /// Valid only while `Database.writeEpoch` is the one it was written in: a new transaction or
  /// a rollback to a savepoint forgets it. Every entry is appended through `append`, so the
  /// head cannot move under it; if another writer of the same connection ever inserted an
  /// entry, the next one's id would collide with it and the insert fail, never chain wrongly.
  final class AppendMemory {
    var epoch: Int?
    var head: (id: Int, hash: [UInt8])?
    var command: (id: Int, value: Command, hash: [UInt8])?

    /// Forgets everything when `epoch` is not the one remembered.
    func valid(at epoch: Int?) -> Bool {
      guard let epoch, epoch == self.epoch else {
        self.epoch = epoch
        head = nil
        command = nil
        return false
      }
      return true
    }
  }

  /// The hash before the first entry of a register that never had legacy entries.
  static let genesis = [UInt8](repeating: 0, count: 32)

  /// Who made a change, when, with which command, and from where.
  public struct Command: Equatable, Sendable {
    public var at: String
    public var actor: String
    public var command: String
    public var osUser: String?
    public var host: String?

    public init(at: String, actor: String, command: String, osUser: String?, host: String?) {
      self.at = at
      self.actor = actor
      self.command = command
      self.osUser = osUser
      self.host = host
    }

    /// The command's part of every entry hash.
    public var hash: [UInt8] {
      var bytes = Array("hwc-command-1;".utf8)
      for field in [at, actor, command, osUser, host] {
        (field.map(SQLValue.text) ?? .null).appendTyped(to: &bytes)
      }
      return SHA256.hash(bytes)
    }
  }

  /// One entry's own fields, in the order they are hashed.
  public struct Entry: Sendable {
    public var id: Int
    public var kind: Int
    public var row: Int
    public var action: String
    public var change: String?
    public var digest: [UInt8]?

    public init(
      id: Int, kind: Int, row: Int, action: String, change: String?, digest: [UInt8]?
    ) {
      self.id = id
      self.kind = kind
      self.row = row
      self.action = action
      self.change = change
      self.digest = digest
    }
  }

  /// The SHA-256 of the previous hash, the command's hash and the entry: the chain's definition,
  /// public so anyone can recompute it.
  ///
  /// The bytes hashed: `hwc-entry-1;`, the previous hash, the command's hash, then the id, kind,
  /// row, action, change and digest, each as `SQLValue.appendTyped` writes it.
  public static func hash(previous: [UInt8], command: [UInt8], _ entry: Entry) -> [UInt8] {
    var bytes = Array("hwc-entry-1;".utf8)
    bytes.reserveCapacity(160 + (entry.change?.utf8.count ?? 0))
    bytes.append(contentsOf: previous)
    bytes.append(contentsOf: command)
    for value: SQLValue in [
      .integer(Int64(entry.id)), .integer(Int64(entry.kind)), .integer(Int64(entry.row)),
      .text(entry.action), entry.change.map(SQLValue.text) ?? .null,
      entry.digest.map(SQLValue.blob) ?? .null,
    ] {
      value.appendTyped(to: &bytes)
    }
    return SHA256.hash(bytes)
  }

  /// The last entry of the chain (legacy entries included): its number and hash.
  func head() throws -> (id: Int, hash: [UInt8]) {
    if let last = try db.prepare("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1")
      .first([], { ($0.int("id"), $0.blob("hash")) })
    {
      return last
    }
    if let last = try db.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
      .first([], { ($0.int("id"), $0.text("hash")) })
    {
      return (last.0, Hex.bytes(last.1) ?? AuditLog.genesis)
    }
    return (0, AuditLog.genesis)
  }

  /// The row of `command` and its hash: the last one when it is the same, else a new one.
  private func commandRow(_ command: Command) throws -> (id: Int, hash: [UInt8]) {
    if let known = memory.command, known.value == command { return (known.id, known.hash) }
    let id = try commandID(command)
    let hash = command.hash
    memory.command = (id, command, hash)
    return (id, hash)
  }

  /// The row of `command`: the last one when it is the same, else a new one.
  private func commandID(_ command: Command) throws -> Int {
    let last = try db.prepare(
      "SELECT id, at, actor, command, os_user, host FROM audit_command ORDER BY id DESC LIMIT 1"
    ).first {
      (
        $0.int("id"),
        Command(
          at: $0.text("at"), actor: $0.text("actor"), command: $0.text("command"),
          osUser: $0.optionalText("os_user"), host: $0.optionalText("host"))
      )
    }
    if let last, last.1 == command { return last.0 }
    try db.run(
      "INSERT INTO audit_command(at, actor, command, os_user, host) VALUES (?, ?, ?, ?, ?)",
      with: [command.at, command.actor, command.command, command.osUser, command.host])
    return db.lastInsertRowID
  }

  /// Appends an entry; must run inside the caller's write transaction.
  func append(
    _ command: Command, kind: AuditedKind, row: Int, action: String, change: String?,
    digest: [UInt8]?
  ) throws {
    _ = memory.valid(at: db.writeEpoch)
    let (commandID, commandHash) = try commandRow(command)
    let (last, previous) = try memory.head ?? head()
    let entry = Entry(
      id: last + 1, kind: kind.code, row: row, action: action, change: change, digest: digest)
    let hash = AuditLog.hash(previous: previous, command: commandHash, entry)
    try db.run(
      """
      INSERT INTO audit_entry(id, command_id, kind, row, action, change, digest, hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """,
      with: [entry.id, commandID, entry.kind, row, action, change, digest, hash])
    // Outside a transaction opened by `Database.transaction` nothing is remembered.
    if memory.epoch != nil { memory.head = (entry.id, hash) }
  }
}

/// Where a change came from besides the hwc user: the OS account and host of the process.
public struct AuditOrigin: Sendable, Equatable {
  public let osUser: String?
  public let host: String?

  public init(osUser: String?, host: String?) {
    self.osUser = osUser
    self.host = host
  }
}
