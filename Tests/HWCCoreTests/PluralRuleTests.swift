import Testing

@testable import HWCCore

@Suite struct PluralRuleTests {
  static let russian = try! PluralRule([
    ("one", "v = 0 and i % 10 = 1 and i % 100 != 11"),
    ("few", "v = 0 and i % 10 = 2..4 and i % 100 != 12..14"),
    ("many", "v = 0 and i % 10 = 0 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 11..14"),
  ])

  @Test(
    "Russian integers take one, few or many by CLDR",
    arguments: [
      (1, "one"), (2, "few"), (4, "few"), (5, "many"), (11, "many"), (12, "many"), (14, "many"),
      (21, "one"), (22, "few"), (25, "many"), (100, "many"), (101, "one"), (111, "many"),
      (0, "many"),
    ])
  func russianIntegers(count: Int, category: String) {
    #expect(Self.russian.category(count) == category)
  }

  @Test("a number with visible decimals is 'other' in Russian and English")
  func decimals() {
    #expect(Self.russian.category(whole: 2, fraction: "5") == "other")
    #expect(PluralRule.english.category(whole: 1, fraction: "0") == "other")
    #expect(PluralRule.english.category(1) == "one")
    #expect(PluralRule.english.category(0) == "other")
  }

  @Test("n, t and lists of values", arguments: [(1, "one"), (2, "other"), (3, "one")])
  func operands(count: Int, category: String) throws {
    let rule = try PluralRule([("one", "n = 1,3 and t = 0")])
    #expect(rule.category(count) == category)
  }

  @Test("a condition that is not CLDR syntax is refused naming its category")
  func refused() {
    #expect(throws: PluralRuleError(category: "few", condition: "x % 10 = 2")) {
      try PluralRule([("one", "i = 1"), ("few", "x % 10 = 2")])
    }
    #expect(throws: PluralRuleError.self) { try PluralRule([("one", "i = 4..2")]) }
  }
}
