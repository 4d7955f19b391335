import HWCCore
import HWCDomain
import HWCStore

/// `hwc inspection import` as a `RowImporter`: a row restating its complaint's latest
/// inspection (in the register or an earlier good row of the file) changes nothing; any other
/// is checked as `hwc inspect` checks it. Under the lock each kept row is looked at again as a
/// single locked import would: its complaint's status and latest inspection as they are then.
/// When nothing changed the register since the check (`ChangeStamp`), the check's answer to
/// whether a row adds an inspection stands, and the rows are written by an
/// `InspectionImportWriter`.
struct InspectionRowImporter: RowImporter {
  let register: Register
  var actor: Actor
  /// The kept rows, encoded (see `appendRow`): their drafts, as checked.
  private var records = ImportRecords()
  /// The position of the latest kept row adding an inspection, by complaint row id.
  private var keptLatest: [Int: Int] = [:]
  private var reader: ImportRecords.Reader?
  /// Set when the check still holds under the lock.
  private var writer: InspectionImportWriter?

  init(register: Register, actor: Actor) {
    self.register = register
    self.actor = actor
  }

  mutating func check(_ field: (String) -> String, line: Int) throws -> RowOutcome {
    let code = field("complaint")
    let draft = InspectionDraft(
      date: field("date"), items: field("items").split(separator: ";").map(String.init),
      protected: field("protected"), vetCertificate: field("vet_certificate"),
      finding: field("finding"))
    let complaint = try register.header(code: code)
    let facts = InspectionFingerprint(
      draft, damageType: complaint.type, reference: register.reference)
    let latest: InspectionFingerprint?
    if let offset = keptLatest[complaint.id] {
      var reader = records.reader(at: offset)
      latest = InspectionFingerprint(
        readRow(&reader).draft, damageType: complaint.type, reference: register.reference)
    } else {
      latest = try register.latestInspection(complaintID: complaint.id)
    }
    if latest == facts {
      appendRow(line: line, code: code, draft, adds: false)
      return .unchanged
    }
    _ = try register.checkInspection(draft, of: complaint, actor: actor)
    keptLatest[complaint.id] = appendRow(line: line, code: code, draft, adds: true)
    return .created(claimantCreated: false)
  }

  mutating func beginWriting(checkHolds: Bool) throws {
    // The acting user may have been disabled, or given other roles, since the rows were checked.
    actor = try register.currentActor(actor)
    reader = records.reader()
    writer = checkHolds ? try InspectionImportWriter(register: register, actor: actor) : nil
  }

  mutating func writeNext() throws -> (line: Int, outcome: Result<WrittenRow, DomainError>)? {
    guard var reader, !reader.atEnd else { return nil }
    let row = readRow(&reader)
    self.reader = reader
    let complaint: ComplaintHeader
    let checked: Register.CheckedInspection
    do {
      complaint = try register.header(code: row.code)
      let unchanged: Bool
      if writer != nil {
        unchanged = !row.adds
      } else {
        let facts = InspectionFingerprint(
          row.draft, damageType: complaint.type, reference: register.reference)
        unchanged = try register.latestInspection(complaintID: complaint.id) == facts
      }
      if unchanged {
        let done = ImportedRow(
          line: row.line, ref: try register.ref(complaintID: complaint.id), code: complaint.code,
          created: false)
        return (row.line, .success((.unchanged, done)))
      }
      checked = try register.checkInspection(row.draft, of: complaint, actor: actor)
    } catch let error as DomainError {
      return (row.line, .failure(error))
    }
    if let writer {
      try writer.write(checked, of: complaint)
    } else {
      _ = try register.writeInspection(checked, of: complaint, actor: actor)
    }
    let done = ImportedRow(
      line: row.line, ref: try register.ref(complaintID: complaint.id), code: complaint.code,
      created: true)
    return (row.line, .success((.created(claimantCreated: false), done)))
  }

  /// Encodes a kept row and returns its position: line, complaint code, the draft's fields as
  /// read, and whether the check found that it adds an inspection.
  @discardableResult
  private mutating func appendRow(line: Int, code: String, _ draft: InspectionDraft, adds: Bool)
    -> Int
  {
    let position = records.startRecord()
    records.append(line)
    records.append(code)
    records.append(draft.date)
    records.appendInterned(draft.protected)
    records.appendOptional(draft.vetCertificate)
    records.appendOptional(draft.finding)
    records.append(draft.items.count)
    for item in draft.items { records.appendInterned(item) }
    records.append(adds ? 1 : 0)
    return position
  }

  /// Decodes the row `appendRow` encoded at the reader's offset.
  private func readRow(_ reader: inout ImportRecords.Reader)
    -> (line: Int, code: String, draft: InspectionDraft, adds: Bool)
  {
    let line = reader.int()
    let code = reader.string()
    let date = reader.string()
    let protected = reader.interned()
    let certificate = reader.optionalString()
    let finding = reader.optionalString()
    let items = (0..<reader.int()).map { _ in reader.interned() }
    let adds = reader.int() == 1
    return (
      line, code,
      InspectionDraft(
        date: date, items: items, protected: protected, vetCertificate: certificate,
        finding: finding), adds
    )
  }
}
