import Foundation
import HWCCore
import HWCRegister
import HWCRules
import Testing

@testable import HWCReports

@Suite("Quarterly report")
struct QuarterlyReportTests {
  static let q2 = try! Quarter("2026-Q2")
  static let today = CalendarDate("2026-07-15")!

  func report(_ fixture: QuarterlyFixture, lang: String = "en", district: String? = nil) throws
    -> QuarterlyReport
  {
    try QuarterlyReport.build(
      register: fixture.register, quarter: Self.q2, district: district, lang: lang,
      today: Self.today)
  }

  @Test("text, CSV and JSON in every shipped language match their golden files")
  func goldenFiles() throws {
    let fixture = try QuarterlyFixture()
    for lang in ReportSetup.languages(shipping: "quarterly") {
      let setup = ReportSetup(lang: lang)
      let report = try QuarterlyReport.build(
        register: fixture.register, quarter: Self.q2, words: setup.vocabulary, today: Self.today)
      try Golden.check(try report.render(.text, setup: setup), "quarterly-2026-Q2.\(lang).txt")
      try Golden.check(try report.render(.csv, setup: setup), "quarterly-2026-Q2.\(lang).csv")
      try Golden.check(try report.render(.json, setup: setup), "quarterly-2026-Q2.\(lang).json")
    }
    let chuy = try report(fixture, district: "Chuy")
    try Golden.check(
      try chuy.render(.text, setup: ReportSetup()), "quarterly-2026-Q2-Chuy.en.txt")
  }

  @Test("every line of the text report fits an A4 page: at most 100 columns")
  func fitsA4() throws {
    let fixture = try QuarterlyFixture()
    for lang in ["en", "ru"] {
      let text = try report(fixture, lang: lang).render(.text, setup: ReportSetup(lang: lang))
      for line in text.split(separator: "\n") {
        #expect(line.count <= 100, "\(lang): \(line.count) columns: \(line)")
      }
    }
  }

  @Test("figures: complaints by registration date, money by the date it moved")
  func figures() throws {
    let fixture = try QuarterlyFixture()
    let value = try report(fixture).value
    #expect(value.at("complaints", "total") == .int(6))  // D E F G H and S
    #expect(value.at("decisions", "rejected") == .int(1))
    #expect(value.at("decisions", "appealed") == .int(1))
    #expect(value.at("decisions", "ineligible") == .int(1))
    #expect(value.at("incidents") != nil)
    let payers = value.at("compensation", "payers")
    guard case .array(let rows) = payers else {
      Issue.record("no payers")
      return
    }
    let accounts = rows.compactMap { $0.at("account") }
    #expect(accounts.contains(.string("budget:KAZ:2026")))
    #expect(accounts.contains(.string("fund:Shamshy")))
  }

  @Test("every money figure equals the ledger: quarters add up to each account's balance")
  func moneyEqualsTheLedger() throws {
    let fixture = try QuarterlyFixture()
    try LedgerReconciliation.check(
      fixture.register, from: try Quarter("2025-Q1"), today: Self.today)
  }

  @Test("CSV and JSON carry the same figures as the text: one value, three renderings")
  func oneValue() throws {
    let fixture = try QuarterlyFixture()
    let report = try report(fixture)
    let csv = try report.render(.csv, setup: ReportSetup())
    #expect(csv.contains("compensation,payers:budget:KAZ:2026,paid_minor,"))
    let text = try report.render(.text, setup: ReportSetup())
    // The paid figure of the Kaztalov 2026 budget appears in the text exactly as in the value.
    guard case .array(let rows) = report.value.at("compensation", "payers"),
      let kaz = rows.first(where: { $0.at("account") == .string("budget:KAZ:2026") }),
      case .int(let paid) = kaz.at("paid_minor")
    else {
      Issue.record("no Kaztalov budget row")
      return
    }
    #expect(csv.contains("compensation,payers:budget:KAZ:2026,paid_minor,\(paid)\n"))
    #expect(text.contains(String(Arithmetic.money(paid, "KZT").dropLast(4))))
  }

  @Test("no national ID appears in any rendering")
  func noNationalIDs() throws {
    let fixture = try QuarterlyFixture()
    for lang in ["en", "ru"] {
      let report = try report(fixture, lang: lang)
      for format in ReportFormat.allCases {
        let text = try report.render(format, setup: ReportSetup(lang: lang))
        for id in [QuarterlyFixture.yerlan, QuarterlyFixture.gulnara, QuarterlyFixture.asel] {
          #expect(!text.contains(id))
        }
      }
    }
  }

  @Test(
    "percentiles use the nearest rank",
    arguments: [
      ([1], 50, 1), ([1, 2], 50, 1), ([1, 2, 3], 50, 2), ([1, 2, 3, 4], 90, 4),
      (Array(1...10), 90, 9), (Array(1...10), 50, 5), (Array(1...11), 90, 10),
    ])
  func percentile(values: [Int], p: Int, expected: Int) {
    #expect(QuarterlyReport.percentile(values, p) == expected)
  }

  @Test("no values, no percentile")
  func emptyPercentile() { #expect(QuarterlyReport.percentile([], 50) == nil) }

  @Test(
    "change is signed, one decimal, rounded half up; nothing before prints a dash",
    arguments: [
      (100, 150, "+50.0%"), (100, 50, "−50.0%"), (3, 4, "+33.3%"), (3, 2, "−33.3%"),
      (8, 9, "+12.5%"), (0, 5, "—"), (0, 0, "0.0%"), (7, 7, "0.0%"), (1, 12_346, "+1,234,500.0%"),
    ])
  func change(before: Int, after: Int, expected: String) {
    #expect(Words(lang: "en").change(from: before, to: after) == expected)
  }

  @Test("Russian numbers use a narrow no-break space and a decimal comma")
  func russianNumbers() {
    let words = Words(lang: "ru")
    #expect(words.quantity(123_450) == "1\u{202F}234,5")
    #expect(words.change(from: 8, to: 9) == "+12,5%")
  }

}

extension JSON {
  /// The value at a path of object keys, or nil.
  func at(_ keys: String...) -> JSON? {
    var current: JSON? = self
    for key in keys {
      guard case .object(let pairs)? = current else { return nil }
      current = pairs.first { $0.0 == key }?.1
    }
    return current
  }
}
