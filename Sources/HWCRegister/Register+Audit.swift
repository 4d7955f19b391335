import HWCCore
import HWCDomain
import HWCStore

extension Register {
  /// Records the change of one audited row: call `beginChange` first, mutate, then
  /// `commitChange`.
  struct Change {
    let kind: AuditedKind
    let id: Int
    let before: AuditState?
  }

  /// Captures the audited state of row `id` of `kind` (`complaint`, `user`, …) before a
  /// mutation.
  func beginChange(_ kind: String, id: Int) throws -> Change {
    let kind = AuditedKind.named(kind)
    return Change(kind: kind, id: id, before: try AuditStateReader(db: db).state(kind, row: id))
  }

  /// Appends the audit entry for a change: what changed and the digest of the state now. A
  /// complaint's transition that added event row `addedEvent` records the change compactly
  /// (`TransitionChange`). A caller that knows the state it has just written passes it as
  /// `known` (`AuditStateWritten`): it is then not read back.
  func commitChange(
    _ change: Change, action: String, actor: String, addedEvent: Int? = nil,
    known: AuditState? = nil
  ) throws {
    let now = try known ?? AuditStateReader(db: db).state(change.kind, row: change.id)
    var text: String?
    if change.before == nil {
      text = change.kind.storedName(
        try createdLabel(change.kind, row: change.id, known: known != nil))
    } else if let addedEvent, change.kind.name == "complaint", let known,
      let before = change.before,
      let stored = TransitionChange.known(before: before, after: known, eventID: addedEvent)
    {
      // Both states known: the compact form without wording the change to compare it.
      return try appendEntry(change, action: action, actor: actor, text: stored, state: known)
    } else {
      text = now?.change(from: change.before, change.kind)
    }
    if let addedEvent, change.kind.name == "complaint" {
      text = TransitionChange.stored(text, state: now, eventID: addedEvent)
    }
    try appendEntry(change, action: action, actor: actor, text: text, state: now)
  }

  /// Appends the entry of `change` recording `text` and the digest of `state`.
  private func appendEntry(
    _ change: Change, action: String, actor: String, text: String?, state: AuditState?
  ) throws {
    try audit.append(
      auditCommand(actor: actor), kind: change.kind, row: change.id, action: action,
      change: text, digest: state?.digest(change.kind))
  }

  /// Audits the creation of row `id` of `kind`: the entry records the entity's name (without
  /// the kind's prefix, `AuditedKind.storedName`) and the
  /// digest of its state (the row itself holds the state; later changes record what changed).
  func auditCreated(_ kind: String, id: Int, actor: String, known: AuditState? = nil) throws {
    try commitChange(
      Change(kind: AuditedKind.named(kind), id: id, before: nil), action: "create", actor: actor,
      known: known)
  }

  /// The label of entity `row` of `kind` just created: for a row the caller has just written
  /// (`known`) and a kind labelled by its id, `KIND:ID` without a query; else `entityLabel`.
  private func createdLabel(_ kind: AuditedKind, row: Int, known: Bool) throws -> String {
    if known, kind.label == "'\(kind.name):' || id" { return "\(kind.name):\(row)" }
    return try entityLabel(kind, row: row)
  }

  /// The command being run by `actor`, as the audit records it.
  func auditCommand(actor: String) -> AuditLog.Command {
    AuditLog.Command(
      at: clock.timestamp(), actor: actor, command: command, osUser: origin?.osUser,
      host: origin?.host)
  }

  /// One audit entry as printed by `hwc audit log`.
  public struct AuditEntry: Sendable {
    public let id: Int
    public let at: String
    public let actor: String
    public let command: String
    public let entity: String
    public let action: String
    /// The states before and after, in entries made before migration 0009.
    public var before: String? = nil
    public var after: String? = nil
    /// What changed (`{"status":["inspected","assessed"]}`), in later entries; for a
    /// creation, whose state is the row, the entity's name.
    public var change: String? = nil
    /// The SHA-256 of the entity's state after the entry, in hex (later entries).
    public var digest: String? = nil
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
    var entries = try legacyEntries(entity: entity, actor: actor)
    var conditions: [String] = []
    var values: [any SQLBindable] = []
    if let entity {
      try checkEntityName(entity)
      // An entity that is no row today may still have entries from before migration 0009.
      guard let (kind, row) = try resolve(entity: entity) else {
        return try entries.found(for: entity).trimmed(limit)
      }
      conditions.append("e.kind = ? AND e.row = ?")
      values += [kind.code, row]
    }
    if let actor {
      conditions.append("c.actor = ?")
      values.append(actor)
    }
    let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
    var labels: [String: String] = [:]
    var newest: [AuditEntry] = []
    try db.prepare(
      """
      SELECT e.id, c.at, c.actor, c.command, e.kind, e.row, e.action, e.change, e.digest, e.hash,
        c.os_user, c.host
      FROM audit_entry e JOIN audit_command c ON c.id = e.command_id\(filter)
      ORDER BY e.id\(limit.map { " DESC LIMIT \($0)" } ?? "")
      """
    ).eachRow(with: values) { row in
      let kind = AuditedKind.coded(row.int("kind"))
      let key = "\(row.int("kind")):\(row.int("row"))"
      let label = try labels[key] ?? kind.map { try entityLabel($0, row: row.int("row")) } ?? key
      labels[key] = label
      var entry = AuditEntry(
        id: row.int("id"), at: row.text("at"), actor: row.text("actor"),
        command: row.text("command"), entity: label, action: row.text("action"),
        hash: SHA256.hex(row.blob("hash")))
      let created = entry.action == "create"
      entry.change = try row.optionalText("change").map {
        created ? kind?.label(stored: $0) ?? $0 : try TransitionChange.printed($0, in: db)
      }
      entry.digest = row.isNull("digest") ? nil : SHA256.hex(row.blob("digest"))
      entry.osUser = row.optionalText("os_user")
      entry.host = row.optionalText("host")
      newest.append(entry)
    }
    // With a limit the newest entries were read newest first.
    entries += limit == nil ? newest : newest.reversed()
    return try (entity.map { try entries.found(for: $0) } ?? entries).trimmed(limit)
  }

