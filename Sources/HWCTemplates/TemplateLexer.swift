/// Cuts template source into text, tags and comments, and tokenizes the inside of tags.
///
/// Tags (`{{ }}`, `{% %}`) must close on the line they open; comments (`{# #}`) may span lines.
/// After cutting, lines that hold only `{% %}` tags, comments and blanks are removed whole.
struct TemplateLexer {
  private let file: String
  private let scalars: [Unicode.Scalar]
  private var index = 0
  private var line = 1
  private var lineStart = 0
  private var pieces: [TemplatePiece] = []

  private init(file: String, source: String) {
    self.file = file
    self.scalars = Array(source.unicodeScalars)
  }

  /// The pieces of `source`, with tag-only lines removed, and the number of its last line.
  static func lex(
    _ source: String, file: String
  ) throws(TemplateError) -> (pieces: [TemplatePiece], lastLine: Int) {
    var lexer = TemplateLexer(file: file, source: source)
    try lexer.run()
    let endsWithNewline = lexer.scalars.last == "\n"
    let lastLine = endsWithNewline ? lexer.line - 1 : lexer.line
    return (removingTagOnlyLines(lexer.pieces), max(lastLine, 1))
  }

  private var location: TemplateLocation {
    TemplateLocation(line: line, column: index - lineStart + 1)
  }

