import HWCCore
import HWCDomain

/// Valid, unique national identifiers for generated people: Kazakh IINs with their check digit,
/// Kyrgyz PINs.
struct DemoIDs {
  private var issued: Set<String> = []

  /// A fresh identifier for `person`, valid for `country` (checked by `NationalID` itself).
  ///
  /// Draws a serial and makes the identifier, again until it is new; a serial for which no IIN
  /// check digit exists is drawn again too.
  mutating func issue(for person: DemoPerson, _ country: Country, _ rng: inout SplitMix64)
    -> String
  {
    let sex: NationalID.Sex = person.female ? .female : .male
    while true {
      let candidate: String?
      switch country {
      case .kz:
        candidate = NationalID.makeIIN(birth: person.birth, sex: sex, serial: rng.int(0...9999))
      case .kg:
        candidate = NationalID.makePIN(birth: person.birth, sex: sex, serial: rng.int(0...99999))
      }
      guard let candidate, !issued.contains(candidate),
        (try? NationalID(candidate, country: country)) != nil
      else { continue }
      issued.insert(candidate)
      return candidate
    }
  }
}
