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
  static let lang = OptionSpec(
    "lang", "LANG", "language: en, ru, kk, ky or any with templates in DIR (default en)",
    choices: ReportSetup.languages.sorted())
  /// `--lang` of the herder's documents, whose default is the claimant's language.
  static let documentLang = OptionSpec(
    "lang", "LANG",
    "language: en, ru, kk, ky or any with templates in DIR (default the claimant's, else en)",
    choices: ReportSetup.languages.sorted())
}

extension Invocation {
  /// The templates and language of a command printing template `name`: `--templates DIR`, else
  /// `HWC_TEMPLATES`; `--lang`, else `preferred` (the claimant's) when it has the template, else
  /// English. A language without the template is refused, naming those that have it.
  func reportSetup(_ name: String, preferred: String? = nil) throws -> ReportSetup {
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
    let asked = value("lang")
    let setup = ReportSetup(lang: asked ?? preferred ?? "en", overrideDirectory: directory?.1)
    let languages = setup.languages(with: name)
    if languages.contains(setup.lang) { return setup }
    guard let asked else { return ReportSetup(lang: "en", overrideDirectory: directory?.1) }
    throw DomainError.invalid(
      field: .lang,
      "'\(asked)' has no \(name) template (\(name).LANG.txt) among the shipped ones"
        + (directory == nil ? "" : " or in \(directory!.1)") + "; languages with one: "
        + languages.joined(separator: ", "))
  }

  /// Warns on standard error, once, about the words `setup`'s document printed in Russian for
  /// want of them in the language's words file.
  func warnMissingWords(_ setup: ReportSetup) {
    if let warning = setup.missingWordsWarning { console.error("hwc: warning: " + warning) }
  }
}

extension Invocation {
  /// The report format asked for: `--format text|csv|json`, or `--json`; refuses both at once.
  func reportFormat() throws -> ReportFormat {
    if json, let format = value("format"), format != "json" {
      throw UsageError(
        "--format \(format) and --json ask for two formats; give one of them", spec: spec)
    }
    let text = json ? "json" : value("format") ?? "text"
    guard let format = ReportFormat(rawValue: text) else {
      throw DomainError.invalid(field: .format, "'\(text)' is not text, csv or json")
    }
    return format
  }
}
