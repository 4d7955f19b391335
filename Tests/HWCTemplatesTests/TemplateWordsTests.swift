import HWCCore
import HWCTemplates
import Testing

/// The filters that take their words from the locale (`plural`, `quarter`), the long date
/// pattern, and text wrapping inside table columns.
@Suite struct TemplateWordsTests {
  static let russian = TemplateLocale(
    groupingSeparator: " ", decimalSeparator: ",", monthNames: TemplateLocale.russian.monthNames,
    longDate: "{day} {month} {year} г.",
    pluralRule: try! PluralRule([
      ("one", "v = 0 and i % 10 = 1 and i % 100 != 11"),
      ("few", "v = 0 and i % 10 = 2..4 and i % 100 != 12..14"),
      ("many", "v = 0 and i % 10 = 0 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 11..14"),
    ]),
    words: [
      "noun.complaint.one": "{n} жалоба", "noun.complaint.few": "{n} жалобы",
      "noun.complaint.many": "{n} жалоб", "noun.complaint.other": "{n} жалобы",
      "quarter.3": "III квартал {year} г.",
    ])

  func russian(_ source: String, _ context: TemplateValue = [:]) throws -> String {
    try Template(source: source, name: "t").render(context, locale: Self.russian)
  }

  @Test(
    "plural picks the form by the locale's rule",
    arguments: [
      (1, "1 жалоба"), (3, "3 жалобы"), (5, "5 жалоб"), (21, "21 жалоба"), (1_000, "1 000 жалоб"),
    ])
  func plural(count: Int, text: String) throws {
    #expect(try russian("{{ n | plural \"complaint\" }}", ["n": .integer(count)]) == text)
  }

  @Test("plural without words for the noun names the missing key")
  func pluralWithoutWords() {
    #expect(throws: TemplateError.self) { try russian("{{ 2 | plural \"head\" }}") }
  }

  @Test("quarters and long dates follow the locale's words")
  func quarterAndDate() throws {
    #expect(try russian("{{ \"2026-Q3\" | quarter }}") == "III квартал 2026 г.")
    #expect(try russian("{{ \"2026-Q1\" | quarter }}") == "2026-Q1")
    #expect(try russian("{{ \"2025-06-30\" | date \"long\" }}") == "30 июня 2025 г.")
    #expect(throws: TemplateError.self) { try russian("{{ \"2026-Q7\" | quarter }}") }
  }

  @Test("text wider than a left column wraps at spaces; figures and long words are never cut")
  func wrapping() throws {
    let source = """
      {% table "Reason" left 12, "Count" right 5 %}
      {% row "carcasses not found at the site", 3 %}
      {% row "unbreakablewordhere", 12345678 %}
      {% end %}
      """
    let expected = """
      Reason        Count
      ------------  -----
      carcasses         3
      not found at
      the site
      unbreakablewordhere  12345678

      """
    #expect(try russian(source) == expected)
  }
}
