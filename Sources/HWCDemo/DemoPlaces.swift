import HWCCore

/// What kind of conflict a stream of complaints is; it sets the season and the facts.
enum ConflictKind: Sendable {
  /// Saiga herds on the West Kazakhstan steppe: migrations in spring and autumn.
  case saiga
  /// Wolves on the steppe, mostly in winter.
  case steppePredation
  /// Wolves, snow leopards and bears in the mountains: winter predation.
  case mountainPredation
  /// Wild boar and bears in fields and orchards, late summer and autumn.
  case cropRaid
}

/// A conservancy as the demo populates it.
struct ConservancyProfile {
  let name: String
  let villages: [String]
  /// The share of the district's predation complaints that happen inside the conservancy.
  let share: Double
  let latitude: Double
  let longitude: Double
}

/// A district as the demo populates it: villages, where it is, and its conflicts with their
/// monthly volume (complaints per month at a seasonal weight of 1, at full scale).
struct DistrictProfile {
  let name: String
  let country: Country
  let villages: [String]
  let latitude: Double
  let longitude: Double
  let streams: [(kind: ConflictKind, perMonth: Double)]
  let conservancy: ConservancyProfile?
  /// Livestock kept here, for herds: sheep_goat, cattle, horse, camel, yak (heads, max).
  let herd: [(livestockClass: String, heads: ClosedRange<Int>, share: Double)]

  var mountains: Bool { streams.contains { $0.kind == .mountainPredation } }
}

/// The nine districts and two conservancies of the reference data.
enum DemoPlaces {
  static let steppeHerd: [(livestockClass: String, heads: ClosedRange<Int>, share: Double)] = [
    ("sheep_goat", 60...700, 1), ("cattle", 4...60, 0.8), ("horse", 3...50, 0.6),
    ("camel", 2...14, 0.25),
  ]
  static let mountainHerd: [(livestockClass: String, heads: ClosedRange<Int>, share: Double)] = [
    ("sheep_goat", 30...420, 1), ("cattle", 2...30, 0.7), ("horse", 2...25, 0.6),
  ]
  static let highlandHerd: [(livestockClass: String, heads: ClosedRange<Int>, share: Double)] =
    mountainHerd + [("yak", 3...45, 0.45)]

  static let districts: [DistrictProfile] = [
    DistrictProfile(
      name: "Kaztalov", country: .kz,
      villages: [
        "Kaztalovka", "Zhalpaktal", "Karasu", "Bostandyk", "Talovka", "Karaoba", "Akpater",
        "Azhibai", "Koktal", "Kishkenekol",
      ], latitude: 49.76, longitude: 48.69,
      streams: [(.saiga, 42), (.steppePredation, 5)], conservancy: nil, herd: steppeHerd),
    DistrictProfile(
      name: "Zhanibek", country: .kz,
      villages: [
        "Zhanibek", "Borsy", "Uzen", "Akoba", "Kamys-Samar", "Kuigen", "Talov", "Ortakshyl",
        "Zhanaauyl",
      ], latitude: 49.42, longitude: 46.85,
      streams: [(.saiga, 36), (.steppePredation, 4)], conservancy: nil, herd: steppeHerd),
    DistrictProfile(
      name: "Bokeyorda", country: .kz,
      villages: [
        "Saikhin", "Khan Ordasy", "Bisen", "Muratsai", "Sarykol", "Zhanakazan", "Temirtau",
        "Bozoba",
      ], latitude: 48.82, longitude: 46.77,
      streams: [(.saiga, 20), (.steppePredation, 4)], conservancy: nil, herd: steppeHerd),
    DistrictProfile(
      name: "Akzhaik", country: .kz,
      villages: [
        "Chapaev", "Budarino", "Taipak", "Mergenevo", "Zhanabulak", "Sarytogai", "Akshat",
        "Kuraily",
      ], latitude: 50.19, longitude: 51.17,
      streams: [(.saiga, 14), (.steppePredation, 5)], conservancy: nil, herd: steppeHerd),
    DistrictProfile(
      name: "Talgar", country: .kz,
      villages: [
        "Talgar", "Belbulak", "Beskainar", "Tuzdybastau", "Kyzylkairat", "Panfilov", "Amangeldy",
        "Rakhat",
      ], latitude: 43.30, longitude: 77.24,
      streams: [(.mountainPredation, 22), (.cropRaid, 5)], conservancy: nil, herd: mountainHerd),
    DistrictProfile(
      name: "Karasay", country: .kz,
      villages: [
        "Kaskelen", "Shamalgan", "Kargaly", "Ushkonyr", "Kemertogan", "Almalybak", "Tausamaly",
        "Koksai",
      ], latitude: 43.20, longitude: 76.62,
      streams: [(.mountainPredation, 16), (.cropRaid, 5)], conservancy: nil, herd: mountainHerd),
    DistrictProfile(
      name: "Chuy", country: .kg,
      villages: ["Tokmok", "Ak-Beshim", "Burana", "Kara-Suu", "Chuy", "Krasnaya Rechka"],
      latitude: 42.84, longitude: 75.29,
      streams: [(.mountainPredation, 24), (.cropRaid, 3)],
      conservancy: ConservancyProfile(
        name: "Shamshy", villages: ["Shamshy", "Kegeti", "Kaindy", "Iskra"], share: 0.8,
        latitude: 42.62, longitude: 75.24), herd: mountainHerd),
    DistrictProfile(
      name: "Kemin", country: .kg,
      villages: [
        "Kemin", "Boroldoy", "Orlovka", "Ak-Tuz", "Kichi-Kemin", "Chong-Kemin", "Shabdan",
      ],
      latitude: 42.78, longitude: 75.69,
      streams: [(.mountainPredation, 6), (.cropRaid, 2)], conservancy: nil, herd: highlandHerd),
    DistrictProfile(
      name: "Ton", country: .kg,
      villages: ["Bokonbaevo", "Kadji-Sai", "Ton", "Kara-Talaa", "Kongur-Olon", "Tuura-Suu"],
      latitude: 42.12, longitude: 76.99,
      streams: [(.mountainPredation, 26)],
      conservancy: ConservancyProfile(
        name: "Baiboosun", villages: ["Ak-Terek", "Tosor", "Ottuk", "Kaji-Say Too"], share: 0.8,
        latitude: 41.98, longitude: 76.82), herd: highlandHerd),
  ]

  /// Coordinates near a point, as `LAT,LON` with four decimals.
  static func coordinates(
    near latitude: Double, _ longitude: Double, spread: Double, _ rng: inout SplitMix64
  ) -> String {
    let lat = latitude + rng.real(-spread...spread)
    let lon = longitude + rng.real(-spread * 1.5...spread * 1.5)
    return "\(fixed4(lat)),\(fixed4(lon))"
  }

  private static func fixed4(_ value: Double) -> String {
    let scaled = Int((value * 10_000).rounded())
    let whole = scaled / 10_000
    let fraction = scaled % 10_000
    let text = String(fraction)
    return "\(whole)." + String(repeating: "0", count: 4 - text.count) + text
  }
}
