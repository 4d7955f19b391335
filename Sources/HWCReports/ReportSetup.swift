import HWCTemplates

/// How a report is rendered: the templates to use and the language.
public struct ReportSetup: Sendable {
  /// The templates: an override directory first, then the templates built into hwc.
  public let templates: TemplateLibrary
  /// `en` or `ru`.
  public let lang: String

  /// The languages hwc ships templates for.
  public static let languages = ["en", "ru"]

  /// Templates from `overrideDirectory` (`--templates DIR` / `HWC_TEMPLATES`), falling back file
  /// by file to the shipped ones.
  public init(lang: String = "en", overrideDirectory: String? = nil) {
    self.lang = lang
    self.templates = TemplateLibrary(
      builtIn: Dictionary(uniqueKeysWithValues: embeddedTemplates.map { ($0.name, $0.text) }),
      overrideDirectory: overrideDirectory)
  }

  /// Number, money and date formatting of the language.
  public var locale: TemplateLocale { lang == "ru" ? .russian : .english }

  /// Renders template `name` in this language.
  public func render(_ name: String, _ context: TemplateValue) throws -> String {
    try templates.render(name, lang: lang, context: context, locale: locale)
  }
}
