import Foundation
import HWCCore
import HWCRegister
import HWCStore
import Testing

@testable import HWCReports

@Suite("National report")
struct NationalReportTests {
  static let q2 = try! Quarter("2026-Q2")

  /// The national report of 2026-Q2 over the fixture's three offices, each with a bundle made
  /// on `bundleDay`.
  func national(
    _ fixture: OfficesFixture, lang: String = "en", bundleDay: String = "2026-07-10"
  ) throws -> NationalReport {
    try NationalReport.build(
      offices: fixture.offices.map {
        NationalReport.Office(
          code: $0.code, districts: $0.districts, lastBundle: "\(bundleDay)T16:00:00Z",
          replica: $0.register)
      }, nationalAnchor: "7:0123456789abcdef", quarter: Self.q2,
      words: ReportSetup(lang: lang).vocabulary, today: OfficesFixture.today)
  }

  /// Every integer of a report value by its path (list items named by their key, as in CSV).
  static func integers(_ value: JSON, _ path: String = "", into out: inout [String: Int]) {
    switch value {
    case .int(let number): out[path] = number
    case .object(let pairs):
      for (key, child) in pairs { integers(child, path + "." + key, into: &out) }
    case .array(let items):
      for (index, item) in items.enumerated() {
        integers(item, path + ":" + (item.rowKey ?? String(index + 1)), into: &out)
      }
    default: break
    }
  }

  /// Figures that are not sums over offices: largest values (bar scales), percentiles (checked
  /// against the pooled timelines), the service target, how many flags the examples leave out,
  /// the hotspots (checked as a merge), and the national report's own table of offices.
  static func additive(_ path: String) -> Bool {
    let last = path.split(separator: ".").last ?? ""
    return !["max", "max_district", "median_days", "p90_days", "target_days", "examples_left_out"]
      .contains(last) && !path.hasPrefix(".hotspots") && !path.hasPrefix(".offices")
  }

  @Test("every count and money figure is the sum of the three offices' own reports, to the unit")
  func figuresAreTheOfficesSums() throws {
    let fixture = try OfficesFixture()
    var national: [String: Int] = [:]
    Self.integers(try self.national(fixture).value, into: &national)
    var sums: [String: Int] = [:]
    for office in fixture.offices {
      let own = try QuarterlyReport.build(
        register: office.register, quarter: Self.q2, today: OfficesFixture.today)
      var figures: [String: Int] = [:]
      Self.integers(own.value, into: &figures)
      sums.merge(figures.filter { Self.additive($0.key) }, uniquingKeysWith: +)
    }
    let pooled = national.filter { Self.additive($0.key) }
    #expect(Set(pooled.keys) == Set(sums.keys))
    for (path, sum) in sums.sorted(by: { $0.key < $1.key }) {
      #expect(pooled[path] == sum, "\(path)")
    }
    // The fixture is not trivial: each office has complaints, payments and money in the quarter.
    #expect(pooled[".complaints.total"] == 50)
    #expect((pooled[".decisions.paid"] ?? 0) > 5)
    #expect((pooled[".compensation.totals:KZT.paid_minor"] ?? 0) > 0)
    #expect((pooled[".compensation.totals:KGS.paid_minor"] ?? 0) > 0)
  }

  @Test("hotspots are the busiest villages of all offices together")
  func hotspotsMerge() throws {
    let fixture = try OfficesFixture()
    var villages: [(String, Int)] = []
    for office in fixture.offices {
      let own = try QuarterlyReport.build(
        register: office.register, quarter: Self.q2, today: OfficesFixture.today)
      villages += Self.hotspots(own.value)
    }
    let expected = villages.sorted { ($1.1, $0.0) < ($0.1, $1.0) }.prefix(5)
    let pooled = Self.hotspots(try national(fixture).value)
    #expect(pooled.map(\.0) == expected.map(\.0))
    #expect(pooled.map(\.1) == expected.map(\.1))
  }

  static func hotspots(_ value: JSON) -> [(String, Int)] {
    guard case .array(let rows)? = value.at("hotspots", "rows") else { return [] }
    return rows.compactMap { row in
      guard case .string(let village)? = row.at("village"), case .int(let n)? = row.at("complaints")
      else { return nil }
      return (village, n)
    }
  }

  @Test(
    "median and 90th percentile (nearest rank) of each stage come from the pooled complaints' days"
  )
  func pooledPercentiles() throws {
    let fixture = try OfficesFixture()
    var days: [String: [Int]] = [:]
    for office in fixture.offices {
      for (stage, values) in try Self.stageDays(path: office.path) {
        days[stage, default: []] += values
      }
    }
    guard case .array(let stages)? = try national(fixture).value.at("processing", "stages") else {
      Issue.record("no processing stages")
      return
    }
    #expect(stages.count == 4)
    for stage in stages {
      guard case .string(let key)? = stage.at("key") else { continue }
      let sorted = (days[key] ?? []).sorted()
      #expect(!sorted.isEmpty, "\(key)")
      #expect(stage.at("count") == .int(sorted.count), "\(key)")
      #expect(stage.at("median_days") == Self.nearestRank(sorted, 50).map(JSON.int) ?? .null)
      #expect(stage.at("p90_days") == Self.nearestRank(sorted, 90).map(JSON.int) ?? .null)
    }
  }

