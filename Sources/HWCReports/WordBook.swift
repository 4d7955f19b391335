import Foundation
import HWCTemplates

/// The words of a language that hwc has no built-in table for, read from `words.LANG.txt`: the
/// shipped file (built into hwc) with the one in the override directory (`--templates`) laid
/// over it key by key. Adding a language is adding this file and the templates.
///
/// The file holds one `key = text` per line; `#` starts a comment line. Keys name a word
/// (`status.paid`, `unit.head`), a plural form (`unit.head.one`, `unit.head.other`), a reference
/// name (`district.KAZ`, `species.wolf`, `region.west_kazakhstan`) or how numbers and dates are
/// written (`number.grouping`, `number.decimal`, `date.long`, `month.1` … `month.12`). A value
/// `U+202F` stands for that one character.
///
/// Lookups remember the keys the file lacks, so a command can warn once about the words it
/// printed in Russian instead.
public final class WordBook: @unchecked Sendable {
  /// The language of the file: `kk`, `ky`, …
  public let lang: String
  private let texts: [String: String]
  private let lock = NSLock()
  private var missed: Set<String> = []

  /// A book of `texts` (key → text) for `lang`.
  public init(lang: String, texts: [String: String]) {
    self.lang = lang
    self.texts = texts
  }

  /// The words of `lang` from `library`: the shipped `words.LANG.txt` under the override's.
  public static func load(_ library: TemplateLibrary, lang: String) throws(TemplateError)
    -> WordBook
  {
    let file = "words.\(lang).txt"
    let (shipped, override) = try library.texts("words", lang: lang)
    var texts: [String: String] = [:]
    if let shipped { texts = try parse(shipped, file: file) }
    if let override { texts.merge(try parse(override, file: file)) { _, new in new } }
    return WordBook(lang: lang, texts: texts)
  }

  /// The `key = text` lines of `source`; a malformed line or a key given twice is refused naming
  /// `file` and the line.
  public static func parse(_ source: String, file: String) throws(TemplateError) -> [String: String]
  {
    var texts: [String: String] = [:]
    for (index, raw) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    {
      let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
      if line.isEmpty || line.hasPrefix("#") { continue }
      guard let equals = line.firstIndex(of: "=") else {
        throw TemplateError(
          file: file, line: index + 1, message: "expected 'key = text', got '\(line.prefix(40))'")
      }
      let key = line[..<equals].trimmingCharacters(in: .whitespaces)
      let text = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      guard isKey(key), !text.isEmpty else {
        throw TemplateError(
          file: file, line: index + 1,
          message: "expected 'key = text' with a key of letters, digits, '_', '-' and '.'")
      }
      guard texts[key] == nil else {
        throw TemplateError(file: file, line: index + 1, message: "'\(key)' is given twice")
      }
      texts[key] = unescaped(text)
    }
    return texts
  }

  /// The text of `key`, remembering it as missing when the file lacks it.
  public func text(_ key: String) -> String? {
    if let text = texts[key] { return text }
    lock.withLock { _ = missed.insert(key) }
    return nil
  }

  /// The text of `key` without remembering a miss (optional keys, such as plural forms).
  func optionalText(_ key: String) -> String? { texts[key] }

  /// The keys looked up but missing, sorted.
  public var missing: [String] { lock.withLock { missed.sorted() } }

  /// How numbers, amounts and dates are written, from `number.*`, `month.*` and `date.long`;
  /// Russian's where the file says nothing (remembered as missing).
  public var locale: TemplateLocale {
    let russian = TemplateLocale.russian
    return TemplateLocale(
      groupingSeparator: text("number.grouping") ?? russian.groupingSeparator,
      decimalSeparator: text("number.decimal") ?? russian.decimalSeparator,
      monthNames: (1...12).map { text("month.\($0)") ?? russian.monthNames[$0 - 1] },
      longDate: text("date.long") ?? russian.longDate)
  }

  private static func isKey(_ key: String) -> Bool {
    !key.isEmpty
      && key.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
          || "_-.".unicodeScalars.contains($0)
      }
  }

  /// `U+XXXX` as that character; any other text as it is.
  private static func unescaped(_ text: String) -> String {
    guard text.hasPrefix("U+"), let value = UInt32(text.dropFirst(2), radix: 16),
      let scalar = Unicode.Scalar(value)
    else { return text }
    return String(Character(scalar))
  }
}
