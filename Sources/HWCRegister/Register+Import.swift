import HWCCore
import HWCDomain
import HWCStore

/// What one imported row did.
enum RowOutcome {
  case created(claimantCreated: Bool)
  case unchanged
}

/// What phase 2 wrote for one row: what it did, and the complaint it created or matched.
typealias WrittenRow = (done: RowOutcome, row: ImportedRow)

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

/// One kind of import, in two phases: every row is checked completely first, without the write
/// lock, keeping what the good ones will write; then, under the lock, what was kept is checked
/// again against whatever changed meanwhile (cheap lookups by key) and written.
protocol RowImporter {
  /// Phase 1: checks one row against the register and the rows kept before it, and keeps what
  /// it will write. Throws a `DomainError` for a bad row, keeping nothing of it.
  mutating func check(_ field: (String) -> String, line: Int) throws -> RowOutcome
  /// Phase 2 begins, under the write lock; `checkHolds` when nothing changed the register since
  /// phase 1 began (`ChangeStamp`), so what phase 1 found of it is still true.
  mutating func beginWriting(checkHolds: Bool) throws
  /// Phase 2: re-checks and writes the next kept row, with the complaint it created or matched;
  /// nil when all are written. A row refused now (the register changed since phase 1) is a
  /// failure and has written nothing.
  mutating func writeNext() throws -> (line: Int, outcome: Result<WrittenRow, DomainError>)?
}

/// Thrown to roll back an import whose rows were refused under the lock.
private struct ImportRollback: Error {}

extension DomainError {
  /// `column: problem`, as an import reports a bad row after `FILE:LINE: `.
  var rowReason: String { "\(field?.column ?? "row"): \(problem)" }
}

extension ImportSummary {
  /// Counts what a row did (or, in phase 1, will do).
  mutating func count(_ outcome: RowOutcome) {
    switch outcome {
    case .created(let claimantCreated):
      created += 1
      if claimantCreated { claimantsCreated += 1 }
    case .unchanged:
      unchanged += 1
    }
  }
}

extension Register {
  /// The page cache of an import writing `rows` rows, in KiB: 128 bytes a row, from 8 MiB
  /// (SQLite's default is 2 MiB) up to 32 MiB, so that more of the indexes it looks up by random keys stay in
  /// memory instead of being written to the WAL and read back, while the whole process stays
  /// well within 150 MB at a million rows (the kept rows take about 60 bytes each).
  static func importCacheKiB(rows: Int) -> Int { min(32 * 1024, max(8 * 1024, rows / 8)) }

  /// Reads a CSV file and imports it with `importer`: all-or-nothing unless `skipInvalid`; a
  /// dry run writes nothing and never takes the write lock.
  ///
  /// Every row is read and checked first, in a read transaction (a WAL reader blocks no writer);
  /// only then is the write lock taken, and held just for writing what the good rows keep, with
  /// a `WriterNote` telling other commands who they wait for. No row runs in a savepoint: a row
  /// is checked completely before anything of it is written.
  func importRows(
    path: String, required: [String], options: ImportOptions, observer: ImportObserver,
    command: String, actor: Actor, importer: inout some RowImporter
  ) throws -> ImportSummary {
    if options.skipInvalid, options.rejectsPath == nil {
      throw DomainError.invalid(field: .rejects, "--skip-invalid needs --rejects FILE")
    }
    var rows = try CSVRows(
      path: path, required: required, optional: [], encoding: options.encoding)
    let rejects =
      options.skipInvalid && !options.dryRun
      ? try options.rejectsPath.map { try RejectsFile(path: $0, header: required) } : nil
    var summary = ImportSummary()
    summary.separator = rows.reader.separator
    // Taken first, so that it is the stamp of the snapshot the rows are checked against.
    var checked: ChangeStamp?
    try db.transaction(.deferred) {
      checked = try db.changeStamp()
      while let (line, fields, shapeProblem) = try rows.next() {
        summary.rows += 1
        if summary.rows % 10_000 == 0 { observer.progress(rows.bytesRead, summary.rows) }
        var reason = shapeProblem
        if reason == nil {
          do {
            summary.count(try importer.check({ rows.field(fields, $0) }, line: line))
          } catch let error as DomainError {
            reason = error.rowReason
          }
        }
        if let reason {
          summary.rejected += 1
          observer.rowError("\(rows.label):\(line): \(reason)")
          try rejects?.add(line: line, fields: fields, width: required.count, error: reason)
        }
      }
    }
    observer.progress(rows.bytesRead, summary.rows)
    summary.encoding = rows.reader.encoding
    if options.dryRun || (summary.rejected > 0 && !options.skipInvalid) { return summary }
    var late: [Int: String] = [:]
    if summary.created + summary.unchanged > 0 {
      try afterImportValidation?()
      let kept = summary.created + summary.unchanged
      try db.execute("PRAGMA cache_size = -\(Register.importCacheKiB(rows: kept))")
      do {
        try db.longWrite(command: command, user: actor.name) {
          whileImportHoldsWriteLock?()
          (summary.created, summary.unchanged, summary.claimantsCreated) = (0, 0, 0)
          summary.imported = ImportedRows()
          try importer.beginWriting(checkHolds: try db.changeStamp() == checked)
          while let (line, outcome) = try importer.writeNext() {
            switch outcome {
            case .success(let written):
              summary.count(written.done)
              summary.imported.add(written.row)
            case .failure(let error):
              summary.rejected += 1
              late[line] = error.rowReason
              observer.rowError("\(rows.label):\(line): \(error.rowReason)")
            }
          }
          if !late.isEmpty, !options.skipInvalid { throw ImportRollback() }
        }
      } catch is ImportRollback {
        return summary
      }
    }
    if let rejects, !late.isEmpty {
      // Rows refused under the lock are rare (the register changed since they were checked):
      // their fields are read again from the file rather than kept for every row.
      var again = try CSVRows(
        path: path, required: required, optional: [], encoding: summary.encoding)
      while let (line, fields, _) = try again.next() {
        if let reason = late[line] {
          try rejects.add(line: line, fields: fields, width: required.count, error: reason)
        }
      }
    }
    summary.committed = true
    try rejects?.file.commit()
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
    var importer = ComplaintRowImporter(register: self, actor: actor)
    return try importRows(
      path: path, required: Register.complaintColumns, options: options, observer: observer,
      command: "a complaint import", actor: actor, importer: &importer)
  }
}