  /// The nearest-rank percentile, computed here on its own: the value at position ⌈p·n/100⌉.
  static func nearestRank(_ sorted: [Int], _ p: Int) -> Int? {
    sorted.isEmpty ? nil : sorted[Int((Double(p * sorted.count) / 100).rounded(.up)) - 1]
  }

  /// The days of each processing stage of the 2026-Q2 complaints of the register at `path`,
  /// read with SQL of the test's own (joins and groups, not the report's sub-queries).
  static func stageDays(path: String) throws -> [String: [Int]] {
    let db = try Database(path: path, create: false, readOnly: true)
    let rows = try db.prepare(
      """
      SELECT
        CAST(julianday(min(i.inspection_date)) - julianday(c.reported_date) AS INTEGER)
          AS to_inspection,
        CAST(julianday(d.decided) - julianday(min(i.inspection_date)) AS INTEGER) AS to_decision,
        CAST(julianday(p.on_date) - julianday(d.decided) AS INTEGER) AS to_payment,
        CAST(julianday(p.on_date) - julianday(c.reported_date) AS INTEGER) AS reported_to_paid
      FROM complaint c
      LEFT JOIN inspection i ON i.complaint_id = c.id
      LEFT JOIN (
        SELECT complaint_id, min(date(at)) AS decided FROM complaint_event
        WHERE kind IN ('approved', 'rejected') OR (kind = 'assessed' AND to_status = 'ineligible')
        GROUP BY complaint_id) d ON d.complaint_id = c.id
      LEFT JOIN ledger_transfer p ON p.complaint_id = c.id AND p.kind = 'payment'
      WHERE c.reported_date >= '2026-04-01' AND c.reported_date < '2026-07-01'
      GROUP BY c.id
      """
    ).map { row in
      ["to_inspection", "to_decision", "to_payment", "reported_to_paid"].map {
        row.optionalInt($0)
      }
    }
    var days: [String: [Int]] = [:]
    for (index, key) in [
      "report_to_inspection", "inspection_to_decision", "decision_to_payment",
      "report_to_payment",
    ].enumerated() {
      days[key] = rows.compactMap { $0[index] }
    }
    return days
  }

  @Test("the table of offices: the head each office's figures were read from, and who is overdue")
  func officesTable() throws {
    let fixture = try OfficesFixture()
    let value = try national(fixture).value
    #expect(value.at("report") == .string("national"))
    #expect(value.at("anchor") == .null)
    #expect(value.at("national_anchor") == .string("7:0123456789abcdef"))
    guard case .array(let rows)? = value.at("offices") else {
      Issue.record("no offices")
      return
    }
    #expect(rows.count == 3)
    for (row, office) in zip(rows, fixture.offices) {
      let head = try #require(try office.register.auditAnchor())
      #expect(row.at("code") == .string(office.code))
      #expect(row.at("anchor") == .string(head.description))
      #expect(row.at("last_bundle") == .string("2026-07-10"))
      #expect(row.at("overdue") == .bool(false))
    }
    #expect(rows[1].at("districts") == .string("Zhanibek, Bokeyorda"))
    let late = try national(fixture, bundleDay: "2026-06-30").value
    #expect(late.at("offices_overdue") == .int(3))
  }

  @Test("overdue: no bundle, a bundle from before the quarter's end, or silent over 30 days")
  func overdueRule() throws {
    let q3 = try Quarter("2026-Q3")
    let after = CalendarDate("2026-07-15")!
    #expect(NationalReport.overdue(lastBundle: nil, quarter: Self.q2, today: after) == "no_bundle")
    #expect(
      NationalReport.overdue(lastBundle: "2026-06-30T23:00:00Z", quarter: Self.q2, today: after)
        == "before_quarter_end")
    #expect(
      NationalReport.overdue(lastBundle: "2026-07-01T08:00:00Z", quarter: Self.q2, today: after)
        == nil)
    // While the quarter is not over, a bundle of the last 30 days will do.
    #expect(
      NationalReport.overdue(lastBundle: "2026-06-15T08:00:00Z", quarter: q3, today: after) == nil)
    #expect(
      NationalReport.overdue(lastBundle: "2026-06-14T08:00:00Z", quarter: q3, today: after)
        == "silent")
  }

  @Test("text in English and Russian matches its golden files and fits an A4 page")
  func goldenText() throws {
    let fixture = try OfficesFixture()
    for lang in ["en", "ru"] {
      let setup = ReportSetup(lang: lang)
      let text = try national(fixture, lang: lang).render(.text, setup: setup)
      try Golden.check(text, "national-2026-Q2.\(lang).txt")
      for line in text.split(separator: "\n") {
        #expect(line.count <= 100, "\(lang): \(line.count) columns: \(line)")
      }
    }
  }
}