  private mutating func run() throws(TemplateError) {
    var textStart = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\n" {
        index += 1
        appendText(textStart..<index)
        textStart = index
        line += 1
        lineStart = index
      } else if scalar == "{", index + 1 < scalars.count,
        ["{", "%", "#"].contains(scalars[index + 1])
      {
        appendText(textStart..<index)
        if scalars[index + 1] == "#" {
          try skipComment()
        } else {
          try lexTag()
        }
        textStart = index
      } else {
        index += 1
      }
    }
    appendText(textStart..<index)
  }

  private mutating func appendText(_ range: Range<Int>) {
    guard !range.isEmpty else { return }
    var text = String()
    text.unicodeScalars.append(contentsOf: scalars[range])
    pieces.append(.text(text))
  }

  private mutating func skipComment() throws(TemplateError) {
    let start = location
    index += 2
    while index < scalars.count {
      if scalars[index] == "#", index + 1 < scalars.count, scalars[index + 1] == "}" {
        index += 2
        pieces.append(.comment)
        return
      }
      if scalars[index] == "\n" {
        line += 1
        lineStart = index + 1
      }
      index += 1
    }
    throw TemplateError(file: file, at: start, "'{#' is never closed")
  }

  private mutating func lexTag() throws(TemplateError) {
    let start = location
    let isOutput = scalars[index + 1] == "{"
    let opener = isOutput ? "{{" : "{%"
    let closer: Unicode.Scalar = isOutput ? "}" : "%"
    index += 2
    var tokens: [TemplateToken] = []
    while true {
      while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" {
        index += 1
      }
      guard index < scalars.count, scalars[index] != "\n", scalars[index] != "\r" else {
        throw TemplateError(file: file, at: start, "'\(opener)' is never closed")
      }
      if scalars[index] == closer, index + 1 < scalars.count, scalars[index + 1] == "}" {
        let end = TemplateToken(kind: .close(isOutput ? "}}" : "%}"), location: location)
        tokens.append(end)
        index += 2
        break
      }
      tokens.append(try lexToken())
    }
    pieces.append(isOutput ? .output(tokens, at: start) : .block(tokens, at: start))
  }

  private mutating func lexToken() throws(TemplateError) -> TemplateToken {
    let start = location
    let scalar = scalars[index]
    if scalar.properties.isAlphabetic || scalar == "_" {
      let first = index
      while index < scalars.count,
        scalars[index].properties.isAlphabetic || scalars[index] == "_"
          || Self.isDigit(scalars[index])
      {
        index += 1
      }
      var name = String()
      name.unicodeScalars.append(contentsOf: scalars[first..<index])
      return TemplateToken(kind: .name(name), location: start)
    }
    if Self.isDigit(scalar)
      || (scalar == "-" && index + 1 < scalars.count && Self.isDigit(scalars[index + 1]))
    {
      return TemplateToken(kind: .integer(try lexInteger(start)), location: start)
    }
    if scalar == "\"" {
      return TemplateToken(kind: .string(try lexString(start)), location: start)
    }
    let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
    if next == "=", ["=", "!", "<", ">"].contains(scalar) {
      index += 2
      return TemplateToken(kind: .symbol(String(scalar) + "="), location: start)
    }
    if ["|", ",", "(", ")", ".", "<", ">"].contains(scalar) {
      index += 1
      return TemplateToken(kind: .symbol(String(scalar)), location: start)
    }
    if scalar == "=" {
      throw TemplateError(file: file, at: start, "unexpected '=' (use '==' to compare)")
    }
    throw TemplateError(file: file, at: start, "unexpected character '\(scalar)'")
  }

  private mutating func lexInteger(_ start: TemplateLocation) throws(TemplateError) -> Int {
    let negative = scalars[index] == "-"
    if negative { index += 1 }
    let first = index
    var value = 0
    var overflow = false
    while index < scalars.count, Self.isDigit(scalars[index]) {
      let digit = Int(scalars[index].value) - 48
      let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
      let (next, o2) =
        negative
        ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
      overflow = overflow || o1 || o2
      value = next
      index += 1
    }
    guard !overflow else {
      var digits = negative ? "-" : ""
      digits.unicodeScalars.append(contentsOf: scalars[first..<index])
      throw TemplateError(file: file, at: start, "integer \(digits) is too large")
    }
    return value
  }

  private mutating func lexString(_ start: TemplateLocation) throws(TemplateError) -> String {
    index += 1
    var text = String()
    while index < scalars.count, scalars[index] != "\n", scalars[index] != "\r" {
      let scalar = scalars[index]
      index += 1
      if scalar == "\"" { return text }
      guard scalar == "\\" else {
        text.unicodeScalars.append(scalar)
        continue
      }
      guard index < scalars.count else { break }
      let escaped = scalars[index]
      index += 1
      switch escaped {
      case "\"", "\\": text.unicodeScalars.append(escaped)
      case "n": text.unicodeScalars.append("\n")
      case "t": text.unicodeScalars.append("\t")
      default:
        throw TemplateError(file: file, at: start, "unknown escape '\\\(escaped)' in a string")
      }
    }
    throw TemplateError(file: file, at: start, "string is never closed")
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 48 && scalar.value <= 57
  }

  /// Drops the blanks and the newline of every line that holds at least one `{% %}` tag or
  /// comment, no `{{ }}` tag and no other text, so such lines leave nothing in the output.
  static func removingTagOnlyLines(_ pieces: [TemplatePiece]) -> [TemplatePiece] {
    var result: [TemplatePiece] = []
    result.reserveCapacity(pieces.count)
    var start = 0
    while start < pieces.count {
      var end = start
      while end < pieces.count {
        end += 1
        if case .text(let text) = pieces[end - 1], text.unicodeScalars.last == "\n" { break }
      }
      let line = pieces[start..<end]
      if isTagOnly(line) {
        result.append(contentsOf: line.filter { if case .text = $0 { false } else { true } })
      } else {
        result.append(contentsOf: line)
      }
      start = end
    }
    return result
  }

  private static func isTagOnly(_ line: ArraySlice<TemplatePiece>) -> Bool {
    var hasTag = false
    for piece in line {
      switch piece {
      case .text(let text):
        let blank = text.unicodeScalars.allSatisfy { [" ", "\t", "\r", "\n"].contains($0) }
        if !blank { return false }
      case .output: return false
      case .block, .comment: hasTag = true
      }
    }
    return hasTag
  }
}
