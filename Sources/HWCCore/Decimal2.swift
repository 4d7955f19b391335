/// Parses and prints non-negative decimal numbers with at most two decimals as integer hundredths.
///
/// Used for quantities (hectares, tonnes) and for amounts typed on the command line: `12.5` is
/// 1250, `7` is 700. No floating point is involved anywhere.
public enum Decimal2 {
  /// Why a decimal text was refused.
  public enum Problem: Error, Equatable, CustomStringConvertible {
    /// Not a plain decimal number (`12`, `12.5`, `12.50`).
    case notANumber
    /// More than two digits after the point.
    case tooManyDecimals
    /// Below zero.
    case negative
    /// Larger than the register accepts.
    case tooLarge

    public var description: String {
      switch self {
      case .notANumber: return "is not a number"
      case .tooManyDecimals: return "has more than two decimals"
      case .negative: return "must not be negative"
      case .tooLarge: return "is too large"
      }
    }
  }

  /// The largest value accepted, in hundredths (10^15 units).
  public static let maximum = 100_000_000_000_000_000

  /// Parses `text` into hundredths.
  public static func parse(_ text: String) -> Result<Int, Problem> {
    var bytes = Array(text.utf8)
    guard !bytes.isEmpty else { return .failure(.notANumber) }
    if bytes[0] == UInt8(ascii: "-") {
      bytes.removeFirst()
      return isPlainNumber(bytes) ? .failure(.negative) : .failure(.notANumber)
    }
    guard isPlainNumber(bytes) else { return .failure(.notANumber) }
    var whole = 0
    var fraction = 0
    var fractionDigits = 0
    var afterPoint = false
    for byte in bytes {
      if byte == UInt8(ascii: ".") {
        afterPoint = true
        continue
      }
      let digit = Int(byte - 48)
      if afterPoint {
        fractionDigits += 1
        if fractionDigits > 2 {
          if digit != 0 { return .failure(.tooManyDecimals) }
          continue
        }
        fraction = fraction * 10 + digit
      } else {
        guard whole <= maximum / 1000 else { return .failure(.tooLarge) }
        whole = whole * 10 + digit
      }
    }
    if fractionDigits == 1 { fraction *= 10 }
    let value = whole * 100 + fraction
    guard value <= maximum else { return .failure(.tooLarge) }
    return .success(value)
  }

  private static func isPlainNumber(_ bytes: [UInt8]) -> Bool {
    var digitsBefore = 0
    var digitsAfter = 0
    var points = 0
    for byte in bytes {
      if byte == UInt8(ascii: ".") {
        points += 1
      } else if byte >= 48, byte <= 57 {
        if points == 0 { digitsBefore += 1 } else { digitsAfter += 1 }
      } else {
        return false
      }
    }
    return points <= 1 && digitsBefore > 0 && (points == 0 || digitsAfter > 0)
  }

  /// Prints hundredths as a plain decimal: 1250 → "12.5", 700 → "7", 1205 → "12.05".
  public static func format(_ hundredths: Int) -> String {
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = hundredths.magnitude
    let whole = magnitude / 100
    let fraction = magnitude % 100
    if fraction == 0 { return "\(sign)\(whole)" }
    if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
    return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
