import HWCCore
import HWCDomain

/// A generated herder: a valid, unique national ID of their district's country, a home
/// district, perhaps a conservancy, and a village.
public struct BenchClaimant: Sendable {
  public let nationalID: String
  public let name: String
  public let district: BenchDistrict
  public let conservancy: String?
  public let village: String
}

/// Makes the herders of a bench register, spread over the districts (all, or `only` those) by
/// their weights.
enum BenchClaimants {
  static func make(count: Int, in only: [String]? = nil, _ rng: inout SplitMix64)
    -> [BenchClaimant]
  {
    let districts = BenchPlaces.districts.filter { only?.contains($0.name) ?? true }
      .map { ($0, $0.weight) }
    var used = Set<String>()
    var claimants: [BenchClaimant] = []
    claimants.reserveCapacity(count)
    while claimants.count < count {
      let district = rng.weighted(districts)
      let sex: NationalID.Sex = rng.chance(0.5) ? .male : .female
      let birth = CalendarDate(daysSinceEpoch: rng.int(-7300...11_700))  // 1950 to 2002
      let id: String?
      switch district.country {
      case .kz: id = NationalID.makeIIN(birth: birth, sex: sex, serial: rng.int(0...9999))
      case .kg: id = NationalID.makePIN(birth: birth, sex: sex, serial: rng.int(0...99999))
      }
      guard let id, used.insert(id).inserted else { continue }
      let kazakh = district.country == .kz
      let given = rng.pick(
        kazakh ? BenchPlaces.kazakhGiven : BenchPlaces.kyrgyzGiven)
      var family = rng.pick(kazakh ? BenchPlaces.kazakhFamily : BenchPlaces.kyrgyzFamily)
      if sex == .female, family.hasSuffix("v") { family += "a" }
      // Now and then a name that needs CSV quoting, as real field forms have.
      let suffix = sex == .male && rng.chance(0.01) ? ", Jr." : ""
      let conservancy = district.conservancy.flatMap { rng.chance($0.share) ? $0.name : nil }
      claimants.append(
        BenchClaimant(
          nationalID: id, name: "\(given) \(family)\(suffix)", district: district,
          conservancy: conservancy, village: rng.pick(district.villages)))
    }
    return claimants
  }
}
