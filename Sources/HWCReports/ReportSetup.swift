import HWCTemplates

/// How a report is rendered: the templates to use and the language.
public struct ReportSetup: Sendable {
  /// The templates: an override directory first, then the templates built into hwc.
  public let templates: TemplateLibrary
  /// `en` or `ru`.
  public let lang: String
  /// The words of the language, read once (`words.LANG.txt`, override directory first).
  private let loadedWords: Result<WordChain, any Error>

  /// The languages hwc ships templates for.
  public static let languages = ["en", "ru"]

  /// Templates from `overrideDirectory` (`--templates DIR` / `HWC_TEMPLATES`), falling back file
  /// by file to the shipped ones.
  public init(lang: String = "en", overrideDirectory: String? = nil) {
    self.lang = lang
    let templates = TemplateLibrary(
      builtIn: Dictionary(uniqueKeysWithValues: embeddedTemplates.map { ($0.name, $0.text) }),
      overrideDirectory: overrideDirectory)
    self.templates = templates
    loadedWords = Result { try WordChain(lang: lang, library: templates) }
  }

  /// The words of this language, falling back key by key to Russian and English; a words file
  /// that cannot be read is refused here, naming its file and line.
  public func words() throws -> WordChain { try loadedWords.get() }

  /// Number, money, date, plural and quarter formatting of the language, from its words (the
  /// built-in English or Russian conventions when the words cannot be read).
  public var locale: TemplateLocale {
    let fallback: TemplateLocale = lang == "ru" ? .russian : .english
    guard let words = try? loadedWords.get() else { return fallback }
    return words.locale(fallback: fallback)
  }

  /// Renders template `name` in this language.
  public func render(_ name: String, _ context: TemplateValue) throws -> String {
    _ = try words()
    return try templates.render(name, lang: lang, context: context, locale: locale)
  }
}

extension WordChain {
  /// The template locale these words give: separators (`number.grouping`, `number.decimal`),
  /// month names (`month.1` … `month.12`), the long date (`date.long`), the plural rule and
  /// every word, each falling back to `fallback`'s.
  func locale(fallback: TemplateLocale) -> TemplateLocale {
    var all: [String: String] = [:]
    for table in tables.reversed() { all.merge(table.entries) { $1 } }
    return TemplateLocale(
      groupingSeparator: self["number.grouping"] ?? fallback.groupingSeparator,
      decimalSeparator: self["number.decimal"] ?? fallback.decimalSeparator,
      monthNames: (1...12).map { self["month.\($0)"] ?? fallback.monthNames[$0 - 1] },
      longDate: self["date.long"] ?? fallback.longDate, pluralRule: pluralRule, words: all)
  }
}
