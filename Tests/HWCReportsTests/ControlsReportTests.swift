import Foundation
import HWCCore
import HWCDomain
import HWCStore
import HWCTestSupport
import Testing

@testable import HWCRegister
@testable import HWCReports

/// The controls report of `ControlsScenario`'s 2026-Q2: golden files, and every figure tied to
/// the register's rows by queries written here.
@Suite("Controls report")
struct ControlsReportTests {
  let directory = TemporaryDirectory(prefix: "hwc-controls-report")
  let scenario: ControlsScenario

  init() throws {
    scenario = try ControlsScenario(path: directory.file("hwc.sqlite"))
  }

  func report(lang: String = "en", district: String? = nil, repeatLimit: Int = 3) throws
    -> ControlsReport
  {
    try ControlsReport.build(
      register: scenario.register, quarter: try Quarter(ControlsScenario.quarter),
      district: district, words: ReportSetup(lang: lang).vocabulary, repeatLimit: repeatLimit,
      today: ControlsScenario.today)
  }

  @Test("text in English and Russian, CSV and JSON match their golden files")
  func goldenFiles() throws {
    for lang in ReportSetup.languages(shipping: "controls") {
      let setup = ReportSetup(lang: lang)
      let report = try report(lang: lang)
      try Golden.check(try report.render(.text, setup: setup), "controls-2026-Q2.\(lang).txt")
    }
    #expect(ReportSetup.languages(shipping: "controls") == ["en", "ru"])
    let report = try report()
    try Golden.check(try report.render(.csv, setup: ReportSetup()), "controls-2026-Q2.en.csv")
    try Golden.check(try report.render(.json, setup: ReportSetup()), "controls-2026-Q2.en.json")
  }

  @Test("every line of the text report fits an A4 page: at most 100 columns")
  func fitsA4() throws {
    for lang in ["en", "ru"] {
      let text = try report(lang: lang).render(.text, setup: ReportSetup(lang: lang))
      for line in text.split(separator: "\n")
      where !line.hasPrefix("Register anchor")
        && !line.hasPrefix("Отметка реестра")
      {
        #expect(line.count <= 100, "\(lang): \(line.count) columns: \(line)")
      }
    }
  }

  @Test("every inspector's and village's figure equals the rows, counted here")
  func figuresMatchTheRows() throws {
    let truth = try ScenarioTruth(scenario.register.db)
    let value = try report().value
    #expect(value.at("complaints") == .int(truth.complaints.count))
    let district = truth.complaints
    let districtMedian = median(district.compactMap(\.amount))
    let districtRow = try #require(value.list("districts").first)
    #expect(districtRow.at("complaints") == .int(district.count))
    #expect(districtRow.at("full_claim") == .int(district.filter(\.full).count))
    #expect(districtRow.at("median_minor") == .optional(districtMedian))

    let inspectors = value.list("inspectors")
    #expect(inspectors.count == Set(district.compactMap(\.inspector)).count)
    for row in inspectors {
      guard case .string(let name) = row.at("inspector") else { continue }
      let mine = district.filter { $0.inspector == name }
      #expect(row.at("inspected") == .int(mine.count), "\(name)")
      #expect(row.at("full_claim") == .int(mine.filter(\.full).count), "\(name)")
      #expect(row.at("reinspected") == .int(mine.filter { $0.reinspectedBy != nil }.count))
      #expect(row.at("found_less") == .int(mine.filter(\.foundLess).count), "\(name)")
      let amounts = mine.compactMap(\.amount)
      #expect(row.at("amounts") == .int(amounts.count), "\(name)")
      #expect(row.at("median_minor") == .optional(median(amounts)), "\(name)")
      #expect(row.at("district_median_minor") == .optional(districtMedian))
      #expect(row.at("ratio_centi") == .optional(ratio(median(amounts), districtMedian)))
    }
    let villages = value.list("villages")
    #expect(villages.count == Set(district.compactMap(\.village)).count)
    for row in villages {
      guard case .string(let village) = row.at("village") else { continue }
      let mine = district.filter { $0.village == village }
      #expect(row.at("complaints") == .int(mine.count), "\(village)")
      #expect(row.at("full_claim") == .int(mine.filter(\.full).count), "\(village)")
      #expect(row.at("flags") == .int(mine.reduce(0) { $0 + $1.flags }), "\(village)")
      let villageMedian = median(mine.compactMap(\.amount))
      #expect(row.at("median_minor") == .optional(villageMedian), "\(village)")
      let below = villageMedian.map { m in district.compactMap(\.amount).filter { $0 < m }.count }
      #expect(row.at("district_below_median") == .optional(below), "\(village)")
      #expect(row.at("district_amounts") == .int(district.compactMap(\.amount).count))
    }
  }

