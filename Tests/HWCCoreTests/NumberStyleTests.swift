import Testing

@testable import HWCCore

@Suite struct NumberStyleTests {
  @Test(
    "integers are grouped in threes with the language's separator",
    arguments: [
      (0, "0", "0"), (999, "999", "999"), (1000, "1,000", "1\u{202F}000"),
      (-1234, "-1,234", "-1\u{202F}234"), (100_000_000, "100,000,000", "100\u{202F}000\u{202F}000"),
    ])
  func integers(value: Int, english: String, russian: String) {
    #expect(NumberStyle.english.integer(value) == english)
    #expect(NumberStyle.russian.integer(value) == russian)
  }

  @Test(
    "hundredths drop trailing zeros",
    arguments: [
      (393_200, "3,932", "3\u{202F}932"), (3550, "35.5", "35,5"), (20, "0.2", "0,2"),
      (1205, "12.05", "12,05"), (-150, "-1.5", "-1,5"), (0, "0", "0"),
      (123_450, "1,234.5", "1\u{202F}234,5"),
    ])
  func hundredths(value: Int, english: String, russian: String) {
    #expect(NumberStyle.english.hundredths(value) == english)
    #expect(NumberStyle.russian.hundredths(value) == russian)
  }

  @Test(
    "money shows the minor part only when it is not zero",
    arguments: [
      (5_190_000, "KZT", "51,900 KZT"), (12345, "KGS", "123.45 KGS"), (5, "KGS", "0.05 KGS"),
      (-1_234_500, "KZT", "-12,345 KZT"), (100, "", "1"),
    ])
  func money(minor: Int, currency: String, text: String) {
    #expect(NumberStyle.english.money(minor, currency: currency) == text)
  }

  @Test("an empty grouping separator leaves the digits together")
  func noSeparator() {
    let plain = NumberStyle(groupingSeparator: "", decimalSeparator: ".")
    #expect(plain.integer(1_234_567) == "1234567")
  }

  @Test("the style of a language; English for one without its own")
  func ofLanguage() {
    #expect(NumberStyle.of("ru") == .russian)
    #expect(NumberStyle.of("en") == .english)
    #expect(NumberStyle.of("kk") == .english)
  }
}
