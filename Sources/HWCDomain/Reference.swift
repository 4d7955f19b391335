import HWCCore

/// A district of SPEC §3: where complaints are registered and budgets are held.
public struct District: Sendable, Hashable {
  public let id: Int
  /// Three-letter code used in complaint ids, e.g. `KAZ`.
  public let code: String
  public let name: LocalizedName
  public let country: Country
  public let region: LocalizedName

  public init(id: Int, code: String, name: LocalizedName, country: Country, region: LocalizedName) {
    self.id = id
    self.code = code
    self.name = name
    self.country = country
    self.region = region
  }
}

/// A community conservancy (Kyrgyzstan) with its committee and buffer fund.
public struct Conservancy: Sendable, Hashable {
  public let id: Int
  public let name: LocalizedName
  public let districtID: Int

  public init(id: Int, name: LocalizedName, districtID: Int) {
    self.id = id
    self.name = name
    self.districtID = districtID
  }
}

/// A name in English and Russian, with the key other languages' words files give it under
/// (`district.KAZ`, `species.wolf`; see `templates/README.md`).
public struct LocalizedName: Sendable, Hashable {
  public let en: String
  public let ru: String
  /// The words-file key of the name; empty for a name no words file can translate.
  public let key: String

  public init(en: String, ru: String, key: String = "") {
    self.en = en
    self.ru = ru
    self.key = key
  }

  /// The words-file key of a reference name: `KIND.CODE`, or for a table without codes
  /// (regions, conservancies) `KIND.` and the English name in lower case with `_` for spaces:
  /// `region.west_kazakhstan`.
  public static func key(_ kind: String, code: String) -> String { kind + "." + code }

  /// See `key(_:code:)`.
  public static func key(_ kind: String, english: String) -> String {
    kind + "." + english.lowercased().replacing(" ", with: "_")
  }

  /// The name in `lang`: English for `en`, else Russian (a language without names in the
  /// register, such as `kk`, finds them in its words file under `key`, else falls back to
  /// Russian).
  public func localized(_ lang: String) -> String { lang == "en" ? en : ru }
}

/// A rate item (`sheep_goat.adult`, `pasture.light`, …) and its unit.
public struct ItemKind: Sendable, Hashable {
  public let code: String
  public let name: LocalizedName
  /// `head`, `hectare`, `tonne` or `point_day`.
  public let unit: String
  /// For livestock: `sheep_goat`, `cattle`, `horse`, `camel` or `yak`.
  public let livestockClass: String?
  /// For livestock: `adult` or `young`.
  public let age: String?

  public init(
    code: String, name: LocalizedName, unit: String, livestockClass: String?, age: String?
  ) {
    self.code = code
    self.name = name
    self.unit = unit
    self.livestockClass = livestockClass
    self.age = age
  }

  /// True when quantities are whole heads.
  public var isHeads: Bool { unit == "head" }
}

/// The reference data the register validates against, loaded once per command.
public struct Reference: Sendable {
  public let districts: [District]
  public let conservancies: [Conservancy]
  public let species: [String: LocalizedName]
  public let damageTypes: [String: LocalizedName]
  public let items: [String: ItemKind]
  /// Items accepted by each damage type.
  public let allowedItems: [String: Set<String>]

  public init(
    districts: [District], conservancies: [Conservancy], species: [String: LocalizedName],
    damageTypes: [String: LocalizedName], items: [String: ItemKind],
    allowedItems: [String: Set<String>]
  ) {
    self.districts = districts
    self.conservancies = conservancies
    self.species = species
    self.damageTypes = damageTypes
    self.items = items
    self.allowedItems = allowedItems
  }

  /// The district called `name` (English or Russian name, or code; case-insensitive).
  public func district(named name: String) -> District? {
    let key = name.lowercased()
    return districts.first {
      $0.name.en.lowercased() == key || $0.name.ru.lowercased() == key
        || $0.code.lowercased() == key
    }
  }

  /// The district with database id `id`.
  public func district(id: Int) -> District? { districts.first { $0.id == id } }

  /// The conservancy called `name` (English or Russian; case-insensitive).
  public func conservancy(named name: String) -> Conservancy? {
    let key = name.lowercased()
    return conservancies.first { $0.name.en.lowercased() == key || $0.name.ru.lowercased() == key }
  }

  /// The conservancy with database id `id`.
  public func conservancy(id: Int) -> Conservancy? { conservancies.first { $0.id == id } }

  /// English names of all districts, for error messages.
  public var districtNames: String { districts.map(\.name.en).joined(separator: ", ") }

  /// English names of all conservancies, for error messages.
  public var conservancyNames: String { conservancies.map(\.name.en).joined(separator: ", ") }
}
