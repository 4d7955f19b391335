import HWCCore
import HWCDomain
import HWCStore

/// The details of a complaint a desk officer corrects, as typed; nil leaves a detail as it is.
public struct ComplaintCorrection: Sendable {
  public var village: String?
  /// `KEY=QTY` pairs replacing the claimed items as a whole; nil keeps them.
  public var items: [String]?
  public var species: String?
  public var type: String?
  public var incidentDate: String?
  public var reportedDate: String?
  public var conservancy: String?
  public var ref: String?

  public init(
    village: String? = nil, items: [String]? = nil, species: String? = nil, type: String? = nil,
    incidentDate: String? = nil, reportedDate: String? = nil, conservancy: String? = nil,
    ref: String? = nil
  ) {
    self.village = village
    self.items = items
    self.species = species
    self.type = type
    self.incidentDate = incidentDate
    self.reportedDate = reportedDate
    self.conservancy = conservancy
    self.ref = ref
  }
}

/// What `hwc complaint withdraw` did.
public struct Withdrawal: Sendable {
  public let complaint: String
  public let from: ComplaintStatus
  /// The reservation released (an approved complaint's), in minor units, and its currency.
  public let releasedMinor: Int?
  public let currency: String?
}

extension Register {
  /// The complaint `code`, refused unless `actor` is an officer of its district or conservancy.
  func officersComplaint(_ code: String, _ actor: Actor, to what: String) throws
    -> ComplaintHeader
  {
    let complaint = try header(code: code)
    try require(
      actor, .officer, districtID: complaint.districtID, conservancyID: complaint.conservancyID,
      to: what)
    return complaint
  }

  /// Withdraws a complaint at the claimant's request (`hwc complaint withdraw`): an officer of
  /// its district or conservancy, with a reason. Allowed until it is paid; an approved
  /// complaint's reservation is released by a reversing transfer in the same transaction, as a
  /// rejection or an appeal releases it.
  public func withdrawComplaint(code: String, reason text: String, actor: Actor) throws
    -> Withdrawal
  {
    let reason = try Register.reason(text)
    return try db.transaction {
      let complaint = try officersComplaint(code, actor, to: "withdraw complaints")
      switch complaint.status {
      case .paid:
        throw DomainError.conflict(
          "\(complaint.code) cannot be withdrawn: it is paid, and a payment is never undone "
            + "by the register")
      case .withdrawn:
        throw DomainError.conflict("\(complaint.code) is already withdrawn")
      default: break
      }
      let reservation = try openReservation(complaint)
      let released = reservation?.entries.first { $0.amount > 0 }?.amount
      try releaseReservation(complaint, memo: "withdrawn: \(reason)", actor: actor)
      try transition(complaint, to: .withdrawn, kind: .withdrawn, reason: reason, actor: actor)
      let currency = released == nil ? nil : coverage(complaint).scheme.currency
      return Withdrawal(
        complaint: complaint.code, from: complaint.status, releasedMinor: released,
        currency: currency)
    }
  }

