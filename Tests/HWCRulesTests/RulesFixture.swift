import HWCCore
import HWCDomain
import Testing

@testable import HWCRules

/// A date written as in the SPEC; tests only use valid ones.
func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

/// The policy of SPEC §5 and facts of complaints, written the way the SPEC writes them.
enum RulesFixture {
  /// Values without their own history took effect on 2023-01-01, the first MRP date.
  static let start = "2023-01-01"

  /// SPEC §5.1, scheme `kz-state`.
  static let kzValues: [PolicyValue] =
    [
      value(.kzState, "mrp", "3450", from: "2023-01-01"),
      value(.kzState, "mrp", "3692", from: "2024-01-01"),
      value(.kzState, "mrp", "3932", from: "2025-01-01"),
      value(.kzState, "mrp", "4325", from: "2026-01-01"),
    ]
    + [
      ("sheep_goat.adult", "12"), ("sheep_goat.young", "5"), ("cattle.adult", "70"),
      ("cattle.young", "25"), ("horse.adult", "80"), ("horse.young", "30"),
      ("camel.adult", "90"), ("camel.young", "35"), ("pasture.light", "0.2"),
      ("pasture.moderate", "0.5"), ("pasture.severe", "1.0"), ("hay", "6"),
      ("crop.wheat", "15"), ("crop.barley", "12"), ("crop.fodder", "10"), ("crop.other", "8"),
      ("water.point_day", "0.5"),
    ].map { value(.kzState, "rate.\($0.0)", $0.1) }
    + [
      ("deadline_days.livestock_predation", "3"), ("deadline_days.other", "10"),
      ("reduction_unprotected_percent", "50"), ("household_cap_mrp", "1000"),
      ("minimum_mrp", "1"),
    ].map { value(.kzState, $0.0, $0.1) }

  /// SPEC §5.2, scheme `kg-buffer`.
  static let kgValues: [PolicyValue] =
    [
      ("sheep_goat", "7000", "3000", "70"), ("cattle", "45000", "15000", "450"),
      ("horse", "60000", "20000", "600"), ("yak", "50000", "18000", "500"),
    ].flatMap {
      [
        value(.kgBuffer, "insured_value.\($0.0).adult", $0.1),
        value(.kgBuffer, "insured_value.\($0.0).young", $0.2),
        value(.kgBuffer, "premium.\($0.0)", $0.3),
      ]
    }
    + [
      ("coverage_percent.protected", "80"), ("coverage_percent.unprotected", "40"),
      ("household_cap", "150000"), ("minimum", "500"),
      ("deadline_days.livestock_predation", "3"), ("clause_window_days", "365"),
    ].map { value(.kgBuffer, $0.0, $0.1) }

  static let policy = Policy(kzValues + kgValues)

  static func value(_ scheme: Scheme, _ key: String, _ text: String, from: String = start)
    -> PolicyValue
  {
    PolicyValue(
      scheme: scheme, key: key, centi: try! Decimal2.parse(text).get(), effectiveFrom: day(from))
  }

  /// The item catalogue of migration 0002.
  static let items: [String: ItemKind] = {
    var items: [String: ItemKind] = [:]
    for livestock in ["sheep_goat", "cattle", "horse", "camel", "yak"] {
      for age in ["adult", "young"] {
        items["\(livestock).\(age)"] = kind("\(livestock).\(age)", "head", livestock, age)
      }
    }
    for code in ["pasture.light", "pasture.moderate", "pasture.severe"] {
      items[code] = kind(code, "hectare")
    }
    for code in ["crop.wheat", "crop.barley", "crop.fodder", "crop.other"] {
      items[code] = kind(code, "hectare")
    }
    items["hay"] = kind("hay", "tonne")
    items["water.point_day"] = kind("water.point_day", "point_day")
    return items
  }()

  private static func kind(
    _ code: String, _ unit: String, _ cls: String? = nil, _ age: String? = nil
  )
    -> ItemKind
  {
    ItemKind(
      code: code, name: LocalizedName(en: code, ru: code), unit: unit, livestockClass: cls,
      age: age)
  }

  /// `"3 sheep_goat.adult, 0.25 pasture.light"` as verified items.
  static func quantities(_ text: String) -> [ItemQuantity] {
    text.split(separator: ",").map {
      let parts = $0.split(separator: " ")
      return ItemQuantity(
        item: String(parts[1]), centi: try! Decimal2.parse(String(parts[0])).get())
    }
  }

  /// `"20 sheep_goat, 5 cattle"` as heads per class.
  static func heads(_ text: String) -> [String: Int] {
    var heads: [String: Int] = [:]
    for entry in text.split(separator: ",") {
      let parts = entry.split(separator: " ")
      heads[String(parts[1])] = Int(parts[0])!
    }
    return heads
  }

