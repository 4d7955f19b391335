import HWCCore

/// A complaint as typed at the desk or read from a field form, not yet checked.
public struct ComplaintDraft: Sendable {
  public var nationalID: String
  public var district: String
  public var conservancy: String?
  public var type: String
  public var species: String
  public var incidentDate: String
  public var reportedDate: String
  /// `KEY=QTY` pairs as typed.
  public var items: [String]
  public var ref: String?
  public var village: String?
  /// `LAT,LON` in decimal degrees.
  public var coordinates: String?
  public var notes: String?

  public init(
    nationalID: String, district: String, conservancy: String? = nil, type: String,
    species: String, incidentDate: String, reportedDate: String, items: [String],
    ref: String? = nil, village: String? = nil, coordinates: String? = nil, notes: String? = nil
  ) {
    self.nationalID = nationalID
    self.district = district
    self.conservancy = conservancy
    self.type = type
    self.species = species
    self.incidentDate = incidentDate
    self.reportedDate = reportedDate
    self.items = items
    self.ref = ref
    self.village = village
    self.coordinates = coordinates
    self.notes = notes
  }
}

/// A claimed or verified quantity of one item, in hundredths of its unit.
public struct ItemQuantity: Sendable, Hashable {
  public let item: String
  public let centi: Int

  public init(item: String, centi: Int) {
    self.item = item
    self.centi = centi
  }
}

/// A complaint whose every field was checked against the reference data and the calendar.
public struct ValidComplaint: Sendable {
  public let nationalID: String
  public let district: District
  public let conservancy: Conservancy?
  public let type: String
  public let species: String
  public let incidentDate: CalendarDate
  public let reportedDate: CalendarDate
  /// Sorted by item code, one entry per item.
  public let items: [ItemQuantity]
  public let ref: String?
  public let village: String?
  public let latitudeMicro: Int?
  public let longitudeMicro: Int?
  public let notes: String?

  /// Every field as already checked: for a validator, or a value read back from what one kept.
  public init(
    nationalID: String, district: District, conservancy: Conservancy?, type: String,
    species: String, incidentDate: CalendarDate, reportedDate: CalendarDate, items: [ItemQuantity],
    ref: String?, village: String?, latitudeMicro: Int?, longitudeMicro: Int?, notes: String?
  ) {
    self.nationalID = nationalID
    self.district = district
    self.conservancy = conservancy
    self.type = type
    self.species = species
    self.incidentDate = incidentDate
    self.reportedDate = reportedDate
    self.items = items
    self.ref = ref
    self.village = village
    self.latitudeMicro = latitudeMicro
    self.longitudeMicro = longitudeMicro
    self.notes = notes
  }
}
