import HWCCore
import HWCDomain

/// One row a complaint import checked and keeps until it writes it, with what the check found.
struct KeptComplaintRow {
  let line: Int
  /// The sequence number its complaint gets if nothing else is registered meanwhile.
  let seq: Int
  let valid: ValidComplaint
  /// Its claimant_name, empty when it gave none or its claimant was registered.
  let name: String
  /// The row id of its claimant when the check found them registered.
  let claimantID: Int?
  /// When its reference was already registered (or kept) with the same details, the code of
  /// that complaint: the row changes nothing. Nil for a row that creates a complaint.
  let matched: String?
}

extension ImportRecords {
  /// Encodes a kept row and returns its position: line, sequence, claimant, place, type, dates,
  /// items, reference, village, coordinates, notes, claimant name (a mark when it is `firstName`,
  /// the name the claimant's first row gave), registered claimant and matched code.
  mutating func append(_ row: KeptComplaintRow, firstName: String?) -> Int {
    let position = startRecord()
    let valid = row.valid
    append(row.line)
    append(row.seq)
    append(valid.nationalID)
    append(valid.district.id)
    appendOptional(valid.conservancy?.id)
    appendInterned(valid.type)
    appendInterned(valid.species)
    append(valid.incidentDate.daysSinceEpoch)
    append(valid.reportedDate.daysSinceEpoch)
    append(valid.items.count)
    for item in valid.items {
      appendInterned(item.item)
      append(item.centi)
    }
    appendOptional(valid.ref)
    append(valid.village == nil ? 0 : 1)
    if let village = valid.village { appendInterned(village) }
    appendOptional(valid.latitudeMicro)
    appendOptional(valid.longitudeMicro)
    appendOptional(valid.notes)
    if row.name.isEmpty {
      append(0)
    } else if firstName == row.name {
      append(1)
    } else {
      append(2)
      append(row.name)
    }
    appendOptional(row.claimantID)
    appendOptional(row.matched)
    return position
  }
}

extension ImportRecords.Reader {
  /// Decodes the row `ImportRecords.append(_:firstName:)` encoded at the reader's offset;
  /// `firstName` gives the name the claimant's first row gave, by national ID.
  mutating func keptComplaint(reference: Reference, firstName: (String) -> String)
    -> KeptComplaintRow
  {
    let line = int()
    let seq = int()
    let nationalID = string()
    guard let district = reference.district(id: int()) else {
      preconditionFailure("a kept import row names a district the reference data lacks")
    }
    let conservancy = optionalInt().flatMap { reference.conservancy(id: $0) }
    let type = interned()
    let species = interned()
    let incident = CalendarDate(daysSinceEpoch: int())
    let reported = CalendarDate(daysSinceEpoch: int())
    let items = (0..<int()).map { _ in ItemQuantity(item: interned(), centi: int()) }
    let ref = optionalString()
    let village = int() == 0 ? nil : interned()
    let latitude = optionalInt()
    let longitude = optionalInt()
    let notes = optionalString()
    let name: String
    switch int() {
    case 0: name = ""
    case 1: name = firstName(nationalID)
    default: name = string()
    }
    let valid = ValidComplaint(
      nationalID: nationalID, district: district, conservancy: conservancy, type: type,
      species: species, incidentDate: incident, reportedDate: reported, items: items, ref: ref,
      village: village, latitudeMicro: latitude, longitudeMicro: longitude, notes: notes)
    return KeptComplaintRow(
      line: line, seq: seq, valid: valid, name: name, claimantID: optionalInt(),
      matched: optionalString())
  }
}
