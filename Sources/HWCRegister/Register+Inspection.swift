import HWCCore
import HWCDomain
import HWCStore

/// An inspection as typed or read from a field form, not yet checked.
public struct InspectionDraft: Sendable {
  public var date: String
  public var items: [String]
  /// `yes` or `no`.
  public var protected: String
  public var vetCertificate: String?
  public var finding: String?

  public init(
    date: String, items: [String], protected: String, vetCertificate: String? = nil,
    finding: String? = nil
  ) {
    self.date = date
    self.items = items
    self.protected = protected
    self.vetCertificate = vetCertificate
    self.finding = finding
  }
}

/// The facts of a complaint that commands check before changing it.
struct ComplaintHeader {
  let id: Int
  let code: String
  let districtID: Int
  let conservancyID: Int?
  let claimantID: Int
  let type: String
  let species: String
  let incidentDate: CalendarDate
  let reportedDate: CalendarDate
  let status: ComplaintStatus
  let registeredBy: Int
}

extension ComplaintHeader {
  /// The complaint columns a header is read from, for `SELECT \(columns) FROM complaint …`.
  static let columns = """
    id, code, district_id, conservancy_id, claimant_id, damage_type, species, incident_date,
      reported_date, status, registered_by
    """

  /// The header in a row selected with `columns`.
  init(row: Row) {
    self.init(
      id: row.int("id"), code: row.text("code"), districtID: row.int("district_id"),
      conservancyID: row.optionalInt("conservancy_id"),
      claimantID: row.int("claimant_id"), type: row.text("damage_type"),
      species: row.text("species"),
      incidentDate: CalendarDate(row.text("incident_date"))!,
      reportedDate: CalendarDate(row.text("reported_date"))!,
      status: ComplaintStatus(rawValue: row.text("status"))!,
      registeredBy: row.int("registered_by"))
  }
}

extension Register {
  func header(code: String) throws -> ComplaintHeader {
    let key = code.trimmingSpaces.uppercased()
    let header = try db.prepare(
      "SELECT \(ComplaintHeader.columns) FROM complaint WHERE code = ?"
    ).first(with: [key], ComplaintHeader.init(row:))
    guard let header else {
      throw DomainError.invalid(field: .complaint, "there is no complaint \(code)")
    }
    return header
  }

  /// Moves a complaint to `status` with an event, auditing the change. Inside a transaction.
  /// A caller that has read the complaint's audited state in the same transaction passes it as
  /// `before`: the state after is then built from it and the values written, not read back.
  func transition(
    _ complaint: ComplaintHeader, to status: ComplaintStatus, kind: ComplaintEventKind,
    reason: String?, actor: Actor, before: AuditState? = nil
  ) throws {
    let change =
      try before.map { Change(kind: .named("complaint"), id: complaint.id, before: $0) }
      ?? beginChange("complaint", id: complaint.id)
    try db.run(
      "UPDATE complaint SET status = ? WHERE id = ?",
      with: [status.rawValue, complaint.id])
    let at = clock.timestamp()
    try db.run(
      """
      INSERT INTO complaint_event(complaint_id, kind, from_status, to_status, actor_id, at, reason)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      """,
      with: [
        complaint.id, kind.rawValue, complaint.status.rawValue,
        status.rawValue,
        actor.id, at, reason,
      ])
    let event: [SQLValue] = [
      .text(kind.rawValue), .text(complaint.status.rawValue), .text(status.rawValue),
      .integer(Int64(actor.id)), .text(at), reason.map(SQLValue.text) ?? .null,
    ]
    try commitChange(
      change, action: kind.rawValue, actor: actor.name, addedEvent: db.lastInsertRowID,
      known: before?.afterTransition(to: status.rawValue, event: event))
  }

  /// Records a field inspection (`hwc inspect`): an inspector of the complaint's district or
  /// conservancy; a re-inspection adds a new one and the latest counts.
  public func inspect(code: String, _ draft: InspectionDraft, actor: Actor) throws -> Int {
    let complaint = try header(code: code)
    let checked = try checkInspection(draft, of: complaint, actor: actor)
    return try db.transaction { try writeInspection(checked, of: complaint, actor: actor) }
  }

  /// An inspection checked against its complaint and the actor's roles, ready to write.
  struct CheckedInspection {
    let date: CalendarDate
    let protected: Bool
    let items: [ItemQuantity]
    /// Nil when not given or blank.
    let certificate: String?
    let finding: String?
  }

