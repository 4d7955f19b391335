/// Parses template source into nodes: matches `{% if %}`/`{% for %}`/`{% table %}` with their
/// `{% elif %}`, `{% else %}` and `{% end %}`, and checks every tag's syntax.
struct TemplateParser {
  /// A block whose body is being read.
  private struct Opener {
    enum Kind: String {
      case `if`, `for`, table
    }

    let kind: Kind
    let line: Int
    var afterElse = false
  }

  /// Why a body stopped.
  private enum Stop {
    case elif(TemplateExpression, TemplateLocation)
    case otherwise
    case end
    case endOfFile
  }

  private let file: String
  private let pieces: [TemplatePiece]
  private let lastLine: Int
  private var index = 0
  private var tables: [[TemplateColumn]] = []
  private var includes: [(name: String, location: TemplateLocation)] = []

  /// The nodes of `source` and the `{% include %}` tags it holds, in order.
  static func parse(
    _ source: String, file: String
  ) throws(TemplateError) -> (
    nodes: [TemplateNode], includes: [(name: String, location: TemplateLocation)]
  ) {
    let (pieces, lastLine) = try TemplateLexer.lex(source, file: file)
    var parser = TemplateParser(file: file, pieces: pieces, lastLine: lastLine)
    let (nodes, _) = try parser.parseBody(inside: nil)
    return (nodes, parser.includes)
  }

  private init(file: String, pieces: [TemplatePiece], lastLine: Int) {
    self.file = file
    self.pieces = pieces
    self.lastLine = lastLine
  }

  private mutating func parseBody(
    inside opener: Opener?
  ) throws(TemplateError) -> ([TemplateNode], Stop) {
    var nodes: [TemplateNode] = []
    while index < pieces.count {
      let piece = pieces[index]
      index += 1
      switch piece {
      case .text(let text):
        Self.append(text: text, to: &nodes)
      case .comment:
        continue
      case .output(let tokens, let location):
        var parser = TemplateExpressionParser(file: file, tokens: tokens)
        if case .close = parser.current.kind {
          throw TemplateError(file: file, at: location, "empty '{{ }}'")
        }
        let expression = try parser.parseExpression()
        try parser.expectClose()
        nodes.append(.output(expression, at: location))
      case .block(let tokens, let location):
        if let stop = try parseTag(tokens, at: location, inside: opener, into: &nodes) {
          return (nodes, stop)
        }
      }
    }
    if let opener {
      let message = "'{% \(opener.kind) %}' is never closed (opened on line \(opener.line))"
      throw TemplateError(file: file, line: lastLine, message: message)
    }
    return (nodes, .endOfFile)
  }

  private static func append(text: String, to nodes: inout [TemplateNode]) {
    if case .text(var previous) = nodes.last {
      nodes.removeLast()
      previous += text
      nodes.append(.text(previous))
    } else {
      nodes.append(.text(text))
    }
  }

  private static func append(_ node: TemplateNode, to nodes: inout [TemplateNode]) {
    if case .text(let text) = node {
      append(text: text, to: &nodes)
    } else {
      nodes.append(node)
    }
  }

