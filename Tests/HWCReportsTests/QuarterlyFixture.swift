import Foundation
import HWCCore
import HWCDomain
import HWCRegister
import HWCStore
import HWCTestSupport

/// A small register whose history spans 2025-Q2 to 2026-Q2, every event on a fixed date, so the
/// quarterly report of 2026-Q2 is the same on every run.
final class QuarterlyFixture {
  let directory = TemporaryDirectory(prefix: "hwc-quarterly")
  let path: String
  let register: Register

  static let yerlan = SampleIDs.yerlan
  static let gulnara = SampleIDs.gulnara
  static let asel = SampleIDs.asel

  /// Sets the register's clock to 10:00 on `date`.
  func on(_ date: String) {
    register.clock = Clock.fixed("\(date)T10:00:00Z")
  }

  func actor(_ name: String) throws -> Actor { try register.actor(named: name) }

  init() throws {
    path = directory.file("hwc.sqlite")
    (register, _) = try Register.initialize(
      path: path, admin: "admin", clock: Clock.fixed("2025-03-01T10:00:00Z"))
    let admin = try register.actor(named: "admin")
    for (name, roles) in [
      ("dauren", ["officer@Kaztalov"]), ("marat", ["inspector@Kaztalov"]),
      ("aliya", ["committee@Kaztalov"]), ("timur", ["committee@Kaztalov"]),
      ("gulnar", ["treasurer@Kaztalov"]), ("bakyt", ["officer@Shamshy", "inspector@Shamshy"]),
      ("ainura", ["committee@Shamshy"]), ("kanat", ["committee@Shamshy"]),
      ("asel", ["treasurer@Shamshy"]),
      ("olzhas", ["inspector@Kaztalov", "inspector@Shamshy"]),
    ] {
      _ = try register.addUser(name: name, roles: roles, actor: admin)
    }
    let dauren = try actor("dauren")
    _ = try register.addClaimant(
      ClaimantDraft(
        name: "Yerlan Bekov", nationalID: Self.yerlan, district: "Kaztalov", village: "Zhalpaktal",
        herd: ["sheep_goat=120"]), actor: dauren)
    _ = try register.addClaimant(
      ClaimantDraft(
        name: "Gulnara Sarsenova", nationalID: Self.gulnara, district: "Kaztalov",
        village: "Kaztalovka", herd: ["sheep_goat=60"]), actor: dauren)
    _ = try register.addClaimant(
      ClaimantDraft(
        name: "Asel Toktogulova", nationalID: Self.asel, district: "Chuy", village: "Shamshy",
        conservancy: "Shamshy", herd: ["sheep_goat=80"]), actor: try actor("bakyt"))

    // 2025-Q2: one paid predation claim (the year-before quarter of 2026-Q2).
    on("2025-04-02")
    _ = try register.allocateBudget(
      district: "Kaztalov", year: "2025", amount: "1000000", actor: try actor("gulnar"))
    on("2025-04-11")
    let a = try complaint(
      Self.yerlan, "livestock_predation", "wolf", "2025-04-10", ["sheep_goat.adult=2"])
    on("2025-04-14")
    try inspectAndAssess(a, "2025-04-14", ["sheep_goat.adult=2"], protected: true)
    try approveAndPay(a, approve: "2025-04-20", pay: "2025-05-02", reference: "HALYK-2025-0001")

    // 2026-Q1: a paid claim and a saiga claim outside any emergency.
    on("2026-01-10")
    _ = try register.allocateBudget(
      district: "Kaztalov", year: "2026", amount: "500000", actor: try actor("gulnar"))
    on("2026-02-05")
    let b = try complaint(
      Self.gulnara, "livestock_predation", "wolf", "2026-02-04", ["sheep_goat.adult=4"])
    on("2026-02-09")
    try inspectAndAssess(b, "2026-02-09", ["sheep_goat.adult=4"], protected: false)
    try approveAndPay(b, approve: "2026-02-20", pay: "2026-03-30", reference: "HALYK-2026-0002")
    on("2026-03-03")
    let c = try complaint(Self.yerlan, "hay_loss", "saiga", "2026-03-01", ["hay=3.5"])
    on("2026-03-06")
    try inspectAndAssess(c, "2026-03-06", ["hay=3"], protected: true)

    // 2026-Q2: an emergency, saiga damage paid, a late report, a rejection, an appeal, a pending
    // near-duplicate, and a buffer-fund claim in Shamshy; poaching in Baiboosun.
    on("2026-04-01")
    _ = try register.declareEmergency(
      district: "Kaztalov", from: "2026-04-01", to: "2026-05-31", decree: "WKO akimat 2026-117",
      actor: admin)
    on("2026-04-16")
    let d = try complaint(
      Self.yerlan, "pasture_trampling", "saiga", "2026-04-14", ["pasture.moderate=20"])
    on("2026-04-20")
    try inspectAndAssess(d, "2026-04-20", ["pasture.moderate=18.5"], protected: true)
    try approveAndPay(d, approve: "2026-04-28", pay: "2026-05-12", reference: "HALYK-2026-0003")
    on("2026-05-12")
    let e = try complaint(
      Self.gulnara, "livestock_predation", "wolf", "2026-05-02", ["sheep_goat.adult=1"])
    on("2026-05-14")
    try inspectAndAssess(e, "2026-05-14", ["sheep_goat.adult=1"], protected: true)
    on("2026-05-20")
    let f = try complaint(
      Self.gulnara, "livestock_predation", "wolf", "2026-05-19", ["sheep_goat.adult=6"])
    on("2026-05-25")
    try inspectAndAssess(f, "2026-05-25", ["sheep_goat.adult=6"], protected: true)
    on("2026-06-02")
    try register.reject(
      code: f, reason: "carcasses not found at the site", actor: try actor("aliya"))
    on("2026-06-03")
    let g = try complaint(
      Self.yerlan, "livestock_predation", "wolf", "2026-06-02", ["sheep_goat.adult=2"])
    on("2026-06-05")
    try inspectAndAssess(g, "2026-06-05", ["sheep_goat.adult=2"], protected: true)
    on("2026-06-08")
    try reinspectIfRequired(g)
    _ = try register.approve(code: g, actor: try actor("aliya"))
    _ = try register.approve(code: g, actor: try actor("timur"))
    on("2026-06-12")
    try register.appeal(code: g, reason: "two more lambs found", actor: dauren)
    on("2026-06-20")
    _ = try complaint(
      Self.yerlan, "livestock_predation", "wolf", "2026-06-06", ["sheep_goat.adult=1"])

    let bakyt = try actor("bakyt")
    on("2026-04-02")
    _ = try register.insureHerd(
      nationalID: Self.asel, season: "2026", livestockClass: "sheep_goat", heads: "40",
      actor: bakyt)
    _ = try register.contributeToFund(
      conservancy: "Shamshy", amount: "100000", source: "donor", actor: try actor("asel"))
    on("2026-04-09")
    let s = try register.registerComplaint(
      ComplaintDraft(
        nationalID: Self.asel, district: "Chuy", conservancy: "Shamshy",
        type: "livestock_predation", species: "snow_leopard", incidentDate: "2026-04-08",
        reportedDate: "2026-04-09", items: ["sheep_goat.adult=3"], ref: nil, village: "Shamshy"),
      actor: bakyt
    ).complaint.code
    on("2026-04-12")
    _ = try register.inspect(
      code: s, InspectionDraft(date: "2026-04-12", items: ["sheep_goat.adult=3"], protected: "yes"),
      actor: bakyt)
    _ = try register.assess(code: s, actor: bakyt)
    on("2026-04-30")
    try reinspectIfRequired(s)
    _ = try register.approve(code: s, actor: try actor("ainura"))
    _ = try register.approve(code: s, actor: try actor("kanat"))
    on("2026-05-20")
    _ = try register.pay(code: s, reference: "AIYL-2026-0001", actor: try actor("asel"))
    let admin2 = try register.addUser(name: "ranger", roles: ["officer@Baiboosun"], actor: admin)
    on("2026-05-05")
    _ = try register.recordIncident(
      conservancy: "Baiboosun", kind: "poaching", date: "2026-05-05", note: "snare line found",
      actor: try actor(admin2.name))
    on("2026-07-15")
  }

