import HWCDomain
import HWCReports

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
    let given = value("templates").map { ("--templates", $0) }
    let directory =
      given
      ?? environment["HWC_TEMPLATES"].flatMap {
        $0.isEmpty ? nil : ("HWC_TEMPLATES", $0)
      }
    if let (source, path) = directory {
      var info = stat()
      guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
        throw DomainError.invalid(
          field: .templates,
          "\(source) names \(path), which is not a folder; give the folder of your templates, "
            + "or leave it out to use the shipped ones")
      }
    }
    return ReportSetup(lang: lang, overrideDirectory: directory?.1)
  }
}
