import HWCCore

extension Reference {
  /// The district called `name`, or a refusal naming `--district` and listing the districts.
  public func requireDistrict(_ name: String) throws(DomainError) -> District {
    guard let district = district(named: name.trimmingSpaces) else {
      throw .invalid(field: .district, "'\(name)' is not a district (one of: \(districtNames))")
    }
    return district
  }

  /// The conservancy called `name`, or a refusal naming `--conservancy` and listing them.
  public func requireConservancy(_ name: String) throws(DomainError) -> Conservancy {
    guard let conservancy = conservancy(named: name.trimmingSpaces) else {
      throw .invalid(
        field: .conservancy, "'\(name)' is not a conservancy (one of: \(conservancyNames))")
    }
    return conservancy
  }
}

extension CalendarDate {
  /// Parses a typed date for `field`: required, exactly `YYYY-MM-DD`, a real day.
  public init(_ text: String, field: Field) throws(DomainError) {
    let trimmed = text.trimmingSpaces
    guard !trimmed.isEmpty else { throw .invalid(field: field, "is required (YYYY-MM-DD)") }
    guard let date = CalendarDate(trimmed) else {
      throw .invalid(field: field, "\(trimmed) is not a date (YYYY-MM-DD)")
    }
    self = date
  }
}
