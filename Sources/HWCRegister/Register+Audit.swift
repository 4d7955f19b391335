import HWCCore
import HWCDomain
import HWCStore

extension Register {
  /// Records the change of one audited row: call `before` first, mutate, then `after`.
  struct Change {
    let view: String
    let id: Int
    let before: String?
  }

  /// Captures the audited state of row `id` of `kind` before a mutation.
  func beginChange(_ kind: String, id: Int) throws -> Change {
    let view = AuditLog.views.first { $0.prefix == kind }!.view
    return Change(view: view, id: id, before: try audit.state(view: view, id: id)?.state)
  }

  /// Appends the audit entry for a change, reading the state the row now has.
  func commitChange(_ change: Change, action: String, actor: String) throws {
    let now = try audit.state(view: change.view, id: change.id)
    try audit.append(
      at: clock.timestamp(), actor: actor, command: command,
      entity: now?.entity ?? "?", action: action, before: change.before, after: now?.state,
      origin: origin)
  }

  /// Audits the creation of row `id` of `kind`.
  func auditCreated(_ kind: String, id: Int, actor: String) throws {
    let change = Change(
      view: AuditLog.views.first { $0.prefix == kind }!.view, id: id, before: nil)
    try commitChange(change, action: "create", actor: actor)
  }

  /// One audit entry as printed by `hwc audit log`.
  public struct AuditEntry: Sendable {
    public let id: Int
    public let at: String
    public let actor: String
    public let command: String
    public let entity: String
    public let action: String
    public let before: String?
    public let after: String?
    public let hash: String
    /// The OS account and host of the process that made the entry, when recorded.
    public var osUser: String? = nil
    public var host: String? = nil
  }

  /// Audit entries, optionally for one entity (`complaint:KAZ-2026-0001`) or one hwc user;
  /// oldest first, or with `limit` the newest `limit`, newest first.
  public func auditLog(entity: String? = nil, actor: String? = nil, limit: Int? = nil) throws
    -> [AuditEntry]
  {
    var sql =
      "SELECT id, at, actor, command, entity, action, before, after, hash, os_user, host"
      + " FROM audit_log"
    var conditions: [String] = []
    var values: [any SQLBindable] = []
    if let entity {
      conditions.append("entity = ?")
      values.append(entity)
    }
    if let actor {
      conditions.append("actor = ?")
      values.append(actor)
    }
    if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
    if let limit {
      sql += " ORDER BY id DESC LIMIT \(limit)"
    } else {
      sql += " ORDER BY id"
    }
    return try db.prepare(sql).map(with: values) { row in
      var entry = AuditEntry(
        id: row.int("id"), at: row.text("at"), actor: row.text("actor"),
        command: row.text("command"),
        entity: row.text("entity"), action: row.text("action"), before: row.optionalText("before"),
        after: row.optionalText("after"), hash: row.text("hash"))
      entry.osUser = row.optionalText("os_user")
      entry.host = row.optionalText("host")
      return entry
    }
  }

  /// The result of `hwc audit verify`.
  public struct AuditVerification: Sendable {
    /// Entries whose hashes were recomputed.
    public let entries: Int
    /// Audited rows compared with their latest entry.
    public let rows: Int
    /// The first problem found, or nil when the chain and the rows agree.
    public let problem: String?
  }

  /// Recomputes the hash chain, checks the schema is the migrations' (the audited rows are read
  /// through its views), and compares every audited row with what the log says it became.
  public func verifyAudit() throws -> AuditVerification {
    try verifyAudit(schemaDifferences: nil)
  }

