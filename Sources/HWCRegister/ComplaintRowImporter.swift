import HWCCore
import HWCDomain
import HWCStore

/// The claimant of an imported row, as far as the import knows it.
enum ImportedClaimant {
  /// In the register.
  case registered(id: Int, country: String)
  /// To be added by an earlier good row of the same file.
  case pending(country: String)
  /// Neither: this row adds them if it names them.
  case unknown

  var id: Int? {
    if case .registered(let id, _) = self { return id }
    return nil
  }
}

/// What an imported complaint row will do.
enum ImportedComplaintPlan {
  /// Its reference is registered with the same details.
  case unchanged
  /// A new complaint, with a new claimant when the row adds one.
  case create(newClaimant: Register.CheckedClaimant?)
}

extension Register {
  /// Checks an imported complaint row in the order a single locked import always did: its
  /// claimant (adding them needs a name), their country against the district, then its
  /// reference (`existing` gives the complaint already under it: its code and whether it has
  /// the same details). Reads nothing else, writes nothing.
  func plan(
    _ valid: ValidComplaint, name: String, claimant: ImportedClaimant,
    existing: () throws -> (code: String, same: Bool)?
  ) throws -> ImportedComplaintPlan {
    var newClaimant: CheckedClaimant?
    let country: String
    switch claimant {
    case .registered(_, let known), .pending(let known):
      country = known
    case .unknown:
      guard !name.isEmpty else {
        throw DomainError.invalid(
          field: .claimant,
          "no claimant with national ID \(NationalID.mask(valid.nationalID)), "
            + "and no claimant_name to add them")
      }
      let checked = try checkClaimant(
        ClaimantDraft(
          name: name, nationalID: valid.nationalID, district: valid.district.name.en,
          village: valid.village, conservancy: valid.conservancy?.name.en))
      newClaimant = checked
      country = checked.id.country.rawValue
    }
    try refuseForeignClaimant(country: country, valid)
    if let found = try existing() {
      guard found.same else { throw Register.refConflict(valid.ref ?? "", code: found.code) }
      return .unchanged
    }
    return .create(newClaimant: newClaimant)
  }
}

/// `hwc complaint import` as a `RowImporter`: checks each row against the register and the good
/// rows before it (claimants they add, references they register, the codes they will get), then
/// writes them under the lock. When nothing changed the register since the check (the usual
/// case), what the check found is written as found (`ComplaintImportWriter`); otherwise each row
/// looks its claimant and reference up again, as a single locked import would.
struct ComplaintRowImporter: RowImporter {
  let register: Register
  var actor: Actor
  let validator: ComplaintValidator
  /// The kept rows, encoded (`KeptComplaintRow`).
  private var records = ImportRecords()
  /// Claimants the kept rows add, by national ID: their country, the name given first, and
  /// once written their row id (0 before).
  private var newClaimants: [String: (country: String, name: String, id: Int)] = [:]
  /// The registered claimants of the rows checked so far, by national ID (an ID the register
  /// does not know is asked again, which only a refused row or a claimant's first row does).
  private var registered: [String: (id: Int, country: String)] = [:]
  /// The references of kept rows that create a complaint, by 32-bit hash, to their record's
  /// position (8 bytes a row); a reference whose hash another already has is kept whole in
  /// `refCollisions`.
  private var refPositions: [UInt32: UInt32] = [:]
  private var refCollisions: [String: Int] = [:]
  /// The next sequence number in each district and year, as the kept rows number them.
  private var nextSeq: [Int: Int] = [:]
  /// How many kept rows create a complaint.
  private var creating = 0
  private var reader: ImportRecords.Reader?
  /// Set when the check still holds under the lock: writes what it found.
  private var writer: ComplaintImportWriter?

  init(register: Register, actor: Actor) {
    self.register = register
    self.actor = actor
    self.validator = register.complaintValidator
  }

  mutating func check(_ field: (String) -> String, line: Int) throws -> RowOutcome {
    let ref = field("ref")
    guard !ref.isEmpty else {
      throw DomainError.invalid(
        field: .ref, "is required, so that importing the file again cannot duplicate complaints")
    }
    let draft = ComplaintDraft(
      nationalID: field("claimant_id"), district: field("district"),
      conservancy: field("conservancy"), type: field("type"), species: field("species"),
      incidentDate: field("incident_date"), reportedDate: field("reported_date"),
      items: field("items").split(separator: ";").map(String.init), ref: ref,
      village: field("village"))
    let valid = try validator.validate(draft).get()
    try register.require(
      actor, .officer, districtID: valid.district.id, conservancyID: valid.conservancy?.id,
      to: "register complaints")
    let name = field("claimant_name")
    let claimant: ImportedClaimant
    if let known = try registeredClaimant(valid.nationalID) {
      claimant = .registered(id: known.id, country: known.country)
    } else if let pending = newClaimants[valid.nationalID] {
      claimant = .pending(country: pending.country)
    } else {
      claimant = .unknown
    }
    var matched: String?
    let plan = try register.plan(valid, name: name, claimant: claimant) {
      if let stored = try register.complaint(ref: ref) {
        let same = try claimant.id.map {
          try register.sameComplaint(stored.id, valid, claimantID: $0)
        }
        matched = stored.code
        return (stored.code, same ?? false)
      }
      guard let earlier = keptRow(ref: ref) else { return nil }
      let code = Register.complaintCode(
        earlier.valid.district, year: earlier.valid.reportedDate.year, seq: earlier.seq)
      matched = code
      return (code, earlier.valid.hasSameDetails(as: valid))
    }
    var seq = 0
    if case .create(let newClaimant) = plan {
      matched = nil
      creating += 1
      if let newClaimant {
        newClaimants[valid.nationalID] = (newClaimant.id.country.rawValue, name, 0)
      }
      let key = valid.district.id * 10_000 + valid.reportedDate.year
      seq =
        try nextSeq[key]
        ?? register.nextComplaintSeq(districtID: valid.district.id, year: valid.reportedDate.year)
      nextSeq[key] = seq + 1
    }
    let kept = KeptComplaintRow(
      line: line, seq: seq, valid: valid, name: claimant.id == nil ? name : "",
      claimantID: claimant.id, matched: matched)
    let position = records.append(kept, firstName: newClaimants[valid.nationalID]?.name)
    if case .create = plan { rememberRef(ref, position: position) }
    if case .create(let newClaimant) = plan { return .created(claimantCreated: newClaimant != nil) }
    return .unchanged
  }

