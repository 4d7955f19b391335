import HWCCore
import Testing

@Suite struct TypedFormsTests {
  @Test(
    "dates typed in office forms suggest YYYY-MM-DD",
    arguments: [
      ("31.12.2025", "2025-12-31"), ("31/12/2025", "2025-12-31"), ("31-12-2025", "2025-12-31"),
      ("2026-2-3", "2026-02-03"), ("2026.02.03", "2026-02-03"), ("3.2.26", "2026-02-03"),
      ("12/31/2025", "2025-12-31"),
    ])
  func dates(_ typed: String, _ meant: String) {
    #expect(TypedForms.date(typed)?.description == meant)
  }

  @Test(
    "texts that are no date suggest nothing", arguments: ["31.02.2025", "yesterday", "1.2", "2025"])
  func notDates(_ typed: String) {
    #expect(TypedForms.date(typed) == nil)
  }

  @Test(
    "amounts typed with grouping or a decimal comma suggest the plain number",
    arguments: [
      ("1 500 000", "1500000"), ("1,500,000", "1500000"), ("1.500.000", "1500000"),
      ("1 500 000,50", "1500000.5"), ("12,5", "12.5"), ("1\u{00A0}500", "1500"),
      ("1,500.25", "1500.25"), ("1.500,25", "1500.25"),
    ])
  func numbers(_ typed: String, _ meant: String) {
    #expect(TypedForms.number(typed) == meant)
    #expect(TypedForms.numberHint(typed) == "; did you mean \(meant)?")
  }

  @Test(
    "texts that are no number suggest nothing", arguments: ["abc", "1,5,0", "1500", "12,345,6"])
  func notNumbers(_ typed: String) {
    #expect(TypedForms.number(typed) == nil)
    #expect(TypedForms.numberHint(typed) == "")
  }

  @Test func closestPrefersAPrefixThenFewEdits() {
    let items = ["cattle.adult", "sheep_goat.adult", "sheep_goat.young"]
    #expect(TypedForms.closest("sheep", among: items) == "sheep_goat.adult")
    #expect(TypedForms.closest("goat", among: items) == "sheep_goat.adult")
    #expect(TypedForms.closest("catle.adult", among: items) == "cattle.adult")
    #expect(TypedForms.closest("horse", among: items) == nil)
  }
}
