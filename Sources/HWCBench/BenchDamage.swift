import HWCCore

/// What a complaint says was lost: damage type, species and items (`key` → hundredths).
public struct BenchDamage: Sendable, Equatable {
  public let type: String
  public let species: String
  public let items: [(key: String, centi: Int)]

  public static func == (lhs: BenchDamage, rhs: BenchDamage) -> Bool {
    lhs.type == rhs.type && lhs.species == rhs.species
      && lhs.items.map(\.key) == rhs.items.map(\.key)
      && lhs.items.map(\.centi) == rhs.items.map(\.centi)
  }

  /// The `items` column: `key=qty;key=qty`.
  public var itemsText: String {
    items.map { "\($0.key)=\(Decimal2.format($0.centi))" }.joined(separator: ";")
  }
}

/// The seasons and losses of the real conflict: saiga on the steppe in spring and autumn,
/// wolves in winter, snow leopards and bears in the mountains, boar in the fields before harvest.
enum BenchDamageModel {
  static func damage(in district: BenchDistrict, month: Int, _ rng: inout SplitMix64)
    -> BenchDamage
  {
    switch district.landscape {
    case .steppe: return steppe(month: month, &rng)
    case .mountains: return mountains(district, month: month, &rng)
    }
  }

  private static func steppe(month: Int, _ rng: inout SplitMix64) -> BenchDamage {
    let migrating = [3, 4, 5, 9, 10, 11].contains(month)
    guard rng.chance(migrating ? 0.85 : 0.25) else {
      let species = rng.weighted([("wolf", 0.95), ("other", 0.05)])
      return predation(species: species, classes: steppeClasses, &rng)
    }
    let type = rng.weighted([
      ("pasture_trampling", 0.45), ("crop_invasion", 0.2), ("hay_loss", 0.2),
      ("water_depletion", 0.12), ("disease_spread", 0.03),
    ])
    switch type {
    case "pasture_trampling":
      let key = rng.weighted([
        ("pasture.light", 0.4), ("pasture.moderate", 0.4), ("pasture.severe", 0.2),
      ])
      return BenchDamage(
        type: type, species: "saiga",
        items: [(key, centi(2...120, decimals: rng.chance(0.4), &rng))])
    case "crop_invasion":
      return crops(species: "saiga", &rng)
    case "hay_loss":
      return BenchDamage(
        type: type, species: "saiga", items: [("hay", centi(0.5...15, decimals: true, &rng))])
    case "water_depletion":
      return BenchDamage(
        type: type, species: "saiga", items: [("water.point_day", 100 * rng.int(3...40))])
    default:
      return disease(species: "saiga", &rng)
    }
  }

  private static func mountains(_ district: BenchDistrict, month: Int, _ rng: inout SplitMix64)
    -> BenchDamage
  {
    let harvest = (7...10).contains(month)
    if rng.chance(harvest ? 0.4 : 0.05) {
      return crops(species: rng.weighted([("wild_boar", 0.75), ("brown_bear", 0.25)]), &rng)
    }
    if rng.chance(0.03) { return disease(species: "other", &rng) }
    let bearsAwake = (4...10).contains(month)
    let species = rng.weighted([
      ("wolf", 0.55), ("snow_leopard", district.name == "Karasay" ? 0.05 : 0.2),
      ("brown_bear", bearsAwake ? 0.15 : 0), ("other", 0.1),
    ])
    let classes = district.country == .kg ? highlandClasses : mountainClasses
    return predation(species: species, classes: classes, &rng)
  }

  static let steppeClasses = [
    ("sheep_goat", 0.75), ("cattle", 0.12), ("horse", 0.1), ("camel", 0.03),
  ]
  static let mountainClasses = [("sheep_goat", 0.75), ("cattle", 0.12), ("horse", 0.13)]
  static let highlandClasses = [
    ("sheep_goat", 0.7), ("cattle", 0.1), ("horse", 0.12), ("yak", 0.08),
  ]

  private static func predation(
    species: String, classes: [(String, Double)], _ rng: inout SplitMix64
  ) -> BenchDamage {
    let livestock = rng.weighted(classes)
    let small = livestock == "sheep_goat"
    var adults = small ? rng.weighted([(1, 0.35), (2, 0.3), (3, 0.2), (4, 0.15)]) : 1
    if small, rng.chance(0.2) { adults += rng.int(1...6) }
    var items = [(key: "\(livestock).adult", centi: 100 * adults)]
    if rng.chance(small ? 0.3 : 0.15) {
      items.append(("\(livestock).young", 100 * (small ? rng.int(1...4) : 1)))
    }
    return BenchDamage(type: "livestock_predation", species: species, items: items)
  }

  private static func crops(species: String, _ rng: inout SplitMix64) -> BenchDamage {
    let key = rng.weighted([
      ("crop.wheat", 0.3), ("crop.barley", 0.3), ("crop.fodder", 0.2), ("crop.other", 0.2),
    ])
    var items = [(key: key, centi: centi(0.25...8, decimals: true, &rng))]
    if rng.chance(0.15), key != "crop.other" {
      items.append(("crop.other", centi(0.25...2, decimals: true, &rng)))
    }
    return BenchDamage(type: "crop_invasion", species: species, items: items)
  }

  private static func disease(species: String, _ rng: inout SplitMix64) -> BenchDamage {
    var items = [(key: "sheep_goat.adult", centi: 100 * rng.int(2...25))]
    if rng.chance(0.3) { items.append(("cattle.adult", 100 * rng.int(1...4))) }
    return BenchDamage(
      type: "disease_spread", species: species, items: items.sorted { $0.key < $1.key })
  }

  /// A quantity in `range` as hundredths: whole units, or with up to two decimals.
  private static func centi(_ range: ClosedRange<Double>, decimals: Bool, _ rng: inout SplitMix64)
    -> Int
  {
    let value = Int(rng.real(range) * 100)
    return decimals ? max(1, value) : max(100, value / 100 * 100)
  }
}
