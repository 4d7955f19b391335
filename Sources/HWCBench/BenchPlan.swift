import HWCCore

/// What `make bench` generates: how many complaint rows, from which seed, over which years.
public struct BenchPlan: Sendable {
  /// Complaint rows in the CSV.
  public var rows: Int
  /// The seed of every draw: the same plan writes the same files, byte for byte.
  public var seed: UInt64
  /// Herders filing them: about 25 complaints each over the years, at least 50.
  public var claimants: Int
  /// The first and last incident dates.
  public var firstIncident = CalendarDate(year: 2023, month: 1, day: 1)!
  public var lastIncident = CalendarDate(year: 2026, month: 10, day: 31)!
  /// The share of rows that are a second form for a loss already reported (a possible duplicate:
  /// same claimant and damage type within 7 days).
  public var duplicateShare = 0.01
  /// The share of complaints with a field inspection form.
  public var inspectedShare = 0.85
  /// The districts the herders live in (English names): one office's share; nil for every one.
  public var districts: [String]?

  public init(rows: Int, seed: UInt64 = 20_261_130) {
    precondition(rows > 0, "a bench needs at least one row")
    self.rows = rows
    self.seed = seed
    self.claimants = max(min(rows, 50), rows / 25)
  }
}

/// What the generator wrote, for the driver and the tests.
public struct BenchSummary: Sendable {
  public var rows = 0
  public var claimants = 0
  /// Rows written as a second form for a loss already reported.
  public var duplicates = 0
  public var inspections = 0
  /// Complaint codes the rows will get on a fresh register, a few spread over the file.
  public var sampleCodes: [String] = []
  /// A claimant of the file, for single `complaint register` runs.
  public var sampleClaimant: BenchClaimant?
  /// Complaints per damage type.
  public var types: [String: Int] = [:]
  /// Complaints per incident year.
  public var years: [Int: Int] = [:]
}
