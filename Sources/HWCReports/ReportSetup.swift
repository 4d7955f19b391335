import Foundation
import HWCTemplates

/// How a report is rendered: the templates to use, the language and its words.
public struct ReportSetup: Sendable {
  /// The templates: an override directory first, then the templates built into hwc.
  public let templates: TemplateLibrary
  /// `en`, `ru`, or any language with templates (`kk`, `ky`, or one in the override directory).
  public let lang: String
  /// The words of the language; for a language other than English and Russian, its words file.
  public let words: Words
  /// Why the language's words file could not be read, reported when rendering.
  private let wordsProblem: WordsProblem?

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
  /// by file to the shipped ones; words from the built-in entries or `words.LANG.txt`.
  public init(lang: String = "en", overrideDirectory: String? = nil) {
    self.lang = lang
    self.templates = TemplateLibrary(
      builtIn: Dictionary(uniqueKeysWithValues: embeddedTemplates.map { ($0.name, $0.text) }),
      overrideDirectory: overrideDirectory)
    if ReportSetup.builtInLanguages.contains(lang) {
      words = Words(lang: lang)
      wordsProblem = nil
    } else {
      do {
        words = Words(lang: lang, book: try WordBook.load(templates, lang: lang))
        wordsProblem = nil
      } catch {
        words = Words(lang: lang, book: WordBook(lang: lang, texts: [:]))
        wordsProblem = WordsProblem(description: String(describing: error))
      }
    }
  }

  /// Number, money and date formatting of the language.
  public var locale: TemplateLocale { words.locale }

  /// Renders template `name` in this language.
  public func render(_ name: String, _ context: TemplateValue) throws -> String {
    if let wordsProblem { throw wordsProblem }
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
    guard let missing = words.book?.missing, !missing.isEmpty else { return nil }
    let count = missing.count == 1 ? "1 word" : "\(missing.count) words"
    return "\(count) missing in \(lang), shown in Russian: " + missing.joined(separator: ", ")
  }
}

/// A words file that could not be read, e.g. `words.kk.txt:12: expected 'key = text'`.
struct WordsProblem: Error, CustomStringConvertible {
  let description: String
}
