import Foundation
import HWCCore
import HWCDomain
import HWCTestSupport
import Testing

@testable import HWCRegister

/// Every query of the quarterly report finds its rows through an index: run on a small
/// register with the SQL traced, each statement's `EXPLAIN QUERY PLAN` may not read a large
/// table whole (`SCAN`). SQLite plans without statistics as if every table were large, so the
/// plans are those of a national register, and a lost index fails here without timing anything.
@Suite struct ReportQueryPlanTests {
  /// The tables that grow with the complaints, the money and the audit chain.
  static let largeTables: Set<String> = [
    "claimant", "complaint", "complaint_item", "complaint_event", "complaint_flag", "inspection",
    "inspection_item", "assessment", "assessment_line", "assessment_step", "assessment_policy",
    "approval", "ledger_transfer", "ledger_entry", "audit_log",
  ]

  /// The statements the quarterly figures of Q2 2026 run, for the whole register and for one
  /// district, as the `sqlite3` tool would replay them (values written in).
  static func reportStatements() throws -> (Fixture, [String]) {
    let (fixture, _) = try ReadModelTests.paidInJuly()
    let register = fixture.register
    let trace = fixture.directory.file("report-trace.sql")
    try register.db.traceStatements(to: trace)
    let kaztalov = try #require(register.reference.district(named: "Kaztalov"))
    for district in [nil, kaztalov] {
      let figures = register.quarterlyFigures(
        from: CalendarDate("2026-04-01")!, to: CalendarDate("2026-06-30")!, district: district)
      _ = try figures.complaintsByDistrictAndType()
      _ = try figures.complaintsBySpecies()
      _ = try figures.verifiedByItem()
      _ = try figures.payers()
      _ = try figures.decisions()
      _ = try figures.timelines()
      _ = try figures.hotspots(limit: 5)
      _ = try figures.flags()
      _ = try figures.incidents()
      _ = try figures.headline()
    }
    let text = try String(contentsOfFile: trace, encoding: .utf8)
    let statements = text.components(separatedBy: ";\n").map { $0.trimmingSpaces }
      .filter { !$0.isEmpty }
    return (fixture, statements)
  }

  /// The table each name in `sql`'s FROM and JOIN clauses stands for (aliases and tables).
  static func tables(in sql: String) -> [String: String] {
    var names: [String: String] = [:]
    let words = sql.split { $0 == " " || $0 == "\n" || $0 == "(" || $0 == ")" || $0 == "," }
      .map(String.init)
    for (index, word) in words.enumerated()
    where ["FROM", "JOIN"].contains(word.uppercased()) && index + 1 < words.count {
      let table = words[index + 1]
      names[table] = table
      var next = index + 2
      if next < words.count, words[next].uppercased() == "AS" { next += 1 }
      if next < words.count,
        !["ON", "WHERE", "JOIN", "LEFT", "CROSS", "GROUP", "ORDER", "LIMIT", "AND", "USING"]
          .contains(words[next].uppercased())
      {
        names[words[next]] = table
      }
    }
    return names
  }

  /// The full scans of large tables in `sql`'s plan, as `table (plan line)`.
  static func largeScans(_ sql: String, in register: Register) throws -> [String] {
    let names = tables(in: sql)
    return try register.db.prepare("EXPLAIN QUERY PLAN " + sql).map { $0.text("detail") }
      .compactMap { detail -> String? in
        guard detail.hasPrefix("SCAN ") else { return nil }
        let name = String(detail.dropFirst(5).prefix { $0 != " " })
        let table = names[name] ?? name
        return largeTables.contains(table) ? "\(table) (\(detail))" : nil
      }
  }

  @Test func theTraceHoldsEveryReportQuery() throws {
    let (_, statements) = try ReportQueryPlanTests.reportStatements()
    #expect(statements.contains { $0.contains("FROM complaint_event e") })
    #expect(statements.contains { $0.contains("FROM ledger_transfer t") })
    #expect(statements.count >= 20)
  }

  @Test func noReportQueryReadsALargeTableWhole() throws {
    let (fixture, statements) = try ReportQueryPlanTests.reportStatements()
    for sql in statements {
      let scans = try ReportQueryPlanTests.largeScans(sql, in: fixture.register)
      #expect(scans.isEmpty, "full scan of \(scans.joined(separator: ", ")) in: \(sql)")
    }
  }

  @Test func thePayersOfAPastQuarterReadTheLedgerByDate() throws {
    let (fixture, statements) = try ReportQueryPlanTests.reportStatements()
    let payers = try #require(statements.first { $0.contains("reserved_in_period") })
    let plan = try fixture.register.db.prepare("EXPLAIN QUERY PLAN " + payers).map {
      $0.text("detail")
    }
    // Driven by the transfers' dates: nothing dated after the quarter is read.
    #expect(plan.first?.hasPrefix("SEARCH t USING") == true, "\(plan)")
    #expect(plan.first?.contains("on_date<?") == true, "\(plan)")
  }

  @Test func aFullScanOfALargeTableIsCaught() throws {
    let (fixture, _) = try ReportQueryPlanTests.reportStatements()
    let scans = try ReportQueryPlanTests.largeScans(
      "SELECT count(*) FROM complaint c WHERE c.notes = 'x'", in: fixture.register)
    #expect(scans == ["complaint (SCAN c)"])
    #expect(
      try ReportQueryPlanTests.largeScans(
        "SELECT count(*) FROM ledger_entry e JOIN ledger_transfer t ON t.id = e.transfer_id"
          + " WHERE t.memo = 'x'", in: fixture.register
      ).isEmpty == false)
  }
}
