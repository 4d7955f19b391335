import HWCCore

extension Reference {
  /// The district called `name`, or a refusal naming `--district` and listing the districts.
  public func requireDistrict(_ name: String) throws(DomainError) -> District {
    guard let district = district(named: name.trimmingSpaces) else {
      throw .invalid(
        field: .district,
        "'\(name)' is not a district\(hint(name, districts.map(\.name.en))) "
          + "(one of: \(districtNames))")
    }
    return district
  }

  /// The conservancy called `name`, or a refusal naming `--conservancy` and listing them.
  public func requireConservancy(_ name: String) throws(DomainError) -> Conservancy {
    guard let conservancy = conservancy(named: name.trimmingSpaces) else {
      throw .invalid(
        field: .conservancy,
        "'\(name)' is not a conservancy\(hint(name, conservancies.map(\.name.en))) "
          + "(one of: \(conservancyNames))")
    }
    return conservancy
  }

  /// The code of the species called `name` (code, English or Russian name, any case), or a
  /// refusal naming `--species`, suggesting the nearest and listing the codes.
  public func requireSpecies(_ name: String, field: Field = .species) throws(DomainError) -> String
  {
    try requireCode(name, in: species, noun: "a species", field: field)
  }

  /// The code of the damage type called `name` (code, English or Russian name, any case), or
  /// a refusal naming `--type`, suggesting the nearest and listing the codes.
  public func requireDamageType(_ name: String, field: Field = .type) throws(DomainError)
    -> String
  {
    try requireCode(name, in: damageTypes, noun: "a damage type", field: field)
  }

  /// The code in `names` called `name`, or a refusal saying it is not `noun`.
  private func requireCode(
    _ name: String, in names: [String: LocalizedName], noun: String, field: Field
  ) throws(DomainError) -> String {
    guard let code = Reference.code(named: name, in: names) else {
      let codes = names.keys.sorted()
      throw .invalid(
        field: field,
        "'\(name.trimmingSpaces)' is not \(noun)\(hint(name, codes)) "
          + "(one of: \(codes.joined(separator: ", ")))")
    }
    return code
  }

  /// `; did you mean X?` when one of `candidates` is close to `typed`, else nothing.
  func hint(_ typed: String, _ candidates: [String]) -> String {
    TypedForms.closest(Reference.lookupKey(typed), among: candidates).map {
      "; did you mean \($0)?"
    }
      ?? ""
  }
}

extension NationalID {
  /// Checks a national ID typed to look a claimant up, as `claimant add` checks a new one (a
  /// 14-digit text as a Kyrgyz PIN, anything else as a Kazakh IIN), so that a typo is reported
  /// as what it is (a wrong check digit, a missing digit) instead of "no such claimant". The
  /// refusal never repeats the ID. Returns the trimmed ID.
  public static func lookup(_ text: String, field: Field) throws(DomainError) -> String {
    let trimmed = text.trimmingSpaces
    guard !trimmed.isEmpty else { throw .invalid(field: field, "is required") }
    let country: Country = trimmed.count == length(for: .kg) ? .kg : .kz
    do {
      return try NationalID(trimmed, country: country).value
    } catch {
      throw .invalid(field: field, error.description)
    }
  }
}

extension CalendarDate {
  /// Parses a typed date for `field`: required, exactly `YYYY-MM-DD`, a real day; a date typed
  /// as `31.12.2025` or `2026-2-3` is refused with the form to type instead.
  public init(_ text: String, field: Field) throws(DomainError) {
    let trimmed = text.trimmingSpaces
    guard !trimmed.isEmpty else { throw .invalid(field: field, "is required (YYYY-MM-DD)") }
    guard let date = CalendarDate(trimmed) else {
      let hint = TypedForms.date(trimmed).map { "; did you mean \($0)?" } ?? ""
      throw .invalid(field: field, "\(trimmed) is not a date (YYYY-MM-DD)\(hint)")
    }
    self = date
  }
}
