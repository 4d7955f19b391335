import HWCDomain

/// The reference names an explanation's values point at — items, damage types and species by
/// code, districts and conservancies by their English name (as the rules record them).
public struct StepNames: Sendable, Equatable {
  /// Rate items by code, with their livestock class and age.
  public let items: [String: ItemKind]
  /// Damage types by code.
  public let damageTypes: [String: LocalizedName]
  /// Species by code.
  public let species: [String: LocalizedName]
  /// Districts and conservancies by English name.
  public let places: [String: LocalizedName]

  /// The names of `reference`; with none, every value prints as stored.
  public init(_ reference: Reference?) {
    items = reference?.items ?? [:]
    damageTypes = reference?.damageTypes ?? [:]
    species = reference?.species ?? [:]
    var places: [String: LocalizedName] = [:]
    for district in reference?.districts ?? [] { places[district.name.en] = district.name }
    for conservancy in reference?.conservancies ?? [] {
      places[conservancy.name.en] = conservancy.name
    }
    self.places = places
  }
}
