import Foundation
import HWCCore
import HWCDomain
import HWCRegister
import HWCTestSupport

/// Three office registers with disjoint districts, each with a seeded history from 2025-Q2 to
/// 2026-Q2 (registrations, inspections, assessments, approvals, rejections, payments at their
/// own dates), for the national report: WKO-KAZTALOV (Kaztalov), WKO-ZHANIBEK (Zhanibek and
/// Bokeyorda), KG-CHUY (Chuy with the Shamshy buffer fund, and Kemin).
final class OfficesFixture {
  /// An office: its code, districts, and register.
  struct Office {
    let code: String
    let districts: [String]
    let path: String
    let register: Register
  }

  static let today = CalendarDate("2026-07-15")!
  let directory = TemporaryDirectory(prefix: "hwc-offices")
  private(set) var offices: [Office] = []

  init() throws {
    var ids = GeneratedIIN.first(60)[...]
    let plan: [(String, [String])] = [
      ("WKO-KAZTALOV", ["Kaztalov"]), ("WKO-ZHANIBEK", ["Zhanibek", "Bokeyorda"]),
      ("KG-CHUY", ["Chuy", "Kemin"]),
    ]
    for (index, (code, districts)) in plan.enumerated() {
      let path = directory.file("\(code).sqlite")
      let (register, _) = try Register.initialize(
        path: path, admin: "admin", clock: Clock.fixed("2025-03-01T10:00:00Z"))
      var history = OfficeHistory(
        register: register, rng: SplitMix64(seed: 0x0FF1CE + UInt64(index)))
      for district in districts {
        try history.staff(district)
        let kyrgyz = register.reference.district(named: district)?.country == .kg
        let place = kyrgyz && district == "Chuy" ? "Shamshy" : nil
        let claimants = (0..<4).map { n -> String in
          kyrgyz
            ? NationalID.makePIN(
              birth: CalendarDate(year: 1970 + n, month: 3, day: 1 + index)!, sex: .female,
              serial: 100 + n + 10 * district.count)
            : ids.popFirst()!
        }
        try history.claimants(claimants, district: district, conservancy: place)
        for (quarter, count) in [("2025-Q2", 3), ("2026-Q1", 4), ("2026-Q2", 10)] {
          for _ in 0..<count {
            history.complaint(
              claimants, district: district, conservancy: place, in: try Quarter(quarter))
          }
        }
      }
      try history.run(until: Self.today)
      offices.append(Office(code: code, districts: districts, path: path, register: register))
    }
  }
}

/// One office's history: who works there, and an agenda of dated steps run in date order.
private struct OfficeHistory {
  let register: Register
  var rng: SplitMix64
  /// Dated steps; a step may add later ones.
  private var agenda:
    [(date: CalendarDate, order: Int, step: (inout OfficeHistory) throws -> Void)] =
      []
  private var order = 0
  private var payments = 0

  init(register: Register, rng: SplitMix64) {
    self.register = register
    self.rng = rng
  }

  func actor(_ name: String) throws -> Actor { try register.actor(named: name) }

  /// Adds the staff of `district` (and of its conservancy, in Chuy) and its budgets.
  mutating func staff(_ district: String) throws {
    let admin = try actor("admin")
    let places = district == "Chuy" ? [district, "Shamshy"] : [district]
    for place in places {
      for role in ["officer", "inspector", "committee", "treasurer"] {
        _ = try register.addUser(
          name: "\(role)1-\(place)", roles: ["\(role)@\(place)"], actor: admin)
      }
      _ = try register.addUser(
        name: "committee2-\(place)", roles: ["committee@\(place)"], actor: admin)
      _ = try register.addUser(
        name: "inspector2-\(place)", roles: ["inspector@\(place)"], actor: admin)
    }
    if register.reference.district(named: district)?.country == .kz {
      for year in ["2025", "2026"] {
        _ = try register.allocateBudget(
          district: district, year: year, amount: "5000000",
          actor: try actor("treasurer1-\(district)"))
      }
    } else if district == "Chuy" {
      _ = try register.contributeToFund(
        conservancy: "Shamshy", amount: "900000", source: "donor",
        actor: try actor("treasurer1-Shamshy"))
    }
  }

