import HWCCore
import HWCDomain

/// What was lost: damage type, species and claimed items, in hundredths of their unit.
struct DemoDamage {
  let type: String
  let species: String
  let items: [ItemQuantity]
}

/// The seasons of the real conflict: saiga migrations in spring and autumn on the West
/// Kazakhstan steppe, predation in the mountains in winter, raids on fields before harvest.
enum DemoSeasons {
  /// The relative volume of complaints of `kind` in `month` (1 = a typical busy month).
  static func weight(_ kind: ConflictKind, month: Int) -> Double {
    let table: [Double]
    switch kind {
    case .saiga: table = [0.1, 0.1, 0.3, 2.5, 2.2, 0.5, 0.3, 0.35, 1.5, 2.0, 1.2, 0.15]
    case .steppePredation: table = [2.2, 2.4, 1.6, 0.8, 0.5, 0.4, 0.4, 0.5, 0.6, 0.9, 1.3, 1.9]
    case .mountainPredation: table = [2.5, 2.5, 1.8, 0.8, 0.6, 0.5, 0.5, 0.6, 0.7, 0.9, 1.3, 2.0]
    case .cropRaid: table = [0.05, 0.05, 0.05, 0.1, 0.2, 0.3, 0.5, 1.2, 1.6, 1.0, 0.2, 0.05]
    }
    return table[month - 1]
  }

  /// The damage of one complaint of `kind` in `month`, in `district`.
  static func damage(
    _ kind: ConflictKind, month: Int, in district: DistrictProfile, _ rng: inout SplitMix64
  ) -> DemoDamage {
    switch kind {
    case .saiga: return saiga(month: month, &rng)
    case .steppePredation:
      let species = rng.weighted([("wolf", 0.95), ("other", 0.05)])
      return predation(species: species, district: district, &rng)
    case .mountainPredation:
      return predation(
        species: mountainPredator(district, month: month, &rng), district: district, &rng)
    case .cropRaid:
      let species = rng.weighted([("wild_boar", 0.75), ("brown_bear", 0.25)])
      let crop =
        species == "wild_boar"
        ? rng.weighted([("crop.barley", 0.35), ("crop.wheat", 0.25), ("crop.other", 0.4)])
        : rng.weighted([("crop.other", 0.7), ("crop.fodder", 0.3)])
      return DemoDamage(
        type: "crop_invasion", species: species,
        items: [ItemQuantity(item: crop, centi: hectares(0.25...6, &rng))])
    }
  }

  private static func mountainPredator(
    _ district: DistrictProfile, month: Int, _ rng: inout SplitMix64
  ) -> String {
    let bearsAwake = (4...10).contains(month)
    let leopard: Double
    switch district.name {
    case "Talgar": leopard = 0.25
    case "Karasay": leopard = 0.1
    case "Ton": leopard = 0.4
    default: leopard = 0.3
    }
    return rng.weighted([
      ("wolf", 0.6), ("snow_leopard", leopard), ("brown_bear", bearsAwake ? 0.15 : 0),
      ("other", 0.03),
    ])
  }

  private static func saiga(month: Int, _ rng: inout SplitMix64) -> DemoDamage {
    let mix: [(String, Double)]
    switch month {
    case 3, 4, 5:
      mix = [
        ("pasture_trampling", 0.40), ("crop_invasion", 0.30), ("water_depletion", 0.10),
        ("hay_loss", 0.08), ("disease_spread", 0.12),
      ]
    case 9, 10, 11:
      mix = [
        ("pasture_trampling", 0.30), ("hay_loss", 0.30), ("crop_invasion", 0.18),
        ("water_depletion", 0.10), ("disease_spread", 0.12),
      ]
    case 6, 7, 8:
      mix = [
        ("water_depletion", 0.35), ("pasture_trampling", 0.35), ("crop_invasion", 0.20),
        ("disease_spread", 0.10),
      ]
    default: mix = [("hay_loss", 0.6), ("pasture_trampling", 0.3), ("disease_spread", 0.1)]
    }
    let type = rng.weighted(mix)
    var items: [ItemQuantity] = []
    switch type {
    case "pasture_trampling":
      let grade = rng.weighted([
        ("pasture.light", 0.45), ("pasture.moderate", 0.4), ("pasture.severe", 0.15),
      ])
      items.append(ItemQuantity(item: grade, centi: hectares(8...160, &rng)))
      if grade != "pasture.severe", rng.chance(0.2) {
        items.append(ItemQuantity(item: "pasture.severe", centi: hectares(1...25, &rng)))
      }
    case "crop_invasion":
      let crop = rng.weighted([
        ("crop.wheat", 0.4), ("crop.barley", 0.3), ("crop.fodder", 0.2), ("crop.other", 0.1),
      ])
      items.append(ItemQuantity(item: crop, centi: hectares(1...35, &rng)))
    case "hay_loss":
      items.append(ItemQuantity(item: "hay", centi: rng.int(4...80) * 25))
    case "water_depletion":
      items.append(ItemQuantity(item: "water.point_day", centi: rng.int(3...30) * 100))
    default:
      items.append(ItemQuantity(item: "sheep_goat.adult", centi: rng.skewed(1...14) * 100))
      if rng.chance(0.5) {
        items.append(ItemQuantity(item: "sheep_goat.young", centi: rng.skewed(1...10) * 100))
      }
    }
    return DemoDamage(type: type, species: "saiga", items: items.sorted { $0.item < $1.item })
  }

  private static func predation(
    species: String, district: DistrictProfile, _ rng: inout SplitMix64
  ) -> DemoDamage {
    var heads: [(String, Int)] = []
    // Now and then a predator gets into a pen and kills far more than it eats.
    let surplus = species != "brown_bear" && rng.chance(0.03)
    heads.append(("sheep_goat.adult", surplus ? rng.int(9...24) : rng.skewed(1...7)))
    if rng.chance(0.4) { heads.append(("sheep_goat.young", rng.skewed(1...5))) }
    let roll = rng.unit()
    if species == "brown_bear" || roll < 0.08 {
      heads.append(("cattle.young", rng.skewed(1...2)))
    } else if roll < 0.16 {
      heads.append(("horse.young", 1))
    } else if roll < 0.19, district.country == .kz, !district.mountains {
      heads.append(("camel.young", 1))
    } else if roll < 0.26, district.herd.contains(where: { $0.livestockClass == "yak" }) {
      heads.append((rng.chance(0.7) ? "yak.young" : "yak.adult", 1))
    }
    if species == "brown_bear", rng.chance(0.6) { heads.removeFirst() }
    let items = heads.map { ItemQuantity(item: $0.0, centi: $0.1 * 100) }
    return DemoDamage(
      type: "livestock_predation", species: species, items: items.sorted { $0.item < $1.item })
  }

  /// Hectares in `range`, to a quarter hectare, as hundredths.
  private static func hectares(_ range: ClosedRange<Double>, _ rng: inout SplitMix64) -> Int {
    let quarters = Int(rng.real(range) * 4)
    return max(1, quarters) * 25
  }
}
