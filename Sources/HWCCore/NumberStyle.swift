/// How numbers are written in a language: the separator between groups of three digits and the
/// one before decimals. The one place digits are grouped, for integers, hundredths and money.
public struct NumberStyle: Sendable, Equatable {
  /// Put between groups of three digits: "," in English, U+202F in Russian.
  public var groupingSeparator: String
  /// Put before the fractional digits: "." or ",".
  public var decimalSeparator: String

  /// Creates a style from its two separators.
  public init(groupingSeparator: String, decimalSeparator: String) {
    self.groupingSeparator = groupingSeparator
    self.decimalSeparator = decimalSeparator
  }

  /// English: `1,234,567.89`.
  public static let english = NumberStyle(groupingSeparator: ",", decimalSeparator: ".")

  /// Russian: `1 234 567,89` with a narrow no-break space (U+202F).
  public static let russian = NumberStyle(groupingSeparator: "\u{202F}", decimalSeparator: ",")

  /// The style of `lang` (`en`, `ru`); English for anything else.
  public static func of(_ lang: String) -> NumberStyle { lang == "ru" ? .russian : .english }

  /// The digits of `magnitude` in groups of three: `1,234,567`.
  public func grouped(_ magnitude: UInt) -> String {
    let digits = String(magnitude)
    let count = digits.utf8.count
    guard count > 3, !groupingSeparator.isEmpty else { return digits }
    // Byte by byte: the digits are ASCII (issue #12: every amount of every step is grouped).
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count + (count - 1) / 3 * groupingSeparator.utf8.count)
    for (offset, digit) in digits.utf8.enumerated() {
      if offset > 0, (count - offset) % 3 == 0 { bytes.append(contentsOf: groupingSeparator.utf8) }
      bytes.append(digit)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A whole part grouped, then the decimal separator and `fraction` when there is one:
  /// (1234, "5") → `1,234.5`.
  public func decimal(_ whole: UInt, fraction: String = "") -> String {
    grouped(whole) + (fraction.isEmpty ? "" : decimalSeparator + fraction)
  }

  /// An integer, grouped, with a leading "-" when negative: -1234 → `-1,234`.
  public func integer(_ value: Int) -> String {
    (value < 0 ? "-" : "") + grouped(value.magnitude)
  }

  /// Hundredths without trailing zeros: 393200 → `3,932`, 3550 → `35.5`, 1205 → `12.05`.
  public func hundredths(_ value: Int) -> String {
    let magnitude = value.magnitude
    let cents = magnitude % 100
    // 0 → none, 50 → `5`, 5 → `05`, 55 → `55`.
    let fraction = cents == 0 ? "" : cents % 10 == 0 ? String(cents / 10) : twoDigits(cents)
    return (value < 0 ? "-" : "") + decimal(magnitude / 100, fraction: fraction)
  }

  /// Minor units (1/100) as money, the minor part only when it is not zero: 5190000, "KZT" →
  /// `51,900 KZT`; 12345, "KGS" → `123.45 KGS`. No currency, or an empty one, prints none.
  public func money(_ minor: Int, currency: String? = nil) -> String {
    let magnitude = minor.magnitude
    let cents = magnitude % 100
    let text =
      (minor < 0 ? "-" : "")
      + decimal(magnitude / 100, fraction: cents == 0 ? "" : twoDigits(cents))
    guard let currency, !currency.isEmpty else { return text }
    return text + " " + currency
  }

  private func twoDigits(_ value: UInt) -> String { (value < 10 ? "0" : "") + String(value) }
}