  /// Corrects the details of a complaint before its inspection (`hwc complaint correct`): an
  /// officer of its district or conservancy, with a reason. The corrected complaint is checked
  /// exactly as a registration is, the possible-duplicate flags are looked for again, and a
  /// `corrected` event with a correction row keeps every old and new value. Returns the
  /// complaint as it is now and what changed.
  public func correctComplaint(
    code: String, _ correction: ComplaintCorrection, reason text: String, actor: Actor
  ) throws -> (complaint: ComplaintRecord, changes: [FieldChange]) {
    let reason = try Register.reason(text)
    return try db.transaction {
      let header = try officersComplaint(code, actor, to: "correct complaints")
      guard header.status == .registered || header.status == .appealed else {
        throw DomainError.conflict(
          "\(header.code) is \(header.status.rawValue): its details are corrected only before "
            + "an inspection; after one, the way is an appeal (hwc appeal \(header.code) --reason "
            + "T, once it is decided), which reopens it for correction and a new inspection")
      }
      let old = try complaint(id: header.id)
      let nationalID = try db.prepare("SELECT national_id FROM claimant WHERE id = ?").first(
        with: [header.claimantID]) { $0.text("national_id") }!
      let draft = ComplaintDraft(
        nationalID: nationalID, district: old.district,
        conservancy: correction.conservancy ?? old.conservancy, type: correction.type ?? old.type,
        species: correction.species ?? old.species,
        incidentDate: correction.incidentDate ?? old.incidentDate,
        reportedDate: correction.reportedDate ?? old.reportedDate,
        items: correction.items ?? old.items.map { "\($0.item)=\(Decimal2.format($0.centi))" },
        ref: correction.ref ?? old.ref, village: correction.village ?? old.village)
      let valid = try complaintValidator.validate(draft).get()
      if let ref = valid.ref, ref != old.ref, let other = try complaint(ref: ref),
        other.id != header.id
      {
        throw DomainError.invalid(field: .ref, "'\(ref)' is already complaint \(other.code)")
      }
      let newItems = ComplaintRecord.itemsText(valid.items)
      let pairs: [(String, String?, String?)] = [
        ("conservancy", old.conservancy, valid.conservancy?.name.en),
        ("type", old.type, valid.type), ("species", old.species, valid.species),
        ("incident_date", old.incidentDate, valid.incidentDate.description),
        ("reported_date", old.reportedDate, valid.reportedDate.description),
        ("items", old.itemsText, newItems), ("village", old.village, valid.village),
        ("ref", old.ref, valid.ref),
      ]
      let changes = pairs.filter { $0.1 != $0.2 }.map { FieldChange($0.0, old: $0.1, new: $0.2) }
        .sorted { $0.field < $1.field }
      try Register.requireChanges(changes, of: header.code)
      let change = try beginChange("complaint", id: header.id)
      try db.run(
        """
        UPDATE complaint SET conservancy_id = ?, damage_type = ?, species = ?, incident_date = ?,
          reported_date = ?, village = ?, external_ref = ? WHERE id = ?
        """,
        with: [
          valid.conservancy?.id, valid.type, valid.species, valid.incidentDate.description,
          valid.reportedDate.description, valid.village, valid.ref, header.id,
        ])
      try db.run(
        """
        INSERT INTO complaint_event(complaint_id, kind, from_status, to_status, actor_id, at, reason)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
        with: [
          header.id, ComplaintEventKind.corrected.rawValue, header.status.rawValue,
          header.status.rawValue, actor.id, clock.timestamp(), reason,
        ])
      let event = db.lastInsertRowID
      try flagPossibleDuplicates(id: header.id, valid, claimantID: header.claimantID)
      try commitChange(change, action: ComplaintEventKind.corrected.rawValue, actor: actor.name)
      _ = try recordCorrection(
        "correct", of: .complaint(id: header.id, event: event), reason: reason, changes: changes,
        items: old.itemsText == newItems ? nil : valid.items, actor: actor)
      return (try complaint(id: header.id), changes)
    }
  }

  /// True when a corrected complaint `id` had `valid`'s details as it was registered: each field
  /// as its first correction found it, the items as registered (they are never changed).
  func matchesAsRegistered(_ id: Int, _ valid: ValidComplaint, claimantID: Int) throws -> Bool {
    var fields: [String: String?] = [:]
    try db.prepare(
      """
      SELECT f.field, f.old_value FROM correction_field f JOIN correction r ON r.id = f.correction_id
      WHERE r.complaint_id = ? ORDER BY r.id DESC
      """
    ).eachRow(with: [id]) { fields[$0.text("field")] = .some($0.optionalText("old_value")) }
    guard !fields.isEmpty else { return false }
    let now = try complaint(id: id)
    func registered(_ field: String, _ current: String?) -> String? {
      fields[field] ?? current
    }
    let items = try db.prepare(
      "SELECT item, quantity_centi FROM complaint_item WHERE complaint_id = ? ORDER BY item"
    ).map(with: [id]) { ItemQuantity(item: $0.text("item"), centi: $0.int("quantity_centi")) }
    return try db.scalar(Int.self, "SELECT claimant_id FROM complaint WHERE id = ?", with: [id])
      == claimantID && now.district == valid.district.name.en
      && registered("conservancy", now.conservancy) == valid.conservancy?.name.en
      && registered("type", now.type) == valid.type
      && registered("species", now.species) == valid.species
      && registered("incident_date", now.incidentDate) == valid.incidentDate.description
      && registered("reported_date", now.reportedDate) == valid.reportedDate.description
      && registered("village", now.village) == valid.village
      && registered("ref", now.ref) == valid.ref && items == valid.items
  }
}