  /// Refuses an `--entity` that is not `KIND:ID` with a kind the audit knows.
  private func checkEntityName(_ entity: String) throws {
    let kinds = Set(AuditedKind.all.map { $0.wholeTable ? "reference" : $0.name }).sorted()
    guard let colon = entity.firstIndex(of: ":"), colon != entity.startIndex,
      entity.index(after: colon) != entity.endIndex
    else {
      throw DomainError.invalid(
        field: .entity, "'\(entity)' is not KIND:ID (e.g. complaint:KAZ-2026-0001)")
    }
    let kind = String(entity[..<colon])
    guard kinds.contains(kind) else {
      throw DomainError.invalid(
        field: .entity,
        "'\(kind)' is not a kind of audited entity (one of: \(kinds.joined(separator: ", ")))")
    }
  }

  /// Entries made before migration 0009.
  private func legacyEntries(entity: String?, actor: String?) throws -> [AuditEntry] {
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
    return try db.prepare(sql + " ORDER BY id").map(with: values) { row in
      var entry = AuditEntry(
        id: row.int("id"), at: row.text("at"), actor: row.text("actor"),
        command: row.text("command"), entity: row.text("entity"), action: row.text("action"),
        hash: row.text("hash"))
      entry.before = row.optionalText("before")
      entry.after = row.optionalText("after")
      entry.osUser = row.optionalText("os_user")
      entry.host = row.optionalText("host")
      return entry
    }
  }

  /// The name of entity `row` of `kind`, e.g. `complaint:KAZ-2026-0001`.
  func entityLabel(_ kind: AuditedKind, row: Int) throws -> String {
    try kind.label(row: row, in: db)
  }

  /// The kind and row of an entity name; nil when no such entity exists.
  func resolve(entity: String) throws -> (AuditedKind, Int)? {
    guard let colon = entity.firstIndex(of: ":") else { return nil }
    let prefix = String(entity[..<colon])
    let rest = String(entity[entity.index(after: colon)...])
    if prefix == "reference" {
      return AuditedKind.all.first { $0.wholeTable && $0.table == rest }.map { ($0, 0) }
    }
    guard let kind = AuditedKind.all.first(where: { $0.name == prefix && !$0.wholeTable }) else {
      return nil
    }
    // `'complaint:' || code` is looked up by its column (an index), other labels by value.
    let single = "'\(prefix):' || "
    let column = kind.label.hasPrefix(single) ? String(kind.label.dropFirst(single.count)) : nil
    let row: Int?
    if let column, column.allSatisfy({ $0.isLetter || $0 == "_" }) {
      row = try db.prepare("SELECT id FROM \(kind.table) WHERE \(column) = ? LIMIT 1")
        .first(with: [column == "id" ? (Int(rest) ?? -1) as any SQLBindable : rest]) {
          $0.int("id")
        }
    } else {
      row = try db.prepare("SELECT id FROM \(kind.table) WHERE \(kind.label) = ? LIMIT 1")
        .first(with: [entity]) { $0.int("id") }
    }
    return row.map { (kind, $0) }
  }
}

extension Array where Element == Register.AuditEntry {
  /// The entries of `entity`; refused when there are none.
  fileprivate func found(for entity: String) throws -> [Register.AuditEntry] {
    guard !isEmpty else {
      throw DomainError.notFound("no audit entries for \(NationalID.maskEntity(entity))")
    }
    return self
  }

  /// All entries oldest first, or the newest `limit`, newest first.
  fileprivate func trimmed(_ limit: Int?) -> [Register.AuditEntry] {
    guard let limit else { return self }
    return Array(suffix(limit).reversed())
  }
}
