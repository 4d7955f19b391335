import HWCCore
import HWCDomain

/// Valid, unique national identifiers for generated people: Kazakh IINs with their check digit,
/// Kyrgyz PINs.
struct DemoIDs {
  private var issued: Set<String> = []

  /// A fresh identifier for `person`, valid for `country` (checked by `NationalID` itself).
  mutating func issue(for person: DemoPerson, _ country: Country, _ rng: inout SplitMix64)
    -> String
  {
    while true {
      let candidate: String
      switch country {
      case .kz: candidate = Self.iin(person, serial: rng.int(0...9999))
      case .kg: candidate = Self.pin(person, serial: rng.int(0...99999))
      }
      guard !issued.contains(candidate), (try? NationalID(candidate, country: country)) != nil
      else { continue }
      issued.insert(candidate)
      return candidate
    }
  }

  /// `YYMMDD`, the century-and-sex digit, a 4-digit serial and the mod-11 check digit; a serial
  /// for which no check digit exists gives an invalid text (the caller draws again).
  static func iin(_ person: DemoPerson, serial: Int) -> String {
    let birth = person.birth
    let centuryDigit = (birth.year >= 2000 ? 5 : 3) + (person.female ? 1 : 0)
    let first11 =
      digits(birth.year % 100, 2) + digits(birth.month, 2) + digits(birth.day, 2)
      + [centuryDigit] + digits(serial, 4)
    let check = checkDigit(first11) ?? 0
    return (first11 + [check]).map(String.init).joined()
  }

  /// The sex digit (1 female, 2 male), `DDMMYYYY` and a 5-digit serial.
  static func pin(_ person: DemoPerson, serial: Int) -> String {
    let birth = person.birth
    let all =
      [person.female ? 1 : 2] + digits(birth.day, 2) + digits(birth.month, 2)
      + digits(birth.year, 4) + digits(serial, 5)
    return all.map(String.init).joined()
  }

  /// The IIN check digit: weights 1…11, then 3…11, 1, 2 when the first pass gives 10.
  static func checkDigit(_ first11: [Int]) -> Int? {
    let sum1 = zip(first11, 1...11).reduce(0) { $0 + $1.0 * $1.1 } % 11
    if sum1 != 10 { return sum1 }
    let weights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
    let sum2 = zip(first11, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11
    return sum2 == 10 ? nil : sum2
  }

  private static func digits(_ value: Int, _ width: Int) -> [Int] {
    var result: [Int] = []
    var rest = value
    for _ in 0..<width {
      result.insert(rest % 10, at: 0)
      rest /= 10
    }
    return result
  }
}
