import HWCCore
import HWCDomain
import HWCRegister

/// A name and how many.
public struct DemoCount: Sendable, Equatable {
  public let name: String
  public let count: Int
}

/// What the demo built, read back from the register.
public struct DemoSummary: Sendable {
  public let path: String
  public let seed: UInt64
  /// The demo's today, `YYYY-MM-DD`.
  public let today: String
  /// Quarters with registered complaints, oldest first (`2025-Q1` …).
  public let quarters: [String]
  /// The quarter the demo's report covers, e.g. `2026-Q3`.
  public let latestCompleteQuarter: String
  public let complaints: Int
  /// A paid predation complaint registered in the latest complete quarter, to look at first.
  public let sample: String?
  /// Complaints per current status, in lifecycle order; statuses with none are left out.
  public let statuses: [DemoCount]
  /// Complaints per district, in reference order.
  public let districts: [DemoCount]
  /// Complaints that happened inside each conservancy.
  public let conservancies: [DemoCount]
  public let claimants: Int
  public let users: Int
  public let payments: Int
  public let rejections: Int
  /// Appeals recorded (a complaint may be appealed more than once).
  public let appeals: Int
  /// Second approvals refused because the budget or fund could not take them.
  public let approvalsRefusedForBudget: Int
  /// Second approvals refused because the assessment was out of date (then re-assessed).
  public let staleAssessments: Int
  public let allocations: Int
  public let contributions: Int
  public let insuredHerds: Int
  public let emergencies: Int
  public let incidents: Int

  init(path: String, seed: UInt64, run: DemoRun) throws {
    let all = try run.register.complaints()
    self.path = path
    self.seed = seed
    self.today = run.today.description
    var quarters: [String] = []
    for complaint in all {
      let quarter = Demo.quarter(CalendarDate(complaint.reportedDate)!)
      if !quarters.contains(quarter) { quarters.append(quarter) }
    }
    self.quarters = quarters
    self.latestCompleteQuarter = Demo.latestCompleteQuarter(before: run.today)
    self.complaints = all.count
    let latest = latestCompleteQuarter
    sample =
      all.last {
        $0.status == .paid && $0.type == "livestock_predation"
          && Demo.quarter(CalendarDate($0.reportedDate)!) == latest
      }?.code
    let lifecycle: [ComplaintStatus] = [
      .registered, .inspected, .assessed, .approved, .paid, .rejected, .ineligible, .appealed,
      .withdrawn,
    ]
    statuses = lifecycle.compactMap { status in
      let count = all.lazy.filter { $0.status == status }.count
      return count == 0 ? nil : DemoCount(name: status.rawValue, count: count)
    }
    districts = DemoPlaces.districts.map { profile in
      DemoCount(name: profile.name, count: all.lazy.filter { $0.district == profile.name }.count)
    }
    conservancies = DemoPlaces.districts.compactMap(\.conservancy).map { conservancy in
      DemoCount(
        name: conservancy.name,
        count: run.plans.lazy.filter { $0.code != nil && $0.conservancy == conservancy.name }
          .count)
    }
    claimants = run.claimants.lazy.filter(\.added).count
    users = run.cast.users
    let counters = run.counters
    payments = counters.payments
    rejections = counters.rejections
    appeals = counters.appeals
    approvalsRefusedForBudget = counters.approvalsRefusedForBudget
    staleAssessments = counters.staleAssessments
    allocations = counters.allocations
    contributions = counters.contributions
    insuredHerds = counters.insuredHerds
    emergencies = counters.emergencies
    incidents = counters.incidents
  }

  /// Complaints now in `status`.
  public func count(status: String) -> Int {
    statuses.first { $0.name == status }?.count ?? 0
  }

  /// A few lines for a person: what was built and where.
  public var lines: [String] {
    let first = quarters.first ?? "?"
    let last = quarters.last ?? "?"
    return [
      "demo register \(path): \(complaints) complaints from \(claimants) households, "
        + "\(first) to \(last) (\(quarters.count) quarters), today is \(today)",
      "  status: " + statuses.map { "\($0.name) \($0.count)" }.joined(separator: ", "),
      "  districts: " + districts.map { "\($0.name) \($0.count)" }.joined(separator: ", "),
      "  conservancies: " + conservancies.map { "\($0.name) \($0.count)" }.joined(separator: ", "),
      "  \(payments) payments, \(rejections) rejections, \(appeals) appeals, "
        + "\(approvalsRefusedForBudget) approvals refused for lack of budget, "
        + "\(emergencies) emergencies, \(incidents) poaching incident, "
        + "\(insuredHerds) herds insured, \(users) users",
    ]
  }
}
