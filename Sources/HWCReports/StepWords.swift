import HWCCore
import HWCDomain
import HWCRules
import HWCTemplates

/// Words every explanation step and ineligibility reason from their stored structure (step,
/// rule, values, reason code) in one language, from that language's words file: one renderer
/// for every language, English included (its words reproduce the text the rules engine stores).
///
/// A step's words are `step.RULE.SCHEME` or `step.RULE`; a reason's are `why.CODE`, filled with
/// the values of the step that refused. Placeholders are `{name}` (the value as stored) or
/// `{name:format}`, where format is one of `date`, `money`, `centi`, `int`, `number`,
/// `decimal`, `exact`, `count:NOUN` (`noun.NOUN.CATEGORY` by the language's CLDR plural rule),
/// `item`, `type`, `species`, `place`, `incident`, `payer` (names in the language).
public struct StepWords: Sendable {
  /// The language's words, with fallbacks.
  public let words: WordChain
  /// Reference names, for codes and places among the values.
  public let names: StepNames

  /// The renderer for `words`, naming codes and places from `names`.
  public init(words: WordChain, names: StepNames) {
    self.words = words
    self.names = names
    let fallback = NumberStyle.of(words.lang)
    numbers = NumberStyle(
      groupingSeparator: words["number.grouping"] ?? fallback.groupingSeparator,
      decimalSeparator: words["number.decimal"] ?? fallback.decimalSeparator)
    patterns = StepPattern.all(words)
  }

  /// Every words text with a placeholder, split once (`fill` runs for every step shown or
  /// stored).
  let patterns: [String: StepPattern]

  /// `text` split into its parts: the one made when the words were read, else made now.
  private func pattern(_ text: String) -> StepPattern { patterns[text] ?? StepPattern(text) }

  /// The renderer for `lang` with the words of `library` and the names of `reference`.
  public init(lang: String, library: TemplateLibrary, reference: Reference?) throws {
    let words = try WordChain(lang: lang, library: library)
    self.init(words: words, names: StepNames(reference))
  }

  /// How numbers are written: `number.grouping` and `number.decimal` of the words (read once:
  /// every value of every step is formatted with it).
  public let numbers: NumberStyle

  /// One explanation line in the language; a line recorded before steps had structure (rule
  /// `recorded`) or of an unknown rule prints as it was stored.
  ///
  /// A `variant` words the line for its use, e.g. the payer step of a letter whose amount is not
  /// paid yet (`step.payer.due`), when the words have it.
  public func text(_ line: ExplanationLine, scheme: Scheme, variant: String? = nil) -> String {
    let keys =
      (variant.map { ["step.\(line.rule).\($0)"] } ?? [])
      + ["step.\(line.rule).\(scheme.rawValue)", "step.\(line.rule)"]
    guard let pattern = keys.lazy.compactMap({ self.words[$0] }).first else { return line.text }
    return fill(pattern, values(line.values, scheme: scheme, for: pattern))
  }

  /// The rate of an assessed line as its line step records it (`12 MRP × 4,325 KZT`,
  /// `7,000 KGS × 80%`, `not insured`) by `rate.RULE.SCHEME` or `rate.RULE`; nil for a step
  /// recorded before steps had structure.
  public func rate(_ line: ExplanationLine, scheme: Scheme) -> String? {
    guard
      let pattern = words["rate.\(line.rule).\(scheme.rawValue)"] ?? words["rate.\(line.rule)"]
    else { return nil }
    return fill(pattern, values(line.values, scheme: scheme, for: pattern))
  }

  /// The rules whose steps are assessed lines, one per line in order.
  public static let lineRules: Set<String> = ["line", "line_not_insured", "line_not_insurable"]

  /// Why an assessment with `explanation` is ineligible for `code`, in the language; nil when
  /// the refusing step has no stored values (assessments recorded before steps had structure).
  public func reason(_ code: ReasonCode, explanation: [ExplanationLine], scheme: Scheme)
    -> String?
  {
    guard let pattern = words["why.\(code.rawValue)"] else { return nil }
    let refusing = explanation.last
    guard let refusing, refusing.rule != "recorded" else {
      return pattern.contains("{") ? nil : pattern
    }
    return fill(pattern, values(refusing.values, scheme: scheme, for: pattern))
  }

  // MARK: Values

