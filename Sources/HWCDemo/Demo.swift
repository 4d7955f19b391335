import HWCCore
import HWCDomain
import HWCRegister

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How big a demo register to build.
public enum DemoScale: Sendable, Equatable {
  /// About 400 complaints: every district, conservancy and status, for tests.
  case small
  /// More than 5,000 complaints over seven quarters: a register that looks like the real thing.
  case full

  var factor: Double { self == .small ? 0.07 : 1 }
}

/// Why the demo could not be built.
public enum DemoError: Error, CustomStringConvertible, Equatable {
  /// The demo writes a new register and never touches an existing file.
  case exists(path: String)

  public var description: String {
    switch self {
    case .exists(let path):
      return "\(path) already exists; the demo builds a new register, so choose another --out"
    }
  }
}

/// The demo register (`hwc demo`): a realistic history from a fixed seed, run through the
/// register's own operations — every registration, inspection, assessment, approval, rejection,
/// appeal and payment is a real command at its own date, so the audit chain, the ledger and the
/// reports are exactly what an office would have after seven quarters of work.
public enum Demo {
  /// The seed `hwc demo` uses.
  public static let defaultSeed: UInt64 = 20_261_020
  /// The demo's "today": its latest complete quarter is 2026-Q3.
  public static let today = CalendarDate(year: 2026, month: 10, day: 20)!
  /// The first day of the history.
  public static let firstDay = CalendarDate(year: 2025, month: 1, day: 1)!
  /// The administrator's user name.
  public static let admin = "admin"

  /// Builds a new register at `path` and runs the history; `progress` receives a line a month.
  /// With `districts` (English names), only those districts and their conservancies have staff,
  /// complaints, budgets, funds and facts: an office's share of the country; `office` makes the
  /// register that office's (`hwc init --office`).
  public static func build(
    path: String, seed: UInt64 = defaultSeed, scale: DemoScale = .full,
    districts: [String]? = nil, office: Office? = nil, progress: (String) -> Void = { _ in }
  ) throws -> DemoSummary {
    guard path == ":memory:" || access(path, F_OK) != 0 else {
      throw DemoError.exists(path: path)
    }
    return try withoutActuallyEscaping(progress) { progress in
      let origin = CalendarDate(year: 2024, month: 12, day: 16)!
      let (register, _) = try Register.initialize(
        path: path, admin: admin, clock: Clock.fixed("\(origin)T08:00:00Z"), office: office)
      register.command = "hwc user add"
      var rng = SplitMix64(seed: seed)
      let cast = try register.transaction {
        try DemoCast(
          register: register, admin: register.actor(named: admin), rng: &rng,
          districts: districts.map(Set.init))
      }
      var planner = DemoPlanner(
        seed: seed, scale: scale.factor, first: firstDay, today: today,
        districts: districts.map(Set.init))
      planner.plan()
      progress(
        "planned \(planner.plans.count) complaints from \(planner.claimants.count) households")
      let run = try DemoRun(
        register: register, cast: cast, planner: planner, origin: origin, progress: progress)
      try run.scheduleHistory()
      try run.run()
      return try DemoSummary(path: path, seed: seed, run: run)
    }
  }

  /// The quarter `YYYY-Qn` of a date.
  static func quarter(_ date: CalendarDate) -> String { Quarter(containing: date).description }

  /// The last quarter that ended before `date`.
  static func latestCompleteQuarter(before date: CalendarDate) -> String {
    Quarter.latestComplete(before: date).description
  }
}
