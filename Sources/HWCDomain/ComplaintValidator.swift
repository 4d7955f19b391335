import HWCCore

/// Checks a complaint draft field by field; the first problem found is the one reported.
public struct ComplaintValidator: Sendable {
  public let reference: Reference
  /// Today, for "not in the future".
  public let today: CalendarDate

  public init(reference: Reference, today: CalendarDate) {
    self.reference = reference
    self.today = today
  }

  /// The checked complaint, or the first field at fault.
  public func validate(_ draft: ComplaintDraft) -> Result<ValidComplaint, DomainError> {
    Result { () throws(DomainError) -> ValidComplaint in try check(draft) }
  }

  private func check(_ draft: ComplaintDraft) throws(DomainError) -> ValidComplaint {
    let nationalID = try NationalID.lookup(draft.nationalID, field: .claimant)
    let district = try reference.requireDistrict(draft.district)
    var conservancy: Conservancy?
    if let name = draft.conservancy?.trimmingSpaces, !name.isEmpty {
      let found = try reference.requireConservancy(name)
      guard found.districtID == district.id else {
        let home = reference.district(id: found.districtID)?.name.en ?? "another district"
        throw .invalid(
          field: .conservancy, "\(found.name.en) is in \(home), not in \(district.name.en)")
      }
      conservancy = found
    }
    let type = try reference.requireDamageType(draft.type)
    let species = try reference.requireSpecies(draft.species)
    let incident = try CalendarDate(draft.incidentDate, field: .incidentDate)
    let reported = try CalendarDate(draft.reportedDate, field: .reportedDate)
    guard incident <= today else {
      throw .invalid(field: .incidentDate, "\(incident) is in the future (today is \(today))")
    }
    guard reported <= today else {
      throw .invalid(field: .reportedDate, "\(reported) is in the future (today is \(today))")
    }
    guard reported >= incident else {
      throw .invalid(
        field: .reportedDate, "\(reported) is before the incident date \(incident)")
    }
    let items = try reference.parseItems(draft.items, damageType: type).get()
    let (latitude, longitude) = try coordinates(draft.coordinates)
    return ValidComplaint(
      nationalID: nationalID, district: district, conservancy: conservancy, type: type,
      species: species, incidentDate: incident, reportedDate: reported, items: items,
      ref: try text(draft.ref, field: .ref, limit: 64),
      village: try text(draft.village, field: .village, limit: 100),
      latitudeMicro: latitude, longitudeMicro: longitude,
      notes: try text(draft.notes, field: .notes, limit: 2000))
  }

  private func text(_ value: String?, field: Field, limit: Int) throws(DomainError) -> String? {
    guard let value = value?.trimmingSpaces, !value.isEmpty else { return nil }
    guard value.count <= limit else {
      throw .invalid(field: field, "is longer than \(limit) characters")
    }
    guard !value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" }) else {
      throw .invalid(field: field, "contains control characters")
    }
    return value
  }

  private func coordinates(_ value: String?) throws(DomainError) -> (Int?, Int?) {
    guard let value = value?.trimmingSpaces, !value.isEmpty else { return (nil, nil) }
    let parts = value.split(separator: ",", omittingEmptySubsequences: false)
    guard parts.count == 2, let lat = Self.micro(String(parts[0])),
      let lon = Self.micro(String(parts[1]))
    else {
      throw .invalid(field: .coordinates, "'\(value)' is not LAT,LON in decimal degrees")
    }
    guard abs(lat) <= 90_000_000, abs(lon) <= 180_000_000 else {
      throw .invalid(field: .coordinates, "'\(value)' is outside -90..90, -180..180")
    }
    return (lat, lon)
  }

  /// Decimal degrees with up to six decimals as millionths.
  static func micro(_ text: String) -> Int? {
    var text = text.trimmingSpaces
    var sign = 1
    if text.hasPrefix("-") {
      sign = -1
      text.removeFirst()
    }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 3,
      parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), let whole = Int(parts[0])
    else { return nil }
    var fraction = 0
    if parts.count == 2 {
      let digits = parts[1]
      guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
        let value = Int(digits)
      else { return nil }
      fraction = value
      for _ in digits.count..<6 { fraction *= 10 }
    }
    return sign * (whole * 1_000_000 + fraction)
  }
}

extension Reference {
  /// Parses `KEY=QTY` entries for `damageType`: known items the type accepts, at most two
  /// decimals, whole heads, each item once, at least one.
  public func parseItems(_ entries: [String], damageType: String) -> Result<
    [ItemQuantity], DomainError
  > {
    Result { () throws(DomainError) -> [ItemQuantity] in
      var seen: [String: Int] = [:]
      let allowed = allowedItems[damageType] ?? []
      for entry in entries {
        let trimmed = entry.trimmingSpaces
        if trimmed.isEmpty { continue }
        let parts = trimmed.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else {
          throw .invalid(field: .items, "'\(trimmed)' is not KEY=QTY (e.g. sheep_goat.adult=3)")
        }
        let typed = parts[0].trimmingSpaces
        let quantityText = parts[1].trimmingSpaces
        guard let key = itemCode(named: typed), let kind = items[key] else {
          let accepted = allowed.sorted()
          let hint = TypedForms.closest(typed, among: accepted).map { " did you mean \($0)?" } ?? ""
          throw .invalid(
            field: .items,
            "'\(typed)' is not an item;\(hint) items for \(damageType): "
              + accepted.joined(separator: ", "))
        }
        guard allowed.contains(key) else {
          throw .invalid(
            field: .items,
            "\(key) is not accepted for \(damageType) (accepted: "
              + "\(allowed.sorted().joined(separator: ", ")))")
        }
        guard seen[key] == nil else {
          throw .invalid(field: .items, "\(key) is given more than once")
        }
        let centi: Int
        switch Decimal2.parse(quantityText) {
        case .success(let value): centi = value
        case .failure(let problem):
          throw .invalid(
            field: .items,
            "\(key) quantity '\(quantityText)' \(problem)\(TypedForms.numberHint(quantityText))")
        }
        guard !kind.isHeads || centi % 100 == 0 else {
          throw .invalid(field: .items, "\(key) is counted in whole heads, not \(quantityText)")
        }
        seen[key] = centi
      }
      guard !seen.isEmpty else {
        throw .invalid(field: .items, "at least one item is required (KEY=QTY)")
      }
      return seen.map { ItemQuantity(item: $0.key, centi: $0.value) }.sorted { $0.item < $1.item }
    }
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces, tabs and newlines.
  public var trimmingSpaces: String {
    // Most fields have nothing to trim: when neither the first nor the last byte is a space,
    // tab, CR or LF, no first or last character can be one (each is that byte alone).
    let text = String(self)
    if let first = text.utf8.first, let last = text.utf8.last, !Self.isSpaceByte(first),
      !Self.isSpaceByte(last)
    {
      return text
    }
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let start = firstIndex(where: { !isSpace($0) }),
      let end = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[start...end])
  }

  /// True for the bytes of the characters `trimmingSpaces` removes.
  private static func isSpaceByte(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }
}
