import HWCCore
import HWCDomain
import HWCRegister

/// A register in Kaztalov whose 2026-Q2 holds a known mix for the controls report: two
/// inspectors (marat verifies every claim in full, erlan less), villages with small claims and
/// one (Talovka) with large ones, two of marat's complaints inspected again by erlan before
/// assessment (one finding less, one confirming), a Talovka claim above the value threshold
/// re-inspected with fewer sheep (re-assessed), approvals that the draw holds until erlan
/// re-inspects, possible duplicates and claims above the herd approved or paid anyway, and a
/// claimant with more than three complaints in the 2026 season. Every event is on a fixed
/// date, so reports of 2026-Q2 are the same on every run.
public final class ControlsScenario {
  public let register: Register
  /// Complaint codes by the scenario's own labels (`z1`…`z6`, `k1`…`k4`, `t1`…`t5`, `q1`).
  public private(set) var codes: [String: String] = [:]
  /// Steps waiting for `run()`: date, order scheduled, what to do.
  private var agenda: [(String, Int, () throws -> Void)] = []

  public static let quarter = "2026-Q2"
  /// The report's "today": after the quarter.
  public static let today = CalendarDate(year: 2026, month: 7, day: 15)!
  /// The claimant of every Talovka complaint.
  public static let talgat = GeneratedIIN.first(1, bornFrom: 1970)[0]

  /// Builds the scenario in a new register at `path`.
  public init(path: String) throws {
    (register, _) = try Register.initialize(
      path: path, admin: "admin", clock: Clock.fixed("2026-01-05T09:00:00Z"))
    let admin = try register.actor(named: "admin")
    for (name, roles) in [
      ("dauren", ["officer@Kaztalov"]), ("marat", ["inspector@Kaztalov"]),
      ("erlan", ["inspector@Kaztalov"]), ("aliya", ["committee@Kaztalov"]),
      ("timur", ["committee@Kaztalov"]), ("gulnar", ["treasurer@Kaztalov"]),
    ] {
      _ = try register.addUser(name: name, roles: roles, actor: admin)
    }
    for (name, id, village, herd) in [
      ("Yerlan Bekov", SampleIDs.yerlan, "Zhalpaktal", "sheep_goat=200"),
      ("Nurlan Omarov", SampleIDs.nurlan, "Zhalpaktal", "sheep_goat=100"),
      ("Gulnara Sarsenova", SampleIDs.gulnara, "Kaztalovka", "sheep_goat=1"),
      ("Talgat Ospanov", Self.talgat, "Talovka", "sheep_goat=300"),
    ] {
      _ = try register.addClaimant(
        ClaimantDraft(
          name: name, nationalID: id, district: "Kaztalov", village: village, herd: [herd]),
        actor: try actor("dauren"))
    }
    _ = try register.allocateBudget(
      district: "Kaztalov", year: "2026", amount: "20000000", actor: try actor("gulnar"))

    // 2026-Q1: one of Yerlan's complaints of the 2026 season, outside the quarter.
    complaint("q1", SampleIDs.yerlan, "Zhalpaktal", "2026-02-03", sheep: 2)
    inspect("q1", "marat", "2026-02-05", sheep: 2)
    assess("q1", "2026-02-05")

    // Zhalpaktal: small claims. z2 is within 7 days of z1 (a possible duplicate) and approved;
    // erlan inspects z3 again and finds less, and z6 again and confirms it.
    complaint("z1", SampleIDs.yerlan, "Zhalpaktal", "2026-04-01", sheep: 2)
    inspect("z1", "marat", "2026-04-03", sheep: 2)
    assess("z1", "2026-04-03")
    complaint("z2", SampleIDs.yerlan, "Zhalpaktal", "2026-04-05", sheep: 2)
    inspect("z2", "marat", "2026-04-07", sheep: 2)
    assess("z2", "2026-04-07")
    approve("z2", "2026-04-15")
    complaint("z3", SampleIDs.nurlan, "Zhalpaktal", "2026-04-20", sheep: 3)
    inspect("z3", "marat", "2026-04-22", sheep: 3)
    inspect("z3", "erlan", "2026-04-24", sheep: 2)
    assess("z3", "2026-04-24")
    complaint("z4", SampleIDs.nurlan, "Zhalpaktal", "2026-05-10", sheep: 3)
    inspect("z4", "erlan", "2026-05-12", sheep: 2)
    assess("z4", "2026-05-12")
    complaint("z5", SampleIDs.nurlan, "Zhalpaktal", "2026-05-25", sheep: 3)
    inspect("z5", "erlan", "2026-05-27", sheep: 2)
    assess("z5", "2026-05-27")
    complaint("z6", SampleIDs.yerlan, "Zhalpaktal", "2026-06-10", sheep: 2)
    inspect("z6", "marat", "2026-06-11", sheep: 2)
    inspect("z6", "erlan", "2026-06-12", sheep: 2)
    assess("z6", "2026-06-12")

    // Kaztalovka: Gulnara declared one sheep, so every claim of two is above her herd; k1 is
    // approved and paid, k2 approved, k3 rejected, k4 left assessed.
    for (label, incident, verified) in [
      ("k1", "2026-04-02", 2), ("k2", "2026-04-20", 2), ("k3", "2026-05-08", 1),
      ("k4", "2026-05-26", 1),
    ] {
      let day = CalendarDate(incident)!.adding(days: 2).description
      complaint(label, SampleIDs.gulnara, "Kaztalovka", incident, sheep: 2)
      inspect(label, label <= "k2" ? "marat" : "erlan", day, sheep: verified)
      assess(label, day)
    }
    approve("k1", "2026-05-01")
    at("2026-05-20") {
      _ = try self.register.pay(
        code: self.codes["k1"]!, reference: "HALYK-2026-0101", actor: self.actor("gulnar"))
    }
    approve("k2", "2026-05-02")
    at("2026-06-01") {
      try self.register.reject(
        code: self.codes["k3"]!, reason: "no carcass found", actor: self.actor("aliya"))
    }

    // Talovka: large claims, every one verified in full by marat.
    for (index, incident) in ["2026-04-08", "2026-04-22", "2026-05-06", "2026-05-20", "2026-06-03"]
      .enumerated()
    {
      let label = "t\(index + 1)"
      let day = CalendarDate(incident)!.adding(days: 1).description
      complaint(label, Self.talgat, "Talovka", incident, sheep: 10)
      inspect(label, "marat", day, sheep: 10)
      assess(label, day)
    }
    // The first Talovka claim is above the value threshold: erlan re-inspects it and finds
    // eight sheep, not ten; the others wait for a second inspection.
    reinspect("t1", "erlan", "2026-04-20", sheep: 8)
    try run()
    on(Self.today.description)
  }

