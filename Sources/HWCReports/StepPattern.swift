/// A words text with `{name}` / `{name:format}` placeholders, split once into its parts, so
/// that filling it (every step of every assessment, issue #12) does not parse it again.
struct StepPattern: Sendable {
  /// A literal run of text, or a placeholder: its name, its format words and the placeholder as
  /// written (kept when the name has no value).
  enum Part: Sendable {
    case text(Substring)
    case value(name: String, format: [String], written: Substring)
  }

  let parts: [Part]
  /// The names the placeholders use.
  let names: Set<String>

  /// Splits `pattern` at each `{…}`; a `{` without a closing `}` is text.
  init(_ pattern: String) {
    var parts: [Part] = []
    var names: Set<String> = []
    var rest = Substring(pattern)
    while let open = rest.firstIndex(of: "{"),
      let close = rest[open...].firstIndex(of: "}")
    {
      if open > rest.startIndex { parts.append(.text(rest[..<open])) }
      let spec = rest[rest.index(after: open)..<close].split(separator: ":").map(String.init)
      if let name = spec.first {
        parts.append(
          .value(name: name, format: Array(spec.dropFirst()), written: rest[open...close]))
        names.insert(name)
      } else {
        parts.append(.text(rest[open...close]))
      }
      rest = rest[rest.index(after: close)...]
    }
    if !rest.isEmpty { parts.append(.text(rest)) }
    self.parts = parts
    self.names = names
  }

  /// Every text of `chain` that holds a placeholder, split, by its text.
  static func all(_ chain: WordChain) -> [String: StepPattern] {
    var patterns: [String: StepPattern] = [:]
    for table in chain.tables {
      for text in table.entries.values
      where patterns[text] == nil && text.utf8.contains(UInt8(ascii: "{")) {
        patterns[text] = StepPattern(text)
      }
    }
    return patterns
  }
}