  /// The stored values and those derived from them: the currency, sums, and the phrases that
  /// depend on a value (rounding, the cap, the minimum, a line's note).
  /// A phrase of the cap or the minimum is made only when `pattern` uses it.
  private func values(_ stored: [String: String], scheme: Scheme, for pattern: String)
    -> [String: String]
  {
    var values = stored
    values["currency"] = scheme.currency
    if let amount = Int(stored["amount_minor"] ?? ""),
      let remaining = Int(stored["remaining_minor"] ?? "")
    {
      values["cut_minor"] = String(amount - remaining)
    }
    if let exact = stored["exact"] {
      values["rounded"] = exact.contains(".") ? fill(words["part.rounded"] ?? "", values) : ""
    }
    if let protected = stored["protected"] {
      values["coverage_key"] =
        protected == "yes" ? "coverage_percent.protected" : "coverage_percent.unprotected"
      values["protection"] = words["part.protected.\(protected)"] ?? protected
    }
    if let item = stored["item"] {
      // A livestock item's insured value is keyed by its class and age (its code, as shipped).
      let kind = names.items[item]
      let classAndAge = kind.flatMap { kind in
        kind.livestockClass.flatMap { livestock in kind.age.map { "\(livestock).\($0)" } }
      }
      values["value_key"] = "insured_value.\(classAndAge ?? item)"
    }
    let used = self.pattern(pattern).names
    for part in ["cap", "minimum"] where used.contains("\(part)_text") {
      if let pattern = words["part.\(part).\(scheme.rawValue)"] {
        values["\(part)_text"] = fill(pattern, values)
      }
    }
    if stored["insured"] != nil {
      var note = fill(words["part.note"] ?? "", values)
      if stored["adults_paid_centi"] != nil {
        note += fill(words["part.note.adults"] ?? "", values)
      }
      values["note"] = note
    }
    return values
  }

  /// `pattern` with each `{name}` / `{name:format}` replaced; an unknown name stays as written.
  func fill(_ pattern: String, _ values: [String: String]) -> String {
    var out = ""
    let currency = values["currency"] ?? ""
    for part in self.pattern(pattern).parts {
      switch part {
      case .text(let text): out += text
      case .value(let name, let format, let written):
        if let value = values[name] {
          out += self.format(value, format, currency: currency)
        } else {
          out += written
        }
      }
    }
    return out
  }

  /// One value in `format` (see the type's documentation).
  private func format(_ value: String, _ format: [String], currency: String) -> String {
    let style = numbers
    switch format.first {
    case "date": return date(value)
    case "money":
      return Int(value).map { style.hundredths($0) + " " + currency } ?? value
    case "centi": return Int(value).map(style.hundredths) ?? value
    case "int": return Int(value).map(style.integer) ?? value
    case "number":
      return (try? Decimal2.parse(value).get()).map(style.hundredths) ?? value
    case "decimal": return value.replacingEvery(".", with: style.decimalSeparator)
    case "exact":
      let parts = value.replacingEvery(",", with: "").split(separator: ".", maxSplits: 1)
      guard let whole = parts.first.flatMap({ UInt($0) }) else { return value }
      return style.decimal(whole, fraction: parts.count > 1 ? String(parts[1]) : "")
    case "count": return count(value, noun: format.count > 1 ? format[1] : "")
    case "item": return names.items[value].map { name($0.name) } ?? value
    case "type": return names.damageTypes[value].map(name) ?? value
    case "species": return names.species[value].map(name) ?? value
    case "place": return place(value)
    case "incident":
      return words["incident.\(value)"] ?? String(value.map { $0 == "_" ? " " : $0 })
    case "payer": return payer(value)
    default: return value
    }
  }

  /// A reference name in the language: the words file's text under its key (`district.KAZ`)
  /// for a language without names in the register, else the register's name.
  private func name(_ name: LocalizedName) -> String {
    (name.key.isEmpty ? nil : words[name.key]) ?? name.localized(words.lang)
  }

  /// A district or conservancy recorded by its English name, in the language.
  private func place(_ english: String) -> String { names.places[english].map(name) ?? english }

  /// `3 days`, `1 день`, `5 дней`: the noun's form for the number by the plural rule.
  func count(_ value: String, noun: String) -> String {
    let parts = value.split(separator: ".", maxSplits: 1)
    let whole = parts.first.flatMap { UInt($0) } ?? 0
    let fraction = parts.count > 1 ? String(parts[1]) : ""
    let category = words.pluralRule.category(whole: whole, fraction: fraction)
    let pattern = words["noun.\(noun).\(category)"] ?? words["noun.\(noun).other"] ?? "{n}"
    return pattern.replacingEvery("{n}", with: numbers.decimal(whole, fraction: fraction))
  }

  /// A `YYYY-MM-DD` date as the language writes dates in explanations (`format.step_date`:
  /// `iso` as stored, or `long` by `date.long` and the `month.N` names).
  func date(_ value: String) -> String {
    guard words["format.step_date"] == "long", let date = CalendarDate(value),
      let pattern = words["date.long"], let month = words["month.\(date.month)"]
    else { return value }
    return pattern.replacingEvery("{day}", with: String(date.day))
      .replacingEvery("{month}", with: month).replacingEvery("{year}", with: String(date.year))
  }

  /// The payer as the rules name it (`Kaztalov budget 2026`, `Shamshy buffer fund`), in the
  /// language by `payer.budget` / `payer.fund`.
  private func payer(_ value: String) -> String {
    let words = value.split(separator: " ").map(String.init)
    if words.count >= 3, words[words.count - 2] == "budget", let year = Int(words.last!) {
      let named = place(words.dropLast(2).joined(separator: " "))
      return (self.words["payer.budget"] ?? value).replacingEvery("{place}", with: named)
        .replacingEvery("{year}", with: String(year))
    }
    if value.hasSuffix(" buffer fund") {
      let named = place(String(value.dropLast(" buffer fund".count)))
      return (self.words["payer.fund"] ?? value).replacingEvery("{place}", with: named)
    }
    return value
  }
}
