import HWCCore
import HWCDomain
import HWCTestSupport

@testable import HWCRegister

/// One data row of a complaint CSV file; good by default (Yerlan Bekov, a wolf in Kaztalov).
struct ComplaintCSVRow {
  var ref = "F-1"
  var claimantID = Fixture.yerlan
  var claimantName = ""
  var district = "Kaztalov"
  var conservancy = ""
  var village = "Zhalpaktal"
  var type = "livestock_predation"
  var species = "wolf"
  var incidentDate = "2026-06-01"
  var reportedDate = "2026-06-02"
  var items = "sheep_goat.adult=3"

  /// The header of SPEC §8, written out rather than taken from the code under test.
  static let header = SpecCSV.complaintHeader

  /// A good row with some fields changed.
  static func with(_ change: (inout ComplaintCSVRow) -> Void) -> ComplaintCSVRow {
    var row = ComplaintCSVRow()
    change(&row)
    return row
  }

  var fields: [String] {
    [
      ref, claimantID, claimantName, district, conservancy, village, type, species, incidentDate,
      reportedDate, items,
    ]
  }

  /// The row as CSV text, ending with a line break.
  var text: String { CSVWriter.row(fields) }
}

/// The exact counts an import reported, comparable in one expectation.
struct Tally: Equatable, CustomStringConvertible {
  var rows = 0
  var created = 0
  var unchanged = 0
  var rejected = 0
  var claimantsCreated = 0
  var committed = false

  init(
    rows: Int, created: Int = 0, unchanged: Int = 0, rejected: Int = 0, claimantsCreated: Int = 0,
    committed: Bool
  ) {
    self.rows = rows
    self.created = created
    self.unchanged = unchanged
    self.rejected = rejected
    self.claimantsCreated = claimantsCreated
    self.committed = committed
  }

  init(_ summary: ImportSummary) {
    self.init(
      rows: summary.rows, created: summary.created, unchanged: summary.unchanged,
      rejected: summary.rejected, claimantsCreated: summary.claimantsCreated,
      committed: summary.committed)
  }

  var description: String {
    "rows \(rows), created \(created), unchanged \(unchanged), rejected \(rejected), "
      + "claimants created \(claimantsCreated), committed \(committed)"
  }
}

/// What one import returned and reported.
struct ImportRun {
  let summary: ImportSummary
  /// Every `rowError` line, in order.
  let errors: [String]

  var tally: Tally { Tally(summary) }
}

/// Collects the lines an import reports.
final class ReportedLines {
  var lines: [String] = []
}

extension Fixture {
  /// Writes `text` to a file in the fixture's directory and returns its path.
  func file(_ name: String, _ text: String) throws -> String {
    let path = directory.file(name)
    try TextFile.write(text, to: path)
    return path
  }

  /// Writes a complaint CSV with the SPEC header and these rows.
  func csv(_ name: String, _ rows: [ComplaintCSVRow]) throws -> String {
    try file(name, ComplaintCSVRow.header + rows.map(\.text).joined())
  }

  /// Imports `path` as `user`, collecting the reported row errors.
  func importComplaints(
    _ path: String, as user: String = "dauren", options: ImportOptions = ImportOptions()
  ) throws -> ImportRun {
    let reported = ReportedLines()
    register.command = "hwc complaint import"
    let summary = try register.importComplaints(
      path: path, options: options, actor: actor(user),
      observer: ImportObserver(rowError: { reported.lines.append($0) }, progress: { _, _ in }))
    return ImportRun(summary: summary, errors: reported.lines)
  }
}
