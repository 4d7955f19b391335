import HWCCore
import HWCDomain
import HWCRegister

/// A saiga emergency declared by the West Kazakhstan akimat for a district and period.
struct DemoEmergency {
  let district: String
  let from: CalendarDate
  let to: CalendarDate
  /// The day the decree was entered; complaints assessed before it were found ineligible.
  let declared: CalendarDate
  let decree: String

  private init(_ district: String, _ from: String, _ to: String, declared: String, _ no: Int) {
    self.district = district
    self.from = CalendarDate(from)!
    self.to = CalendarDate(to)!
    self.declared = CalendarDate(declared)!
    self.decree = "WKO akimat resolution No. \(no) of \(declared)"
  }

  /// Spring and autumn migrations; Bokeyorda and Akzhaik not every season.
  static let all = [
    DemoEmergency("Kaztalov", "2025-04-01", "2025-05-31", declared: "2025-04-08", 112),
    DemoEmergency("Zhanibek", "2025-04-05", "2025-05-31", declared: "2025-04-11", 118),
    DemoEmergency("Bokeyorda", "2025-04-10", "2025-05-31", declared: "2025-04-18", 131),
    DemoEmergency("Kaztalov", "2025-09-01", "2025-11-30", declared: "2025-09-08", 289),
    DemoEmergency("Zhanibek", "2025-09-01", "2025-11-30", declared: "2025-09-08", 290),
    DemoEmergency("Bokeyorda", "2025-09-20", "2025-11-20", declared: "2025-09-29", 311),
    DemoEmergency("Akzhaik", "2025-10-01", "2025-11-15", declared: "2025-10-09", 327),
    DemoEmergency("Kaztalov", "2026-03-25", "2026-05-31", declared: "2026-04-02", 94),
    DemoEmergency("Zhanibek", "2026-03-25", "2026-05-31", declared: "2026-04-02", 95),
    DemoEmergency("Bokeyorda", "2026-04-01", "2026-05-31", declared: "2026-04-14", 108),
    DemoEmergency("Akzhaik", "2026-04-05", "2026-05-25", declared: "2026-04-13", 113),
    DemoEmergency("Kaztalov", "2026-09-01", "2026-11-30", declared: "2026-09-07", 277),
    DemoEmergency("Zhanibek", "2026-09-01", "2026-11-30", declared: "2026-09-07", 278),
    DemoEmergency("Bokeyorda", "2026-09-15", "2026-11-30", declared: "2026-09-24", 296),
    DemoEmergency("Akzhaik", "2026-09-20", "2026-11-20", declared: "2026-09-30", 305),
  ]

  /// The emergency that covers a saiga complaint's incident, if any.
  static func covering(_ plan: ComplaintPlan) -> DemoEmergency? {
    guard plan.damage.species == "saiga" else { return nil }
    let district = DemoPlaces.districts[plan.district].name
    return all.first {
      $0.district == district && $0.from <= plan.incident && plan.incident <= $0.to
    }
  }
}

/// A wildlife crime in a conservancy: it suspends buffer payments for a year.
struct DemoIncident {
  let conservancy: String
  let kind: String
  let date: CalendarDate
  let recorded: CalendarDate
  let note: String

  static let poaching = DemoIncident(
    conservancy: "Baiboosun", kind: "poaching", date: CalendarDate("2025-03-14")!,
    recorded: CalendarDate("2025-03-17")!,
    note: "snow leopard found in a wire snare above Ak-Terek; case passed to the Ton police")

  /// True when the incident suspends payment of a loss on `date` in `conservancy`.
  func suspends(_ conservancy: String?, on date: CalendarDate) -> Bool {
    conservancy == self.conservancy && self.date <= date && self.date.days(to: date) <= 365
  }
}

/// Facts entered by administrators, officers and treasurers, outside any one complaint.
extension DemoRun {
  func addClaimant(_ index: Int) throws {
    guard !claimants[index].added else { return }
    let household = claimants[index]
    let officer = cast.staff(district: household.district, conservancy: household.conservancy)
      .officers[0]
    register.command = "hwc claimant add"
    _ = try register.addClaimant(
      ClaimantDraft(
        name: household.person.fullName, nationalID: household.nationalID,
        district: DemoPlaces.districts[household.district].name, village: household.village,
        conservancy: household.conservancy,
        herd: household.herd.map { "\($0.livestockClass)=\($0.heads)" }),
      actor: officer)
    claimants[index].added = true
  }

  /// A member insures most of its sheep and goats, and often its cattle, horses and yaks.
  func insure(_ index: Int, season: Int) throws {
    try addClaimant(index)
    let household = claimants[index]
    let officer = cast.staff(district: household.district, conservancy: household.conservancy)
      .officers[0]
    register.command = "hwc herd insure"
    for kept in household.herd {
      let share: Double
      switch kept.livestockClass {
      case "sheep_goat": share = rng.real(0.6...1)
      case "cattle": share = rng.chance(0.5) ? 1 : 0
      case "horse": share = rng.chance(0.4) ? 1 : 0
      case "yak": share = rng.chance(0.6) ? 1 : 0
      default: share = 0
      }
      let heads = Int(Double(kept.heads) * share)
      guard heads > 0 else { continue }
      _ = try register.insureHerd(
        nationalID: household.nationalID, season: String(season),
        livestockClass: kept.livestockClass, heads: String(heads), actor: officer)
      counters.insuredHerds += 1
    }
  }

  func allocate(district: String, year: Int, minor: Int) throws {
    let index = DemoPlaces.districts.firstIndex { $0.name == district }!
    register.command = "hwc budget allocate"
    _ = try register.allocateBudget(
      district: district, year: String(year), amount: Decimal2.format(minor),
      actor: cast.districts[index].treasurer!)
    counters.allocations += 1
  }

  func contribute(conservancy: String, source: String, minor: Int) throws {
    register.command = "hwc fund contribute"
    _ = try register.contributeToFund(
      conservancy: conservancy, amount: Decimal2.format(minor), source: source,
      actor: cast.conservancies[conservancy]!.treasurer!)
    counters.contributions += 1
  }

  func declare(_ emergency: DemoEmergency) throws {
    register.command = "hwc emergency declare"
    _ = try register.declareEmergency(
      district: emergency.district, from: emergency.from.description,
      to: emergency.to.description, decree: emergency.decree, actor: cast.admin)
    counters.emergencies += 1
  }

  func record(_ incident: DemoIncident) throws {
    register.command = "hwc incident record"
    _ = try register.recordIncident(
      conservancy: incident.conservancy, kind: incident.kind, date: incident.date.description,
      note: incident.note, actor: cast.conservancies[incident.conservancy]!.inspectors[0])
    counters.incidents += 1
  }
}
