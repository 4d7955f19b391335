/// Parses the tokens of one tag into expressions, table columns and row cells.
///
/// Grammar, loosest first:
/// `or` → `and` (`or` `and`)*; `and` → `not` (`and` `not`)*; `not` → `not` `not` | `compare`;
/// `compare` → `filtered` (op `filtered`)?; `filtered` → `primary` (`|` filter `primary`*)*;
/// `primary` → string | integer | `true` | `false` | `null` | name(`.`name)* | `(` `or` `)`.
struct TemplateExpressionParser {
  /// Words that cannot start a dotted name.
  static let keywords: Set<String> = ["and", "or", "not", "in", "true", "false", "null"]

  private let file: String
  private let tokens: [TemplateToken]
  private var index = 0

  /// Parses `tokens`, which must end with the `}}` or `%}` token.
  init(file: String, tokens: [TemplateToken]) {
    self.file = file
    self.tokens = tokens
  }

  /// The current token; the closing token once everything has been read.
  var current: TemplateToken { tokens[index] }

  /// Moves past the current token, stopping at the closing token.
  mutating func advance() {
    if index < tokens.count - 1 { index += 1 }
  }

  /// An error at `token`.
  func error(_ message: String, at token: TemplateToken) -> TemplateError {
    TemplateError(file: file, at: token.location, message)
  }

  /// Requires the closing `}}` or `%}` next.
  func expectClose() throws(TemplateError) {
    guard case .close = current.kind else {
      let closer = tokens[tokens.count - 1].quoted
      throw error("unexpected \(current.quoted) before \(closer)", at: current)
    }
  }

  /// Parses a full expression.
  mutating func parseExpression() throws(TemplateError) -> TemplateExpression {
    var left = try parseAnd()
    while current.isName("or") {
      advance()
      left = .or(left, try parseAnd())
    }
    return left
  }

  private mutating func parseAnd() throws(TemplateError) -> TemplateExpression {
    var left = try parseNot()
    while current.isName("and") {
      advance()
      left = .and(left, try parseNot())
    }
    return left
  }

  private mutating func parseNot() throws(TemplateError) -> TemplateExpression {
    if current.isName("not") {
      advance()
      return .not(try parseNot())
    }
    let left = try parseFiltered()
    guard case .symbol(let symbol) = current.kind,
      let comparison = TemplateComparison(rawValue: symbol)
    else { return left }
    advance()
    return .compare(comparison, left, try parseFiltered())
  }

  private mutating func parseFiltered() throws(TemplateError) -> TemplateExpression {
    var expression = try parsePrimary()
    while current.isSymbol("|") {
      advance()
      let nameToken = current
      guard case .name(let name) = nameToken.kind else {
        throw error("expected a filter name after '|', got \(nameToken.quoted)", at: nameToken)
      }
      guard let filter = TemplateFilter(rawValue: name) else {
        throw error("unknown filter '\(name)'", at: nameToken)
      }
      advance()
      var arguments: [TemplateExpression] = []
      while startsPrimary(current) {
        arguments.append(try parsePrimary())
      }
      if let problem = filter.arityProblem(arguments.count) {
        throw error(problem, at: nameToken)
      }
      expression = .filter(filter, input: expression, arguments: arguments)
    }
    return expression
  }

  private func startsPrimary(_ token: TemplateToken) -> Bool {
    switch token.kind {
    case .integer, .string: true
    case .symbol(let symbol): symbol == "("
    case .name(let name): !["and", "or", "not", "in"].contains(name)
    case .close: false
    }
  }

  private mutating func parsePrimary() throws(TemplateError) -> TemplateExpression {
    let token = current
    switch token.kind {
    case .integer(let number):
      advance()
      return .literal(.integer(number))
    case .string(let text):
      advance()
      return .literal(.string(text))
    case .name("true"), .name("false"), .name("null"):
      advance()
      return .literal(token.isName("null") ? .null : .bool(token.isName("true")))
    case .name(let name) where !Self.keywords.contains(name):
      advance()
      var path = [name]
      while current.isSymbol(".") {
        advance()
        guard case .name(let field) = current.kind else {
          throw error("expected a name after '.', got \(current.quoted)", at: current)
        }
        path.append(field)
        advance()
      }
      return .name(path)
    case .symbol("("):
      advance()
      let inner = try parseExpression()
      guard current.isSymbol(")") else {
        throw error("expected ')', got \(current.quoted)", at: current)
      }
      advance()
      return inner
    default:
      throw error("expected a value, got \(token.quoted)", at: token)
    }
  }

  /// Parses `"Header" left 16, "Amount" right 18, …` up to the closing token.
  mutating func parseColumns() throws(TemplateError) -> [TemplateColumn] {
    var columns: [TemplateColumn] = []
    while true {
      guard case .string(let header) = current.kind else {
        throw error("expected a column header in quotes, got \(current.quoted)", at: current)
      }
      advance()
      guard case .name(let word) = current.kind, let alignment = TemplateAlignment(rawValue: word)
      else {
        throw error(
          "expected 'left', 'right' or 'center' after the column header, got \(current.quoted)",
          at: current)
      }
      advance()
      guard case .integer(let width) = current.kind, width > 0 else {
        throw error(
          "expected a column width above 0 after '\(word)', got \(current.quoted)",
          at: current)
      }
      advance()
      columns.append(
        TemplateColumn(header: header, alignment: alignment, width: max(width, header.count)))
      guard current.isSymbol(",") else { break }
      advance()
    }
    try expectClose()
    return columns
  }

  /// Parses comma-separated expressions up to the closing token.
  mutating func parseCells() throws(TemplateError) -> [TemplateExpression] {
    var cells = [try parseExpression()]
    while current.isSymbol(",") {
      advance()
      cells.append(try parseExpression())
    }
    try expectClose()
    return cells
  }
}
