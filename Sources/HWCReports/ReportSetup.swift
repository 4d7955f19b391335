import Foundation
import HWCTemplates

/// How a report is rendered: the templates to use, the language and its words.
public struct ReportSetup: Sendable {
  /// The templates: an override directory first, then the templates built into hwc.
  public let templates: TemplateLibrary
  /// `en`, `ru`, or any language with templates (`kk`, `ky`, or one in the override directory).
  public let lang: String
  /// The words of the language, read once (`words.LANG.txt`, override directory first).
  private let loadedWords: Result<WordChain, any Error>
  /// The words for the codes and reference names documents print (`Words`): built in for
  /// English and Russian, the language's words file for any other, remembering what it lacks.
  public let vocabulary: Words

  /// The languages with built-in words; any other needs a words file.
  public static let builtInLanguages = ["en", "ru"]

  /// The languages hwc ships templates for: `en`, `kk`, `ky`, `ru`.
  public static let languages = Set(embeddedTemplates.compactMap { language(of: $0.name) })
    .sorted()

  /// The languages hwc ships template `name` in.
  public static func languages(shipping name: String) -> [String] {
    embeddedTemplates.compactMap { language(of: $0.name, template: name) }.sorted()
  }

  /// The language of file `NAME.LANG.txt` when it is a template (`name`'s, if given), else nil.
  static func language(of file: String, template name: String? = nil) -> String? {
    let parts = file.split(separator: ".")
    guard parts.count == 3, parts[2] == "txt", parts[0] != "words",
      name == nil || parts[0] == name!
    else { return nil }
    return String(parts[1])
  }

  /// Templates from `overrideDirectory` (`--templates DIR` / `HWC_TEMPLATES`), falling back file
  /// by file to the shipped ones; words from `words.LANG.txt`, falling back key by key to Russian
  /// and English.
  public init(lang: String = "en", overrideDirectory: String? = nil) {
    self.lang = lang
    let templates = TemplateLibrary(
      builtIn: Dictionary(uniqueKeysWithValues: embeddedTemplates.map { ($0.name, $0.text) }),
      overrideDirectory: overrideDirectory)
    self.templates = templates
    let loaded = Result { try WordChain(lang: lang, library: templates) }
    loadedWords = loaded
    let locale = ReportSetup.locale(lang, loaded)
    if ReportSetup.builtInLanguages.contains(lang) {
      vocabulary = Words(lang: lang, locale: locale)
    } else {
      let own = (try? loaded.get())?.tables.first { $0.lang == lang }
      vocabulary = Words(
        lang: lang, book: WordBook(lang: lang, texts: own?.entries ?? [:]), locale: locale)
    }
  }

  /// The words of this language, falling back key by key to Russian and English; a words file
  /// that cannot be read is refused here, naming its file and line.
  public func words() throws -> WordChain { try loadedWords.get() }

  /// Number, money, date, plural and quarter formatting of the language, from its words (the
  /// built-in English or Russian conventions when the words cannot be read).
  public var locale: TemplateLocale { vocabulary.locale }

  /// The locale of `lang` from its words; English's or Russian's when they cannot be read.
  private static func locale(_ lang: String, _ words: Result<WordChain, any Error>)
    -> TemplateLocale
  {
    let fallback: TemplateLocale = lang == "en" ? .english : .russian
    guard let words = try? words.get() else { return fallback }
    return words.locale(fallback: fallback)
  }

  /// Renders template `name` in this language.
  public func render(_ name: String, _ context: TemplateValue) throws -> String {
    _ = try words()
    return try templates.render(name, lang: lang, context: context, locale: locale)
  }

  /// The languages that have template `name`: shipped, or in the override directory.
  public func languages(with name: String) -> [String] {
    var files = Set(templates.builtIn.keys)
    if let directory = templates.overrideDirectory {
      files.formUnion((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
    }
    return Set(files.compactMap { ReportSetup.language(of: $0, template: name) }).sorted()
  }

  /// The warning for words the document printed in Russian for want of them in the language's
  /// words file, e.g. `3 words missing in kk, shown in Russian: status.paid, unit.head,
  /// unit.tonne`; nil when none was missing.
  public var missingWordsWarning: String? {
    guard let missing = vocabulary.book?.missing, !missing.isEmpty else { return nil }
    let count = missing.count == 1 ? "1 word" : "\(missing.count) words"
    return "\(count) missing in \(lang), shown in Russian: " + missing.joined(separator: ", ")
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
