/// A value a template can print, test, loop over or look into with dotted names.
///
/// Amounts are integers in minor units and counts are integers; there is no floating point.
/// The literal conformances let a context be written directly:
/// `["district": ["name": "Talas"], "count": 12, "rows": [], "closedOn": nil]`.
public enum TemplateValue: Sendable, Equatable {
  /// Text.
  case string(String)
  /// A whole number: a count, or an amount in minor units (1/100).
  case integer(Int)
  /// A yes/no flag.
  case bool(Bool)
  /// An ordered list, walked by `{% for %}`.
  case list([TemplateValue])
  /// Named fields, reached with dotted names such as `complaint.district.name`.
  case object([String: TemplateValue])
  /// No value; printing it is an error unless the `default` filter replaces it.
  case null
}

extension TemplateValue {
  /// False for `false`, `null`, `0`, `""`, an empty list and an empty object; true otherwise.
  var isTruthy: Bool {
    switch self {
    case .string(let text): !text.isEmpty
    case .integer(let number): number != 0
    case .bool(let flag): flag
    case .list(let items): !items.isEmpty
    case .object(let fields): !fields.isEmpty
    case .null: false
    }
  }

  /// The kind of value with its article, for error messages: "an integer", "a string", "null".
  var kindDescription: String {
    switch self {
    case .string: "a string"
    case .integer: "an integer"
    case .bool: "a boolean"
    case .list: "a list"
    case .object: "an object"
    case .null: "null"
    }
  }

  /// The text `{{ }}` prints for strings, integers and booleans; nil for anything else.
  var printableText: String? {
    switch self {
    case .string(let text): text
    case .integer(let number): String(number)
    case .bool(let flag): flag ? "true" : "false"
    case .list, .object, .null: nil
    }
  }

  /// The value as template source would spell it, for describing expressions in messages.
  var literalSource: String {
    switch self {
    case .string(let text): "\"" + text + "\""
    case .integer(let number): String(number)
    case .bool(let flag): flag ? "true" : "false"
    case .null: "null"
    case .list: "[…]"
    case .object: "{…}"
    }
  }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
  /// Creates `.string` from a string literal.
  public init(stringLiteral value: String) {
    self = .string(value)
  }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
  /// Creates `.integer` from an integer literal.
  public init(integerLiteral value: Int) {
    self = .integer(value)
  }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
  /// Creates `.bool` from `true` or `false`.
  public init(booleanLiteral value: Bool) {
    self = .bool(value)
  }
}

extension TemplateValue: ExpressibleByArrayLiteral {
  /// Creates `.list` from an array literal.
  public init(arrayLiteral elements: TemplateValue...) {
    self = .list(elements)
  }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
  /// Creates `.object` from a dictionary literal; a repeated key keeps its last value.
  public init(dictionaryLiteral elements: (String, TemplateValue)...) {
    var fields: [String: TemplateValue] = [:]
    fields.reserveCapacity(elements.count)
    for (key, value) in elements {
      fields[key] = value
    }
    self = .object(fields)
  }
}

extension TemplateValue: ExpressibleByNilLiteral {
  /// Creates `.null` from `nil`.
  public init(nilLiteral: ()) {
    self = .null
  }
}
