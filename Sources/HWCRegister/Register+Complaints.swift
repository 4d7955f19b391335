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
    try refuseForeignClaimant(country: country, valid)
    if let ref = valid.ref, let existing = try complaint(ref: ref) {
      guard try sameComplaint(existing.id, valid, claimantID: claimantID) else {
        throw Register.refConflict(ref, code: existing.code)
      }
      return (existing.id, false)
    }
    return (try insertComplaint(valid, claimantID: claimantID, actor: actor).id, true)
  }

  /// Refuses a claimant whose ID is of another country than the complaint's district.
  func refuseForeignClaimant(country: String?, _ valid: ValidComplaint) throws {
    if let country, country != valid.district.country.rawValue {
      throw DomainError.invalid(
        field: .claimant,
        "\(NationalID.mask(valid.nationalID)) is a \(country) national ID, but "
          + "\(valid.district.name.en) is a \(valid.district.country.rawValue) district: a "
          + "complaint's claimant must hold an ID of its district's country")
    }
  }

  /// The complaint registered under the external reference `ref`, or whose reference was
  /// corrected from it (a field form imported again is still the same complaint).
  func complaint(ref: String) throws -> (id: Int, code: String)? {
    try db.prepare(
      """
      SELECT id, code FROM complaint WHERE external_ref = ?1
      UNION ALL
      SELECT c.id, c.code FROM correction_field f JOIN correction r ON r.id = f.correction_id
        JOIN complaint c ON c.id = r.complaint_id WHERE f.field = 'ref' AND f.old_value = ?1
      LIMIT 1
      """
    ).first(with: [ref], { (id: $0.int("id"), code: $0.text("code")) })
  }

  /// The refusal of a reference already registered with other details.
  static func refConflict(_ ref: String, code: String) -> DomainError {
    .invalid(
      field: .ref, "'\(ref)' is already complaint \(code), registered with different details")
  }

  /// The next sequence number of a complaint reported in `year` in a district.
  func nextComplaintSeq(districtID: Int, year: Int) throws -> Int {
    // An aggregate always returns one row: nil cannot happen.
    try db.scalar(
      Int.self,
      "SELECT coalesce(max(seq), 0) + 1 FROM complaint WHERE district_id = ? AND year = ?",
      with: [districtID, year]) ?? 1
  }

  /// A complaint's code: district code, year and sequence number (`KAZ-2026-0001`).
  static func complaintCode(_ district: District, year: Int, seq: Int) -> String {
    "\(district.code)-\(year)-" + Register.pad(seq, 4)
  }

  /// Inserts a checked complaint that is not registered yet, with its items, its first event,
  /// its flags and its audit entry; returns its row id. Inside a write transaction.
  func insertComplaint(_ valid: ValidComplaint, claimantID: Int, actor: Actor) throws
    -> (id: Int, code: String)
  {
    let year = valid.reportedDate.year
    let seq = try nextComplaintSeq(districtID: valid.district.id, year: year)
    let code = Register.complaintCode(valid.district, year: year, seq: seq)
    let now = clock.timestamp()
    try db.prepare(
      """
      INSERT INTO complaint(code, district_id, year, seq, claimant_id, conservancy_id, damage_type,
        species, incident_date, reported_date, village, latitude_micro, longitude_micro, notes,
        external_ref, status, registered_at, registered_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, \(ComplaintStatus.registered.sqlLiteral), ?, ?)
      """
    ).run(with: [
      code, valid.district.id, year,
      seq, claimantID,
      valid.conservancy?.id, valid.type,
      valid.species, valid.incidentDate.description,
      valid.reportedDate.description, valid.village,
      valid.latitudeMicro,
      valid.longitudeMicro, valid.notes,
      valid.ref, now, actor.id,
    ])
    let id = db.lastInsertRowID
    let insertItem = try db.prepare(
      "INSERT INTO complaint_item(complaint_id, item, quantity_centi) VALUES (?, ?, ?)")
    for item in valid.items {
      try insertItem.run(with: [id, item.item, item.centi])
    }
    try db.prepare(
      """
      INSERT INTO complaint_event(complaint_id, kind, from_status, to_status, actor_id, at)
      VALUES (?, \(ComplaintEventKind.registered.sqlLiteral), NULL,
        \(ComplaintStatus.registered.sqlLiteral), ?, ?)
      """
    ).run(with: [id, actor.id, now])
    try flagPossibleDuplicates(id: id, valid, claimantID: claimantID)
    try auditCreated("complaint", id: id, actor: actor.name)
    return (id, code)
  }

  /// Flags, never refuses: the same claimant and type within 7 days; heads above the herd. A
  /// flag the complaint already carries (looked for again after a correction) is not repeated.
  func flagPossibleDuplicates(id: Int, _ valid: ValidComplaint, claimantID: Int) throws {
    let insertFlag = try db.prepare(
      """
      INSERT INTO complaint_flag(complaint_id, kind, other_complaint_id, detail)
      SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM complaint_flag
        WHERE complaint_id = ?1 AND kind = ?2 AND detail = ?4)
      """)
    if let (other, detail) = try nearDuplicate(id: id, valid, claimantID: claimantID) {
      try insertFlag.run(with: [id, "near_duplicate", other, detail])
    }
    for detail in aboveHerdDetails(valid.items, herd: try herd(claimantID: claimantID)) {
      try insertFlag.run(with: [id, "above_herd", Int?.none, detail])
    }
  }

  /// The near-duplicate flag complaint `id` (registered or about to be) gets, asked of the
  /// register: the nearest other complaint of the same claimant and damage type within 7 days
  /// (by incident date, then the latest registered), and the flag's detail; nil when none.
  ///
  /// One flag per complaint, naming the nearest other and how many more there are: flags grow
  /// with the complaints, never with their pairs (10,000 same-day forms of one herder make
  /// 10,000 flags, not 50 million).
  func nearDuplicate(id: Int, _ valid: ValidComplaint, claimantID: Int) throws
    -> (other: Int, detail: String)?
  {
    let window: [any SQLBindable] = [
      claimantID, valid.type, valid.incidentDate.adding(days: -7).description,
      valid.incidentDate.adding(days: 7).description, id,
    ]
    let nearby = """
      FROM complaint
      WHERE claimant_id = ? AND damage_type = ? AND incident_date BETWEEN ? AND ? AND id != ?
        AND status != \(ComplaintStatus.withdrawn.sqlLiteral)
      """
    let nearest = try db.prepare(
      """
      SELECT id, code, incident_date \(nearby)
      ORDER BY abs(julianday(incident_date) - julianday(?)), id DESC LIMIT 1
      """
    ).first(with: window + [valid.incidentDate.description]) {
      ($0.int("id"), $0.text("code"), $0.text("incident_date"))
    }
    guard let nearest else { return nil }
    let count = try db.scalar(Int.self, "SELECT count(*) \(nearby)", with: window) ?? 1
    return (
      nearest.0, Register.nearDuplicateDetail(code: nearest.1, incident: nearest.2, count: count)
    )
  }

  /// The detail of a near-duplicate flag: the nearest other complaint, `code` with its incident
  /// date, and how many there are in all (`count`, the nearest included).
  static func nearDuplicateDetail(code: String, incident: String, count: Int) -> String {
    var detail = "same claimant and damage type as \(code) (incident \(incident))"
    if count > 1 { detail += " and \(count - 1) more within 7 days" }
    return detail
  }

  /// The details of the above-herd flags of claimed `items` against the claimant's declared
  /// `herd`, by livestock class: none when no herd is declared.
  func aboveHerdDetails(_ items: [ItemQuantity], herd: [(livestockClass: String, heads: Int)])
    -> [String]
  {
    guard !herd.isEmpty else { return [] }
    var claimed: [String: Int] = [:]
    for item in items {
      if let livestockClass = reference.items[item.item]?.livestockClass {
        claimed[livestockClass, default: 0] += item.centi / 100
      }
    }
    var details: [String] = []
    for (livestockClass, heads) in claimed.sorted(by: { $0.key < $1.key }) {
      let declared = herd.first { $0.livestockClass == livestockClass }?.heads ?? 0
      if heads > declared {
        details.append("\(heads) \(livestockClass) claimed, \(declared) declared in the herd")
      }
    }
    return details
  }

  /// True when complaint `id` has `valid`'s details: as they are now, or as they were
  /// registered before any correction.
  func sameComplaint(_ id: Int, _ valid: ValidComplaint, claimantID: Int) throws -> Bool {
    let stored = try db.prepare(
      """
      SELECT claimant_id, district_id, conservancy_id, damage_type, species, incident_date,
        reported_date, village FROM complaint WHERE id = ?
      """
    ).first(with: [id]) { row in
      row.int("claimant_id") == claimantID && row.int("district_id") == valid.district.id
        && row.optionalInt("conservancy_id") == valid.conservancy?.id
        && row.text("damage_type") == valid.type
        && row.text("species") == valid.species
        && row.text("incident_date") == valid.incidentDate.description
        && row.text("reported_date") == valid.reportedDate.description
        && row.optionalText("village") == valid.village
    }
    let items = try db.prepare(ReadSQL.claimedItems).map(with: [id]) {
      ItemQuantity(item: $0.text("item"), centi: $0.int("quantity_centi"))
    }
    if stored == true, items == valid.items { return true }
    return try matchesAsRegistered(id, valid, claimantID: claimantID)
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}