  private mutating func parseTag(
    _ tokens: [TemplateToken], at location: TemplateLocation, inside opener: Opener?,
    into nodes: inout [TemplateNode]
  ) throws(TemplateError) -> Stop? {
    var parser = TemplateExpressionParser(file: file, tokens: tokens)
    let first = parser.current
    guard case .name(let tag) = first.kind else {
      if case .close = first.kind {
        throw TemplateError(file: file, at: location, "empty '{% %}'")
      }
      throw parser.error("expected a tag name after '{%', got \(first.quoted)", at: first)
    }
    parser.advance()
    switch tag {
    case "if":
      let condition = try parser.parseExpression()
      try parser.expectClose()
      nodes.append(try parseIf(condition, at: location))
    case "elif":
      guard let opener, opener.kind == .if, !opener.afterElse else {
        let message =
          opener?.kind == .if
          ? "'{% elif %}' after '{% else %}'" : "'{% elif %}' outside '{% if %}'"
        throw parser.error(message, at: first)
      }
      let condition = try parser.parseExpression()
      try parser.expectClose()
      return .elif(condition, location)
    case "else":
      try parser.expectClose()
      guard let opener, opener.kind != .table, !opener.afterElse else {
        if let opener, opener.afterElse {
          throw parser.error("second '{% else %}' in '{% \(opener.kind) %}'", at: first)
        }
        throw parser.error("'{% else %}' outside '{% if %}' or '{% for %}'", at: first)
      }
      return .otherwise
    case "end":
      try parser.expectClose()
      guard opener != nil else {
        let message = "'{% end %}' without an open '{% if %}', '{% for %}' or '{% table %}'"
        throw parser.error(message, at: first)
      }
      return .end
    case "for":
      nodes.append(try parseFor(&parser, at: location))
    case "include":
      guard case .string(let name) = parser.current.kind else {
        let message = "expected a template name in quotes after 'include', got "
        throw parser.error(message + parser.current.quoted, at: parser.current)
      }
      guard TemplateLibrary.isValidName(name) else {
        let message = "invalid template name '\(name)' (use letters, digits, '_' and '-')"
        throw parser.error(message, at: parser.current)
      }
      parser.advance()
      try parser.expectClose()
      includes.append((name, location))
      nodes.append(.include(name, at: location))
    case "table":
      let columns = try parser.parseColumns()
      if columns.contains(where: { !$0.header.isEmpty }) {
        let headers = columns.map(\.header)
        Self.append(text: TemplateFormat.tableLine(headers, columns: columns), to: &nodes)
        Self.append(text: TemplateFormat.tableRule(columns), to: &nodes)
      }
      tables.append(columns)
      let (body, _) = try parseBody(inside: Opener(kind: .table, line: location.line))
      tables.removeLast()
      for node in body {
        Self.append(node, to: &nodes)
      }
    case "row":
      guard let columns = tables.last else {
        throw parser.error("'{% row %}' outside '{% table %}'", at: first)
      }
      let cells = try parser.parseCells()
      guard cells.count == columns.count else {
        let message =
          "'{% row %}' has \(cells.count) cell\(cells.count == 1 ? "" : "s") "
          + "but the table has \(columns.count) column\(columns.count == 1 ? "" : "s")"
        throw parser.error(message, at: first)
      }
      nodes.append(.row(cells, columns: columns, at: location))
    case "rule":
      guard let columns = tables.last else {
        throw parser.error("'{% rule %}' outside '{% table %}'", at: first)
      }
      try parser.expectClose()
      Self.append(text: TemplateFormat.tableRule(columns), to: &nodes)
    default:
      throw parser.error("unknown tag '\(tag)'", at: first)
    }
    return nil
  }

  private mutating func parseIf(
    _ condition: TemplateExpression, at location: TemplateLocation
  ) throws(TemplateError) -> TemplateNode {
    var branches: [TemplateBranch] = []
    var condition = condition
    var branchLocation = location
    while true {
      let (body, stop) = try parseBody(inside: Opener(kind: .if, line: location.line))
      branches.append(TemplateBranch(condition: condition, location: branchLocation, body: body))
      switch stop {
      case .elif(let next, let nextLocation):
        condition = next
        branchLocation = nextLocation
      case .otherwise:
        let opener = Opener(kind: .if, line: location.line, afterElse: true)
        let (otherwise, _) = try parseBody(inside: opener)
        return .conditional(branches, otherwise: otherwise)
      case .end, .endOfFile:
        return .conditional(branches, otherwise: [])
      }
    }
  }

  private mutating func parseFor(
    _ parser: inout TemplateExpressionParser, at location: TemplateLocation
  ) throws(TemplateError) -> TemplateNode {
    let variableToken = parser.current
    guard case .name(let variable) = variableToken.kind,
      !TemplateExpressionParser.keywords.contains(variable)
    else {
      let message = "expected a loop variable name after 'for', got \(variableToken.quoted)"
      throw parser.error(message, at: variableToken)
    }
    guard variable != "loop" else {
      let message = "'loop' holds the loop counters; choose another name for the loop variable"
      throw parser.error(message, at: variableToken)
    }
    parser.advance()
    guard parser.current.isName("in") else {
      let message = "expected 'in' after 'for \(variable)', got \(parser.current.quoted)"
      throw parser.error(message, at: parser.current)
    }
    parser.advance()
    let sequence = try parser.parseExpression()
    try parser.expectClose()
    let (body, stop) = try parseBody(inside: Opener(kind: .for, line: location.line))
    var empty: [TemplateNode] = []
    if case .otherwise = stop {
      let opener = Opener(kind: .for, line: location.line, afterElse: true)
      (empty, _) = try parseBody(inside: opener)
    }
    let loop = TemplateLoop(
      variable: variable, sequence: sequence, location: location, body: body, empty: empty)
    return .loop(loop)
  }
}
