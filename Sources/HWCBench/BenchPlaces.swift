import HWCCore

/// What kind of land a district is: it sets which wildlife a complaint names and what it lost.
public enum BenchLandscape: Sendable {
  /// The West Kazakhstan steppe: saiga migrations in spring and autumn, wolves in winter.
  case steppe
  /// Mountains and foothills: wolves, snow leopards and bears; boar and bears in the fields.
  case mountains
}

/// A district of the reference data as the bench populates it.
public struct BenchDistrict: Sendable {
  /// English name, as `hwc` and the CSV take it.
  public let name: String
  /// Three-letter code, as complaint ids start.
  public let code: String
  public let country: Country
  public let landscape: BenchLandscape
  /// The conservancy inside the district, if any, and the share of its claimants who belong.
  public let conservancy: (name: String, share: Double)?
  public let villages: [String]
  /// Relative number of claimants living here.
  public let weight: Double
}

/// The nine districts and two conservancies of `migrations/0002_reference_data.sql`.
public enum BenchPlaces {
  public static let districts: [BenchDistrict] = [
    BenchDistrict(
      name: "Kaztalov", code: "KAZ", country: .kz, landscape: .steppe, conservancy: nil,
      villages: ["Kaztalovka", "Zhalpaktal", "Karasu", "Bostandyk", "Talovka", "Karaoba"],
      weight: 4),
    BenchDistrict(
      name: "Zhanibek", code: "ZHA", country: .kz, landscape: .steppe, conservancy: nil,
      villages: ["Zhanibek", "Borsy", "Uzen", "Akoba", "Kamys-Samar", "Kuigen"], weight: 3.5),
    BenchDistrict(
      name: "Bokeyorda", code: "BOK", country: .kz, landscape: .steppe, conservancy: nil,
      villages: ["Saikhin", "Khan Ordasy", "Bisen", "Muratsai", "Sarykol"], weight: 2),
    BenchDistrict(
      name: "Akzhaik", code: "AKZ", country: .kz, landscape: .steppe, conservancy: nil,
      villages: ["Chapaev", "Budarino", "Taipak", "Mergenevo", "Akshat"], weight: 2),
    BenchDistrict(
      name: "Talgar", code: "TAL", country: .kz, landscape: .mountains, conservancy: nil,
      villages: ["Talgar", "Belbulak", "Tuzdybastau", "Panfilovo"], weight: 1),
    BenchDistrict(
      name: "Karasay", code: "KRS", country: .kz, landscape: .mountains, conservancy: nil,
      villages: ["Kaskelen", "Shamalgan", "Uzynagash", "Koksay"], weight: 1),
    BenchDistrict(
      name: "Chuy", code: "CHU", country: .kg, landscape: .mountains,
      conservancy: ("Shamshy", 0.6), villages: ["Shamshy", "Tokmok", "Kegeti", "Ivanovka"],
      weight: 1),
    BenchDistrict(
      name: "Kemin", code: "KEM", country: .kg, landscape: .mountains, conservancy: nil,
      villages: ["Kemin", "Orlovka", "Ak-Tuz", "Kichi-Kemin"], weight: 0.6),
    BenchDistrict(
      name: "Ton", code: "TON", country: .kg, landscape: .mountains,
      conservancy: ("Baiboosun", 0.6), villages: ["Bokonbaevo", "Kara-Talaa", "Ton", "Kajy-Say"],
      weight: 0.8),
  ]

  static let kazakhGiven = [
    "Yerlan", "Nurlan", "Dauren", "Marat", "Bakyt", "Serik", "Aidos", "Zhandos", "Timur", "Arman",
    "Gulnara", "Aigerim", "Aizhan", "Saule", "Zhanna", "Dinara", "Aliya", "Madina", "Gulnar",
    "Asem",
  ]
  static let kazakhFamily = [
    "Bekov", "Sarsenov", "Omarov", "Tulegenov", "Abenov", "Nurpeisov", "Zhaksylykov", "Kenzhebaev",
    "Ismailov", "Dosmukhamedov", "Baimukhanov", "Seitkali", "Utepov", "Kairatov",
  ]
  static let kyrgyzGiven = [
    "Asel", "Ainura", "Cholpon", "Nurbek", "Azamat", "Bakyt", "Elmira", "Kanybek", "Talant",
    "Aibek", "Gulzat", "Meerim",
  ]
  static let kyrgyzFamily = [
    "Toktogulov", "Sadyrov", "Asanov", "Osmonov", "Zhumabaev", "Abdyldaev", "Kadyrov", "Toktosunov",
    "Usenov", "Mamytov",
  ]
}
