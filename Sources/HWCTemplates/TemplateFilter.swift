import HWCCore

/// The filters that can follow `|`, with their argument counts and behaviour.
///
/// Every filter except `default` passes `null` through unchanged, so `x | number | default "—"`
/// prints "—" for a missing figure, while `{{ x | number }}` on null is an error.
enum TemplateFilter: String, Sendable, CaseIterable {
  case number
  case money
  case moneyWhole = "money_whole"
  case percent
  case date
  case pad
  case rpad
  case lpad
  case center
  case truncate
  case bar
  case upper
  case lower
  case count
  case plural
  case quarter
  case `default`

  /// How many arguments the filter takes.
  var arity: ClosedRange<Int> {
    switch self {
    case .number, .upper, .lower, .count, .quarter: 0...0
    case .money, .moneyWhole, .date: 0...1
    case .percent, .pad, .rpad, .lpad, .center, .truncate, .default, .plural: 1...1
    case .bar: 2...2
    }
  }

  /// The error message for `count` arguments, or nil when the count is right.
  func arityProblem(_ count: Int) -> String? {
    guard !arity.contains(count) else { return nil }
    let expected: String
    switch (arity.lowerBound, arity.upperBound) {
    case (0, 0): expected = "takes no arguments"
    case (1, 1): expected = "takes 1 argument"
    case (let low, let high) where low == high: expected = "takes \(low) arguments"
    case (let low, let high): expected = "takes \(low) or \(high) arguments"
    }
    return "filter '\(rawValue)' \(expected), got \(count)"
  }

  /// Applies the filter to `input` with already evaluated `arguments`.
  func apply(
    _ input: TemplateValue, _ arguments: [TemplateValue], locale: TemplateLocale
  ) throws(TemplateFailure) -> TemplateValue {
    if self == .default {
      return input == .null || input == .string("") ? arguments[0] : input
    }
    if input == .null { return .null }
    switch self {
    case .number:
      return .string(TemplateFormat.number(try integerInput(input), locale: locale))
    case .money, .moneyWhole:
      let amount = try integerInput(input)
      let currency = arguments.isEmpty ? nil : try stringArgument(arguments[0])
      let whole = self == .moneyWhole
      return .string(
        TemplateFormat.money(amount, currency: currency, whole: whole, locale: locale))
    case .percent:
      let part = try integerInput(input)
      let total = try integerArgument(arguments[0])
      guard let text = TemplateFormat.percent(part, of: total, locale: locale) else {
        throw TemplateFailure("filter 'percent' got a ratio too large to print")
      }
      return .string(text)
    case .date:
      return .string(try formatDate(input, arguments, locale: locale))
    case .pad, .rpad, .lpad, .center:
      let width = try width(arguments[0], minimum: 0)
      let alignment: TemplateAlignment =
        self == .lpad ? .right : self == .center ? .center : .left
      return .string(TemplateFormat.align(try textInput(input), width: width, alignment))
    case .truncate:
      let width = try width(arguments[0], minimum: 1)
      return .string(TemplateFormat.truncate(try textInput(input), width: width))
    case .bar:
      let value = try integerInput(input)
      guard value >= 0 else {
        throw TemplateFailure("filter 'bar' needs a value of at least 0, got \(value)")
      }
      let width = try width(arguments[0], minimum: 0)
      let maximum = try integerArgument(arguments[1])
      guard maximum >= 0 else {
        throw TemplateFailure("filter 'bar' needs a maximum of at least 0, got \(maximum)")
      }
      return .string(TemplateFormat.bar(value, width: width, maximum: maximum))
    case .upper:
      return .string(try textInput(input).uppercased())
    case .lower:
      return .string(try textInput(input).lowercased())
    case .count:
      switch input {
      case .list(let items): return .integer(items.count)
      case .object(let fields): return .integer(fields.count)
      case .string(let text): return .integer(text.count)
      default:
        let kind = input.kindDescription
        throw TemplateFailure("filter 'count' needs a list, an object or a string, got \(kind)")
      }
    case .plural:
      let count = try integerInput(input)
      let noun = try stringArgument(arguments[0])
      let category = locale.pluralRule.category(count)
      guard
        let form = locale.words["noun.\(noun).\(category)"] ?? locale.words["noun.\(noun).other"]
      else {
        throw TemplateFailure("filter 'plural' has no words for 'noun.\(noun).\(category)'")
      }
      return .string(form.replacing("{n}", with: locale.numbers.integer(count)))
    case .quarter:
      let text = try textInput(input)
      guard let quarter = Quarter(parsing: text) else {
        throw TemplateFailure("filter 'quarter' needs a quarter as YYYY-QN, got '\(text)'")
      }
      guard let pattern = locale.words["quarter.\(quarter.number)"] else { return .string(text) }
      return .string(pattern.replacing("{year}", with: String(quarter.year)))
    case .default:
      return input
    }
  }

  private func formatDate(
    _ input: TemplateValue, _ arguments: [TemplateValue], locale: TemplateLocale
  ) throws(TemplateFailure) -> String {
    guard case .string(let text) = input else {
      throw TemplateFailure("filter 'date' needs a string, got \(input.kindDescription)")
    }
    let style = arguments.isEmpty ? "iso" : try stringArgument(arguments[0])
    guard TemplateFormat.dateStyles.contains(style) else {
      throw TemplateFailure("filter 'date' has no style '\(style)' (use iso, long or short)")
    }
    guard let date = TemplateFormat.parseDate(text) else {
      throw TemplateFailure("filter 'date' needs a date as YYYY-MM-DD, got '\(text)'")
    }
    return TemplateFormat.date(date, style: style, locale: locale)
  }

  private func integerInput(_ value: TemplateValue) throws(TemplateFailure) -> Int {
    guard case .integer(let number) = value else {
      throw TemplateFailure("filter '\(rawValue)' needs an integer, got \(value.kindDescription)")
    }
    return number
  }

  private func textInput(_ value: TemplateValue) throws(TemplateFailure) -> String {
    guard let text = value.printableText else {
      let kind = value.kindDescription
      throw TemplateFailure("filter '\(rawValue)' needs a string or an integer, got \(kind)")
    }
    return text
  }

  private func integerArgument(_ value: TemplateValue) throws(TemplateFailure) -> Int {
    guard case .integer(let number) = value else {
      let kind = value.kindDescription
      throw TemplateFailure("filter '\(rawValue)' needs an integer argument, got \(kind)")
    }
    return number
  }

  private func stringArgument(_ value: TemplateValue) throws(TemplateFailure) -> String {
    guard case .string(let text) = value else {
      let kind = value.kindDescription
      throw TemplateFailure("filter '\(rawValue)' needs a string argument, got \(kind)")
    }
    return text
  }

  private func width(_ value: TemplateValue, minimum: Int) throws(TemplateFailure) -> Int {
    let width = try integerArgument(value)
    guard width >= minimum else {
      let message = "filter '\(rawValue)' needs a width of at least \(minimum), got \(width)"
      throw TemplateFailure(message)
    }
    return width
  }
}
