import HWCCore
import HWCStore

/// The tamper-evident log: every mutation appends an entry whose hash covers the previous hash
/// and every field of the entry.
public struct AuditLog {
  let db: Database

  /// The hash before the first entry.
  static let genesis = String(repeating: "0", count: 64)

  /// The audited kinds of entity, each with the view that renders its current state.
  static let views: [(prefix: String, view: String)] = [
    ("user", "audit_state_user"),
    ("claimant", "audit_state_claimant"),
    ("complaint", "audit_state_complaint"),
    ("policy", "audit_state_policy"),
    ("inspection", "audit_state_inspection"),
    ("emergency", "audit_state_emergency"),
    ("incident", "audit_state_incident"),
    ("insurance", "audit_state_insurance"),
    ("assessment", "audit_state_assessment"),
    ("account", "audit_state_account"),
    ("transfer", "audit_state_transfer"),
    ("approval", "audit_state_approval"),
  ]

  /// One entry's fields, in the order they are hashed.
  public struct Entry: Sendable {
    public var id: Int
    public var at: String
    public var actor: String
    public var command: String
    public var entity: String
    public var action: String
    public var before: String?
    public var after: String?
    /// The OS account and host of the process (nil in entries made before migration 0008).
    public var osUser: String?
    public var host: String?

    public init(
      id: Int, at: String, actor: String, command: String, entity: String, action: String,
      before: String?, after: String?, osUser: String? = nil, host: String? = nil
    ) {
      self.id = id
      self.at = at
      self.actor = actor
      self.command = command
      self.entity = entity
      self.action = action
      self.before = before
      self.after = after
      self.osUser = osUser
      self.host = host
    }
  }

  /// The SHA-256 of `previous` and the entry, each field length-prefixed so no two entries can
  /// serialize alike; a missing before/after is `-`.
  public static func hash(previous: String, _ entry: Entry) -> String {
    var sha = SHA256()
    func field(_ text: String?) {
      guard let text else {
        sha.update("-;")
        return
      }
      sha.update("\(text.utf8.count):")
      sha.update(text)
      sha.update(";")
    }
    field(previous)
    field(String(entry.id))
    field(entry.at)
    field(entry.actor)
    field(entry.command)
    field(entry.entity)
    field(entry.action)
    field(entry.before)
    field(entry.after)
    // Entries made before migration 0008 have no origin and hash exactly as they did.
    if entry.osUser != nil || entry.host != nil {
      sha.update("origin;")
      field(entry.osUser)
      field(entry.host)
    }
    return SHA256.hex(sha.finalize())
  }

  /// The current audited state of the entity with row id `id` in `view`.
  func state(view: String, id: Int) throws -> (entity: String, state: String)? {
    try db.prepare("SELECT entity, state FROM \(view) WHERE id = ?").first(with: [id]) {
      ($0.text("entity"), $0.text("state"))
    }
  }

  /// Appends an entry; must run inside the caller's write transaction.
  func append(
    at: String, actor: String, command: String, entity: String, action: String,
    before: String?, after: String?, origin: AuditOrigin? = nil
  ) throws {
    let last = try db.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").first {
      ($0.int("id"), $0.text("hash"))
    }
    let entry = Entry(
      id: (last?.0 ?? 0) + 1, at: at, actor: actor, command: command, entity: entity,
      action: action, before: before, after: after, osUser: origin?.osUser, host: origin?.host)
    let previous = last?.1 ?? AuditLog.genesis
    let hash = AuditLog.hash(previous: previous, entry)
    try db.run(
      """
      INSERT INTO audit_log(
        id, at, actor, command, entity, action, before, after, prev_hash, hash, os_user, host)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      with: [
        entry.id, at, actor, command, entity,
        action, before, after,
        previous, hash, origin?.osUser,
        origin?.host,
      ])
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
