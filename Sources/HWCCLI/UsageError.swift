import HWCDomain

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

  /// A word of the command line quoted back in a message, as typed unless it could be a national
  /// ID (12 or 14 digits, in the wrong place): that is masked, as every message masks one; a
  /// control character (a line break) is escaped, so that the message stays one line.
  static func echo(_ word: String) -> String {
    let digits = word.allSatisfy { $0.isASCII && $0.isNumber }
    if digits && [12, 14].contains(word.count) { return NationalID.mask(word) }
    return word.unicodeScalars.map {
      $0.properties.generalCategory == .control ? $0.escaped(asASCII: true) : String($0)
    }.joined()
  }
}
