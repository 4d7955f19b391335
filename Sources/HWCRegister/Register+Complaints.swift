import HWCCore
import HWCDomain
import HWCStore

extension Register {
  /// What registering a complaint did.
  public struct Registration: Sendable {
    public let complaint: ComplaintRecord
    /// False when the external reference was already registered with the same details.
    public let created: Bool
  }

  /// A validator for today's date.
  public var complaintValidator: ComplaintValidator {
    ComplaintValidator(reference: reference, today: clock.today)
  }

  /// Registers a complaint (`hwc complaint register`): an officer of its district or conservancy.
  public func registerComplaint(_ draft: ComplaintDraft, actor: Actor) throws -> Registration {
    let valid = try complaintValidator.validate(draft).get()
    try require(
      actor, .officer, districtID: valid.district.id, conservancyID: valid.conservancy?.id,
      to: "register complaints")
    return try db.transaction {
      guard let claimantID = try claimantID(nationalID: valid.nationalID) else {
        throw DomainError.invalid(
          field: .claimant,
          "no claimant with national ID \(NationalID.mask(valid.nationalID)); "
            + "add them first with 'hwc claimant add'")
      }
      let (id, created) = try storeComplaint(valid, claimantID: claimantID, actor: actor)
      return Registration(complaint: try complaint(id: id), created: created)
    }
  }

  /// Inserts a checked complaint, or finds the one already registered under its reference.
  ///
  /// Returns the row id and whether it was created. Must run inside a write transaction.
  func storeComplaint(_ valid: ValidComplaint, claimantID: Int, actor: Actor) throws -> (Int, Bool)
  {
    // The rule a new claimant's ID is checked by (`checkClaimant`), for an existing one too.
    let country = try db.prepare("SELECT country FROM claimant WHERE id = ?").first(
      [claimantID.sqlValue], { $0.text("country") })
    if let country, country != valid.district.country.rawValue {
      throw DomainError.invalid(
        field: .claimant,
        "\(NationalID.mask(valid.nationalID)) is a \(country) national ID, but "
          + "\(valid.district.name.en) is a \(valid.district.country.rawValue) district: a "
          + "complaint's claimant must hold an ID of its district's country")
    }
    if let ref = valid.ref,
      let existing = try db.prepare("SELECT id, code FROM complaint WHERE external_ref = ?").first(
        [.text(ref)], { ($0.int(0), $0.text(1)) })
    {
      guard try sameComplaint(existing.0, valid, claimantID: claimantID) else {
        throw DomainError.invalid(
          field: .ref,
          "'\(ref)' is already complaint \(existing.1), registered with different details")
      }
      return (existing.0, false)
    }
    let year = valid.reportedDate.year
    let seq = try db.scalarInt(
      "SELECT coalesce(max(seq), 0) + 1 FROM complaint WHERE district_id = ? AND year = ?",
      [.integer(Int64(valid.district.id)), .integer(Int64(year))])
    let code = "\(valid.district.code)-\(year)-" + Register.pad(seq, 4)
    let now = clock.timestamp()
    try db.prepare(
      """
      INSERT INTO complaint(code, district_id, year, seq, claimant_id, conservancy_id, damage_type,
        species, incident_date, reported_date, village, latitude_micro, longitude_micro, notes,
        external_ref, status, registered_at, registered_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, \(ComplaintStatus.registered.sqlLiteral), ?, ?)
      """
    ).run([
      .text(code), .integer(Int64(valid.district.id)), .integer(Int64(year)),
      .integer(Int64(seq)), .integer(Int64(claimantID)),
      valid.conservancy.map { .integer(Int64($0.id)) } ?? .null, .text(valid.type),
      .text(valid.species), .text(valid.incidentDate.description),
      .text(valid.reportedDate.description), Register.optional(valid.village),
      valid.latitudeMicro.map { .integer(Int64($0)) } ?? .null,
      valid.longitudeMicro.map { .integer(Int64($0)) } ?? .null, Register.optional(valid.notes),
      Register.optional(valid.ref), .text(now), .integer(Int64(actor.id)),
    ])
    let id = db.lastInsertRowID
    let insertItem = try db.prepare(
      "INSERT INTO complaint_item(complaint_id, item, quantity_centi) VALUES (?, ?, ?)")
    for item in valid.items {
      try insertItem.run([.integer(Int64(id)), .text(item.item), .integer(Int64(item.centi))])
    }
    try db.prepare(
      """
      INSERT INTO complaint_event(complaint_id, kind, from_status, to_status, actor_id, at)
      VALUES (?, \(ComplaintEventKind.registered.sqlLiteral), NULL,
        \(ComplaintStatus.registered.sqlLiteral), ?, ?)
      """
    ).run([.integer(Int64(id)), .integer(Int64(actor.id)), .text(now)])
    try flagPossibleDuplicates(id: id, valid, claimantID: claimantID)
    try auditCreated("complaint", id: id, actor: actor.name)
    return (id, true)
  }

