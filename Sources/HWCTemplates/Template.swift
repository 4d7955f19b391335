/// A parsed template, ready to be rendered any number of times.
///
/// Parsing checks all syntax, filter names and argument counts; rendering checks names and
/// value types. Templates that use `{% include %}` must come from a ``TemplateLibrary``.
public struct Template: Sendable {
  /// The file name used in error messages, e.g. `quarterly.en.txt`.
  public let name: String
  /// The parsed body.
  let nodes: [TemplateNode]
  /// The `{% include %}` tags of the body, in order, for the library to resolve.
  let includeSites: [(name: String, location: TemplateLocation)]
  /// The templates the body includes, by name; filled in by the library.
  var includes: [String: Template] = [:]

  /// Parses `source`, naming it `name` in error messages.
  ///
  /// A template with `{% include %}` is refused here: only a ``TemplateLibrary`` can find the
  /// included file.
  public init(source: String, name: String) throws(TemplateError) {
    try self.init(parsing: source, name: name)
    if let site = includeSites.first {
      let message =
        "'{% include %}' needs a template library; load this template with TemplateLibrary"
      throw TemplateError(file: name, at: site.location, message)
    }
  }

  /// Parses `source`, leaving its includes for the caller to resolve.
  init(parsing source: String, name: String) throws(TemplateError) {
    let (nodes, includeSites) = try TemplateParser.parse(source, file: name)
    self.name = name
    self.nodes = nodes
    self.includeSites = includeSites
  }

  /// Renders the template with `context`, an object whose fields are the top-level names,
  /// writing numbers, amounts and dates as `locale` says.
  public func render(
    _ context: TemplateValue, locale: TemplateLocale = .english
  ) throws(TemplateError) -> String {
    var renderer = TemplateRenderer(context: context, locale: locale)
    try renderer.render(self)
    return renderer.output
  }
}
