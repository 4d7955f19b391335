import HWCTemplates

/// Recorded texts as documents print them: wrapped to the page, dates cut from timestamps.
enum DocumentText {
  /// Breaks `text` into lines of at most `width` characters at spaces; a word longer than
  /// `width` is split. Documents print long recorded texts (reasons, explanations) this way so
  /// that no line is wider than an A4 page.
  static func wrap(_ text: String, width: Int) -> [String] {
    precondition(width > 0, "wrap needs a positive width")
    var lines: [String] = []
    var current = ""
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
      var word = Substring(word)
      while word.count > width {
        if !current.isEmpty {
          lines.append(current)
          current = ""
        }
        lines.append(String(word.prefix(width)))
        word = word.dropFirst(width)
      }
      if current.isEmpty {
        current = String(word)
      } else if current.count + 1 + word.count <= width {
        current += " " + word
      } else {
        lines.append(current)
        current = String(word)
      }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
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
