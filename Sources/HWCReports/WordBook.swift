import Foundation
import HWCTemplates

/// The words of a language that hwc has no built-in table for, read from `words.LANG.txt`
/// (`WordTable`): adding a language is adding this file and the templates.
///
/// Besides the words of the step renderer (`StepWords`), keys name a word (`status.paid`,
/// `unit.head`), a reference name (`district.KAZ`, `species.wolf`, `region.west_kazakhstan`) or
/// how numbers and dates are written (`number.grouping`, `number.decimal`, `date.long`,
/// `month.1` … `month.12`).
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

  /// The words of `lang` from `library`: its `words.LANG.txt` (override directory first, then
  /// shipped, as `WordTable` reads it); empty when there is none.
  public static func load(_ library: TemplateLibrary, lang: String) throws -> WordBook {
    WordBook(lang: lang, texts: try WordTable.load(lang, from: library)?.entries ?? [:])
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
}
