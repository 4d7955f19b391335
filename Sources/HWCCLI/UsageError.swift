/// A command line that does not fit the command's declaration (exit 2, usage line printed).
public struct UsageError: Error, CustomStringConvertible {
  public let message: String
  /// The command whose usage line to print, when known.
  public let spec: CommandSpec?

  public init(_ message: String, spec: CommandSpec? = nil) {
    self.message = message
    self.spec = spec
  }

  public var description: String { message }
}
