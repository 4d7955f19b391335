import HWCCore
import HWCDomain
import HWCStore

/// One value the office's time zone has had (`hwc timezone show`).
public struct TimeZoneSetting: Sendable {
  public let zone: String
  /// When it was set (UTC, as stored).
  public let setAt: String
  public let setBy: String
  public let reason: String?
}

extension Register {
  /// The zone a register stores (its latest `timezone` setting), else `Asia/Oral`. A zone this
  /// machine cannot resolve (set where a tz database had it, opened where none is) is read from
  /// the built-in table, else as UTC under its own name, so that the register still opens.
  static func storedZone(_ db: Database) throws -> OfficeZone {
    let stored = try db.prepare(
      "SELECT value FROM office_setting WHERE key = 'timezone' ORDER BY id DESC LIMIT 1"
    ).first { $0.text("value") }
    let identifier = stored ?? OfficeZone.defaultIdentifier
    return OfficeZone.named(identifier) ?? OfficeZone.unresolved(identifier)
  }

  /// The zone called `text`, or a refusal naming `field` and listing zones that work everywhere.
  public static func resolveZone(_ text: String, field: Field) throws(DomainError) -> OfficeZone {
    let name = text.trimmingSpaces
    guard let zone = OfficeZone.named(name) else {
      let known = OfficeZone.builtInIdentifiers
      let hint = TypedForms.closest(name, among: known).map { "did you mean \($0)? " } ?? ""
      throw .invalid(
        field: field,
        "'\(name)' is not a time zone known here; \(hint)zones known everywhere: "
          + known.joined(separator: ", "))
    }
    return zone
  }

  /// Sets the office's time zone (`hwc timezone set`, `hwc init --timezone`): an administrator
  /// adds a setting row, audited; nothing stored is rewritten (timestamps are UTC).
  @discardableResult
  public func setTimeZone(_ text: String, reason: String?, actor: Actor, field: Field = .zone)
    throws -> OfficeZone
  {
    try require(actor, .admin, to: "set the office time zone")
    let zone = try Register.resolveZone(text, field: field)
    try db.transaction { try storeTimeZone(zone, reason: reason, by: actor.name) }
    return zone
  }

  /// Adds the setting row and its audit entry; runs inside the caller's write transaction.
  func storeTimeZone(_ zone: OfficeZone, reason: String?, by name: String) throws {
    let reason = reason?.trimmingSpaces
    try db.run(
      "INSERT INTO office_setting(key, value, set_at, set_by, reason) VALUES ('timezone', ?, ?, ?, ?)",
      with: [zone.identifier, clock.timestamp(), name, reason?.isEmpty == false ? reason : nil])
    try auditCreated("setting", id: db.lastInsertRowID, actor: name)
    officeZone = zone
  }

  /// Every value the office's time zone has had, oldest first.
  public func timeZoneHistory() throws -> [TimeZoneSetting] {
    try db.prepare(
      "SELECT value, set_at, set_by, reason FROM office_setting WHERE key = 'timezone' ORDER BY id"
    ).map {
      TimeZoneSetting(
        zone: $0.text("value"), setAt: $0.text("set_at"), setBy: $0.text("set_by"),
        reason: $0.optionalText("reason"))
    }
  }
}
