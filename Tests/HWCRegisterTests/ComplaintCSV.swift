import HWCCore
import HWCDomain

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
  static let header =
    "ref,claimant_id,claimant_name,district,conservancy,village,type,species,incident_date,"
    + "reported_date,items\n"

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

/// Valid Kazakh IINs, generated: men born from 1960-01-01 on, serials counting up, skipping the
/// 11-digit prefixes for which no check digit exists.
enum GeneratedIIN {
  static func first(_ count: Int) -> [String] {
    var result: [String] = []
    result.reserveCapacity(count)
    var index = 0
    while result.count < count {
      let serial = index % 10_000
      let day = 1 + (index / 10_000) % 28
      let month = 1 + (index / 280_000) % 12
      let year = 60 + index / 3_360_000
      index += 1
      var digits = [year / 10, year % 10, month / 10, month % 10, day / 10, day % 10, 3]
      digits += [serial / 1000, serial / 100 % 10, serial / 10 % 10, serial % 10]
      guard let check = checkDigit(digits) else { continue }
      result.append(digits.map(String.init).joined() + String(check))
    }
    return result
  }

  /// The mod-11 check digit of the first 11 digits, or nil when none exists.
  static func checkDigit(_ digits: [Int]) -> Int? {
    let first = zip(digits, 1...11).map(*).reduce(0, +) % 11
    if first != 10 { return first }
    let second = zip(digits, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]).map(*).reduce(0, +) % 11
    return second == 10 ? nil : second
  }
}
