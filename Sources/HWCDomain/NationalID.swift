import HWCCore

/// A validated national identifier: a Kazakh IIN (12 digits) or a Kyrgyz PIN (14 digits).
///
/// Kazakh IIN (ЖСН/ИИН): digits 1–6 are the birth date `YYMMDD`; digit 7 gives the century
/// and sex (1/2 = 1800s, 3/4 = 1900s, 5/6 = 2000s, odd = male, even = female); digits 8–11
/// are a serial; digit 12 is a mod-11 check digit over digits 1–11 with weights 1…11, and,
/// when that gives 10, with weights 3…11, 1, 2. If the second pass gives 10 as well, no IIN
/// with those first 11 digits exists.
///
/// Kyrgyz PIN (ПИН / ИНН физического лица): digit 1 is the sex (1 = female, 2 = male),
/// digits 2–9 the birth date `DDMMYYYY` (1900 or later), digits 10–14 a serial. No check
/// digit is published for the PIN, so none is checked.
///
/// The full identifier is personal data: `description`, `debugDescription` and the mirror
/// all show only the masked form; read `value` deliberately when the digits are needed.
public struct NationalID: Sendable, Hashable, CustomStringConvertible,
  CustomDebugStringConvertible, CustomReflectable
{
  /// The identifier's digits, without surrounding whitespace.
  public let value: String
  /// The country that issued the identifier.
  public let country: Country
  /// The birth date encoded in the identifier.
  public let birthDate: CalendarDate

  /// Validates `text` as the national identifier of `country`.
  ///
  /// Surrounding whitespace is trimmed; nothing else is (inner spaces or dashes are refused).
  public init(_ text: String, country: Country) throws(NationalIDError) {
    let trimmed = NationalID.trimmingWhitespace(text)
    var digits: [Int] = []
    for (offset, character) in trimmed.enumerated() {
      guard let ascii = character.asciiValue, ascii >= 48, ascii <= 57 else {
        throw .nonDigit(country, position: offset + 1)
      }
      digits.append(Int(ascii - 48))
    }
    guard digits.count == NationalID.length(for: country) else {
      throw .wrongLength(country, found: digits.count)
    }
    switch country {
    case .kz: self.birthDate = try NationalID.validateIIN(digits)
    case .kg: self.birthDate = try NationalID.validatePIN(digits)
    }
    self.value = String(trimmed)
    self.country = country
  }

  /// The number of digits in an identifier of `country`: 12 for an IIN, 14 for a PIN.
  public static func length(for country: Country) -> Int {
    switch country {
    case .kz: return 12
    case .kg: return 14
    }
  }

  /// The identifier for reports and exports: first 2 and last 2 digits, the rest `*`.
  public var masked: String { NationalID.mask(value) }

  /// Masks any identifier text the same way, valid or not: short texts are masked entirely.
  public static func mask(_ text: String) -> String {
    guard text.count > 6 else { return String(repeating: "*", count: text.count) }
    return String(text.prefix(2)) + String(repeating: "*", count: text.count - 4)
      + String(text.suffix(2))
  }

  /// An audit entity with a claimant's national ID masked (`claimant:880512300411` →
  /// `claimant:88********11`); any other entity (`complaint:KAZ-2026-0001`) as it is.
  public static func maskEntity(_ entity: String) -> String {
    guard entity.hasPrefix("claimant:") else { return entity }
    return "claimant:" + mask(String(entity.dropFirst("claimant:".count)))
  }

  /// The masked identifier, so that printing never reveals the full number by accident.
  public var description: String { masked }

  /// The country and masked identifier, e.g. `NationalID(KZ 88********11)`.
  public var debugDescription: String { "NationalID(\(country.rawValue) \(masked))" }

  /// A mirror that shows the country, masked identifier and birth date, never the digits.
  public var customMirror: Mirror {
    Mirror(
      self,
      children: ["country": country, "masked": masked, "birthDate": birthDate],
      displayStyle: .struct)
  }

  // MARK: - Kazakh IIN

  /// Checks the century digit, birth date and check digit of a 12-digit IIN.
  private static func validateIIN(_ digits: [Int]) throws(NationalIDError) -> CalendarDate {
    let century: Int
    switch digits[6] {
    case 1, 2: century = 1800
    case 3, 4: century = 1900
    case 5, 6: century = 2000
    default: throw .invalidCenturyDigit(digits[6])
    }
    guard
      let date = CalendarDate(
        year: century + number(digits[0..<2]),
        month: number(digits[2..<4]),
        day: number(digits[4..<6]))
    else { throw .invalidBirthDate(.kz) }
    guard let check = iinCheckDigit(of: digits[0..<11]) else { throw .checkDigitNotComputable }
    guard check == digits[11] else { throw .checkDigitMismatch }
    return date
  }

  /// The IIN check digit (digit 12) for an IIN's first 11 digits, each 0 to 9, or nil when no
  /// IIN can start with them (both weightings give 10).
  ///
  /// `iinCheckDigit(of: [8, 8, 0, 5, 1, 2, 3, 0, 0, 4, 1])` is 1: the weighted sum with weights
  /// 1…11 is 133 = 12 × 11 + 1.
  public static func iinCheckDigit(of first11: some Collection<Int>) -> Int? {
    precondition(first11.count == 11, "an IIN check digit is computed from 11 digits")
    let first = weightedSum(first11, weights: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) % 11
    if first != 10 { return first }
    let second = weightedSum(first11, weights: [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]) % 11
    return second == 10 ? nil : second
  }

  private static func weightedSum(_ digits: some Collection<Int>, weights: [Int]) -> Int {
    zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
  }

  // MARK: - Kyrgyz PIN

  /// Checks the sex digit and birth date of a 14-digit PIN.
  private static func validatePIN(_ digits: [Int]) throws(NationalIDError) -> CalendarDate {
    guard digits[0] == 1 || digits[0] == 2 else { throw .invalidGenderDigit(digits[0]) }
    let year = number(digits[5..<9])
    guard year >= 1900 else { throw .birthYearBefore1900 }
    guard
      let date = CalendarDate(
        year: year, month: number(digits[3..<5]), day: number(digits[1..<3]))
    else { throw .invalidBirthDate(.kg) }
    return date
  }

  // MARK: - Helpers

  private static func number(_ digits: ArraySlice<Int>) -> Int {
    digits.reduce(0) { $0 * 10 + $1 }
  }

  private static func trimmingWhitespace(_ text: String) -> Substring {
    var result = Substring(text)
    while let first = result.first, first.isWhitespace { result.removeFirst() }
    while let last = result.last, last.isWhitespace { result.removeLast() }
    return result
  }
}

