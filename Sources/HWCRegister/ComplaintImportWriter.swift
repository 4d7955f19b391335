import HWCCore
import HWCDomain
import HWCStore

/// Writes the kept rows of a complaint import whose check still holds under the write lock
/// (nothing changed the register since: `ChangeStamp`), as the check found them: a row that
/// matched a registered complaint changes nothing, the others create their complaint under the
/// code the check numbered, with the claimant the check found or the one their first row adds.
///
/// What a single locked import writes, without asking the register again per row: the claimant
/// and complaint rows, items, first event and flags are inserted from values, and their audit
/// entries record the digest of those values (`KnownStateWriter`); possible duplicates are found
/// in memory (`ImportDuplicates`), a claimant's herd is read once.
final class ComplaintImportWriter {
  let register: Register
  let actor: Actor
  private let known: KnownStateWriter
  private var duplicates: ImportDuplicates
  /// The row id of the claimant the last row written added.
  private(set) var lastAddedClaimant: Int?
  /// Declared herds of registered claimants, by row id, read once each (a claimant an import
  /// adds has declared none).
  private var herds: [Int: [(livestockClass: String, heads: Int)]] = [:]
  private let claimantKind = AuditedKind.named("claimant")
  private let complaintKind = AuditedKind.named("complaint")

  /// Starts writing, inside the import's write transaction, `creating` complaints.
  init(register: Register, actor: Actor, creating: Int) throws {
    self.register = register
    self.actor = actor
    duplicates = ImportDuplicates(capacity: creating)
    known = KnownStateWriter(register: register)
  }

  /// Writes one kept row; `addedClaimant` is its claimant's row id when an earlier row of the
  /// import added them.
  func write(_ row: KeptComplaintRow, addedClaimant: Int?) throws -> Result<
    WrittenRow, DomainError
  > {
    lastAddedClaimant = nil
    let valid = row.valid
    if let code = row.matched {
      return .success(
        (.unchanged, ImportedRow(line: row.line, ref: valid.ref, code: code, created: false)))
    }
    var claimantID = row.claimantID ?? addedClaimant
    let newClaimant = claimantID == nil
    if claimantID == nil {
      // The claimant's first row: checked as the check pass checked it, so it cannot fail now.
      let checked: Register.CheckedClaimant
      do {
        checked = try register.checkClaimant(
          ClaimantDraft(
            name: row.name, nationalID: valid.nationalID, district: valid.district.name.en,
            village: valid.village, conservancy: valid.conservancy?.name.en))
      } catch let error as DomainError {
        return .failure(error)
      }
      let id = try insertClaimant(checked)
      lastAddedClaimant = id
      claimantID = id
    }
    guard let claimantID else { preconditionFailure("a new complaint without its claimant") }
    let code = try insertComplaint(
      valid, seq: row.seq, claimantID: claimantID, registered: row.claimantID != nil)
    let done = ImportedRow(line: row.line, ref: valid.ref, code: code, created: true)
    return .success((.created(claimantCreated: newClaimant), done))
  }

  /// Inserts a claimant with their herd, audited; returns the row id.
  private func insertClaimant(_ claimant: Register.CheckedClaimant) throws -> Int {
    let now = register.clock.timestamp()
    let columns: [SQLValue] = [
      .text(claimant.id.value), .text(claimant.id.country.rawValue), .text(claimant.name),
      .integer(Int64(claimant.district.id)), Self.optional(claimant.conservancy?.id),
      Self.optional(claimant.village), .text(now), .integer(Int64(actor.id)),
      Self.optional(claimant.lang),
    ]
    let herd = claimant.herd.sorted { Self.precedes($0.0, $1.0) }.map { entry -> [SQLValue] in
      [.text(entry.0), .integer(Int64(entry.1)), .text(now)]
    }
    // The label is 'claimant:' || national_id; a creation entry stores it without the prefix.
    let id = try known.create(
      claimantKind, columns: columns, name: { _ in claimant.id.value },
      command: register.auditCommand(actor: actor.name), children: { _ in [herd] })
    precondition(claimant.herd.isEmpty, "an import adds claimants without a herd")
    return id
  }

