/// A template problem located by file and line, e.g. `quarterly.en.txt:14: unknown filter 'monye'`.
///
/// Syntax problems are raised when a template is parsed; unknown names and wrong value types are
/// raised when it is rendered, with the line of the offending tag.
public struct TemplateError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The template file name, e.g. `quarterly.en.txt`; empty when no file is concerned.
  public let file: String
  /// The 1-based line of the problem, or 0 when it concerns the whole file.
  public let line: Int
  /// The 1-based column (in Unicode scalars) where the problem starts, or 0 when unknown.
  public let column: Int
  /// The problem in one sentence, without the location.
  public let message: String

  /// A problem in `file` at `line` and `column` (0 when unknown).
  public init(file: String, line: Int = 0, column: Int = 0, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  init(file: String, at location: TemplateLocation, _ message: String) {
    self.init(file: file, line: location.line, column: location.column, message: message)
  }

  /// `file:line: message`, or `file: message` without a line, or just the message without a file.
  public var description: String {
    if file.isEmpty { return message }
    if line > 0 { return "\(file):\(line): \(message)" }
    return "\(file): \(message)"
  }
}

/// A render-time problem that the renderer has not yet located; it adds the file and line.
struct TemplateFailure: Error {
  let message: String

  init(_ message: String) {
    self.message = message
  }
}
