import HWCCore
import HWCDomain
import HWCStore

/// What one imported row did.
enum RowOutcome {
  case created(claimantCreated: Bool)
  case unchanged
}

/// Reports from a running import: each bad row as it is found, and progress.
public struct ImportObserver {
  /// Called with `FILE:LINE: column: problem` for each bad row.
  public var rowError: (String) -> Void
  /// Called now and then with bytes and rows read so far.
  public var progress: (_ bytes: Int, _ rows: Int) -> Void

  public init(
    rowError: @escaping (String) -> Void, progress: @escaping (_ bytes: Int, _ rows: Int) -> Void
  ) {
    self.rowError = rowError
    self.progress = progress
  }
}

extension Register {
  /// Reads a CSV file and applies `handle` to each row inside one write transaction.
  ///
  /// All-or-nothing unless `skipInvalid`; a dry run always rolls back. Each row runs in a
  /// savepoint, so a refused row leaves nothing behind.
  func importRows(
    path: String, required: [String], options: ImportOptions, observer: ImportObserver,
    handle: (_ row: (String) -> String, _ line: Int) throws -> RowOutcome
  ) throws -> ImportSummary {
    if options.skipInvalid, options.rejectsPath == nil {
      throw DomainError.invalid(field: .rejects, "--skip-invalid needs --rejects FILE")
    }
    var rows = try CSVRows(path: path, required: required, optional: [])
    let rejects =
      options.skipInvalid && !options.dryRun
      ? try options.rejectsPath.map { try RejectsFile(path: $0, header: required) } : nil
    var summary = ImportSummary()
    struct Rollback: Error {}
    do {
      try db.transaction {
        while let (line, fields, shapeProblem) = try rows.next() {
          summary.rows += 1
          if summary.rows % 10_000 == 0 { observer.progress(rows.bytesRead, summary.rows) }
          var reason = shapeProblem
          if reason == nil {
            do {
              switch try db.savepoint({ try handle({ rows.field(fields, $0) }, line) }) {
              case .created(let claimantCreated):
                summary.created += 1
                if claimantCreated { summary.claimantsCreated += 1 }
              case .unchanged:
                summary.unchanged += 1
              }
            } catch let error as DomainError {
              reason = "\(error.field?.column ?? "row"): \(error.problem)"
            }
          }
          if let reason {
            summary.rejected += 1
            observer.rowError("\(rows.label):\(line): \(reason)")
            try rejects?.add(line: line, fields: fields, width: required.count, error: reason)
          }
        }
        observer.progress(rows.bytesRead, summary.rows)
        if options.dryRun || (summary.rejected > 0 && !options.skipInvalid) { throw Rollback() }
      }
      summary.committed = true
      try rejects?.file.commit()
    } catch is Rollback {
      summary.committed = false
    }
    return summary
  }

  /// The CSV columns of a complaint file (SPEC §8).
  public static let complaintColumns = [
    "ref", "claimant_id", "claimant_name", "district", "conservancy", "village", "type", "species",
    "incident_date", "reported_date", "items",
  ]

  /// Imports complaints from a field-form CSV (`hwc complaint import`).
  public func importComplaints(
    path: String, options: ImportOptions, actor: Actor, observer: ImportObserver
  ) throws -> ImportSummary {
    let validator = complaintValidator
    return try importRows(
      path: path, required: Register.complaintColumns, options: options, observer: observer
    ) { field, _ in
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
      try require(
        actor, .officer, districtID: valid.district.id, conservancyID: valid.conservancy?.id,
        to: "register complaints")
      var claimantCreated = false
      var claimantID = try self.claimantID(nationalID: valid.nationalID)
      if claimantID == nil {
        let name = field("claimant_name")
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
        claimantID = try insertClaimant(checked, actor: actor)
        claimantCreated = true
      }
      let (_, created) = try storeComplaint(valid, claimantID: claimantID!, actor: actor)
      return created ? .created(claimantCreated: claimantCreated) : .unchanged
    }
  }
}
