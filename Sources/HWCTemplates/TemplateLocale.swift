import HWCCore

/// How numbers, amounts and dates are written: separators and month names.
///
/// The template file chooses the wording; the locale chooses the number and date conventions.
public struct TemplateLocale: Sendable, Equatable {
  /// Put between groups of three digits: "," in English, U+202F or a space in Russian.
  public var groupingSeparator: String
  /// Put before the fractional digits of amounts and percentages: "." or ",".
  public var decimalSeparator: String
  /// Twelve month names, January first, in the form used after a day number
  /// (genitive in Russian: "ноября").
  public var monthNames: [String]
  /// How a long date is written: `{day} {month} {year}` (English), `{day} {month} {year} г.`.
  public var longDate: String
  /// The language's plural rule, for the `plural` filter.
  public var pluralRule: PluralRule
  /// The language's words by key, for the `plural` (`noun.NAME.CATEGORY`) and `quarter`
  /// (`quarter.N`) filters.
  public var words: [String: String]

  /// Creates a locale; `monthNames` must hold exactly twelve names.
  public init(
    groupingSeparator: String, decimalSeparator: String, monthNames: [String],
    longDate: String = "{day} {month} {year}", pluralRule: PluralRule = .english,
    words: [String: String] = [:]
  ) {
    precondition(monthNames.count == 12, "TemplateLocale needs twelve month names")
    self.groupingSeparator = groupingSeparator
    self.decimalSeparator = decimalSeparator
    self.monthNames = monthNames
    self.longDate = longDate
    self.pluralRule = pluralRule
    self.words = words
  }

  /// The separators as the number style every number is written with.
  public var numbers: NumberStyle {
    NumberStyle(groupingSeparator: groupingSeparator, decimalSeparator: decimalSeparator)
  }

  /// English: `1,234,567.89`, `21 November 2026`.
  public static let english = TemplateLocale(
    groupingSeparator: NumberStyle.english.groupingSeparator,
    decimalSeparator: NumberStyle.english.decimalSeparator,
    monthNames: [
      "January", "February", "March", "April", "May", "June",
      "July", "August", "September", "October", "November", "December",
    ]
  )

  /// Russian: `1 234 567,89` with a narrow no-break space (U+202F), `21 ноября 2026`.
  public static let russian = TemplateLocale(
    groupingSeparator: NumberStyle.russian.groupingSeparator,
    decimalSeparator: NumberStyle.russian.decimalSeparator,
    monthNames: [
      "января", "февраля", "марта", "апреля", "мая", "июня",
      "июля", "августа", "сентября", "октября", "ноября", "декабря",
    ]
  )
}