  /// Sets the register's clock to 10:00 on `date`.
  func on(_ date: String) { register.clock = Clock.fixed("\(date)T10:00:00Z") }

  func actor(_ name: String) throws -> Actor { try register.actor(named: name) }

  /// Puts `step` on the agenda of `date`; `run()` does the agenda in date order (steps of one
  /// day in the order they were scheduled), so the audit chain's times only move forward.
  func at(_ date: String, _ step: @escaping () throws -> Void) {
    agenda.append((date, agenda.count, step))
  }

  /// Does every scheduled step at its date, in date order.
  func run() throws {
    for (date, _, step) in agenda.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
      on(date)
      try step()
    }
    agenda = []
  }

  /// Registers complaint `label` of `claimant` in `village`, reported the day after `incident`.
  func complaint(
    _ label: String, _ claimant: String, _ village: String, _ incident: String, sheep: Int
  ) {
    let reported = CalendarDate(incident)!.adding(days: 1).description
    at(reported) {
      self.codes[label] = try self.register.registerComplaint(
        ComplaintDraft(
          nationalID: claimant, district: "Kaztalov", type: "livestock_predation", species: "wolf",
          incidentDate: incident, reportedDate: reported, items: ["sheep_goat.adult=\(sheep)"],
          ref: nil, village: village),
        actor: try self.actor("dauren")
      ).complaint.code
    }
  }

  func inspect(_ label: String, _ inspector: String, _ date: String, sheep: Int) {
    at(date) {
      _ = try self.register.inspect(
        code: self.codes[label]!,
        InspectionDraft(date: date, items: ["sheep_goat.adult=\(sheep)"], protected: "yes"),
        actor: try self.actor(inspector))
    }
  }

  func assess(_ label: String, _ date: String) {
    at(date) {
      _ = try self.register.assess(code: self.codes[label]!, actor: try self.actor("dauren"))
    }
  }

  /// Two committee votes on `date`. When the draw requires a second inspection first, erlan
  /// records one that confirms what was verified (`sheep`), and the votes follow.
  func approve(_ label: String, _ date: String, sheep: Int = 2) {
    at(date) {
      let code = self.codes[label]!
      if try self.register.reinspectionDraws(code: code).contains(where: { !$0.honoured }) {
        _ = try self.register.reinspect(
          code: code,
          InspectionDraft(date: date, items: ["sheep_goat.adult=\(sheep)"], protected: "yes"),
          actor: try self.actor("erlan"))
      }
      _ = try self.register.approve(code: code, actor: try self.actor("aliya"))
      _ = try self.register.approve(code: code, actor: try self.actor("timur"))
    }
  }

  /// A re-inspection of `label` by `inspector` on `date` verifying `sheep` (re-assesses when
  /// that is less than the assessed inspection).
  func reinspect(_ label: String, _ inspector: String, _ date: String, sheep: Int) {
    at(date) {
      _ = try self.register.reinspect(
        code: self.codes[label]!,
        InspectionDraft(date: date, items: ["sheep_goat.adult=\(sheep)"], protected: "yes"),
        actor: try self.actor(inspector))
    }
  }
}
