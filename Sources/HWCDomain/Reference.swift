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

  /// The district called `name`: its code, English name or Russian name, in any case, the
  /// Russian name also without its adjective ending (`Казталов` for `Казталовский`) and with
  /// or without `район` / `district` after it.
  public func district(named name: String) -> District? {
    if let exact = districts.first(where: { $0.name.en == name }) { return exact }
    let key = Reference.lookupKey(name)
    return districts.first {
      $0.name.en.lowercased() == key || Reference.lookupKey($0.name.ru) == key
        || $0.code.lowercased() == key || Reference.russianStem($0.name.ru) == key
    }
  }

  /// The district with database id `id`.
  public func district(id: Int) -> District? { districts.first { $0.id == id } }

  /// The conservancy called `name` (English or Russian; case-insensitive).
  public func conservancy(named name: String) -> Conservancy? {
    let key = Reference.lookupKey(name)
    return conservancies.first {
      $0.name.en.lowercased() == key || Reference.lookupKey($0.name.ru) == key
    }
  }

  /// The conservancy with database id `id`.
  public func conservancy(id: Int) -> Conservancy? { conservancies.first { $0.id == id } }

  /// English names of all districts, for error messages.
  public var districtNames: String { districts.map(\.name.en).joined(separator: ", ") }

  /// English names of all conservancies, for error messages.
  public var conservancyNames: String { conservancies.map(\.name.en).joined(separator: ", ") }

  /// The code in `names` whose code, English or Russian name is `name`, in any case (`Wolf`,
  /// `волк`, `snow leopard`, `snow_leopard`).
  public static func code(named name: String, in names: [String: LocalizedName]) -> String? {
    if names[name] != nil { return name }  // the stored code as typed: most rows of an import
    let key = lookupKey(name)
    let underscored = key.replacingSpaces
    if names[underscored] != nil { return underscored }
    return names.first { _, name in
      name.en.lowercased() == key || lookupKey(name.ru) == key
        || name.en.lowercased().replacingSpaces == underscored
    }?.key
  }

  /// The item code typed as `name`: a code in any case (`Sheep_Goat.Adult`).
  public func itemCode(named name: String) -> String? {
    let key = name.trimmingSpaces.lowercased()
    return items[key] != nil ? key : nil
  }

  /// A typed name as lookups compare it: trimmed, lower-cased, `ё` read as `е`, without a
  /// trailing `район`, `district` or `обл.`.
  public static func lookupKey(_ name: String) -> String {
    var key = name.trimmingSpaces.lowercased().replacingOccurrences("ё", "е")
    for suffix in [" район", " district", " р-н"] where key.hasSuffix(suffix) {
      key = String(key.dropLast(suffix.count)).trimmingSpaces
    }
    return key
  }

  /// A Russian district adjective without its ending: `казталовский` → `казталов`,
  /// `чуйский` → `чуй`; nil when the name has no such ending.
  static func russianStem(_ name: String) -> String? {
    let key = lookupKey(name)
    for ending in ["ский", "цкий"] where key.hasSuffix(ending) && key.count > ending.count + 2 {
      return String(key.dropLast(ending.count))
    }
    return nil
  }
}

extension String {
  /// The text with every space as an underscore (`snow leopard` → `snow_leopard`).
  fileprivate var replacingSpaces: String { replacingOccurrences(" ", "_") }

  /// The text with every `target` replaced by `replacement`, without Foundation.
  fileprivate func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
    String(map { $0 == target ? replacement : $0 })
  }
}
