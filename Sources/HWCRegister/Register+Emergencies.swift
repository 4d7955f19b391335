import HWCCore
import HWCDomain
import HWCStore

/// A declared emergency as listed and corrected.
public struct EmergencyRecord: Sendable {
  public let id: Int
  public let district: String
  public let from: String
  public let to: String
  public let decree: String
  public let revoked: Bool

  /// `#1 (decree WKO 2026-117, Kaztalov, 2026-04-01 to 2026-05-31)`.
  public var label: String { "#\(id) (decree \(decree), \(district), \(from) to \(to))" }

  public var json: JSON { .object(jsonFields) }

  /// The fields of `json`, for a document that adds its own.
  public var jsonFields: [(String, JSON)] {
    [
      ("id", .int(id)), ("district", .string(district)), ("from", .string(from)),
      ("to", .string(to)), ("decree", .string(decree)), ("revoked", .bool(revoked)),
    ]
  }
}

extension Register {
  /// The emergency numbered `text` (`1` or `#1`, as `hwc emergency declare` printed it).
  func emergency(_ text: String) throws -> (record: EmergencyRecord, districtID: Int) {
    let trimmed = text.trimmingSpaces
    let digits = trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
    let found = try Int(digits).flatMap { id in
      try db.prepare(
        """
        SELECT id, district_id, from_date, to_date, decree,
          NOT \(ReadSQL.notRevoked(emergency: "emergency.id")) AS revoked
        FROM emergency WHERE id = ?
        """
      ).first(with: [id]) { row in
        (
          EmergencyRecord(
            id: row.int("id"),
            district: reference.district(id: row.int("district_id"))?.name.en ?? "?",
            from: row.text("from_date"), to: row.text("to_date"), decree: row.text("decree"),
            revoked: row.int("revoked") == 1), row.int("district_id")
        )
      }
    }
    guard let found else {
      throw DomainError.notFound(
        "there is no emergency \(trimmed) (the number 'hwc emergency declare' printed, e.g. 1)")
    }
    return (found.0, found.1)
  }

  /// Refuses a window overlapping another emergency of the district that is not revoked.
  func refuseOverlap(
    districtID: Int, from: CalendarDate, to: CalendarDate, except: Int? = nil
  ) throws {
    let other = try db.prepare(
      """
      SELECT id FROM emergency WHERE district_id = ? AND from_date <= ? AND to_date >= ?
        AND id != ? AND \(ReadSQL.notRevoked(emergency: "emergency.id"))
      ORDER BY from_date LIMIT 1
      """
    ).first(with: [districtID, to.description, from.description, except ?? 0]) { $0.int("id") }
    if let other {
      let record = try emergency(String(other)).record
      throw DomainError.invalid(
        field: .from,
        "\(from) to \(to) overlaps emergency \(record.label); correct that one "
          + "(hwc emergency correct \(record.id)) instead of declaring another")
    }
  }

  /// Refuses to change an emergency an assessment's eligibility used: the complaints whose
  /// latest assessment (still standing: not reopened by an appeal, not withdrawn) relied on it.
  func refuseDependents(_ emergency: EmergencyRecord, districtID: Int, to what: String) throws {
    let standing: [ComplaintStatus] = [.assessed, .approved, .paid, .rejected, .ineligible]
    var codes = try db.prepare(
      """
      SELECT c.code, c.status FROM complaint c
      JOIN assessment_step s ON s.assessment_id = \(ReadSQL.latestAssessment(of: "c.id"))
      WHERE c.district_id = ? AND c.status IN (\(standing.sqlLiteral))
        AND s.rule = 'emergency_covers' AND json_extract(s.args, '$.decree') = ?
        AND json_extract(s.args, '$.from') = ? AND json_extract(s.args, '$.to') = ?
      ORDER BY c.code
      """
    ).map(with: [districtID, emergency.decree, emergency.from, emergency.to]) {
      (code: $0.text("code"), paid: $0.text("status") == ComplaintStatus.paid.rawValue)
    }
    // Assessments made since migration 0018 hold their steps in one value, read here.
    let used = ["decree": emergency.decree, "from": emergency.from, "to": emergency.to]
    try db.prepare(
      """
      SELECT c.code, c.status, a.explanation FROM complaint c
      JOIN assessment a ON a.id = \(ReadSQL.latestAssessment(of: "c.id"))
      WHERE c.district_id = ? AND c.status IN (\(standing.sqlLiteral))
        AND a.explanation IS NOT NULL
      """
    ).eachRow(with: [districtID]) { row in
      let steps = ExplanationCodec.decode(row.blob("explanation")) ?? []
      guard
        steps.contains(where: { step in
          step.rule == "emergency_covers" && used.allSatisfy { step.values[$0.key] == $0.value }
        })
      else { return }
      codes.append(
        (code: row.text("code"), paid: row.text("status") == ComplaintStatus.paid.rawValue))
    }
    codes.sort { $0.code < $1.code }
    guard !codes.isEmpty else { return }
    let listed = codes.prefix(10).map(\.code).joined(separator: ", ")
    let more = codes.count > 10 ? " and \(codes.count - 10) more" : ""
    var message =
      "emergency \(emergency.label) cannot be \(what): the assessments of \(listed)\(more) "
      + "used it; appeal those complaints first (hwc appeal ID --reason T), so that they are "
      + "assessed again after the change, then \(what == "revoked" ? "revoke" : "correct") it"
    if let paid = codes.first(where: \.paid) {
      message +=
        "; a paid complaint (\(paid.code)) cannot be appealed, so while it stands the "
        + "emergency stays as declared"
    }
    throw DomainError.conflict(message)
  }

