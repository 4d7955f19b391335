import HWCCore
import HWCTemplates

/// The words of one language, read from `words.LANG.txt` beside the templates: one `key = text`
/// per line, `#` starting a comment line. Adding a language is adding such a file.
///
/// Keys are dotted: `step.deadline_met`, `noun.day.few`, `plural.one`, `month.6`. Texts may hold
/// `{name}` or `{name:format}` placeholders that `StepWords` fills in.
public struct WordTable: Sendable {
  /// The language, e.g. `ru`.
  public let lang: String
  /// The texts by key.
  public let entries: [String: String]
  /// The language's plural rule, from its `plural.one`, `plural.few`, … lines (CLDR syntax);
  /// nil when the file gives none.
  public let pluralRule: PluralRule?

  /// Reads `source`, the text of `words.LANG.txt`; a line that is not `key = text` is refused
  /// naming the file and line.
  public init(lang: String, parsing source: String) throws(WordsError) {
    self.lang = lang
    var entries: [String: String] = [:]
    let file = WordTable.fileName(lang)
    for (index, raw) in source.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = raw.trimmingPrefix("\u{FEFF}").trimmingTrailingSpace()
      let content = line.drop { $0 == " " || $0 == "\t" }
      if content.isEmpty || content.hasPrefix("#") { continue }
      guard let equals = content.firstRange(of: " = ") ?? content.firstRange(of: " =") else {
        throw WordsError(file: file, line: index + 1, "expected 'key = text'")
      }
      let key = String(content[..<equals.lowerBound])
      guard !key.isEmpty, !key.contains(" ") else {
        throw WordsError(file: file, line: index + 1, "expected a key without spaces before '='")
      }
      guard entries[key] == nil else {
        throw WordsError(file: file, line: index + 1, "'\(key)' is given twice")
      }
      entries[key] = String(content[equals.upperBound...])
    }
    self.entries = entries
    let pairs = ["zero", "one", "two", "few", "many"].compactMap { category in
      entries["plural.\(category)"].map { (category: category, condition: $0) }
    }
    do {
      pluralRule = pairs.isEmpty ? nil : try PluralRule(pairs)
    } catch {
      let key = "plural.\(error.category) ="
      let line = source.split(separator: "\n", omittingEmptySubsequences: false)
        .firstIndex { $0.trimmingPrefix("\u{FEFF}").contains(key) }
      throw WordsError(file: file, line: (line ?? 0) + 1, error.description)
    }
  }

  /// `words.ru.txt`.
  public static func fileName(_ lang: String) -> String { "words.\(lang).txt" }

  /// The table of `lang` from `library` (override directory first, then shipped); nil when no
  /// words file exists for it.
  public static func load(_ lang: String, from library: TemplateLibrary) throws -> WordTable? {
    guard let source = try library.source(ofFile: fileName(lang)) else { return nil }
    return try WordTable(lang: lang, parsing: source)
  }

  /// The text of `key`, or nil.
  public subscript(key: String) -> String? { entries[key] }
}

/// The words of a language with its fallbacks: a key missing in the language is looked up in
/// Russian, then English (the shipped languages every office reads); English has no fallback.
public struct WordChain: Sendable {
  /// The tables looked up in order; the first is the document's language.
  public let tables: [WordTable]

  /// The chain for `lang` from `library`; a language without a words file starts at Russian.
  public init(lang: String, library: TemplateLibrary) throws {
    var tables: [WordTable] = []
    let fallbacks = lang == "en" ? [] : ["ru", "en"]
    for code in [lang] + fallbacks where !tables.contains(where: { $0.lang == code }) {
      if let table = try WordTable.load(code, from: library) { tables.append(table) }
    }
    self.tables = tables
  }

  /// A chain over given tables, for tests.
  public init(tables: [WordTable]) { self.tables = tables }

  /// The document's language.
  public var lang: String { tables.first?.lang ?? "en" }

  /// The text of `key` in the first table that has it.
  public subscript(key: String) -> String? {
    for table in tables {
      if let text = table[key] { return text }
    }
    return nil
  }

  /// The plural rule of the language (its own table only: plurals never fall back); English's
  /// when the language gives none.
  public var pluralRule: PluralRule { tables.first?.pluralRule ?? .english }
}

/// A words file line that is not `key = text`: `words.ru.txt:12: expected 'key = text'`.
public struct WordsError: Error, Equatable, CustomStringConvertible {
  public let file: String
  public let line: Int
  public let message: String

  init(file: String, line: Int, _ message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  public var description: String { "\(file):\(line): \(message)" }
}

extension Substring {
  /// The text without trailing spaces, tabs and a carriage return.
  fileprivate func trimmingTrailingSpace() -> Substring {
    var end = endIndex
    while end > startIndex, [" ", "\t", "\r"].contains(self[index(before: end)]) {
      end = index(before: end)
    }
    return self[startIndex..<end]
  }
}
