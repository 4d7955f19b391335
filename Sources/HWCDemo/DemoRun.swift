import HWCCore
import HWCDomain
import HWCRegister
import HWCRules

/// One thing someone does in the register on a given day.
enum DemoStep {
  case addClaimant(Int)
  case insure(claimant: Int, season: Int)
  case allocate(district: String, year: Int, minor: Int)
  case contribute(conservancy: String, source: String, minor: Int)
  case declare(DemoEmergency)
  case poaching(DemoIncident)
  case register(Int)
  case inspect(Int)
  case assess(Int)
  case approve(Int)
  case reject(Int, reason: String)
  case appeal(Int, reason: String)
  case pay(Int)

  /// The order of a day's work: facts first, then the desk, the field, decisions, payments.
  var rank: Int {
    switch self {
    case .addClaimant, .insure, .allocate, .contribute, .declare, .poaching: return 0
    case .register: return 1
    case .inspect: return 2
    case .assess: return 3
    case .approve, .reject, .appeal: return 4
    case .pay: return 5
    }
  }
}

/// What the workflow did beyond what the register's tables show at a glance.
struct DemoCounters {
  var payments = 0
  var rejections = 0
  var appeals = 0
  var approvalsRefusedForBudget = 0
  var staleAssessments = 0
  var allocations = 0
  var contributions = 0
  var insuredHerds = 0
  var emergencies = 0
  var incidents = 0
  /// Re-inspections that found less than the first inspection and re-assessed.
  var reinspectionsFoundLess = 0
}

/// Runs the demo's history day by day through the register's public operations, each at its
/// own date and time on the register's clock, a week per transaction.
final class DemoRun {
  let register: Register
  let policy: Policy
  let cast: DemoCast
  /// Day 0 of the agenda.
  let origin: CalendarDate
  let today: CalendarDate
  /// The districts of the history (English names); nil for every one.
  let districts: Set<String>?
  var plans: [ComplaintPlan]
  var claimants: [DemoClaimant]
  var rng: SplitMix64
  var counters = DemoCounters()
  private var agenda: [[(rank: Int, order: Int, step: DemoStep)]]
  private var order = 0
  var bankReferences = 0
  let progress: (String) -> Void

  init(
    register: Register, cast: DemoCast, planner: DemoPlanner, origin: CalendarDate,
    progress: @escaping (String) -> Void
  ) throws {
    self.register = register
    self.policy = try register.policy()
    self.cast = cast
    self.origin = origin
    self.today = planner.today
    self.districts = planner.districts
    self.plans = planner.plans
    self.claimants = planner.claimants
    self.rng = planner.rng.fork(2)
    self.progress = progress
    self.agenda = Array(repeating: [], count: origin.days(to: planner.today) + 1)
  }

  /// Puts `step` on the agenda of `date`; a step after the demo's today never happens.
  func schedule(_ step: DemoStep, on date: CalendarDate) {
    let day = origin.days(to: date)
    guard day >= 0, day < agenda.count else { return }
    order += 1
    agenda[day].append((step.rank, order, step))
  }

  /// Runs every day from the origin to today.
  func run() throws {
    var day = 0
    var month = origin.month
    while day < agenda.count {
      let week = day..<min(day + 7, agenda.count)
      try register.transaction {
        for index in week { try runDay(index) }
      }
      day = week.upperBound
      let date = origin.adding(days: day - 1)
      if date.month != month || day == agenda.count {
        month = date.month
        let registered = plans.lazy.filter { $0.code != nil }.count
        progress("\(date): \(registered) complaints registered")
      }
    }
    register.clock = Clock.fixed("\(today)T18:00:00Z")
  }

  private func runDay(_ day: Int) throws {
    let date = origin.adding(days: day)
    // Office hours from 08:30; work that a step puts on the same day follows later that day.
    var seconds = 30_600
    var end = 59_400
    while !agenda[day].isEmpty {
      let steps = agenda[day].sorted { ($0.rank, $0.order) < ($1.rank, $1.order) }
      agenda[day] = []
      let gap = max(1, (end - seconds) / steps.count)
      for entry in steps {
        register.clock = Clock.fixed("\(date)T\(DemoRun.time(seconds))Z")
        try perform(entry.step, on: date)
        seconds += gap
      }
      end = 64_800
    }
  }

  private func perform(_ step: DemoStep, on date: CalendarDate) throws {
    switch step {
    case .addClaimant(let index): try addClaimant(index)
    case .insure(let claimant, let season): try insure(claimant, season: season)
    case .allocate(let district, let year, let minor):
      try allocate(district: district, year: year, minor: minor)
    case .contribute(let conservancy, let source, let minor):
      try contribute(conservancy: conservancy, source: source, minor: minor)
    case .declare(let emergency): try declare(emergency)
    case .poaching(let incident): try record(incident)
    case .register(let index): try registerComplaint(index, on: date)
    case .inspect(let index): try inspect(index, on: date)
    case .assess(let index): try assess(index, on: date)
    case .approve(let index): try approve(index, on: date)
    case .reject(let index, let reason): try reject(index, reason: reason, on: date)
    case .appeal(let index, let reason): try appeal(index, reason: reason, on: date)
    case .pay(let index): try pay(index, on: date)
    }
  }

  /// `HH:MM:SS` for seconds after midnight.
  static func time(_ seconds: Int) -> String {
    func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))"
  }

  /// The staff who handle plan `index`.
  func staff(_ index: Int) -> DemoStaff {
    cast.staff(district: plans[index].district, conservancy: plans[index].conservancy)
  }

  /// One of `actors`, drawn from plan `index`'s own generator.
  func pick(_ actors: [Actor], for index: Int) -> Actor {
    plans[index].rng.pick(actors)
  }

  /// A delay in days drawn from plan `index`'s generator, skewed towards `range`'s low end.
  func delay(_ index: Int, _ range: ClosedRange<Int>, power: Int = 1) -> Int {
    plans[index].rng.skewed(range, power: power)
  }
}
