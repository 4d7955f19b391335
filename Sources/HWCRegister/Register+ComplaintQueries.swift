import HWCCore
import HWCDomain
import HWCStore

extension Register {
  /// The complaint with id `code` (e.g. `KAZ-2026-0001`), as `hwc complaint show` prints it.
  public func complaint(code: String) throws -> ComplaintRecord {
    guard
      let id = try db.prepare("SELECT id FROM complaint WHERE code = ?").first(
        with: [code.trimmingSpaces.uppercased()], { $0.int("id") })
    else {
      throw DomainError.notFound("there is no complaint \(code)")
    }
    return try complaint(id: id)
  }

  func complaint(id: Int) throws -> ComplaintRecord {
    let key: [any SQLBindable] = [id]
    let items = try db.prepare(ReadSQL.claimedItems).map(with: key) {
      ItemQuantity(item: $0.text("item"), centi: $0.int("quantity_centi"))
    }
    let flags = try db.prepare(
      "SELECT kind, detail FROM complaint_flag WHERE complaint_id = ? ORDER BY id"
    ).map(with: key) { "\($0.text("kind")): \($0.text("detail"))" }
    let corrections = try corrections("complaint_id", id: id)
    let events = try db.prepare(
      """
      SELECT e.id, e.kind, e.from_status, e.to_status, u.name, e.at, e.reason
      FROM complaint_event e JOIN app_user u ON u.id = e.actor_id
      WHERE e.complaint_id = ? ORDER BY e.id
      """
    ).map(with: key) { row in
      ComplaintRecord.Event(
        kind: row.text("kind"), fromStatus: row.optionalText("from_status"),
        toStatus: row.text("to_status"), actor: row.text("name"),
        at: row.text("at"), reason: row.optionalText("reason"),
        changes: corrections.first { $0.eventID == row.int("id") }?.changes ?? [])
    }
    let record = try db.prepare(
      """
      SELECT c.code, c.district_id, c.conservancy_id, cl.national_id, cl.name AS claimant_name, c.damage_type,
        c.species, c.incident_date, c.reported_date, c.status, c.external_ref, c.village,
        c.latitude_micro, c.longitude_micro, c.notes, c.registered_at, u.name AS registered_by_name
      FROM complaint c JOIN claimant cl ON cl.id = c.claimant_id
      JOIN app_user u ON u.id = c.registered_by
      WHERE c.id = ?
      """
    ).first(with: key) { row in
      ComplaintRecord(
        id: id, code: row.text("code"),
        district: reference.district(id: row.int("district_id"))?.name.en ?? "?",
        conservancy: row.optionalInt("conservancy_id").flatMap {
          reference.conservancy(id: $0)?.name.en
        },
        claimantMaskedID: NationalID.mask(row.text("national_id")),
        claimantName: row.text("claimant_name"),
        type: row.text("damage_type"), species: row.text("species"),
        incidentDate: row.text("incident_date"),
        reportedDate: row.text("reported_date"), status: row.text("status"), items: items,
        ref: row.optionalText("external_ref"),
        village: row.optionalText("village"), latitudeMicro: row.optionalInt("latitude_micro"),
        longitudeMicro: row.optionalInt("longitude_micro"), notes: row.optionalText("notes"),
        registeredAt: row.text("registered_at"), registeredBy: row.text("registered_by_name"),
        flags: flags, events: events)
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
    var values: [any SQLBindable] = []
    if let district {
      let found = try reference.requireDistrict(district)
      conditions.append("c.district_id = ?")
      values.append(found.id)
    }
    if let status {
      guard let known = ComplaintStatus(rawValue: status) else {
        throw DomainError.invalid(
          field: .status, "'\(status)' is not a status (one of: \(ComplaintStatus.list))")
      }
      conditions.append("c.status = ?")
      values.append(known.rawValue)
    }
    if let quarter {
      let (first, last) = try Register.quarterBounds(quarter)
      conditions.append("c.reported_date BETWEEN ? AND ?")
      values.append(first.description)
      values.append(last.description)
    }
    var sql = """
      SELECT c.code, c.district_id, cl.name, c.damage_type, c.species, c.incident_date,
        c.reported_date, c.status,
        (SELECT count(*) FROM complaint_flag f WHERE f.complaint_id = c.id) AS flags
      FROM complaint c JOIN claimant cl ON cl.id = c.claimant_id
      """
    if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
    sql += " ORDER BY c.reported_date, c.id"
    return try db.prepare(sql).map(with: values) { row in
      ComplaintSummary(
        code: row.text("code"),
        district: reference.district(id: row.int("district_id"))?.name.en ?? "?",
        claimantName: row.text("name"), type: row.text("damage_type"), species: row.text("species"),
        incidentDate: row.text("incident_date"), reportedDate: row.text("reported_date"),
        status: ComplaintStatus(rawValue: row.text("status"))!,
        flags: row.int("flags"))
    }
  }

  /// First and last day of a quarter written `YYYY-Qn`.
  public static func quarterBounds(_ text: String) throws -> (CalendarDate, CalendarDate) {
    let quarter = try Quarter(text)
    return (quarter.first, quarter.last)
  }
}
