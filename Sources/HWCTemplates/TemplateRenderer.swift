/// Renders parsed nodes into one growing string, resolving names against loop variables first
/// and the context second.
struct TemplateRenderer {
  /// A name bound by a loop.
  private enum Binding {
    case value(String, TemplateValue)
    case loop(index: Int, count: Int)
  }

  private let locale: TemplateLocale
  private let root: [String: TemplateValue]
  private var bindings: [Binding] = []
  /// The text rendered so far.
  private(set) var output = ""

  /// A renderer for `context` (an object whose fields are the top-level names) and `locale`.
  init(context: TemplateValue, locale: TemplateLocale) {
    if case .object(let fields) = context {
      root = fields
    } else {
      root = [:]
    }
    self.locale = locale
    output.reserveCapacity(4096)
  }

  /// Appends the rendering of `template` to `output`.
  mutating func render(_ template: Template) throws(TemplateError) {
    try render(template.nodes, of: template)
  }

  private mutating func render(
    _ nodes: [TemplateNode], of template: Template
  ) throws(TemplateError) {
    for node in nodes {
      switch node {
      case .text(let text):
        output += text
      case .output(let expression, let location):
        do throws(TemplateFailure) {
          output += try printable(evaluate(expression), expression)
        } catch {
          throw TemplateError(file: template.name, at: location, error.message)
        }
      case .conditional(let branches, let otherwise):
        var chosen = otherwise
        for branch in branches {
          let holds: Bool
          do throws(TemplateFailure) {
            holds = try evaluate(branch.condition).isTruthy
          } catch {
            throw TemplateError(file: template.name, at: branch.location, error.message)
          }
          if holds {
            chosen = branch.body
            break
          }
        }
        try render(chosen, of: template)
      case .loop(let loop):
        try render(loop, of: template)
      case .include(let name, let location):
        try include(name, at: location, from: template)
      case .row(let cells, let columns, let location):
        var texts: [String] = []
        texts.reserveCapacity(cells.count)
        do throws(TemplateFailure) {
          for cell in cells {
            texts.append(try printable(evaluate(cell), cell))
          }
        } catch {
          throw TemplateError(file: template.name, at: location, error.message)
        }
        output += TemplateFormat.tableLine(texts, columns: columns)
      }
    }
  }

  private mutating func render(_ loop: TemplateLoop, of template: Template) throws(TemplateError) {
    let items: [TemplateValue]
    do throws(TemplateFailure) {
      let sequence = try evaluate(loop.sequence)
      guard case .list(let list) = sequence else {
        let kind = sequence.kindDescription
        throw TemplateFailure("'{% for %}' needs a list, but '\(loop.sequence.source)' is \(kind)")
      }
      items = list
    } catch {
      throw TemplateError(file: template.name, at: loop.location, error.message)
    }
    guard !items.isEmpty else {
      try render(loop.empty, of: template)
      return
    }
    for (index, item) in items.enumerated() {
      bindings.append(.value(loop.variable, item))
      bindings.append(.loop(index: index, count: items.count))
      try render(loop.body, of: template)
      bindings.removeLast(2)
    }
  }

  private mutating func include(
    _ name: String, at location: TemplateLocation, from template: Template
  ) throws(TemplateError) {
    // The library resolves every include and refuses cycles when it loads a template, and
    // `Template(source:name:)` refuses includes, so this only guards the invariant.
    guard let partial = template.includes[name] else {
      let message = "cannot include '\(name)': load templates with includes through TemplateLibrary"
      throw TemplateError(file: template.name, at: location, message)
    }
    try render(partial.nodes, of: partial)
  }

  private func printable(
    _ value: TemplateValue, _ expression: TemplateExpression
  ) throws(TemplateFailure) -> String {
    if let text = value.printableText { return text }
    if value == .null {
      let source = expression.source
      let message = "'\(source)' is null (use the 'default' filter to print a placeholder)"
      throw TemplateFailure(message)
    }
    throw TemplateFailure("cannot print '\(expression.source)', which is \(value.kindDescription)")
  }

  private func evaluate(_ expression: TemplateExpression) throws(TemplateFailure) -> TemplateValue {
    switch expression {
    case .literal(let value):
      return value
    case .name(let path):
      return try lookUp(path)
    case .filter(let filter, let input, let arguments):
      let value = try evaluate(input)
      var values: [TemplateValue] = []
      values.reserveCapacity(arguments.count)
      for argument in arguments {
        values.append(try evaluate(argument))
      }
      return try filter.apply(value, values, locale: locale)
    case .not(let operand):
      return .bool(!(try evaluate(operand).isTruthy))
    case .and(let left, let right):
      guard try evaluate(left).isTruthy else { return false }
      return .bool(try evaluate(right).isTruthy)
    case .or(let left, let right):
      if try evaluate(left).isTruthy { return true }
      return .bool(try evaluate(right).isTruthy)
    case .compare(let comparison, let left, let right):
      return .bool(try compare(comparison, try evaluate(left), try evaluate(right)))
    }
  }

  private func compare(
    _ comparison: TemplateComparison, _ left: TemplateValue, _ right: TemplateValue
  ) throws(TemplateFailure) -> Bool {
    switch (left, right) {
    case (.integer(let a), .integer(let b)):
      return comparison.holds(a, b)
    case (.string(let a), .string(let b)):
      return comparison.holds(a, b)
    default:
      break
    }
    let kinds = "\(left.kindDescription) and \(right.kindDescription)"
    switch comparison {
    case .equal, .notEqual:
      let sameKind = left.kindDescription == right.kindDescription
      guard sameKind || left == .null || right == .null else {
        throw TemplateFailure("'\(comparison.rawValue)' needs two values of one kind, got \(kinds)")
      }
      return (left == right) == (comparison == .equal)
    default:
      let symbol = comparison.rawValue
      throw TemplateFailure("'\(symbol)' needs two integers or two strings, got \(kinds)")
    }
  }

  private func lookUp(_ path: [String]) throws(TemplateFailure) -> TemplateValue {
    var found: TemplateValue?
    search: for binding in bindings.reversed() {
      switch binding {
      case .value(let name, let value) where name == path[0]:
        found = value
        break search
      case .loop(let index, let count) where path[0] == "loop":
        found = [
          "index": .integer(index + 1), "index0": .integer(index), "count": .integer(count),
          "first": .bool(index == 0), "last": .bool(index == count - 1),
        ]
        break search
      default:
        continue
      }
    }
    guard var value = found ?? root[path[0]] else {
      throw TemplateFailure("unknown name '\(path.joined(separator: "."))'")
    }
    for (offset, field) in path.dropFirst().enumerated() {
      guard case .object(let fields) = value else {
        let owner = path[0...offset].joined(separator: ".")
        let kind = value.kindDescription
        throw TemplateFailure("'\(owner)' is \(kind) and has no field '\(field)'")
      }
      guard let next = fields[field] else {
        throw TemplateFailure("unknown name '\(path.joined(separator: "."))'")
      }
      value = next
    }
    return value
  }
}