  /// The registered claimant with this national ID, asked of the register once per ID.
  private mutating func registeredClaimant(_ nationalID: String) throws -> (
    id: Int, country: String
  )? {
    if let known = registered[nationalID] { return known }
    let found = try register.registeredClaimant(nationalID: nationalID)
    if let found { registered[nationalID] = found }
    return found
  }

  mutating func beginWriting(checkHolds: Bool) throws {
    // The acting user may have been disabled, or given other roles, since the rows were checked.
    actor = try register.currentActor(actor)
    reader = records.reader()
    writer =
      checkHolds
      ? try ComplaintImportWriter(register: register, actor: actor, creating: creating) : nil
  }

  mutating func writeNext() throws -> (line: Int, outcome: Result<WrittenRow, DomainError>)? {
    guard var reader, !reader.atEnd else { return nil }
    let row = readRow(&reader)
    self.reader = reader
    if let writer {
      let added = newClaimants[row.valid.nationalID]?.id ?? 0
      let written = try writer.write(row, addedClaimant: added == 0 ? nil : added)
      if let id = writer.lastAddedClaimant { newClaimants[row.valid.nationalID]?.id = id }
      return (row.line, written)
    }
    return (row.line, try recheckAndWrite(row))
  }

  /// Writes a kept row after looking its claimant and reference up again: the register changed
  /// since the check.
  private func recheckAndWrite(_ row: KeptComplaintRow) throws -> Result<WrittenRow, DomainError> {
    let valid = row.valid
    let claimant: ImportedClaimant
    let plan: ImportedComplaintPlan
    var matched = ""
    do {
      try register.require(
        actor, .officer, districtID: valid.district.id, conservancyID: valid.conservancy?.id,
        to: "register complaints")
      claimant =
        try register.registeredClaimant(nationalID: valid.nationalID).map {
          .registered(id: $0.id, country: $0.country)
        } ?? .unknown
      plan = try register.plan(valid, name: row.name, claimant: claimant) {
        guard let ref = valid.ref, let stored = try register.complaint(ref: ref) else { return nil }
        matched = stored.code
        let same = try claimant.id.map {
          try register.sameComplaint(stored.id, valid, claimantID: $0)
        }
        return (stored.code, same ?? false)
      }
    } catch let error as DomainError {
      return .failure(error)
    }
    guard case .create(let newClaimant) = plan else {
      let done = ImportedRow(line: row.line, ref: valid.ref, code: matched, created: false)
      return .success((.unchanged, done))
    }
    var claimantID = claimant.id
    if let newClaimant { claimantID = try register.insertClaimant(newClaimant, actor: actor) }
    guard let claimantID else { preconditionFailure("a new complaint without its claimant") }
    let code = try register.insertComplaint(valid, claimantID: claimantID, actor: actor).code
    let done = ImportedRow(line: row.line, ref: valid.ref, code: code, created: true)
    return .success((.created(claimantCreated: newClaimant != nil), done))
  }

  /// The kept row that creates a complaint under `ref`, if any.
  private func keptRow(ref: String) -> KeptComplaintRow? {
    let position = refCollisions[ref] ?? refPositions[Self.hash(ref)].map { Int($0) }
    guard let position else { return nil }
    var reader = records.reader(at: position)
    let row = readRow(&reader)
    return row.valid.ref == ref ? row : nil
  }

  private mutating func rememberRef(_ ref: String, position: Int) {
    let key = Self.hash(ref)
    if refPositions[key] == nil, let compact = UInt32(exactly: position) {
      refPositions[key] = compact
    } else {
      refCollisions[ref] = position
    }
  }

  /// 32 bits of the reference's hash.
  private static func hash(_ ref: String) -> UInt32 {
    UInt32(truncatingIfNeeded: ref.hashValue)
  }

  /// Decodes the kept row at the reader's offset.
  private func readRow(_ reader: inout ImportRecords.Reader) -> KeptComplaintRow {
    reader.keptComplaint(reference: register.reference) { newClaimants[$0]?.name ?? "" }
  }
}

extension ValidComplaint {
  /// True when `other` is the same complaint as this one: claimant, place, damage, dates,
  /// village and items (what an import compares when a reference comes again).
  func hasSameDetails(as other: ValidComplaint) -> Bool {
    nationalID == other.nationalID && district.id == other.district.id
      && conservancy?.id == other.conservancy?.id && type == other.type
      && species == other.species && incidentDate == other.incidentDate
      && reportedDate == other.reportedDate && village == other.village && items == other.items
  }
}