  /// Inserts a complaint under the code numbered `seq`, with its items, first event and flags,
  /// audited; returns its code.
  private func insertComplaint(
    _ valid: ValidComplaint, seq: Int, claimantID: Int, registered: Bool
  ) throws -> String {
    let year = valid.reportedDate.year
    let code = Register.complaintCode(valid.district, year: year, seq: seq)
    let now = register.clock.timestamp()
    let columns: [SQLValue] = [
      .text(code), .integer(Int64(valid.district.id)), .integer(Int64(year)),
      .integer(Int64(seq)), .integer(Int64(claimantID)), Self.optional(valid.conservancy?.id),
      .text(valid.type), .text(valid.species), .text(valid.incidentDate.description),
      .text(valid.reportedDate.description), Self.optional(valid.village),
      Self.optional(valid.latitudeMicro), Self.optional(valid.longitudeMicro),
      Self.optional(valid.notes), Self.optional(valid.ref),
      .text(ComplaintStatus.registered.rawValue), .text(now), .integer(Int64(actor.id)),
    ]
    let items = valid.items.sorted { Self.precedes($0.item, $1.item) }.map { item -> [SQLValue] in
      [.text(item.item), .integer(Int64(item.centi))]
    }
    let event: [SQLValue] = [
      .text(ComplaintEventKind.registered.rawValue), .null,
      .text(ComplaintStatus.registered.rawValue), .integer(Int64(actor.id)), .text(now), .null,
    ]
    // The label is 'complaint:' || code; a creation entry stores the code.
    _ = try known.create(
      complaintKind, columns: columns, name: { _ in code },
      command: register.auditCommand(actor: actor.name),
      children: { id in
        [items, [event], try flags(id: id, valid, claimantID: claimantID, registered: registered)]
      })
    return code
  }

  /// The flag rows of new complaint `id` (`Register.flagPossibleDuplicates`): the nearest
  /// possible duplicate, then the classes claimed above the declared herd. `registered` when
  /// the claimant was in the register before the import.
  private func flags(id: Int, _ valid: ValidComplaint, claimantID: Int, registered: Bool) throws
    -> [[SQLValue]]
  {
    var rows: [[SQLValue]] = []
    let db = register.db
    let match = try duplicates.add(
      id: id, claimantID: claimantID, type: valid.type, incident: valid.incidentDate,
      known: registered
    ) { claimant in
      try db.prepare(
        """
        SELECT id, damage_type, incident_date FROM complaint
        WHERE claimant_id = ? AND status != \(ComplaintStatus.withdrawn.sqlLiteral)
        """
      ).map(with: [claimant]) { row in
        (
          id: row.int("id"), type: row.text("damage_type"),
          incident: CalendarDate(row.text("incident_date"))
        )
      }
    }
    if !duplicates.usable {
      if let (other, detail) = try register.nearDuplicate(id: id, valid, claimantID: claimantID) {
        rows.append([.text("near_duplicate"), .integer(Int64(other)), .text(detail)])
      }
    } else if let match {
      let code =
        try db.prepare("SELECT code FROM complaint WHERE id = ?").first(with: [match.id]) {
          $0.text("code")
        } ?? ""
      let detail = Register.nearDuplicateDetail(
        code: code, incident: match.incident.description, count: match.count)
      rows.append([.text("near_duplicate"), .integer(Int64(match.id)), .text(detail)])
    }
    var herd: [(livestockClass: String, heads: Int)] = []
    if registered {
      herd = try herds[claimantID] ?? register.herd(claimantID: claimantID)
      herds[claimantID] = herd
    }
    for detail in register.aboveHerdDetails(valid.items, herd: herd) {
      rows.append([.text("above_herd"), .null, .text(detail)])
    }
    return rows
  }

  /// A value or NULL.
  private static func optional(_ value: Int?) -> SQLValue {
    value.map { .integer(Int64($0)) } ?? .null
  }
  private static func optional(_ value: String?) -> SQLValue { value.map(SQLValue.text) ?? .null }

  /// Byte order, as SQLite's BINARY collation orders child rows.
  private static func precedes(_ left: String, _ right: String) -> Bool {
    left.utf8.lexicographicallyPrecedes(right.utf8)
  }
}
