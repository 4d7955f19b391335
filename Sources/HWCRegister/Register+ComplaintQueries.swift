import HWCCore
import HWCDomain
import HWCStore

extension Register {
  /// The complaint with id `code` (e.g. `KAZ-2026-0001`), as `hwc complaint show` prints it.
  public func complaint(code: String) throws -> ComplaintRecord {
    guard
      let id = try db.prepare("SELECT id FROM complaint WHERE code = ?").first(
        [.text(code.trimmingSpaces.uppercased())], { $0.int(0) })
    else {
      throw DomainError.notFound("there is no complaint \(code)")
    }
    return try complaint(id: id)
  }

  func complaint(id: Int) throws -> ComplaintRecord {
    let key: [SQLValue] = [.integer(Int64(id))]
    let items = try db.prepare(
      "SELECT item, quantity_centi FROM complaint_item WHERE complaint_id = ? ORDER BY item"
    ).map(key) { ItemQuantity(item: $0.text(0), centi: $0.int(1)) }
    let flags = try db.prepare(
      "SELECT kind, detail FROM complaint_flag WHERE complaint_id = ? ORDER BY id"
    ).map(key) { "\($0.text(0)): \($0.text(1))" }
    let events = try db.prepare(
      """
      SELECT e.kind, e.from_status, e.to_status, u.name, e.at, e.reason
      FROM complaint_event e JOIN app_user u ON u.id = e.actor_id
      WHERE e.complaint_id = ? ORDER BY e.id
      """
    ).map(key) {
      ComplaintRecord.Event(
        kind: $0.text(0), fromStatus: $0.optionalText(1), toStatus: $0.text(2), actor: $0.text(3),
        at: $0.text(4), reason: $0.optionalText(5))
    }
    let record = try db.prepare(
      """
      SELECT c.code, c.district_id, c.conservancy_id, cl.national_id, cl.name, c.damage_type,
        c.species, c.incident_date, c.reported_date, c.status, c.external_ref, c.village,
        c.latitude_micro, c.longitude_micro, c.notes, c.registered_at, u.name
      FROM complaint c JOIN claimant cl ON cl.id = c.claimant_id
      JOIN app_user u ON u.id = c.registered_by
      WHERE c.id = ?
      """
    ).first(key) { row in
      ComplaintRecord(
        id: id, code: row.text(0), district: reference.district(id: row.int(1))?.name.en ?? "?",
        conservancy: row.optionalInt(2).flatMap { reference.conservancy(id: $0)?.name.en },
        claimantMaskedID: NationalID.mask(row.text(3)), claimantName: row.text(4),
        type: row.text(5), species: row.text(6), incidentDate: row.text(7),
        reportedDate: row.text(8), status: row.text(9), items: items, ref: row.optionalText(10),
        village: row.optionalText(11), latitudeMicro: row.optionalInt(12),
        longitudeMicro: row.optionalInt(13), notes: row.optionalText(14),
        registeredAt: row.text(15), registeredBy: row.text(16), flags: flags, events: events)
    }
    guard let record else { throw DomainError.notFound("there is no complaint #\(id)") }
    return record
  }

  /// One line of `hwc complaint list`.
  public struct ComplaintSummary: Sendable {
    public let code: String
    public let district: String
    public let claimantName: String
    public let type: String
    public let species: String
    public let incidentDate: String
    public let reportedDate: String
    public let status: ComplaintStatus
    public let flags: Int

    public var json: JSON {
      .object([
        ("id", .string(code)), ("district", .string(district)),
        ("claimant", .string(claimantName)), ("type", .string(type)),
        ("species", .string(species)), ("incident_date", .string(incidentDate)),
        ("reported_date", .string(reportedDate)), ("status", .string(status.rawValue)),
        ("flags", .int(flags)),
      ])
    }
  }

  /// Complaints filtered by district, status and quarter of the reported date, oldest first.
  public func complaints(district: String? = nil, status: String? = nil, quarter: String? = nil)
    throws -> [ComplaintSummary]
  {
    var conditions: [String] = []
    var values: [SQLValue] = []
    if let district {
      let found = try reference.requireDistrict(district)
      conditions.append("c.district_id = ?")
      values.append(.integer(Int64(found.id)))
    }
    if let status {
      guard let known = ComplaintStatus(rawValue: status) else {
        throw DomainError.invalid(
          field: .status, "'\(status)' is not a status (one of: \(ComplaintStatus.list))")
      }
      conditions.append("c.status = ?")
      values.append(.text(known.rawValue))
    }
    if let quarter {
      let (first, last) = try Register.quarterBounds(quarter)
      conditions.append("c.reported_date BETWEEN ? AND ?")
      values.append(.text(first.description))
      values.append(.text(last.description))
    }
    var sql = """
      SELECT c.code, c.district_id, cl.name, c.damage_type, c.species, c.incident_date,
        c.reported_date, c.status,
        (SELECT count(*) FROM complaint_flag f WHERE f.complaint_id = c.id)
      FROM complaint c JOIN claimant cl ON cl.id = c.claimant_id
      """
    if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
    sql += " ORDER BY c.reported_date, c.id"
    return try db.prepare(sql).map(values) { row in
      ComplaintSummary(
        code: row.text(0), district: reference.district(id: row.int(1))?.name.en ?? "?",
        claimantName: row.text(2), type: row.text(3), species: row.text(4),
        incidentDate: row.text(5), reportedDate: row.text(6),
        status: ComplaintStatus(rawValue: row.text(7))!,
        flags: row.int(8))
    }
  }

  /// First and last day of a quarter written `YYYY-Qn`.
  public static func quarterBounds(_ text: String) throws -> (CalendarDate, CalendarDate) {
    let quarter = try Quarter(text)
    return (quarter.first, quarter.last)
  }
}