  @Test("outliers: marat verifies everything in full, Talovka's claims are large; listed first")
  func outliers() throws {
    let value = try report().value
    let inspectors = value.list("inspectors")
    #expect(inspectors.first?.at("inspector") == .string("marat"))
    #expect(inspectors.first?.at("outlier_full_claim") == .bool(true))
    #expect(inspectors.first?.at("outlier_amount") == .bool(false))
    #expect(
      inspectors.first { $0.at("inspector") == .string("erlan") }?.at("outlier") == .bool(false))
    let villages = value.list("villages")
    #expect(villages.first?.at("village") == .string("Talovka"))
    #expect(villages.first?.at("outlier_amount") == .bool(true))
    #expect(villages.first?.at("outlier_full_claim") == .bool(true))
    #expect(villages.filter { $0.at("outlier") == .bool(true) }.count == 1)
    let text = try report().render(.text, setup: ReportSetup())
    #expect(text.contains("! marat (Kaztalov): full claim in 100.0% against 73.3%"))
  }

  @Test("repeated claimants and overridden flags equal the rows; national IDs masked")
  func claimantsAndFlags() throws {
    let db = scenario.register.db
    let value = try report(repeatLimit: 2).value
    let repeated = try db.prepare(
      """
      SELECT k.national_id, count(*) FROM complaint c JOIN claimant k ON k.id = c.claimant_id
      GROUP BY k.id, substr(c.incident_date, 1, 4) HAVING count(*) > 2
      ORDER BY count(*) DESC, k.name
      """
    ).map(with: []) { JSON.string(NationalID.mask($0.text(0))) }
    #expect(value.list("repeated", "rows").map { $0.at("national_id_masked") } == repeated)
    let overridden = try db.prepare(
      """
      SELECT f.kind, count(*) FROM complaint_flag f
      WHERE f.complaint_id IN (SELECT complaint_id FROM complaint_event WHERE to_status = 'approved')
      GROUP BY f.kind
      """
    ).map(with: []) { ($0.text(0), $0.int(1)) }
    for (kind, count) in overridden {
      #expect(value.at("overridden", kind) == .int(count), "\(kind)")
    }
    let json = try report().render(.json, setup: ReportSetup())
    for id in [SampleIDs.yerlan, SampleIDs.nurlan, SampleIDs.gulnara, ControlsScenario.talgat] {
      #expect(!json.contains(id))
    }
  }

  @Test(
    "draws: one per eligible assessment of the quarter; the threshold and re-inspections from the rows"
  )
  func draws() throws {
    let db = scenario.register.db
    let value = try report().value
    let inQuarter = """
      FROM assessment a JOIN complaint c ON c.id = a.complaint_id
      WHERE a.outcome = 'eligible' AND substr(a.assessed_at, 1, 10) BETWEEN '2026-04-01' AND '2026-06-30'
      """
    #expect(
      value.at("draws", "made")
        == .int(try db.scalar(Int.self, "SELECT count(*) \(inQuarter)") ?? -1))
    func policy(_ key: String) -> String {
      """
      (SELECT p.value_centi FROM policy_value p WHERE p.scheme = a.scheme AND p.key = '\(key)'
        AND p.effective_from <= c.incident_date ORDER BY p.effective_from DESC LIMIT 1)
      """
    }
    let above = try db.scalar(
      Int.self,
      "SELECT count(*) \(inQuarter) AND a.amount_minor >= \(policy("reinspect_threshold")) * \(policy("mrp")) / 100"
    )
    #expect(value.at("draws", "above_threshold") == .int(above ?? -1))
    #expect(above == 5)  // the five Talovka claims of ten sheep
    let reinspections =
      try db.scalar(
        Int.self, "SELECT count(*) FROM inspection WHERE reinspection_of IS NOT NULL") ?? -1
    #expect(value.at("draws", "reinspections") == .int(reinspections))
    guard case .int(let required) = value.at("draws", "required"),
      case .int(let honoured) = value.at("draws", "honoured"),
      case .int(let pending) = value.at("draws", "pending")
    else {
      Issue.record("no draw counts")
      return
    }
    #expect(required == honoured + pending)
    #expect(value.list("draws", "pending_rows").count == pending)
    let waiting = value.list("draws", "pending_rows").compactMap { $0.at("complaint") }
    for code in waiting {
      guard case .string(let code) = code else { continue }
      let again = try db.scalar(
        Int.self,
        """
        SELECT count(*) FROM inspection i JOIN complaint c ON c.id = i.complaint_id
        WHERE c.code = ? AND i.reinspection_of IS NOT NULL
        """, with: [code])
      #expect(again == 0, "\(code)")
    }
  }

  @Test("the quarterly report's Controls section carries the controls report's draw counts")
  func quarterlySection() throws {
    let quarterly = try QuarterlyReport.build(
      register: scenario.register, quarter: try Quarter(ControlsScenario.quarter),
      today: ControlsScenario.today
    ).value
    let draws = try report().value
    for key in ["made", "honoured", "pending", "reinspections", "changed", "difference"] {
      #expect(quarterly.at("controls", key) == draws.at("draws", key), "\(key)")
    }
    #expect(quarterly.at("controls", "changed") == .int(1))
    let text = try QuarterlyReport.build(
      register: scenario.register, quarter: try Quarter(ControlsScenario.quarter),
      today: ControlsScenario.today
    ).render(.text, setup: ReportSetup())
    #expect(text.contains("changed the amount: -103,800 KZT."))
  }

  @Test("one district: another district has no rows")
  func district() throws {
    let value = try report(district: "Zhanibek").value
    #expect(value.at("complaints") == .int(0))
    #expect(value.list("inspectors").isEmpty && value.list("villages").isEmpty)
    #expect(throws: DomainError.self) { try report(district: "Atlantis") }
  }

  /// The nearest-rank median, as the test counts it.
  func median(_ values: [Int]) -> Int? {
    values.isEmpty ? nil : values.sorted()[(values.count + 1) / 2 - 1]
  }

  /// `a / b` in hundredths, rounded half up.
  func ratio(_ a: Int?, _ b: Int?) -> Int? {
    guard let a, let b, b > 0 else { return nil }
    return Int((Double(a) * 100 / Double(b)).rounded(.toNearestOrAwayFromZero))
  }
}