/// Why a national identifier was refused.
///
/// Each message is one sentence a desk officer can act on; it names the problem (and at most
/// one offending digit or a position) but never repeats the identifier, which is personal data.
public enum NationalIDError: Error, CustomStringConvertible, Equatable {
  /// The identifier has the wrong number of characters (`found`; 0 when empty).
  case wrongLength(Country, found: Int)
  /// The character at 1-based `position` (after trimming) is not an ASCII digit.
  case nonDigit(Country, position: Int)
  /// The birth date digits do not form a real calendar date.
  case invalidBirthDate(Country)
  /// IIN digit 7 (century and sex) is not 1 to 6.
  case invalidCenturyDigit(Int)
  /// The IIN's last digit differs from the check digit computed from its first 11 digits.
  case checkDigitMismatch
  /// No check digit exists for the IIN's first 11 digits (both weightings give 10).
  case checkDigitNotComputable
  /// PIN digit 1 (sex) is not 1 (female) or 2 (male).
  case invalidGenderDigit(Int)
  /// The PIN's birth year (digits 6 to 9) is before 1900.
  case birthYearBefore1900

  /// One sentence naming the problem and what to do, without the identifier itself.
  public var description: String {
    let reread = "re-read the number from the identity document"
    switch self {
    case .wrongLength(let country, let found):
      let expected = NationalID.length(for: country)
      if found == 0 {
        return "The \(Self.name(country)) is empty; enter its \(expected) digits."
      }
      return "A \(Self.name(country)) has \(expected) digits but \(found) "
        + "\(found == 1 ? "was" : "were") entered; check for a missing or extra digit."
    case .nonDigit(let country, let position):
      return "A \(Self.name(country)) contains digits only, but character \(position) "
        + "is not a digit; remove any spaces, dashes or letters."
    case .invalidBirthDate(.kz):
      return "Digits 1 to 6 of the Kazakh IIN (birth date YYMMDD, century from digit 7) "
        + "are not a real calendar date; \(reread)."
    case .invalidBirthDate(.kg):
      return "Digits 2 to 9 of the Kyrgyz PIN (birth date DDMMYYYY) are not a real "
        + "calendar date; \(reread)."
    case .invalidCenturyDigit(let digit):
      return "Digit 7 of a Kazakh IIN (century and sex) must be 1 to 6 but is \(digit); "
        + "\(reread)."
    case .checkDigitMismatch:
      return "The last digit of the Kazakh IIN does not match its check digit, "
        + "so a digit was probably mistyped; \(reread)."
    case .checkDigitNotComputable:
      return "No Kazakh IIN can start with these 11 digits because no check digit exists "
        + "for them; \(reread)."
    case .invalidGenderDigit(let digit):
      return "The first digit of a Kyrgyz PIN must be 1 (female) or 2 (male) but is "
        + "\(digit); \(reread)."
    case .birthYearBefore1900:
      return "The birth year in digits 6 to 9 of the Kyrgyz PIN is before 1900, "
        + "which no PIN can have; \(reread)."
    }
  }

  private static func name(_ country: Country) -> String {
    switch country {
    case .kz: return "Kazakh IIN"
    case .kg: return "Kyrgyz PIN"
    }
  }
}
