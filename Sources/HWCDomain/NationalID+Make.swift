import HWCCore

/// Making identifiers: the demo's generated people and the tests' claimants get their numbers
/// here, laid out and check-digited by the same code that validates them.
extension NationalID {
  /// A person's sex as an identifier encodes it (IIN digit 7, PIN digit 1).
  public enum Sex: Sendable, Hashable {
    case female
    case male
  }

  /// The Kazakh IIN of a person born on `birth` (1800 to 2099) with `sex` and a 4-digit `serial`
  /// (0 to 9999): `YYMMDD`, the century-and-sex digit, the serial and the check digit; nil when
  /// no check digit exists for those 11 digits (choose another serial).
  ///
  /// `makeIIN(birth: 1988-05-12, sex: .male, serial: 41)` is `880512300411`.
  public static func makeIIN(birth: CalendarDate, sex: Sex, serial: Int) -> String? {
    precondition((1800...2099).contains(birth.year), "an IIN encodes a birth year 1800 to 2099")
    precondition((0...9999).contains(serial), "an IIN serial has 4 digits")
    let centuryDigit = 2 * (birth.year / 100 - 18) + (sex == .male ? 1 : 2)
    let first11 =
      digits(birth.year % 100, 2) + digits(birth.month, 2) + digits(birth.day, 2)
      + [centuryDigit] + digits(serial, 4)
    guard let check = iinCheckDigit(of: first11) else { return nil }
    return text(first11 + [check])
  }

  /// The Kyrgyz PIN of a person born on `birth` (1900 or later) with `sex` and a 5-digit `serial`
  /// (0 to 99999): the sex digit (1 female, 2 male), `DDMMYYYY` and the serial.
  ///
  /// `makePIN(birth: 1988-05-15, sex: .male, serial: 345)` is `21505198800345`.
  public static func makePIN(birth: CalendarDate, sex: Sex, serial: Int) -> String {
    precondition((1900...9999).contains(birth.year), "a PIN encodes a birth year from 1900")
    precondition((0...99999).contains(serial), "a PIN serial has 5 digits")
    return text(
      [sex == .female ? 1 : 2] + digits(birth.day, 2) + digits(birth.month, 2)
        + digits(birth.year, 4) + digits(serial, 5))
  }

  /// The last `width` decimal digits of `value`, most significant first.
  private static func digits(_ value: Int, _ width: Int) -> [Int] {
    var result = [Int](repeating: 0, count: width)
    var rest = value
    for index in (0..<width).reversed() {
      result[index] = rest % 10
      rest /= 10
    }
    return result
  }

  private static func text(_ digits: [Int]) -> String {
    String(decoding: digits.map { UInt8(48 + $0) }, as: UTF8.self)
  }
}

extension NationalID {
  /// `text` with every run of exactly 12 or 14 digits (an IIN or PIN, wherever it stands)
  /// masked; each other character is passed to `other`, which may rewrite it.
  public static func maskRuns(
    _ text: String, other: (Unicode.Scalar) -> String = { String($0) }
  ) -> String {
    var result = ""
    var digits = ""
    func flush() {
      result += [12, 14].contains(digits.count) ? mask(digits) : digits
      digits = ""
    }
    for scalar in text.unicodeScalars {
      if ("0"..."9").contains(scalar) {
        digits.unicodeScalars.append(scalar)
        continue
      }
      flush()
      result += other(scalar)
    }
    flush()
    return result
  }
}