/// The scenario's complaints of the quarter, read one fact at a time with plain queries.
struct ScenarioTruth {
  struct Complaint {
    let village: String?
    let inspector: String?
    let full: Bool
    let amount: Int?
    let flags: Int
    let reinspectedBy: String?
    let foundLess: Bool
  }
  let complaints: [Complaint]

  init(_ db: Database) throws {
    var complaints: [Complaint] = []
    let ids = try db.prepare(
      "SELECT id, village FROM complaint WHERE reported_date BETWEEN '2026-04-01' AND '2026-06-30'"
    ).map(with: []) { ($0.int(0), $0.optionalText(1)) }
    for (id, village) in ids {
      let inspections = try db.prepare(
        "SELECT i.id, u.name FROM inspection i JOIN app_user u ON u.id = i.inspector_id WHERE complaint_id = ? ORDER BY i.id"
      ).map(with: [id]) { ($0.int(0), $0.text(1)) }
      func items(_ sql: String, _ key: Int) throws -> [String: Int] {
        Dictionary(
          uniqueKeysWithValues: try db.prepare(sql).map(with: [key]) { ($0.text(0), $0.int(1)) })
      }
      let inspected = "SELECT item, quantity_centi FROM inspection_item WHERE inspection_id = ?"
      let claimed = try items(
        "SELECT item, quantity_centi FROM complaint_item WHERE complaint_id = ?", id)
      let first = try inspections.first.map { try items(inspected, $0.0) } ?? [:]
      let again = inspections.first { $0.1 != inspections.first?.1 }
      let second = try again.map { try items(inspected, $0.0) } ?? [:]
      let assessment = try db.prepare(
        "SELECT outcome, amount_minor FROM assessment WHERE complaint_id = ? ORDER BY id DESC LIMIT 1"
      ).first(with: [id]) { ($0.text(0), $0.int(1)) }
      complaints.append(
        Complaint(
          village: village, inspector: inspections.first?.1,
          full: !inspections.isEmpty
            && claimed.allSatisfy { first[$0.key, default: 0] >= $0.value },
          amount: assessment?.0 == "eligible" ? assessment?.1 : nil,
          flags: try db.scalar(
            Int.self, "SELECT count(*) FROM complaint_flag WHERE complaint_id = ?", with: [id])
            ?? 0,
          reinspectedBy: again?.1,
          foundLess: again != nil && first.contains { second[$0.key, default: 0] < $0.value }))
    }
    self.complaints = complaints
  }
}

extension JSON {
  /// The items of the list at `keys` (none when it is missing or not a list).
  func list(_ keys: String...) -> [JSON] {
    var value: JSON? = self
    for key in keys { value = value?.at(key) }
    guard case .array(let items) = value else { return [] }
    return items
  }
}
