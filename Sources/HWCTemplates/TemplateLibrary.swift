/// Finds, parses and renders `NAME.LANG.txt` templates, looking in an override directory first
/// and falling back file by file to the shipped templates (a directory, or files built into the
/// program).
///
/// The caller passes the override directory (from `--templates DIR` or `HWC_TEMPLATES`); the
/// library never reads the environment. Includes are resolved the same way, in the same
/// language, when a template is loaded, so a missing or looping include is a load-time error.
public struct TemplateLibrary: Sendable {
  /// The directory with the templates that ship with the program, when they are files.
  public let shippedDirectory: String?
  /// The shipped templates built into the program, by file name (`quarterly.en.txt`).
  public let builtIn: [String: String]
  /// A directory whose templates replace shipped ones of the same name, if any.
  public let overrideDirectory: String?

  /// Creates a library over `shippedDirectory`, preferring files in `overrideDirectory`.
  public init(shippedDirectory: String, overrideDirectory: String? = nil) {
    self.shippedDirectory = shippedDirectory
    self.builtIn = [:]
    self.overrideDirectory = overrideDirectory
  }

  /// Creates a library over templates built into the program (file name → text), preferring
  /// files in `overrideDirectory`.
  public init(builtIn: [String: String], overrideDirectory: String? = nil) {
    self.shippedDirectory = nil
    self.builtIn = builtIn
    self.overrideDirectory = overrideDirectory
  }

  /// Loads and parses template `name` in language `lang`, e.g. `quarterly` and `en` for
  /// `quarterly.en.txt`, with everything it includes.
  public func template(_ name: String, lang: String) throws(TemplateError) -> Template {
    guard Self.isValidName(lang) else {
      throw TemplateError(file: "", message: "invalid template language '\(lang)'")
    }
    guard Self.isValidName(name) else {
      let message = "invalid template name '\(name)' (use letters, digits, '_' and '-')"
      throw TemplateError(file: "", message: message)
    }
    var loaded: [String: Template] = [:]
    guard let template = try load(name, lang: lang, chain: [], loaded: &loaded) else {
      throw TemplateError(file: fileName(name, lang), message: "template not found in \(places)")
    }
    return template
  }

  /// Loads template `name` in `lang` and renders it with `context` and `locale`.
  public func render(
    _ name: String, lang: String, context: TemplateValue, locale: TemplateLocale
  ) throws(TemplateError) -> String {
    try template(name, lang: lang).render(context, locale: locale)
  }

  /// The text of a file that is not a template (`words.ru.txt`), found the way templates are:
  /// the override directory first, then the shipped files; nil when none holds it.
  public func source(ofFile file: String) throws(TemplateError) -> String? {
    for directory in directories {
      let separator = directory.hasSuffix("/") ? "" : "/"
      do throws(TemplateFailure) {
        if let text = try TemplateFileReader.contents(of: directory + separator + file) {
          return text
        }
      } catch {
        throw TemplateError(file: file, message: error.message)
      }
    }
    return builtIn[file]
  }

  /// Whether `name` is usable as a template name or language: letters, digits, `_` and `-`.
  static func isValidName(_ name: String) -> Bool {
    !name.isEmpty
      && name.unicodeScalars.allSatisfy {
        $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
      }
  }

  private func fileName(_ name: String, _ lang: String) -> String {
    "\(name).\(lang).txt"
  }

  private var directories: [String] {
    [overrideDirectory, shippedDirectory].compactMap { $0 }
  }

  /// The searched places, for messages.
  private var places: String {
    (directories.map { "'\($0)'" } + (shippedDirectory == nil ? ["the built-in templates"] : []))
      .joined(separator: " or ")
  }

  /// Parses `name`, resolving its includes; nil when no directory holds the file.
  private func load(
    _ name: String, lang: String, chain: [String], loaded: inout [String: Template]
  ) throws(TemplateError) -> Template? {
    let file = fileName(name, lang)
    var found: String?
    for directory in directories where found == nil {
      let separator = directory.hasSuffix("/") ? "" : "/"
      do throws(TemplateFailure) {
        found = try TemplateFileReader.contents(of: directory + separator + file)
      } catch {
        throw TemplateError(file: file, message: error.message)
      }
    }
    guard let source = found ?? builtIn[file] else { return nil }
    var template = try Template(parsing: source, name: file)
    let chain = chain + [name]
    for site in template.includeSites where template.includes[site.name] == nil {
      if chain.contains(site.name) {
        let cycle = (chain + [site.name]).map { fileName($0, lang) }.joined(separator: " → ")
        let message = "'{% include \"\(site.name)\" %}' makes a cycle: \(cycle)"
        throw TemplateError(file: file, at: site.location, message)
      }
      if let partial = loaded[site.name] {
        template.includes[site.name] = partial
        continue
      }
      guard let partial = try load(site.name, lang: lang, chain: chain, loaded: &loaded) else {
        let missing = fileName(site.name, lang)
        let message = "cannot include '\(site.name)': \(missing) not found in \(places)"
        throw TemplateError(file: file, at: site.location, message)
      }
      loaded[site.name] = partial
      template.includes[site.name] = partial
    }
    return template
  }
}
