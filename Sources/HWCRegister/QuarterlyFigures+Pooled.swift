import HWCCore
import HWCDomain
import HWCStore

/// The quarterly figures of several registers read as one: the offices' replicas in the national
/// register, or a single register (which gives back its own figures unchanged).
///
/// Each section pools what it can pool exactly, given that every district and conservancy (so
/// every payer, village and complaint) belongs to one office: counts and money are summed;
/// per-complaint timelines, flags, decisions and incidents are concatenated, so medians and
/// percentiles are computed from the pooled complaints, never averaged; each register's top
/// villages are merged and cut again (exact, since a village's complaints are in one register).
///
/// A new section of the quarterly report adds a query to `QuarterlyFigures` and the method of the
/// same name here, saying how its rows pool (sum, concatenate, or merge and cut).
public struct PooledQuarterlyFigures {
  /// The figures of each register, in the order given.
  public let parts: [QuarterlyFigures]

  public init(_ parts: [QuarterlyFigures]) {
    self.parts = parts
  }

  /// The only part, when there is exactly one: its rows are returned as they are.
  private var single: QuarterlyFigures? { parts.count == 1 ? parts[0] : nil }

  /// Complaints registered in the span by district and damage type, summed per cell.
  public func complaintsByDistrictAndType() throws -> [QuarterlyFigures.DistrictTypeCount] {
    if let single { return try single.complaintsByDistrictAndType() }
    var order: [String] = []
    var cells: [String: QuarterlyFigures.DistrictTypeCount] = [:]
    for part in parts {
      for cell in try part.complaintsByDistrictAndType() {
        let key = "\(cell.districtID) \(cell.damageType)"
        let count = (cells[key]?.count ?? 0) + cell.count
        if cells[key] == nil { order.append(key) }
        cells[key] = .init(districtID: cell.districtID, damageType: cell.damageType, count: count)
      }
    }
    return order.map { cells[$0]! }
  }

  /// Complaints registered in the span by species code, summed.
  public func complaintsBySpecies() throws -> [String: Int] {
    try sum { try $0.complaintsBySpecies() }
  }

  /// Verified quantities by item, in hundredths, summed.
  public func verifiedByItem() throws -> [String: Int] {
    try sum { try $0.verifiedByItem() }
  }

  /// Every budget and fund with its figures, summed per payer (each payer is one office's), in
  /// the single register's order: budgets, then funds, by account.
  public func payers() throws -> [QuarterlyFigures.PayerFigures] {
    if let single { return try single.payers() }
    var pooled: [QuarterlyFigures.PayerFigures] = []
    for part in parts {
      for payer in try part.payers() {
        guard let index = pooled.firstIndex(where: { $0.payer == payer.payer }) else {
          pooled.append(payer)
          continue
        }
        pooled[index].add(payer)
      }
    }
    return pooled.sorted { $0.reportOrder < $1.reportOrder }
  }

  /// Decision events counted in groups: every register's groups (the report adds them up).
  public func decisions() throws -> [QuarterlyFigures.Decision] {
    try parts.flatMap { try $0.decisions() }
  }

  /// Every register's complaint timelines, concatenated: the pooled complaints.
  public func timelines() throws -> [QuarterlyFigures.Timeline] {
    try parts.flatMap { try $0.timelines() }
  }

  /// The villages with the most complaints: each register's top `limit`, merged and cut to
  /// `limit` in the single register's order (most complaints first, then by name).
  public func hotspots(limit: Int) throws -> [QuarterlyFigures.Hotspot] {
    if let single { return try single.hotspots(limit: limit) }
    let merged = try parts.flatMap { try $0.hotspots(limit: limit) }
    return Array(merged.sorted(by: Self.hotter).prefix(limit))
  }

  /// Whether village `a` comes before `b` among hotspots: more complaints, then the name byte by
  /// byte (as SQLite sorts it), then the district.
  private static func hotter(_ a: QuarterlyFigures.Hotspot, _ b: QuarterlyFigures.Hotspot) -> Bool {
    if a.count != b.count { return a.count > b.count }
    if a.village != b.village { return a.village.utf8.lexicographicallyPrecedes(b.village.utf8) }
    return a.districtID < b.districtID
  }

  /// Every register's flags, one register after another.
  public func flags() throws -> [QuarterlyFigures.Flag] {
    try parts.flatMap { try $0.flags() }
  }

  /// Every register's wildlife-crime incidents, by date (each register's own order kept for
  /// incidents of one day).
  public func incidents() throws -> [QuarterlyFigures.Incident] {
    if let single { return try single.incidents() }
    let all = try parts.enumerated().flatMap { part, figures in
      try figures.incidents().enumerated().map { (part: part, index: $0, incident: $1) }
    }
    return all.sorted {
      ($0.incident.date, $0.part, $0.index) < ($1.incident.date, $1.part, $1.index)
    }.map(\.incident)
  }

  /// Complaints registered, heads verified and money paid (by currency), summed.
  public func headline() throws -> QuarterlyFigures.Headline {
    if let single { return try single.headline() }
    var complaints = 0
    var heads = 0
    var paid: [String: Int] = [:]
    for part in parts {
      let headline = try part.headline()
      complaints += headline.complaints
      heads += headline.heads
      paid.merge(headline.paid, uniquingKeysWith: +)
    }
    return QuarterlyFigures.Headline(complaints: complaints, heads: heads, paid: paid)
  }

  /// The sum, key by key, of what `read` gives for each register.
  private func sum(_ read: (QuarterlyFigures) throws -> [String: Int]) throws -> [String: Int] {
    var total: [String: Int] = [:]
    for part in parts { total.merge(try read(part), uniquingKeysWith: +) }
    return total
  }
}

extension QuarterlyFigures.PayerFigures {
  /// Where the payer comes in the report: budgets before funds, then by account.
  var reportOrder: ReportOrder {
    if case .fund = payer {
      ReportOrder(rank: 1, account: account)
    } else {
      ReportOrder(rank: 0, account: account)
    }
  }

  /// Adds `other`'s figures (the same payer, read from another register) to these.
  mutating func add(_ other: Self) {
    assessed += other.assessed
    approved += other.approved
    paid += other.paid
    outstanding += other.outstanding
    paidToDate += other.paidToDate
    credited += other.credited
    available += other.available
  }

  /// A payer's place in the report's order.
  struct ReportOrder: Comparable {
    let rank: Int
    let account: String

    static func < (a: Self, b: Self) -> Bool { (a.rank, a.account) < (b.rank, b.account) }
  }
}

extension Register {
  /// Runs the reads of `body` with each of `registers` on one consistent snapshot of its own.
  public static func snapshot<T>(_ registers: [Register], _ body: () throws -> T) throws -> T {
    guard let first = registers.first else { return try body() }
    return try first.snapshot { try snapshot(Array(registers.dropFirst()), body) }
  }
}