  /// Revokes an emergency declared in error (`hwc emergency revoke`, admin), with a reason,
  /// while no assessment depends on it: saiga damage it covered is no longer payable for
  /// assessments made afterwards.
  public func revokeEmergency(_ id: String, reason text: String, actor: Actor) throws
    -> EmergencyRecord
  {
    try require(actor, .admin, to: "revoke emergencies")
    let reason = try Register.reason(text)
    return try db.transaction {
      let (record, districtID) = try emergency(id)
      guard !record.revoked else {
        throw DomainError.conflict("emergency \(record.label) is already revoked")
      }
      try refuseDependents(record, districtID: districtID, to: "revoked")
      _ = try recordCorrection(
        "revoke", of: .emergency(record.id), reason: reason,
        changes: [FieldChange("revoked", old: "no", new: "yes")], actor: actor)
      return try emergency(String(record.id)).record
    }
  }

  /// Corrects an emergency's window or decree (`hwc emergency correct`, admin), with a reason,
  /// while no assessment depends on it; the new window may not overlap another emergency.
  public func correctEmergency(
    _ id: String, from: String?, to: String?, decree: String?, reason text: String, actor: Actor
  ) throws -> (record: EmergencyRecord, changes: [FieldChange]) {
    try require(actor, .admin, to: "correct emergencies")
    let reason = try Register.reason(text)
    return try db.transaction {
      let (old, districtID) = try emergency(id)
      guard !old.revoked else {
        throw DomainError.conflict(
          "emergency \(old.label) is revoked; declare a new one (hwc emergency declare)")
      }
      let first = try CalendarDate(from ?? old.from, field: .from)
      let last = try CalendarDate(to ?? old.to, field: .to)
      guard last >= first else {
        throw DomainError.invalid(field: .to, "\(last) is before --from \(first)")
      }
      let newDecree = (decree ?? old.decree).trimmingSpaces
      guard !newDecree.isEmpty, newDecree.count <= 100 else {
        throw DomainError.invalid(field: .decree, "is required (up to 100 characters)")
      }
      let changes = [
        FieldChange("from", old: old.from, new: first.description),
        FieldChange("to", old: old.to, new: last.description),
        FieldChange("decree", old: old.decree, new: newDecree),
      ].filter { $0.old != $0.new }.sorted { $0.field < $1.field }
      try Register.requireChanges(changes, of: "emergency #\(old.id)")
      try refuseOverlap(districtID: districtID, from: first, to: last, except: old.id)
      try refuseDependents(old, districtID: districtID, to: "corrected")
      let change = try beginChange("emergency", id: old.id)
      try db.run(
        "UPDATE emergency SET from_date = ?, to_date = ?, decree = ? WHERE id = ?",
        with: [first.description, last.description, newDecree, old.id])
      try commitChange(change, action: "correct", actor: actor.name)
      _ = try recordCorrection(
        "correct", of: .emergency(old.id), reason: reason, changes: changes, actor: actor)
      return (try emergency(String(old.id)).record, changes)
    }
  }

  /// Every emergency of a district (or all), by district and start, revoked ones included.
  public func emergencies(district: String? = nil) throws -> [EmergencyRecord] {
    var sql = "SELECT id FROM emergency"
    var values: [any SQLBindable] = []
    if let district {
      sql += " WHERE district_id = ?"
      values.append(try reference.requireDistrict(district).id)
    }
    return try db.prepare(sql + " ORDER BY district_id, from_date, id").map(with: values) {
      $0.int("id")
    }.map { try emergency(String($0)).record }
  }
}

extension Register {
  /// The corrections and revocation of emergency `id`, oldest first (`hwc emergency list`).
  public func emergencyCorrections(_ id: Int) throws -> [CorrectionRecord] {
    try corrections("emergency_id", id: id)
  }
}