  /// The damage type that accepts `item` (SPEC §3).
  static func damageType(for item: String) -> String {
    switch item.split(separator: ".")[0] {
    case "pasture": return "pasture_trampling"
    case "hay": return "hay_loss"
    case "crop": return "crop_invasion"
    case "water": return "water_depletion"
    default: return "livestock_predation"
    }
  }
}

/// Facts of complaints, written the way the SPEC's examples read.
extension AssessmentInput {
  /// A Kaztalov complaint; reported the day after the incident unless told otherwise.
  static func kz(
    type: String = "livestock_predation", species: String = "wolf",
    incident: String = "2025-03-10", reportedAfter: Int = 1, items: String = "3 sheep_goat.adult",
    inspected: Bool = true, protected: Bool = true, certificate: String? = nil,
    emergency: ClosedRange<String>? = nil, alreadyApproved: Int = 0
  ) -> AssessmentInput {
    let emergencies = emergency.map {
      [EmergencyFacts(decree: "No. 7", from: day($0.lowerBound), to: day($0.upperBound))]
    }
    return AssessmentInput(
      complaint: "KAZ-2025-0001", scheme: .kzState, district: "Kaztalov", damageType: type,
      species: species, incidentDate: day(incident),
      reportedDate: day(incident).adding(days: reportedAfter),
      inspection: inspection(inspected, incident, items, protected, certificate),
      items: RulesFixture.items, emergencies: emergencies ?? [],
      alreadyApprovedMinor: alreadyApproved)
  }

  /// A Shamshy conservancy complaint by a paying member; the loss is on 2025-08-01.
  static func kg(
    type: String = "livestock_predation", member: Bool = true, incident: String = "2025-08-01",
    reportedAfter: Int = 1, items: String = "3 sheep_goat.adult", inspected: Bool = true,
    protected: Bool = true, insured: String = "20 sheep_goat", compensated: String = "",
    incidents: [WildlifeIncident] = [], alreadyApproved: Int = 0
  ) -> AssessmentInput {
    AssessmentInput(
      complaint: "CHU-2025-0001", scheme: .kgBuffer, district: "Chuy", damageType: type,
      species: "snow_leopard", incidentDate: day(incident),
      reportedDate: day(incident).adding(days: reportedAfter),
      inspection: inspection(inspected, incident, items, protected, nil), items: RulesFixture.items,
      alreadyApprovedMinor: alreadyApproved, conservancy: "Shamshy",
      memberWithPaidPremium: member, insuredHeads: RulesFixture.heads(insured),
      compensatedHeads: RulesFixture.heads(compensated), incidents: incidents)
  }

  private static func inspection(
    _ inspected: Bool, _ incident: String, _ items: String, _ protected: Bool,
    _ certificate: String?
  ) -> InspectionFacts? {
    guard inspected else { return nil }
    return InspectionFacts(
      date: day(incident).adding(days: 2), items: RulesFixture.quantities(items),
      protected: protected,
      vetCertificate: certificate)
  }
}

/// One worked example: the facts, the exact amount in minor units, and the reason if refused.
struct RuleCase: Sendable, CustomTestStringConvertible {
  let name: String
  let input: AssessmentInput
  let amountMinor: Int
  let reason: String?

  init(_ name: String, _ input: AssessmentInput, _ amountMinor: Int, _ reason: String? = nil) {
    self.name = name
    self.input = input
    self.amountMinor = amountMinor
    self.reason = reason
  }

  var testDescription: String { name }

  /// Assesses the facts through the engine's front door.
  func assess(_ policy: Policy = RulesFixture.policy) throws -> Assessment {
    try RulesEngine.assess(input, policy: policy)
  }

  /// The code a reason's English text names (as migration 0006 assigns codes to the reasons of
  /// assessments stored before codes existed).
  static func code(naming reason: String) -> ReasonCode? {
    if reason.hasPrefix("reported ") { return .lateReport }
    if reason == "not inspected" { return .notInspected }
    if reason.contains("vet certificate") { return .noVetCertificate }
    if reason.hasPrefix("saiga damage") { return .noEmergency }
    if reason.hasPrefix("not covered") { return .notCovered }
    if reason.hasPrefix("payments suspended") { return .suspended }
    if reason.hasPrefix("not a member") { return .notMember }
    if reason == "below minimum" { return .belowMinimum }
    return nil
  }

  /// Checks amount, outcome and reason against the example.
  func check(sourceLocation: SourceLocation = #_sourceLocation) throws {
    let assessment = try assess()
    #expect(assessment.amountMinor == amountMinor, sourceLocation: sourceLocation)
    #expect(assessment.reason == reason, sourceLocation: sourceLocation)
    let code = reason.flatMap(RuleCase.code(naming:))
    #expect(assessment.reasonCode == code, sourceLocation: sourceLocation)
    #expect(
      assessment.outcome == (reason == nil ? .eligible : .ineligible),
      sourceLocation: sourceLocation)
  }
}
