import HWCCore
import HWCDomain
import HWCStore

extension Register {
  /// The complaint with id `code` (e.g. `KAZ-2026-0001`), as `hwc complaint show` prints it.
  public func complaint(code: String) throws -> ComplaintRecord {
    guard let id = try complaintRowID(code: code) else {
      throw DomainError.notFound("there is no complaint \(code)")
    }
    return try complaint(id: id)
  }

  /// The complaint with id or field-form ref `text` (`KAZ-2026-0001` or `ZHN-F-1101`): the id
  /// first, then the ref; an unknown one is refused naming what was looked for.
  public func complaint(codeOrRef text: String) throws -> ComplaintRecord {
    let trimmed = text.trimmingSpaces
    guard let id = try complaintRowID(code: trimmed) ?? complaint(ref: trimmed)?.id else {
      throw DomainError.notFound("there is no complaint with id or field-form ref '\(trimmed)'")
    }
    return try complaint(id: id)
  }

  /// The row id of the complaint with id `code`, if there is one.
  func complaintRowID(code: String) throws -> Int? {
    try db.prepare("SELECT id FROM complaint WHERE code = ?").first(
      with: [code.trimmingSpaces.uppercased()], { $0.int("id") })
  }

  /// The field-form ref of complaint row `complaintID`, if it has one.
  func ref(complaintID: Int) throws -> String? {
    try db.prepare("SELECT external_ref FROM complaint WHERE id = ?").first(
      with: [complaintID], { $0.optionalText("external_ref") }) ?? nil
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

  /// First and last day of a quarter written `YYYY-Qn`.
  public static func quarterBounds(_ text: String) throws -> (CalendarDate, CalendarDate) {
    let quarter = try Quarter(text)
    return (quarter.first, quarter.last)
  }
}

extension Register {
  /// The complaints the rows of a complaint file (`hwc complaint import`) created or matched,
  /// found by their refs, in the file's order, each once; and the lines whose ref is not
  /// registered (rows refused or not imported yet).
  public func complaintCodes(importedFrom path: String) throws -> (
    codes: [String], missing: [Int]
  ) {
    var rows = try CSVRows(
      path: path, required: ["ref"], optional: Set(Register.complaintColumns))
    var codes: [String] = []
    var seen: Set<String> = []
    var missing: [Int] = []
    while let (line, fields, _) = try rows.next() {
      let ref = rows.field(fields, "ref")
      guard !ref.isEmpty, let found = try complaint(ref: ref) else {
        missing.append(line)
        continue
      }
      if seen.insert(found.code).inserted { codes.append(found.code) }
    }
    return (codes, missing)
  }
}
