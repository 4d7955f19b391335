import HWCCore
import HWCDomain
import HWCRules

/// The calendar of the history: complaints on their report dates, emergencies, the poaching
/// incident, premiums, and the money — yearly district budgets sized from what the year's
/// complaints will likely cost (one deliberately tight), donor and state contributions to the
/// conservancy funds.
extension DemoRun {
  /// The district whose budget runs short in 2026, so some approvals are refused.
  static let tightBudget = (district: "Zhanibek", year: 2026)

  func scheduleHistory() throws {
    for (index, plan) in plans.enumerated() { schedule(.register(index), on: plan.reported) }
    for emergency in DemoEmergency.all where includes(emergency.district) {
      schedule(.declare(emergency), on: emergency.declared)
    }
    if let home = DemoPlaces.districts.first(where: {
      $0.conservancy?.name == DemoIncident.poaching.conservancy
    }), includes(home.name) {
      schedule(.poaching(.poaching), on: DemoIncident.poaching.recorded)
    }
    // Premiums are collected before the winter: from mid-December 2024 for the first season,
    // from late November 2025 for the next.
    let rounds = [(2025, CalendarDate("2024-12-17")!), (2026, CalendarDate("2025-11-20")!)]
    for (index, household) in claimants.enumerated() where household.member {
      for (season, opens) in rounds where season == 2025 || !household.lapses {
        schedule(
          .insure(claimant: index, season: season), on: opens.adding(days: household.premiumDay))
      }
    }
    try scheduleBudgets()
    try scheduleFunds()
  }

  /// Budgets are passed in late December for the next year; Kaztalov gets a supplement in
  /// autumn 2025; Zhanibek's 2026 budget covers only about the first half of the year.
  private func scheduleBudgets() throws {
    for profile in DemoPlaces.districts where profile.country == .kz && includes(profile.name) {
      for year in [2025, 2026] {
        let mine = plans.filter {
          DemoPlaces.districts[$0.district].name == profile.name && $0.incident.year == year
        }
        let expected = try mine.reduce(0) { $0 + (try kzEstimate($1)) }
        let passed = CalendarDate(year: year - 1, month: 12, day: 26)!
        if (profile.name, year) == DemoRun.tightBudget {
          let midyear = CalendarDate(year: year, month: 7, day: 1)!
          let firstHalf = try mine.filter { $0.incident < midyear }.reduce(0) {
            $0 + (try kzEstimate($1))
          }
          schedule(
            .allocate(
              district: profile.name, year: year, minor: DemoRun.roundUp(firstHalf * 92 / 100)),
            on: passed)
        } else if profile.name == "Kaztalov", year == 2025 {
          let initial = DemoRun.roundUp(expected * 70 / 100)
          schedule(.allocate(district: profile.name, year: year, minor: initial), on: passed)
          let supplement = DemoRun.roundUp(expected * 115 / 100 - initial)
          schedule(
            .allocate(district: profile.name, year: year, minor: supplement),
            on: CalendarDate(year: year, month: 9, day: 1)!)
        } else {
          schedule(
            .allocate(
              district: profile.name, year: year, minor: DemoRun.roundUp(expected * 115 / 100)),
            on: passed)
        }
      }
    }
  }

  /// Each fund opens the season with a donor grant; premiums flow in each January and
  /// February; the state adds a little in May and donors top the fund up at midyear — except in
  /// Baiboosun in 2025, where the donor held its grant back after the poaching.
  private func scheduleFunds() throws {
    for profile in DemoPlaces.districts where includes(profile.name) {
      guard let conservancy = profile.conservancy?.name else { continue }
      for year in [2025, 2026] {
        let expected = try plans.filter {
          $0.conservancy == conservancy && $0.incident.year == year
        }
        .reduce(0) { $0 + (try kgEstimate($1)) }
        let need = max(expected, 20_000_000)
        let opening = CalendarDate(year: year - 1, month: 12, day: year == 2025 ? 20 : 22)!
        schedule(
          .contribute(conservancy: conservancy, source: "donor", minor: DemoRun.roundUp(need / 2)),
          on: opening)
        schedule(
          .contribute(conservancy: conservancy, source: "state", minor: DemoRun.roundUp(need / 10)),
          on: CalendarDate(year: year, month: 5, day: 15)!)
        let poached = DemoIncident.poaching
        guard conservancy != poached.conservancy || year != poached.date.year else { continue }
        schedule(
          .contribute(
            conservancy: conservancy, source: "donor", minor: DemoRun.roundUp(need * 3 / 10)),
          on: CalendarDate(year: year, month: 7, day: 1)!)
      }
    }
  }

  /// Whether the history includes district `name` (its staff, complaints, money and facts).
  func includes(_ name: String) -> Bool { districts?.contains(name) ?? true }

  /// What a kz-state complaint will likely be paid, in minor units (0 when it will likely be
  /// ineligible): verified quantity × rate × MRP, halved when unprotected.
  func kzEstimate(_ plan: ComplaintPlan) throws -> Int {
    guard DemoPlaces.districts[plan.district].country == .kz, plan.duplicateOf == nil,
      !plan.reportedLate, plan.damage.type != "disease_spread" || plan.vetCertificate != nil,
      plan.damage.species != "saiga" || DemoEmergency.covering(plan) != nil
    else { return 0 }
    let mrp = try policy.value(.kzState, "mrp", on: plan.incident).centi
    var minor = 0
    for item in plan.verified {
      let rate = try policy.value(.kzState, "rate.\(item.item)", on: plan.incident).centi
      minor += item.centi * rate * mrp / 10_000
    }
    return plan.damage.type == "livestock_predation" && !plan.protected ? minor / 2 : minor
  }

  /// What a kg-buffer complaint will likely be paid, in minor units: killed heads × insured
  /// value × coverage, for members, in time, outside the poaching suspension.
  func kgEstimate(_ plan: ComplaintPlan) throws -> Int {
    let household = claimants[plan.claimant]
    guard plan.conservancy != nil, plan.damage.type == "livestock_predation",
      plan.duplicateOf == nil, !plan.reportedLate, household.member,
      plan.incident.year == 2025 || !household.lapses,
      !DemoIncident.poaching.suspends(plan.conservancy, on: plan.incident)
    else { return 0 }
    var minor = 0
    for item in plan.verified {
      let value = try policy.value(.kgBuffer, "insured_value.\(item.item)", on: plan.incident)
      minor += item.centi / 100 * value.centi * (plan.protected ? 80 : 40) / 100
    }
    return minor
  }

  /// Up to the next 100,000 units of currency (10,000,000 minor units), at least that.
  static func roundUp(_ minor: Int) -> Int {
    let step = 10_000_000
    return max(step, (minor + step - 1) / step * step)
  }
}
