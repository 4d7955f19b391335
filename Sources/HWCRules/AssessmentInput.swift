import HWCCore
import HWCDomain

/// What the inspector verified in the field; the assessment uses these quantities.
public struct InspectionFacts: Sendable {
  public let date: CalendarDate
  /// Verified items, in hundredths of their unit.
  public let items: [ItemQuantity]
  /// Livestock corralled or herded at the time of a predation.
  public let protected: Bool
  public let vetCertificate: String?

  public init(date: CalendarDate, items: [ItemQuantity], protected: Bool, vetCertificate: String?) {
    self.date = date
    self.items = items
    self.protected = protected
    self.vetCertificate = vetCertificate
  }
}

/// A declared emergency covering a district for a period (saiga damage is paid only under one).
public struct EmergencyFacts: Sendable {
  public let decree: String
  public let from: CalendarDate
  public let to: CalendarDate

  public init(decree: String, from: CalendarDate, to: CalendarDate) {
    self.decree = decree
    self.from = from
    self.to = to
  }
}

/// A poaching or retaliatory killing recorded in a conservancy (the conservation clause).
public struct WildlifeIncident: Sendable {
  public let id: Int
  public let kind: String
  public let date: CalendarDate

  public init(id: Int, kind: String, date: CalendarDate) {
    self.id = id
    self.kind = kind
    self.date = date
  }
}

/// Everything the engine needs to assess one complaint; gathered by the register, no SQL here.
public struct AssessmentInput: Sendable {
  public let complaint: String
  public let scheme: Scheme
  /// District where the loss happened (the kz-state payer is its budget for the year).
  public let district: String
  public let damageType: String
  public let species: String
  public let incidentDate: CalendarDate
  public let reportedDate: CalendarDate
  /// The latest inspection, or nil when not inspected.
  public let inspection: InspectionFacts?
  /// Item catalogue: livestock class and age of each item.
  public let items: [String: ItemKind]

  // kz-state
  /// Declared emergencies of the complaint's district (all of them; the engine picks).
  public let emergencies: [EmergencyFacts]

  // both: the household cap
  /// Amount already approved for the claimant in the incident's year (kz-state) or season
  /// (kg-buffer), in minor units, this complaint excluded.
  public let alreadyApprovedMinor: Int

  // kg-buffer
  /// Conservancy name, when the loss happened in one.
  public let conservancy: String?
  /// True when the claimant is a member of the conservancy with a paid premium for the season.
  public let memberWithPaidPremium: Bool
  /// Insured heads per livestock class for the season.
  public let insuredHeads: [String: Int]
  /// Heads per class already compensated in the season (approved or paid), this complaint excluded.
  public let compensatedHeads: [String: Int]
  /// Poaching and retaliatory killings recorded in the conservancy.
  public let incidents: [WildlifeIncident]

  public init(
    complaint: String, scheme: Scheme, district: String, damageType: String, species: String,
    incidentDate: CalendarDate, reportedDate: CalendarDate, inspection: InspectionFacts?,
    items: [String: ItemKind], emergencies: [EmergencyFacts] = [], alreadyApprovedMinor: Int = 0,
    conservancy: String? = nil, memberWithPaidPremium: Bool = false,
    insuredHeads: [String: Int] = [:], compensatedHeads: [String: Int] = [:],
    incidents: [WildlifeIncident] = []
  ) {
    self.complaint = complaint
    self.scheme = scheme
    self.district = district
    self.damageType = damageType
    self.species = species
    self.incidentDate = incidentDate
    self.reportedDate = reportedDate
    self.inspection = inspection
    self.items = items
    self.emergencies = emergencies
    self.alreadyApprovedMinor = alreadyApprovedMinor
    self.conservancy = conservancy
    self.memberWithPaidPremium = memberWithPaidPremium
    self.insuredHeads = insuredHeads
    self.compensatedHeads = compensatedHeads
    self.incidents = incidents
  }
}
