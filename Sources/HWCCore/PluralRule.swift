/// A CLDR plural rule (https://unicode.org/reports/tr35/tr35-numbers.html#Language_Plural_Rules),
/// read from text so that a language's plurals are data, not code.
///
/// A language lists its categories in order, each with a condition in CLDR syntax:
/// `one: i = 1 and v = 0`, `few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14`. The first
/// category whose condition holds is the form; `other` (no condition) is the last resort.
/// Operands: `n` (the absolute value), `i` (integer digits), `v` (number of visible fraction
/// digits), `f` (visible fraction digits as a number), `t` (the same without trailing zeros).
public struct PluralRule: Sendable, Equatable {
  /// One relation: `i % 10 = 2..4` or `v != 0`.
  struct Relation: Sendable, Equatable {
    let operand: Character
    let modulus: Int?
    let negated: Bool
    let ranges: [ClosedRange<Int>]
  }

  /// The categories in the order they are tried, each with its `or` of `and` lists.
  let categories: [(name: String, condition: [[Relation]])]

  public static func == (left: PluralRule, right: PluralRule) -> Bool {
    left.categories.map(\.name) == right.categories.map(\.name)
      && zip(left.categories, right.categories).allSatisfy { $0.condition == $1.condition }
  }

  /// Parses `(category, condition)` pairs; throws naming the first condition that is not CLDR
  /// syntax.
  public init(_ rules: [(category: String, condition: String)]) throws(PluralRuleError) {
    var categories: [(name: String, condition: [[Relation]])] = []
    for (category, condition) in rules {
      var ors: [[Relation]] = []
      for part in condition.split(separator: " or ") {
        var ands: [Relation] = []
        for relation in part.split(separator: " and ") {
          guard let parsed = PluralRule.relation(String(relation)) else {
            throw PluralRuleError(category: category, condition: condition)
          }
          ands.append(parsed)
        }
        ors.append(ands)
      }
      categories.append((category, ors))
    }
    self.categories = categories
  }

  /// English: `one` for exactly 1 with no decimals, else `other`.
  public static let english = try! PluralRule([("one", "i = 1 and v = 0")])

  /// The category of the decimal `whole.fraction` (`fraction` as written: "5" for 1.5, "" for 1).
  public func category(whole: UInt, fraction: String = "") -> String {
    let digits = fraction.filter(\.isNumber)
    let trimmed = String(digits.reversed().drop { $0 == "0" }.reversed())
    func operand(_ name: Character) -> (Int, exact: Bool) {
      switch name {
      case "i": (Int(whole), true)
      case "v": (digits.count, true)
      case "f": (Int(digits) ?? 0, true)
      case "t": (Int(trimmed) ?? 0, true)
      default: (Int(whole), trimmed.isEmpty)  // n: an integer only when no fraction shows
      }
    }
    for category in categories {
      let holds = category.condition.contains { relations in
        relations.allSatisfy { relation in
          let (raw, exact) = operand(relation.operand)
          let value = relation.modulus.map { raw % $0 } ?? raw
          let inside = exact && relation.ranges.contains { $0.contains(value) }
          return inside != relation.negated
        }
      }
      if holds { return category.name }
    }
    return "other"
  }

  /// The category of an integer.
  public func category(_ count: Int) -> String { category(whole: count.magnitude) }

  /// `i % 10 = 2..4`, `v = 0`, `n != 11,12`.
  private static func relation(_ text: String) -> Relation? {
    let words = text.split(separator: " ").map(String.init)
    guard let first = words.first, first.count == 1, "nivft".contains(first) else { return nil }
    var index = 1
    var modulus: Int?
    if words.count > 2, words[1] == "%" {
      guard let value = Int(words[2]), value > 0 else { return nil }
      modulus = value
      index = 3
    }
    guard words.count == index + 2, ["=", "!="].contains(words[index]) else { return nil }
    var ranges: [ClosedRange<Int>] = []
    for item in words[index + 1].split(separator: ",") {
      let bounds = item.split(separator: ".", omittingEmptySubsequences: true)
      if bounds.count == 1, let value = Int(bounds[0]) {
        ranges.append(value...value)
      } else if bounds.count == 2, item.contains(".."), let low = Int(bounds[0]),
        let high = Int(bounds[1]), low <= high
      {
        ranges.append(low...high)
      } else {
        return nil
      }
    }
    return Relation(
      operand: first.first!, modulus: modulus, negated: words[index] == "!=", ranges: ranges)
  }
}

/// A plural condition that is not CLDR syntax.
public struct PluralRuleError: Error, Equatable, CustomStringConvertible {
  public let category: String
  public let condition: String

  public var description: String {
    "plural rule '\(category)' is not a CLDR condition: '\(condition)'"
  }
}