  /// Checks an inspection of `complaint` by `actor`; reads nothing but what it is given. A
  /// re-inspection (`hwc reinspect`) is of an assessed complaint; any other of one that is
  /// registered, inspected or appealed.
  func checkInspection(
    _ draft: InspectionDraft, of complaint: ComplaintHeader, actor: Actor,
    reinspection: Bool = false
  ) throws -> CheckedInspection {
    try require(
      actor, .inspector, districtID: complaint.districtID, conservancyID: complaint.conservancyID,
      to: "inspect complaints")
    if reinspection {
      guard complaint.status == .assessed else {
        throw DomainError.conflict(
          "\(complaint.code) is \(complaint.status); a re-inspection is recorded while it is "
            + "assessed, before its approval")
      }
    } else if !complaint.status.isInspectable {
      throw DomainError.conflict(
        "\(complaint.code) is \(complaint.status); it can be inspected while registered or "
          + "inspected, or again after an appeal")
    }
    let date = try CalendarDate(draft.date, field: .date)
    guard date <= clock.today else {
      throw DomainError.invalid(field: .date, "\(date) is in the future (today is \(clock.today))")
    }
    guard date >= complaint.incidentDate else {
      throw DomainError.invalid(
        field: .date, "\(date) is before the incident date \(complaint.incidentDate)")
    }
    let protected: Bool
    switch draft.protected.trimmingSpaces.lowercased() {
    case "yes": protected = true
    case "no": protected = false
    default:
      throw DomainError.invalid(field: .protected, "'\(draft.protected)' is not yes or no")
    }
    let items = try reference.parseItems(draft.items, damageType: complaint.type).get()
    let certificate = draft.vetCertificate?.trimmingSpaces
    if let certificate, certificate.count > 64 {
      throw DomainError.invalid(field: .vetCertificate, "is longer than 64 characters")
    }
    let finding = draft.finding?.trimmingSpaces
    if let finding, finding.count > 2000 {
      throw DomainError.invalid(field: .finding, "is longer than 2000 characters")
    }
    return CheckedInspection(
      date: date, protected: protected, items: items,
      certificate: certificate.flatMap { $0.isEmpty ? nil : $0 },
      finding: finding.flatMap { $0.isEmpty ? nil : $0 })
  }

  /// Writes a checked inspection, its items, its audit entry and the complaint's move to
  /// inspected; returns its row id. A re-inspection names the assessment it re-checks and
  /// leaves the complaint assessed. Inside a write transaction.
  func writeInspection(
    _ checked: CheckedInspection, of complaint: ComplaintHeader, actor: Actor,
    reinspectionOf: Int? = nil
  ) throws -> Int {
    try db.run(
      """
      INSERT INTO inspection(complaint_id, inspection_date, inspector_id, protected,
        vet_certificate, findings, recorded_at, reinspection_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """,
      with: [
        complaint.id, checked.date.description, actor.id,
        checked.protected ? 1 : 0,
        checked.certificate, checked.finding,
        clock.timestamp(), reinspectionOf,
      ])
    let id = db.lastInsertRowID
    let insert = try db.prepare(
      "INSERT INTO inspection_item(inspection_id, item, quantity_centi) VALUES (?, ?, ?)")
    for item in checked.items {
      try insert.run(with: [id, item.item, item.centi])
    }
    try auditCreated("inspection", id: id, actor: actor.name)
    if reinspectionOf == nil {
      try transition(complaint, to: .inspected, kind: .inspected, reason: nil, actor: actor)
    }
    return id
  }

  /// The CSV columns of an inspection file (SPEC §8).
  public static let inspectionColumns = [
    "complaint", "date", "protected", "vet_certificate", "finding", "items",
  ]

  /// Imports field inspection forms (`hwc inspection import`), with the same all-or-nothing,
  /// rejects and dry-run rules as complaint import.
  public func importInspections(
    path: String, options: ImportOptions, actor: Actor, observer: ImportObserver
  ) throws -> ImportSummary {
    var importer = InspectionRowImporter(register: self, actor: actor)
    return try importRows(
      path: path, required: Register.inspectionColumns, options: options, observer: observer,
      command: "an inspection import", actor: actor, importer: &importer)
  }

  /// The facts of a complaint's latest inspection, as a re-import compares them.
  func latestInspection(complaintID: Int) throws -> InspectionFingerprint? {
    guard
      let latest = try db.prepare(
        """
        SELECT id, inspection_date, protected, coalesce(vet_certificate, '') AS vet_certificate,
          coalesce(findings, '') AS findings
        FROM inspection WHERE complaint_id = ? ORDER BY id DESC LIMIT 1
        """
      ).first(
        with: [complaintID],
        { row in
          (
            row.int("id"), row.text("inspection_date"), row.int("protected") == 1,
            row.text("vet_certificate"), row.text("findings")
          )
        })
    else { return nil }
    let stored = try db.prepare(
      "SELECT item, quantity_centi FROM inspection_item WHERE inspection_id = ? ORDER BY item"
    ).map(with: [latest.0]) { ItemQuantity(item: $0.text("item"), centi: $0.int("quantity_centi")) }
    return InspectionFingerprint(
      date: latest.1, protected: latest.2, certificate: latest.3, finding: latest.4, items: stored)
  }
}

/// What a re-import of an inspection compares with the complaint's latest one: the same facts
/// change nothing.
struct InspectionFingerprint: Equatable {
  let date: String
  let protected: Bool
  /// Empty when there is none.
  let certificate: String
  let finding: String
  /// Nil when a draft's items do not parse (then it is never the same as a stored one).
  let items: [ItemQuantity]?

  init(date: String, protected: Bool, certificate: String, finding: String, items: [ItemQuantity]?)
  {
    self.date = date
    self.protected = protected
    self.certificate = certificate
    self.finding = finding
    self.items = items
  }

  /// The facts a draft states, its items read for a complaint of `damageType`.
  init(_ draft: InspectionDraft, damageType: String, reference: Reference) {
    self.init(
      date: draft.date.trimmingSpaces,
      protected: draft.protected.trimmingSpaces.lowercased() == "yes",
      certificate: draft.vetCertificate?.trimmingSpaces ?? "",
      finding: draft.finding?.trimmingSpaces ?? "",
      items: try? reference.parseItems(draft.items, damageType: damageType).get())
  }

}