  func complaint(
    _ claimant: String, _ type: String, _ species: String, _ incident: String, _ items: [String]
  ) throws -> String {
    let reported = register.clock.today.description
    return try register.registerComplaint(
      ComplaintDraft(
        nationalID: claimant, district: "Kaztalov", type: type, species: species,
        incidentDate: incident, reportedDate: reported, items: items, ref: nil,
        village: claimant == Self.yerlan ? "Zhalpaktal" : "Kaztalovka"),
      actor: try actor("dauren")
    ).complaint.code
  }

  func inspectAndAssess(_ code: String, _ date: String, _ items: [String], protected: Bool)
    throws
  {
    _ = try register.inspect(
      code: code,
      InspectionDraft(date: date, items: items, protected: protected ? "yes" : "no"),
      actor: try actor("marat"))
    _ = try register.assess(code: code, actor: try actor("dauren"))
  }

  /// What an office does before approving a complaint its draw selected, or whose amount
  /// reached the threshold: Olzhas, who did not inspect it, re-inspects it on the day and
  /// confirms what its latest inspection verified (read with a raw connection).
  func reinspectIfRequired(_ code: String) throws {
    guard try register.reinspectionDraws(code: code).contains(where: { !$0.honoured }) else {
      return
    }
    let raw = try Database(path: path, create: false)
    let latest = """
      (SELECT max(i.id) FROM inspection i JOIN complaint c ON c.id = i.complaint_id
       WHERE c.code = ?)
      """
    let protected = try raw.scalar(
      Int.self, "SELECT protected FROM inspection WHERE id = \(latest)", with: [code])
    let items = try raw.prepare(
      "SELECT item, quantity_centi FROM inspection_item WHERE inspection_id = \(latest)"
    ).map(with: [code]) { "\($0.text("item"))=\(Decimal2.format($0.int("quantity_centi")))" }
    _ = try register.reinspect(
      code: code,
      InspectionDraft(
        date: register.clock.today.description, items: items,
        protected: protected == 1 ? "yes" : "no", finding: "counts confirmed"),
      actor: try actor("olzhas"))
  }

  func approveAndPay(_ code: String, approve: String, pay: String, reference: String) throws {
    on(approve)
    try reinspectIfRequired(code)
    _ = try register.approve(code: code, actor: try actor("aliya"))
    _ = try register.approve(code: code, actor: try actor("timur"))
    on(pay)
    _ = try register.pay(code: code, reference: reference, actor: try actor("gulnar"))
  }
}
