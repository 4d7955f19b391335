import HWCCore

/// Exact integer arithmetic and number text for assessments; no floating point anywhere.
///
/// Policy values and quantities are hundredths, so a product of three of them is a whole number
/// of millionths. Products are taken in 128 bits: 1,000,000 heads × 90 MRP × 4,325 KZT cannot
/// overflow, and only a result that does not fit in `Int` itself stops the program.
public enum Arithmetic {
  /// `numerator / denominator` rounded half-up: 172.5 → 173, 22.152 → 22.
  ///
  /// Both must be non-negative and the denominator positive. Equal to `(2n + d) / (2d)`, computed
  /// without doubling `n`, so it cannot overflow.
  public static func halfUp(_ numerator: Int, _ denominator: Int) -> Int {
    precondition(numerator >= 0 && denominator > 0, "halfUp needs n ≥ 0 and d > 0")
    let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
    return remainder >= denominator - remainder ? quotient + 1 : quotient
  }

  /// The exact value of the non-negative `factors` multiplied together, divided by 10^`scale`.
  ///
  /// `product([300, 1200, 393200], scale: 6)` is 141,552 (3 × 12 MRP × 3,932 KZT).
  public static func product(_ factors: [Int], scale: Int) -> ExactDecimal {
    precondition((0...18).contains(scale), "scale must be 0 to 18")
    var wide = Wide(high: 0, low: 1)
    for factor in factors {
      precondition(factor >= 0, "factors must not be negative")
      wide.multiply(by: UInt64(factor))
    }
    let power = ExactDecimal.power(scale)
    let (quotient, remainder) = wide.divided(by: UInt64(power))
    precondition(quotient.high == 0 && quotient.low <= UInt64(Int.max), "result exceeds Int")
    return ExactDecimal(whole: Int(quotient.low), fraction: Int(remainder), scale: scale)
  }

  /// Digits in groups of three: 141552 → `141,552`, 3932000 → `3,932,000`, -1234 → `-1,234`.
  public static func grouped(_ value: Int) -> String { NumberStyle.english.integer(value) }

  /// Minor units as money: 5190000, "KZT" → `51,900 KZT`; 12345, "KGS" → `123.45 KGS`.
  public static func money(_ minor: Int, _ currency: String) -> String {
    NumberStyle.english.money(minor, currency: currency)
  }

  /// Hundredths as a grouped decimal without trailing zeros: 393200 → `3,932`, 3550 → `35.5`,
  /// 20 → `0.2`. Used for quantities, rates and amounts in minor units.
  public static func centi(_ hundredths: Int) -> String {
    NumberStyle.english.hundredths(hundredths)
  }
}

/// A non-negative decimal number held exactly: a whole part and `fraction` / 10^`scale`.
public struct ExactDecimal: Sendable, Equatable, CustomStringConvertible {
  /// The whole part.
  public let whole: Int
  /// The fractional part, in units of 10^-`scale` (0 up to 10^`scale` − 1).
  public let fraction: Int
  /// How many decimal places `fraction` holds.
  public let scale: Int

  /// Creates the number `whole + fraction / 10^scale`.
  public init(whole: Int, fraction: Int, scale: Int) {
    precondition(whole >= 0 && fraction >= 0 && fraction < ExactDecimal.power(scale))
    self.whole = whole
    self.fraction = fraction
    self.scale = scale
  }

  /// True when there is no fractional part, so no rounding happens.
  public var isWhole: Bool { fraction == 0 }

  /// The whole number nearest to this one, halves rounded up: 172.5 → 173, 70,776.4 → 70,776.
  public var roundedHalfUp: Int {
    let denominator = ExactDecimal.power(scale)
    return fraction >= denominator - fraction ? whole + 1 : whole
  }

  /// Grouped, without trailing zeros: `141,552`, `172.5`, `69,006.6`, `0.0069`.
  public var text: String {
    guard fraction != 0 else { return NumberStyle.english.decimal(UInt(whole)) }
    var digits = String(fraction)
    digits = String(repeating: "0", count: scale - digits.count) + digits
    while digits.last == "0" { digits.removeLast() }
    return NumberStyle.english.decimal(UInt(whole), fraction: digits)
  }

  /// The same as `text`.
  public var description: String { text }

  static func power(_ scale: Int) -> Int {
    var value = 1
    for _ in 0..<scale { value *= 10 }
    return value
  }
}

/// An unsigned 128-bit number as two 64-bit halves, just enough for `Arithmetic.product`.
private struct Wide {
  var high: UInt64
  var low: UInt64

  mutating func multiply(by factor: UInt64) {
    let lowProduct = low.multipliedFullWidth(by: factor)
    let highProduct = high.multipliedReportingOverflow(by: factor)
    let sum = highProduct.partialValue.addingReportingOverflow(lowProduct.high)
    precondition(!highProduct.overflow && !sum.overflow, "product exceeds 128 bits")
    high = sum.partialValue
    low = lowProduct.low
  }

  /// Long division by a 64-bit divisor, one half at a time.
  func divided(by divisor: UInt64) -> (quotient: Wide, remainder: UInt64) {
    let (highQuotient, highRemainder) = high.quotientAndRemainder(dividingBy: divisor)
    let (lowQuotient, remainder) = divisor.dividingFullWidth((high: highRemainder, low: low))
    return (Wide(high: highQuotient, low: lowQuotient), remainder)
  }
}