  /// Flags, never refuses: the same claimant and type within 7 days; heads above the herd.
  private func flagPossibleDuplicates(id: Int, _ valid: ValidComplaint, claimantID: Int) throws {
    let insertFlag = try db.prepare(
      """
      INSERT INTO complaint_flag(complaint_id, kind, other_complaint_id, detail)
      VALUES (?, ?, ?, ?)
      """)
    let nearby = try db.prepare(
      """
      SELECT id, code, incident_date FROM complaint
      WHERE claimant_id = ? AND damage_type = ? AND incident_date BETWEEN ? AND ? AND id != ?
        AND status != \(ComplaintStatus.withdrawn.sqlLiteral)
      ORDER BY incident_date, id
      """
    ).map([
      .integer(Int64(claimantID)), .text(valid.type),
      .text(valid.incidentDate.adding(days: -7).description),
      .text(valid.incidentDate.adding(days: 7).description), .integer(Int64(id)),
    ]) { ($0.int(0), $0.text(1), $0.text(2)) }
    for other in nearby {
      try insertFlag.run([
        .integer(Int64(id)), .text("near_duplicate"), .integer(Int64(other.0)),
        .text("same claimant and damage type as \(other.1) (incident \(other.2))"),
      ])
    }
    let herd = try herd(claimantID: claimantID)
    guard !herd.isEmpty else { return }
    var claimed: [String: Int] = [:]
    for item in valid.items {
      if let livestockClass = reference.items[item.item]?.livestockClass {
        claimed[livestockClass, default: 0] += item.centi / 100
      }
    }
    for (livestockClass, heads) in claimed.sorted(by: { $0.key < $1.key }) {
      let declared = herd.first { $0.livestockClass == livestockClass }?.heads ?? 0
      if heads > declared {
        try insertFlag.run([
          .integer(Int64(id)), .text("above_herd"), .null,
          .text("\(heads) \(livestockClass) claimed, \(declared) declared in the herd"),
        ])
      }
    }
  }

  private func sameComplaint(_ id: Int, _ valid: ValidComplaint, claimantID: Int) throws -> Bool {
    let stored = try db.prepare(
      """
      SELECT claimant_id, district_id, conservancy_id, damage_type, species, incident_date,
        reported_date, village FROM complaint WHERE id = ?
      """
    ).first([.integer(Int64(id))]) { row in
      row.int(0) == claimantID && row.int(1) == valid.district.id
        && row.optionalInt(2) == valid.conservancy?.id && row.text(3) == valid.type
        && row.text(4) == valid.species && row.text(5) == valid.incidentDate.description
        && row.text(6) == valid.reportedDate.description && row.optionalText(7) == valid.village
    }
    guard stored == true else { return false }
    let items = try db.prepare(
      "SELECT item, quantity_centi FROM complaint_item WHERE complaint_id = ? ORDER BY item"
    ).map([.integer(Int64(id))]) { ItemQuantity(item: $0.text(0), centi: $0.int(1)) }
    return items == valid.items
  }

  static func optional(_ text: String?) -> SQLValue { text.map(SQLValue.text) ?? .null }

  static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}
