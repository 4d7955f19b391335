import HWCTemplates

/// Recorded texts as documents print them: wrapped to the page, dates cut from timestamps.
enum DocumentText {
  /// Breaks `text` into lines of at most `width` characters at spaces; a word longer than
  /// `width` is split. Documents print long recorded texts (reasons, explanations) this way so
  /// that no line is wider than an A4 page.
  static func wrap(_ text: String, width: Int) -> [String] {
    TextWrap.lines(text, width: width, splittingLongWords: true)
  }

  /// Wrapped lines as a template list.
  static func wrapped(_ text: String, width: Int) -> TemplateValue {
    .list(wrap(text, width: width).map(TemplateValue.string))
  }

  /// A `YYYY-MM-DDTHH:MM:SSZ` timestamp's date.
  static func date(ofTimestamp timestamp: String) -> String { String(timestamp.prefix(10)) }
}

extension TemplateValue {
  /// A string, or null when there is none.
  static func optional(_ text: String?) -> TemplateValue { text.map(TemplateValue.string) ?? .null }
}
