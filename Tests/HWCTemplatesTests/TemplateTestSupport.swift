import HWCTemplates

/// Parses and renders `source` in one go, as `t.en.txt`.
func render(
  _ source: String, _ context: TemplateValue = [:], locale: TemplateLocale = .english
) throws(TemplateError) -> String {
  try Template(source: source, name: "t.en.txt").render(context, locale: locale)
}

/// The description of the error that parsing or rendering `source` raises, or nil if none.
func renderError(_ source: String, _ context: TemplateValue = [:]) -> String? {
  do {
    _ = try render(source, context)
    return nil
  } catch {
    return error.description
  }
}

/// The text of `{{ value | filters }}` for a single value.
func apply(
  _ filters: String, to value: TemplateValue, locale: TemplateLocale = .english
) throws(TemplateError) -> String {
  try render("{{ value | \(filters) }}", ["value": value], locale: locale)
}
