import HWCCore
import HWCDomain
import HWCStore

/// What `hwc office show` prints: the office, its key's fingerprint and its last export.
public struct OfficeStatus: Sendable {
  public let office: Office
  /// The first 16 hex digits of the SHA-256 of the key; nil when no key is set.
  public let keyFingerprint: String?
  /// When the key was last set (UTC).
  public let keySetAt: String?
  /// The last export: its number, the chain position and head of its snapshot, and when.
  public let lastExport: (number: Int, position: Int, head: String, at: String)?
}

extension Register {
  /// The register's office, or the refusal of a command that needs one.
  func requireOffice(to what: String) throws -> Office {
    guard let office else {
      throw DomainError.conflict(
        "this register belongs to no office, so it cannot \(what); an office register is made "
          + "with 'hwc init --office CODE --district D'")
    }
    return office
  }

  /// The office's key, or nil when none is set.
  func officeKey() throws -> [UInt8]? {
    try db.prepare("SELECT key FROM office_key WHERE id = 1").first { $0.blob("key") }
  }

  /// The office, its key's fingerprint and its last export (`hwc office show`).
  public func officeStatus() throws -> OfficeStatus {
    let office = try requireOffice(to: "show an office")
    let keySetAt = try db.prepare("SELECT set_at FROM office_key WHERE id = 1").first {
      $0.text("set_at")
    }
    let last = try db.prepare(
      """
      SELECT export_no, chain_position, chain_head, at FROM office_event
      WHERE kind = 'export' ORDER BY export_no DESC LIMIT 1
      """
    ).first {
      (
        number: $0.int("export_no"), position: $0.int("chain_position"),
        head: $0.text("chain_head"), at: $0.text("at")
      )
    }
    return OfficeStatus(
      office: office, keyFingerprint: try officeKey().map(OfficeBundle.fingerprint(key:)),
      keySetAt: keySetAt, lastExport: last)
  }

  /// Sets the office's key (`hwc office key --set HEX`, office admin): 64 hex digits, as
  /// `hwc national enroll` printed it. The key is kept outside the audited state; its setting is
  /// audited as an office event carrying only its fingerprint. Setting it again (a re-enrolment)
  /// replaces it. The fingerprint.
  @discardableResult
  public func setOfficeKey(hex: String, actor: Actor) throws -> String {
    _ = try requireOffice(to: "hold an office key")
    try require(actor, .admin, to: "set the office key")
    // The value is never echoed: a mistyped key is still most of a secret.
    guard let key = OfficeBundle.key(hex: hex.trimmingSpaces) else {
      throw DomainError.invalid(
        field: .officeKey,
        "the office key must be 64 hex digits, as 'hwc national enroll' printed it")
    }
    let fingerprint = OfficeBundle.fingerprint(key: key)
    try db.transaction {
      let now = clock.timestamp()
      try db.run(
        """
        INSERT INTO office_key(id, key, set_at) VALUES (1, ?, ?)
        ON CONFLICT(id) DO UPDATE SET key = excluded.key, set_at = excluded.set_at
        """, with: [key, now])
      try db.run(
        "INSERT INTO office_event(kind, key_fingerprint, at, actor_id) VALUES ('key', ?, ?, ?)",
        with: [fingerprint, now, actor.id])
      try auditCreated("office_event", id: db.lastInsertRowID, actor: actor.name)
    }
    return fingerprint
  }
}
