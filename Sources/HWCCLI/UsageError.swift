/// A command line that does not fit the command's declaration (exit 2; the usage of the nearest
/// command follows the error line on standard error).
public struct UsageError: Error, CustomStringConvertible {
  public let message: String
  /// The command whose usage line to print, when known.
  public let spec: CommandSpec?
  /// What to print after the error line when no single command is meant (the usage of a group
  /// of commands, or of hwc itself), one line per element.
  let guidance: [String]

  public init(_ message: String, spec: CommandSpec? = nil) {
    self.message = message
    self.spec = spec
    self.guidance = []
  }

  /// An error about a group of commands (`prefix` empty: hwc itself), followed by its usage.
  init(_ message: String, group prefix: [String]) {
    self.message = message
    self.spec = nil
    self.guidance = Help.groupUsage(prefix)
  }

  /// The lines printed on standard error after `hwc: MESSAGE`.
  var usageLines: [String] { spec.map { ["usage: \($0.usage)"] } ?? guidance }

  public var description: String { message }
}
