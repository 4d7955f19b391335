/// One piece of a parsed template, rendered in order.
///
/// Table headers and rules are static, so the parser turns them into `.text`; only rows,
/// which hold expressions, survive as their own node.
enum TemplateNode: Sendable {
  /// Literal text.
  case text(String)
  /// `{{ expression }}`.
  case output(TemplateExpression, at: TemplateLocation)
  /// `{% if %}` with its `{% elif %}` branches, in order, and its `{% else %}` body.
  case conditional([TemplateBranch], otherwise: [TemplateNode])
  /// `{% for %}` with its `{% else %}` body.
  case loop(TemplateLoop)
  /// `{% include "name" %}`; the template library resolves the name when it loads the file.
  case include(String, at: TemplateLocation)
  /// `{% row a, b, c %}` inside a table: one aligned line.
  case row([TemplateExpression], columns: [TemplateColumn], at: TemplateLocation)
}

/// One `{% if %}` or `{% elif %}` branch.
struct TemplateBranch: Sendable {
  let condition: TemplateExpression
  let location: TemplateLocation
  let body: [TemplateNode]
}

/// A `{% for variable in sequence %}` loop.
struct TemplateLoop: Sendable {
  let variable: String
  let sequence: TemplateExpression
  let location: TemplateLocation
  let body: [TemplateNode]
  let empty: [TemplateNode]
}

/// A table column: its header, alignment and width in characters.
struct TemplateColumn: Sendable {
  let header: String
  let alignment: TemplateAlignment
  let width: Int
}

/// How text sits in a column or a padded width.
enum TemplateAlignment: String, Sendable {
  case left, right, center
}
