import HWCCore
import HWCTemplates
import Testing

@testable import HWCReports

/// The quarterly report says what its lists leave out, and leaves out empty rows.
@Suite struct QuarterlyWordsTests {
  /// The report's text in `lang` with `leftOut` flagged complaints beyond the listed examples.
  func text(_ lang: String, leftOut: Int) throws -> String {
    let fixture = try QuarterlyFixture()
    let report = try QuarterlyReport.build(
      register: fixture.register, quarter: QuarterlyReportTests.q2, district: nil, lang: lang,
      today: QuarterlyReportTests.today)
    guard case .object(var fields) = report.value.templateValue,
      case .object(var flags) = fields["flags"]
    else {
      Issue.record("the report value has no flags")
      return ""
    }
    flags["examples_left_out"] = .integer(leftOut)
    fields["flags"] = .object(flags)
    return try ReportSetup(lang: lang).render("quarterly", .object(fields))
  }

  @Test(
    "a cut list of flagged complaints says how many were left out, in the language's plural",
    arguments: [
      ("ru", 28, "  … и ещё 28 жалоб."), ("ru", 21, "  … и ещё 21 жалоба."),
      ("ru", 3, "  … и ещё 3 жалобы."), ("en", 1, "  … and 1 complaint not listed."),
      ("en", 28, "  … and 28 complaints not listed."),
    ])
  func leftOut(lang: String, count: Int, line: String) throws {
    #expect(try text(lang, leftOut: count).contains("\n" + line + "\n"))
  }

  @Test("nothing is said when the whole list is printed")
  func nothingLeftOut() throws {
    #expect(!(try text("ru", leftOut: 0)).contains("и ещё"))
  }

  @Test("a payer with nothing in the quarter has no row in the quarter's table")
  func emptyPayerRows() throws {
    let quarter = try text("ru", leftOut: 0)
    let table = try #require(quarter.split(separator: "Остатки бюджетов").first)
    #expect(!table.contains("бюджет 2025 г."))
    #expect(quarter.contains("Казталовский район, бюджет 2025 г."), "its balance is still shown")
  }
}
