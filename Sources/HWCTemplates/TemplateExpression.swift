/// An expression inside a tag.
indirect enum TemplateExpression: Sendable {
  /// A literal string, integer, boolean or null.
  case literal(TemplateValue)
  /// A dotted name, split at the dots: `complaint.district.name`.
  case name([String])
  /// `input | filter arguments…`.
  case filter(TemplateFilter, input: TemplateExpression, arguments: [TemplateExpression])
  /// `not operand`.
  case not(TemplateExpression)
  /// `left and right`.
  case and(TemplateExpression, TemplateExpression)
  /// `left or right`.
  case or(TemplateExpression, TemplateExpression)
  /// `left == right` and the other comparisons.
  case compare(TemplateComparison, TemplateExpression, TemplateExpression)

  /// The expression written back as source, for error messages, with the parentheses its
  /// grouping needs.
  var source: String {
    switch self {
    case .literal(let value): value.literalSource
    case .name(let path): path.joined(separator: ".")
    case .filter(let filter, let input, let arguments):
      ([input.source(binding: 5) + " | " + filter.rawValue]
        + arguments.map { $0.source(binding: 6) }).joined(separator: " ")
    case .not(let operand): "not " + operand.source(binding: 3)
    case .and(let left, let right): left.source(binding: 2) + " and " + right.source(binding: 3)
    case .or(let left, let right): left.source(binding: 1) + " or " + right.source(binding: 2)
    case .compare(let comparison, let left, let right):
      left.source(binding: 5) + " " + comparison.rawValue + " " + right.source(binding: 5)
    }
  }

  /// How tightly the expression binds: `or` 1, `and` 2, `not` 3, comparisons 4, filters 5,
  /// literals and names 6.
  private var precedence: Int {
    switch self {
    case .or: 1
    case .and: 2
    case .not: 3
    case .compare: 4
    case .filter: 5
    case .literal, .name: 6
    }
  }

  /// The source, in parentheses when it binds more loosely than `minimum`.
  private func source(binding minimum: Int) -> String {
    precedence < minimum ? "(" + source + ")" : source
  }
}

/// A comparison operator.
enum TemplateComparison: String, Sendable {
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="

  /// Whether `left` and `right` are in this relation.
  func holds<T: Comparable>(_ left: T, _ right: T) -> Bool {
    switch self {
    case .equal: left == right
    case .notEqual: left != right
    case .less: left < right
    case .lessOrEqual: left <= right
    case .greater: left > right
    case .greaterOrEqual: left >= right
    }
  }
}
