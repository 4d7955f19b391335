import HWCCore
import HWCDomain
import HWCStore

/// The audit chain as it was kept before migration 0009: entries in `audit_log`, each with the
/// JSON states before and after, hashes in hex. Those entries stay and are verified; new entries
/// go to `audit_entry` (see `AuditLog`) and continue the chain from the last of these.
public enum LegacyAuditLog {
  /// The hash before the first entry.
  static let genesis = String(repeating: "0", count: 64)

  /// The audited kinds of entity, each with the view (made by migrations 0001–0008 and dropped by
  /// 0009) that rendered its state; used once, to check a register before it is upgraded.
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

  /// The audited state of row `id` as `view` rendered it (for registers made before 0009).
  static func state(_ db: Database, view: String, id: Int) throws -> (
    entity: String, state: String
  )? {
    try db.prepare("SELECT entity, state FROM \(view) WHERE id = ?").first(with: [id]) {
      ($0.text("entity"), $0.text("state"))
    }
  }

  /// Compares every row with its latest legacy entry through the views migrations 0001–0008
  /// made: run once, before migration 0009 replaces them with states computed by hwc's code, so
  /// an upgrade never records as a baseline a row edited outside hwc. The problem, or nil.
  static func verifyStates(_ db: Database) throws -> String? {
    var rows = 0
    let present = Set(
      try db.prepare("SELECT name FROM sqlite_schema WHERE type = 'view'").map { $0.text("name") })
    for (prefix, view) in LegacyAuditLog.views where present.contains(view) {
      let rowCount = try db.scalar(Int.self, "SELECT count(*) FROM \(view)") ?? 0
      rows += rowCount
      // Every row against its entity's latest entry (an index lookup per row).
      var mismatch = try db.prepare(
        """
        SELECT s.entity, l.id FROM \(view) s
        LEFT JOIN audit_log l ON l.id = (SELECT max(id) FROM audit_log WHERE entity = s.entity)
        WHERE l.after IS NOT s.state LIMIT 1
        """
      ).first { ($0.text("entity"), $0.optionalInt("id")) }
      // When every row matches, a removed row shows as more logged entities than rows; only
      // then is the (slower) search for which one it was run.
      let latest = """
        FROM audit_log l
        WHERE l.entity >= '\(prefix):' AND l.entity < '\(prefix);' AND l.after IS NOT NULL
          AND l.id = (SELECT max(id) FROM audit_log WHERE entity = l.entity)
        """
      if mismatch == nil, try db.scalar(Int.self, "SELECT count(*) \(latest)") ?? 0 > rowCount {
        mismatch = try db.prepare(
          """
          SELECT l.entity, -l.id AS id \(latest)
            AND l.entity NOT IN (SELECT entity FROM \(view)) LIMIT 1
          """
        ).first { ($0.text("entity"), $0.optionalInt("id")) }
      }
      if let (unmasked, entryID) = mismatch {
        // Problems are printed and logged: a claimant is named by the masked national ID.
        let entity = NationalID.maskEntity(unmasked)
        let text: String
        switch entryID {
        case nil: text = "\(entity) has no audit entry: it was added outside hwc"
        case let id? where id < 0:
          text = "\(entity) was removed outside hwc (its last audit entry is #\(-id))"
        case let id?:
          text = "\(entity) does not match its last audit entry #\(id): it was edited outside hwc"
        }
        return text
      }
    }
    return nil
  }
}