  /// Adds the claimants; in a conservancy they insure their herds for 2025 and 2026.
  mutating func claimants(_ ids: [String], district: String, conservancy: String?) throws {
    let officer = try actor("officer1-\(conservancy ?? district)")
    for (n, id) in ids.enumerated() {
      _ = try register.addClaimant(
        ClaimantDraft(
          name: "Herder \(district) \(n)", nationalID: id, district: district,
          village: "\(district) village \(n % 3)", conservancy: conservancy,
          herd: ["sheep_goat=200"]), actor: officer)
      guard conservancy != nil else { continue }
      for season in ["2025", "2026"] {
        _ = try register.insureHerd(
          nationalID: id, season: season, livestockClass: "sheep_goat", heads: "150",
          actor: officer)
      }
    }
  }

  /// Plans one complaint reported in `quarter` and what follows it.
  mutating func complaint(
    _ claimants: [String], district: String, conservancy: String?, in quarter: Quarter
  ) {
    let reported = quarter.first.adding(days: rng.int(0...80))
    let claimant = rng.pick(claimants)
    let heads = rng.int(1...5)
    let place = conservancy ?? district
    let kyrgyz = register.reference.district(named: district)?.country == .kg
    let species = kyrgyz ? "snow_leopard" : "wolf"
    schedule(reported) { history in
      let code = try history.register.registerComplaint(
        ComplaintDraft(
          nationalID: claimant, district: district, conservancy: conservancy,
          type: "livestock_predation", species: species,
          incidentDate: reported.adding(days: -history.rng.int(0...2)).description,
          reportedDate: reported.description, items: ["sheep_goat.adult=\(heads)"],
          village: "\(district) village \(history.rng.int(0...2))"),
        actor: try history.actor("officer1-\(place)")
      ).complaint.code
      let inspected = reported.adding(days: history.rng.int(1...12))
      history.schedule(inspected) { history in
        try history.inspectAndDecide(code, place: place, on: inspected, heads: heads)
      }
    }
  }

  /// Inspects and assesses complaint `code`, then approves and pays, rejects, or leaves it.
  mutating func inspectAndDecide(_ code: String, place: String, on date: CalendarDate, heads: Int)
    throws
  {
    let verified = max(1, heads - rng.int(0...1))
    let protected = rng.chance(0.85) ? "yes" : "no"
    _ = try register.inspect(
      code: code,
      InspectionDraft(
        date: date.description, items: ["sheep_goat.adult=\(verified)"], protected: protected),
      actor: try actor("inspector1-\(place)"))
    let assessment = try register.assess(code: code, actor: try actor("officer1-\(place)"))
    guard assessment.outcome == .eligible else { return }
    let roll = rng.unit()
    let decided = date.adding(days: rng.int(1...15))
    if roll < 0.15 {
      schedule(decided) { history in
        try history.register.reject(
          code: code, reason: "carcasses not found at the site",
          actor: try history.actor("committee1-\(place)"))
      }
    } else if roll < 0.8 {
      let paid = decided.adding(days: rng.int(1...40))
      schedule(decided) { history in
        // What an office does before approving a complaint its draw selected (or above the
        // threshold): another inspector re-inspects and confirms the counts.
        if try history.register.reinspectionDraws(code: code).contains(where: { !$0.honoured }) {
          _ = try history.register.reinspect(
            code: code,
            InspectionDraft(
              date: decided.description, items: ["sheep_goat.adult=\(verified)"],
              protected: protected, finding: "counts confirmed"),
            actor: try history.actor("inspector2-\(place)"))
        }
        for member in ["committee1", "committee2"] {
          _ = try history.register.approve(
            code: code, actor: try history.actor("\(member)-\(place)"))
        }
        history.schedule(paid) { history in
          history.payments += 1
          _ = try history.register.pay(
            code: code, reference: "BANK-\(history.payments)",
            actor: try history.actor("treasurer1-\(place)"))
        }
      }
    }
  }

  /// Puts `step` on the agenda of `date`.
  mutating func schedule(
    _ date: CalendarDate, _ step: @escaping (inout OfficeHistory) throws -> Void
  ) {
    order += 1
    agenda.append((date, order, step))
  }

  /// Runs the agenda in date order up to `today` (later steps never happen), each step at 10:00
  /// on its date; the register's clock is left at `today`.
  mutating func run(until today: CalendarDate) throws {
    while let next = agenda.indices.min(by: {
      (agenda[$0].date, agenda[$0].order) < (agenda[$1].date, agenda[$1].order)
    }) {
      let (date, _, step) = agenda.remove(at: next)
      guard date <= today else { continue }
      register.clock = Clock.fixed("\(date)T10:00:00Z")
      try step(&self)
    }
    register.clock = Clock.fixed("\(today)T10:00:00Z")
  }
}
