import HWCCore
import Testing

/// `replacingEvery` gives what the standard `replacing(_:with:)` gives for the placeholders of
/// hwc's words, wherever they stand in the text and however often.
@Suite struct StringReplacingEveryTests {
  static let cases: [(text: String, token: String, value: String)] = [
    ("{n} days", "{n}", "3"),
    ("{day} {month} {year}", "{month}", "июня"),
    ("{place} budget {year}, {place}", "{place}", "Kaztalov"),
    ("1,234,567.89", ",", ""),
    ("12.5", ".", ","),
    ("no placeholder", "{n}", "3"),
    ("{n", "{n}", "3"),
    ("{n}{n}{n}", "{n}", "{n}{n}"),
    ("", "{n}", "3"),
    ("Шамши {place} фонд", "{place}", "Ş"),
  ]

  @Test(arguments: cases)
  func itReplacesEveryOccurrenceAsTheStandardReplacingDoes(
    text: String, token: String, value: String
  ) {
    #expect(text.replacingEvery(token, with: value) == text.replacing(token, with: value))
  }

  @Test func hundredthsDropOnlyTrailingZeros() {
    let style = NumberStyle.english
    #expect(style.hundredths(393_200) == "3,932")
    #expect(style.hundredths(3_550) == "35.5")
    #expect(style.hundredths(1_205) == "12.05")
    #expect(style.hundredths(-1_255) == "-12.55")
    #expect(style.hundredths(7) == "0.07")
  }
}
