import HWCDomain
import HWCReports

/// Options shared by the commands that print reports and letters.
enum ReportOptions {
  static let templates = OptionSpec(
    "templates", "DIR", "use templates from DIR first (also HWC_TEMPLATES); others are shipped")
  static let lang = OptionSpec("lang", "en|ru", "language (default en)")
}

extension Invocation {
  /// The templates and language of this command: `--templates DIR`, else `HWC_TEMPLATES`;
  /// `--lang`, else English.
  func reportSetup() throws -> ReportSetup {
    let lang = value("lang") ?? "en"
    guard ReportSetup.languages.contains(lang) else {
      throw DomainError.invalid(field: .lang, "'\(lang)' is not a language hwc ships (en, ru)")
    }
    let directory =
      value("templates")
      ?? environment["HWC_TEMPLATES"].flatMap {
        $0.isEmpty ? nil : $0
      }
    return ReportSetup(lang: lang, overrideDirectory: directory)
  }
}