  /// `verifyAudit()`, given the schema's differences when the caller has already found them.
  func verifyAudit(schemaDifferences known: [String]?) throws -> AuditVerification {
    try db.transaction(.deferred) {
      var previous = AuditLog.genesis
      var expectedID = 1
      var count = 0
      var problem: String?
      let statement = try db.prepare(
        """
        SELECT id, at, actor, command, entity, action, before, after, prev_hash, hash, os_user,
          host
        FROM audit_log ORDER BY id
        """)
      try statement.bind([])
      while problem == nil, try statement.step() {
        let row = Row(statement: statement)
        let entry = AuditLog.Entry(
          id: row.int("id"), at: row.text("at"), actor: row.text("actor"),
          command: row.text("command"),
          entity: row.text("entity"), action: row.text("action"),
          before: row.optionalText("before"),
          after: row.optionalText("after"), osUser: row.optionalText("os_user"),
          host: row.optionalText("host"))
        if entry.id != expectedID {
          problem = "audit entry #\(expectedID) is missing (the next entry is #\(entry.id))"
        } else if row.text("prev_hash") != previous {
          problem =
            "audit entry #\(entry.id) does not follow entry #\(entry.id - 1) "
            + "(its previous hash was changed)"
        } else if AuditLog.hash(previous: previous, entry) != row.text("hash") {
          problem =
            "audit entry #\(entry.id) (\(NationalID.maskEntity(entry.entity))) was altered: "
            + "its hash does not match"
        }
        previous = row.text("hash")
        expectedID += 1
        count += 1
      }
      statement.reset()
      if let problem { return AuditVerification(entries: count, rows: 0, problem: problem) }
      // A view or trigger redefined with another SQLite tool could hide an edit: trust none.
      let schema = try known ?? Schema.migrator.schemaDifferences(db)
      if let first = schema.first {
        let more = schema.count > 1 ? " (and \(schema.count - 1) more; hwc check names them)" : ""
        return AuditVerification(
          entries: count, rows: 0,
          problem: "schema: \(first)\(more); the records were not compared with the log")
      }
      var rows = 0
      for (prefix, view) in AuditLog.views {
        let present = try db.scalar(Int.self, "SELECT count(*) FROM \(view)") ?? 0
        rows += present
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
        if mismatch == nil, try db.scalar(Int.self, "SELECT count(*) \(latest)") ?? 0 > present {
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
          return AuditVerification(entries: count, rows: rows, problem: text)
        }
      }
      return AuditVerification(entries: count, rows: rows, problem: nil)
    }
  }
}

/// A printed witness of the audit chain: an entry's number and the first 16 hex digits of its
/// hash, e.g. `1204:3f9a0c7d51e2b8a4`. Documents print the chain's head this way, so a chain
/// rewritten after a document was printed is detected from the paper.
public struct AuditAnchor: Sendable, Equatable, CustomStringConvertible {
  /// How many hex digits of the hash an anchor carries.
  public static let digits = 16

  /// The entry's number (its position in the chain).
  public let entry: Int
  /// The first `digits` hex digits of the entry's hash, lower case.
  public let hash: String

  public init(entry: Int, hash: String) {
    self.entry = entry
    self.hash = String(hash.prefix(AuditAnchor.digits)).lowercased()
  }

  /// Parses `N:HASH` as printed; nil when it is not one.
  public init?(_ text: String) {
    let parts = text.trimmingSpaces.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, let entry = Int(parts[0]), entry > 0,
      parts[1].count == AuditAnchor.digits, parts[1].allSatisfy(\.isHexDigit)
    else { return nil }
    self.init(entry: entry, hash: String(parts[1]))
  }

  public var description: String { "\(entry):\(hash)" }
}

extension Register {
  /// The chain's head as an anchor: its last entry; nil for a register with no entries.
  public func auditAnchor() throws -> AuditAnchor? {
    try db.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").first {
      AuditAnchor(entry: $0.int("id"), hash: $0.text("hash"))
    }
  }

  /// Checks that the register still holds the entry an anchor names, with the same hash; the
  /// problem in one sentence, or nil when it does.
  public func checkAnchor(_ anchor: AuditAnchor) throws -> String? {
    let held = try db.prepare("SELECT hash FROM audit_log WHERE id = ?").first(
      with: [anchor.entry]
    ) { $0.text("hash") }
    guard let held else {
      let count = try db.scalar(Int.self, "SELECT max(id) FROM audit_log") ?? 0
      return "the register has no audit entry #\(anchor.entry) (its chain ends at #\(count)): "
        + "entries were removed after the anchor \(anchor) was printed"
    }
    let now = AuditAnchor(entry: anchor.entry, hash: held)
    guard now == anchor else {
      return "audit entry #\(anchor.entry) is now \(now.hash), not \(anchor.hash) as printed: "
        + "the chain was rewritten after the anchor was printed"
    }
    return nil
  }
}
