import Foundation
import HWCCore
import HWCDomain
import HWCStore
import Testing

@testable import HWCRegister

/// Thousands of random operations, valid and not, on an on-disk register. After every step the
/// ledger invariants hold, no budget or fund is below zero, the balances agree with a model kept
/// by the test, a refused operation changed nothing, and an operation the model knows to be
/// valid (or invalid) succeeded (or was refused).
///
/// Replay a failure with the seed it prints: `HWC_SEED=… swift test --filter
/// LedgerRandomOperationTests`; `HWC_STEPS=…` changes the number of steps (default 2,500).
@Suite struct LedgerRandomOperationTests {
  static let defaultSeed: UInt64 = 20_260_615

  static func environment(_ name: String) -> String? {
    ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
  }

  static var seed: UInt64 {
    guard let text = environment("HWC_SEED") else { return defaultSeed }
    if text.hasPrefix("0x") { return UInt64(text.dropFirst(2), radix: 16) ?? defaultSeed }
    return UInt64(text) ?? defaultSeed
  }

  static var steps: Int { environment("HWC_STEPS").flatMap { Int($0) } ?? 2_500 }

  @Test func randomOperationsKeepTheLedgerSoundAfterEveryStep() throws {
    let seed = Self.seed
    let steps = Self.steps
    print(
      "LedgerRandomOperationTests: seed \(seed), \(steps) steps "
        + "(replay: HWC_SEED=\(seed) swift test --filter LedgerRandomOperationTests)")
    let run = try RandomLedgerRun(seed: seed)
    try run.run(steps: steps)
    print("LedgerRandomOperationTests: seed \(seed): \(run.summary)")
    if seed == Self.defaultSeed, steps >= 2_500, !run.failed {
      // The default run exercises what it is for; other seeds only print what they did.
      for kind in ["reserved", "paid", "over-commit", "out of date", "released"] {
        #expect(run.tally[kind, default: 0] > 0, "seed \(seed): no '\(kind)' in \(run.summary)")
      }
    }
  }
}

/// Where a role applies, by name.
private enum Place: Equatable {
  case everywhere
  case district(String)
  case conservancy(String)
}

/// One complaint as the test expects it to be.
private final class Case {
  let code: String
  let claimant: RandomLedgerRun.Claimant
  let district: String
  let conservancy: String?
  let incident: CalendarDate
  let type: String
  let items: [(String, Int)]
  let registrar: String
  var status = "registered"
  var inspectors: Set<String> = []
  var amount = 0
  var votes: [String] = []

  init(
    code: String, claimant: RandomLedgerRun.Claimant, district: String, conservancy: String?,
    incident: CalendarDate, type: String, items: [(String, Int)], registrar: String
  ) {
    self.code = code
    self.claimant = claimant
    self.district = district
    self.conservancy = conservancy
    self.incident = incident
    self.type = type
    self.items = items
    self.registrar = registrar
  }

  var kz: Bool { conservancy == nil && !RandomLedgerRun.kgDistricts.contains(district) }
}

/// What the test allows an operation to do.
private struct Expectation {
  /// Success is allowed.
  var success: Bool
  /// Refusals allowed (message fragments); empty with `success` false means any refusal.
  var refusals: [String] = []

  static let succeed = Expectation(success: true)
  static let refuse = Expectation(success: false)
}

/// The state of one random run: the register, the generator and the model.
private final class RandomLedgerRun {
  struct Claimant {
    let id: String
    let district: String
    let conservancy: String?
  }

  static let kgDistricts: Set<String> = ["Chuy", "Kemin", "Ton"]
  static let conservancyDistrict = ["Shamshy": "Chuy", "Baiboosun": "Ton"]

  let seed: UInt64
  let fixture: Fixture
  var random: SplitMix64
  var register: Register { fixture.register }
  var today = CalendarDate("2026-06-15")!
  var step = 0
  var failed = false
  var tally: [String: Int] = [:]
  /// The operation being run, for failure messages.
  var context = ""
  var cases: [Case] = []
  /// Account code → (credited, reserved, paid) in minor units.
  var accounts: [String: (credited: Int, reserved: Int, paid: Int)] = [:]
  var references: [String] = []
  var referenceCounter = 0

  /// Every user and the roles the run gives them.
  let users: [(String, [(Role, Place)])] = [
    ("admin", [(.admin, .everywhere)]),
    ("dauren", [(.officer, .district("Kaztalov"))]),
    ("saule", [(.officer, .district("Zhanibek"))]),
    ("bakyt", [(.officer, .conservancy("Shamshy"))]),
    ("national", [(.officer, .everywhere)]),
    ("marat", [(.inspector, .district("Kaztalov"))]),
    ("tolkyn", [(.treasurer, .district("Kaztalov"))]),
    ("aigul", [(.treasurer, .district("Zhanibek"))]),
    ("ministry", [(.treasurer, .everywhere)]),
    ("kubat", [(.treasurer, .conservancy("Shamshy"))]),
    ("nurbek", [(.treasurer, .conservancy("Baiboosun"))]),
    ("chuytreasurer", [(.treasurer, .district("Chuy"))]),
    ("aliya", [(.committee, .district("Kaztalov"))]),
    ("bolat", [(.committee, .district("Kaztalov"))]),
    ("chingiz", [(.committee, .district("Kaztalov"))]),
    ("zhanar", [(.committee, .district("Zhanibek"))]),
    ("ainura", [(.inspector, .conservancy("Shamshy"))]),
    ("emil", [(.committee, .conservancy("Shamshy"))]),
    ("farida", [(.committee, .conservancy("Shamshy"))]),
    ("gulzat", [(.committee, .district("Chuy"))]),
    // Added by the run:
    ("zhomart", [(.committee, .district("Zhanibek"))]),
    ("iza", [(.inspector, .district("Zhanibek"))]),
    ("temirlan", [(.inspector, .district("Chuy"))]),
    ("tonofficer", [(.officer, .conservancy("Baiboosun"))]),
    ("ib", [(.inspector, .conservancy("Baiboosun"))]),
    ("bai1", [(.committee, .conservancy("Baiboosun"))]),
    ("bai2", [(.committee, .conservancy("Baiboosun"))]),
    ("everywhere", [(.committee, .everywhere)]),
    ("olzhas", [(.officer, .district("Kaztalov")), (.committee, .district("Kaztalov"))]),
    ("raushan", [(.inspector, .district("Kaztalov")), (.committee, .district("Kaztalov"))]),
    ("yerlanc", [(.committee, .district("Kaztalov"))]),
    ("asyl", [(.committee, .conservancy("Shamshy"))]),
  ]

  let claimants = [
    Claimant(id: Fixture.yerlan, district: "Kaztalov", conservancy: nil),
    Claimant(id: Fixture.gulnara, district: "Kaztalov", conservancy: nil),
    Claimant(id: Fixture.nurlan, district: "Zhanibek", conservancy: nil),
    Claimant(id: "821105401009", district: "Zhanibek", conservancy: nil),
    Claimant(id: Fixture.asel, district: "Chuy", conservancy: "Shamshy"),
    Claimant(id: "21010198500077", district: "Chuy", conservancy: "Shamshy"),
    Claimant(id: "11203199000123", district: "Ton", conservancy: "Baiboosun"),
  ]

  /// The user whose own national ID is a claimant's.
  let claimantUsers = ["yerlanc": Fixture.yerlan, "asyl": "21505198800345"]

  init(seed: UInt64) throws {
    self.seed = seed
    random = SplitMix64(seed: seed)
    fixture = try Fixture.money()
    try fixture.withoutReinspection()
    let admin = try fixture.actor("admin")
    for (name, roles) in users.drop(while: { $0.0 != "zhomart" }) {
      let written = roles.map { role, place -> String in
        switch place {
        case .everywhere: return role.rawValue
        case .district(let name), .conservancy(let name): return "\(role.rawValue)@\(name)"
        }
      }
      _ = try register.addUser(
        name: name, roles: written, nationalID: claimantUsers[name], actor: admin)
    }
    let names = [
      Fixture.gulnara: "Gulnara Sadykova", Fixture.nurlan: "Nurlan Abenov",
      "821105401009": "Aizhan Serikova", "21010198500077": "Temir Usenov",
      "11203199000123": "Bakai Asanova",
    ]
    for claimant in claimants where names[claimant.id] != nil {
      _ = try register.addClaimant(
        ClaimantDraft(
          name: names[claimant.id]!, nationalID: claimant.id, district: claimant.district,
          conservancy: claimant.conservancy), actor: fixture.actor("national"))
    }
    register.clock = Clock.fixed("\(today)T09:30:00Z")
  }

  var summary: String {
    "\(step) steps, " + tally.keys.sorted().map { "\($0) \(tally[$0]!)" }.joined(separator: ", ")
  }

  // MARK: the model's knowledge of roles

  func roles(_ user: String) -> [(Role, Place)] { users.first { $0.0 == user }?.1 ?? [] }

  /// `Scope.covers`: a district role covers the district and its conservancies.
  func covers(_ user: String, _ role: Role, district: String, conservancy: String?) -> Bool {
    roles(user).contains { held, place in
      guard held == role else { return false }
      switch place {
      case .everywhere: return true
      case .district(let name): return name == district
      case .conservancy(let name): return name == conservancy
      }
    }
  }

  /// `requirePayingBody`: the district for kz-state, the conservancy itself for kg-buffer.
  func ofPayingBody(_ user: String, _ role: Role, _ item: Case) -> Bool {
    if item.kz { return covers(user, role, district: item.district, conservancy: nil) }
    guard let conservancy = item.conservancy else { return false }
    return roles(user).contains { held, place in
      held == role && (place == .everywhere || place == .conservancy(conservancy))
    }
  }

  func independent(_ user: String, _ item: Case) -> Bool {
    user != item.registrar && !item.inspectors.contains(user)
      && claimantUsers[user] != item.claimant.id
  }

  func payer(_ item: Case) -> String? {
    if item.kz {
      let code = register.reference.district(named: item.district)!.code
      return "budget:\(code):\(item.incident.year)"
    }
    return item.conservancy.map { "fund:\($0)" }
  }

  func available(_ account: String) -> Int? {
    accounts[account].map { $0.credited - $0.reserved - $0.paid }
  }

  // MARK: running

  func run(steps: Int) throws {
    while step < steps, !failed {
      step += 1
      try once()
    }
    if !failed {
      let audit = try register.verifyAudit()
      #expect(audit.problem == nil, "seed \(seed): audit chain: \(audit.problem ?? "")")
      let check = try register.check()
      #expect(check.allSatisfy { $0.problem == nil }, "seed \(seed): check: \(check)")
    }
  }

  /// Records a failure of the current step, with what is needed to replay it, and stops the run.
  func fail(_ message: String) {
    Issue.record(
      "seed \(seed), step \(step) (\(context)): \(message) — replay with HWC_SEED=\(seed)")
    failed = true
  }

  func counts() throws -> [Int] {
    try register.db.prepare(
      """
      SELECT (SELECT count(*) FROM ledger_transfer), (SELECT count(*) FROM ledger_entry),
        (SELECT count(*) FROM ledger_account), (SELECT count(*) FROM approval),
        (SELECT count(*) FROM audit_entry), (SELECT count(*) FROM complaint_event),
        (SELECT count(*) FROM complaint), (SELECT count(*) FROM inspection),
        (SELECT count(*) FROM assessment), (SELECT count(*) FROM herd_insurance)
      """
    ).first { row in (0..<10).map { row.int($0) } }!
  }

  /// Runs one operation: `body` calls the register and, once it returned, updates the model.
  func attempt(
    _ context: String, _ expectation: Expectation, touching item: Case? = nil,
    _ body: () throws -> Void
  ) throws {
    self.context = context
    let before = try counts()
    var refusal: (any Error)?
    do { try body() } catch { refusal = error }
    if failed { return }
    let after = try counts()
    if let refusal {
      tally["refused", default: 0] += 1
      guard let domain = refusal as? DomainError else {
        return fail("refused with a \(type(of: refusal)), not a sentence: \(refusal)")
      }
      if after != before {
        return fail("refused (\(domain)) but wrote: \(before) → \(after)")
      }
      if expectation.success && expectation.refusals.isEmpty {
        return fail("a valid operation was refused: \(domain)")
      }
      if !expectation.refusals.isEmpty,
        !expectation.refusals.contains(where: { domain.description.contains($0) })
      {
        return fail("refused for the wrong reason: \(domain)")
      }
      for kind in ["over-commit", "out of date"] where domain.description.contains(kind) {
        tally[kind, default: 0] += 1
      }
    } else {
      tally["done", default: 0] += 1
      if !expectation.success { return fail("an invalid operation succeeded") }
      if after[4] <= before[4] { return fail("succeeded without an audit entry") }
    }
    try checkInvariants(touching: item)
  }

  func checkInvariants(touching item: Case?) throws {
    let problems = try register.ledgerProblems()
    if !problems.isEmpty { return fail("ledger: \(problems)") }
    let negative =
      try register.db.scalar(
        Int.self,
        "SELECT count(*) FROM ledger_account WHERE kind != 'source' AND balance_minor < 0") ?? 0
    if negative != 0 { return fail("\(negative) accounts below zero") }
    for (code, model) in accounts {
      guard let account = try register.ledger.account(code: code) else {
        return fail("no account \(code)")
      }
      let balances = try register.balances(of: account)
      if balances.available < 0 { return fail("\(code) available \(balances.available)") }
      let expected = [model.credited, model.reserved, model.paid, available(code)!]
      let actual = [balances.credited, balances.reserved, balances.paid, balances.available]
      if expected != actual {
        return fail("\(code): balances \(actual), the model expects \(expected)")
      }
    }
    let opened =
      try register.db.scalar(
        Int.self,
        "SELECT count(*) FROM ledger_account WHERE kind IN ('budget', 'fund')") ?? 0
    if opened != accounts.count {
      return fail("\(opened) budgets and funds, the model knows \(accounts.count)")
    }
    if let item {
      let status = try register.header(code: item.code).status
      if status.rawValue != item.status {
        return fail("\(item.code) is \(status), the model expects \(item.status)")
      }
    }
  }

  func once() throws {
    let roll = random.below(100)
    switch roll {
    case 0..<5: try allocate()
    case 5..<8: try contribute()
    case 8..<13: try insure()
    case 13..<27: try registerComplaint()
    case 27..<41: try inspect()
    case 41..<52: try assess()
    case 52..<74: try approve()
    case 74..<79: try reject()
    case 79..<85: try appeal()
    case 85..<95: try pay()
    default: advanceClock()
    }
  }

  func advanceClock() {
    today = today.adding(days: random.int(1...3))
    register.clock = Clock.fixed("\(today)T09:30:00Z")
    tally["days", default: 0] += 1
  }

  // MARK: amounts, reasons, references

  /// An amount as typed, and its minor units when it is valid.
  func amount(_ range: ClosedRange<Int>) -> (text: String, minor: Int?) {
    if random.chance(percent: 12) {
      return (random.pick(["0", "-5", "1.234", "abc", "", " ", "1,000", "0.00", "1e5"]), nil)
    }
    let minor = random.int(range)
    let text =
      minor % 100 == 0 && random.chance(percent: 70)
      ? "\(minor / 100)" : "\(minor / 100).\(minor % 100 < 10 ? "0" : "")\(minor % 100)"
    return (text, minor)
  }

  func reason() -> String {
    random.chance(percent: 8)
      ? random.pick(["", "   "]) : random.pick(["recount", "witnesses", "no carcass"])
  }

  /// A complaint to act on: usually one in `statuses`, sometimes any, rarely one that does not
  /// exist.
  func pickCase(_ statuses: Set<String>) -> Case? {
    if cases.isEmpty || random.chance(percent: 2) { return nil }
    let fitting = cases.filter { statuses.contains($0.status) }
    if !fitting.isEmpty, random.chance(percent: 85) { return random.pick(fitting) }
    return random.pick(cases)
  }

  func actor(_ name: String) throws -> Actor { try register.actor(named: name) }

  /// Usually one of the users the model expects to succeed, otherwise anyone in `others`.
  func choose(_ others: [String], validIf valid: (String) -> Bool) -> String {
    let fitting = userNames.filter(valid)
    if !fitting.isEmpty, random.chance(percent: 75) { return random.pick(fitting) }
    return random.pick(others)
  }

  var userNames: [String] { users.map(\.0) }

  // MARK: operations

  func allocate() throws {
    let district = random.pick(["Kaztalov", "Kaztalov", "Zhanibek", "Chuy", "Atlantis"])
    let kz = ["Kaztalov", "Zhanibek"].contains(district)
    let user = choose(["tolkyn", "aigul", "ministry", "kubat", "dauren", "admin"]) {
      kz && self.covers($0, .treasurer, district: district, conservancy: nil)
    }
    let year = random.pick(["\(today.year - 1)", "\(today.year)", "\(today.year)", "2027", "20x6"])
    let (text, minor) = amount(50_000_000...500_000_000)
    let valid =
      kz && covers(user, .treasurer, district: district, conservancy: nil) && year != "20x6"
      && minor != nil
    try attempt("\(user) allocates '\(text)' to \(district) \(year)", valid ? .succeed : .refuse) {
      let (_, balances) = try register.allocateBudget(
        district: district, year: year, amount: text, actor: actor(user))
      accounts[balances.account, default: (0, 0, 0)].credited += minor ?? 0
    }
  }

  func contribute() throws {
    let conservancy = random.pick(["Shamshy", "Shamshy", "Baiboosun", "Atlantis"])
    // Only the fund's own treasurer (or an unscoped one) credits it, as only they pay from it.
    func fundTreasurer(_ user: String) -> Bool {
      roles(user).contains { held, place in
        held == .treasurer && (place == .everywhere || place == .conservancy(conservancy))
      }
    }
    let user = choose(["kubat", "nurbek", "chuytreasurer", "ministry", "tolkyn", "bakyt"]) {
      conservancy != "Atlantis" && fundTreasurer($0)
    }
    let source = random.pick(["donor", "state", "premium", "bank"])
    let (text, minor) = amount(100_000...5_000_000)
    let valid =
      conservancy != "Atlantis" && fundTreasurer(user) && source != "bank" && minor != nil
    try attempt(
      "\(user) contributes '\(text)' (\(source)) to \(conservancy)", valid ? .succeed : .refuse
    ) {
      let (_, balances) = try register.contributeToFund(
        conservancy: conservancy, amount: text, source: source, actor: actor(user))
      accounts[balances.account, default: (0, 0, 0)].credited += minor ?? 0
    }
  }

  func insure() throws {
    let claimant = random.pick(claimants.filter { $0.conservancy != nil } + [claimants[0]])
    let user = choose(["bakyt", "tonofficer", "national", "dauren"]) {
      self.covers($0, .officer, district: claimant.district, conservancy: claimant.conservancy)
    }
    let season = random.pick(["\(today.year)", "\(today.year)", "\(today.year + 1)", "season"])
    let premiums = ["sheep_goat": 7_000, "cattle": 45_000, "horse": 60_000, "yak": 50_000]
    let livestock = random.pick(["sheep_goat", "sheep_goat", "cattle", "horse", "yak", "camel"])
    let heads = random.chance(percent: 5) ? "0" : "\(random.int(1...25))"
    var valid = false
    if let conservancy = claimant.conservancy {
      valid =
        covers(user, .officer, district: claimant.district, conservancy: conservancy)
        && season != "season" && premiums[livestock] != nil && heads != "0"
    }
    try attempt(
      "\(user) insures \(heads) \(livestock) of \(claimant.id) for \(season)",
      valid ? .succeed : .refuse
    ) {
      let (_, premium) = try register.insureHerd(
        nationalID: claimant.id, season: season, livestockClass: livestock, heads: heads,
        actor: actor(user))
      if premium != Int(heads)! * premiums[livestock, default: 0] {
        fail("premium \(premium) for \(heads) \(livestock)")
      }
      accounts["fund:\(claimant.conservancy!)", default: (0, 0, 0)].credited += premium
    }
  }

  func registerComplaint() throws {
    let claimant = random.pick(claimants)
    let conservancy = claimant.conservancy.flatMap { random.chance(percent: 90) ? $0 : nil }
    let kz = claimant.conservancy == nil
    var type = "livestock_predation"
    var species = kz ? "wolf" : random.pick(["wolf", "snow_leopard"])
    var items: [(String, Int)] = []
    let roll = random.below(100)
    if kz, roll < 15 {
      (type, species, items) = ("crop_invasion", "wild_boar", [("crop.wheat", random.int(1...4))])
    } else if kz, roll < 25 {
      (type, species, items) = ("pasture_trampling", "saiga", [("pasture.light", 10)])
    } else if !kz, roll < 10 {
      (type, items) = ("hay_loss", [("hay", 2)])
    } else {
      items.append(("sheep_goat.adult", random.int(1...40)))
      if random.chance(percent: 30) { items.append(("cattle.adult", random.int(1...3))) }
      if random.chance(percent: 15) { items.append(("horse.young", random.int(1...2))) }
    }
    let incident = today.adding(days: -random.int(0...6))
    let reported = min(today, incident.adding(days: random.int(0...4)))
    let user = choose(["dauren", "saule", "bakyt", "national", "olzhas", "tonofficer", "marat"]) {
      self.covers($0, .officer, district: claimant.district, conservancy: conservancy)
    }
    let valid = covers(user, .officer, district: claimant.district, conservancy: conservancy)
    let draft = ComplaintDraft(
      nationalID: claimant.id, district: claimant.district, conservancy: conservancy, type: type,
      species: species, incidentDate: "\(incident)", reportedDate: "\(reported)",
      items: items.map { "\($0.0)=\($0.1)" })
    try attempt("\(user) registers \(draft.items) for \(claimant.id)", valid ? .succeed : .refuse) {
      let registration = try register.registerComplaint(draft, actor: actor(user))
      cases.append(
        Case(
          code: registration.complaint.code, claimant: claimant, district: claimant.district,
          conservancy: conservancy, incident: incident, type: type, items: items,
          registrar: user))
    }
  }

  func inspect() throws {
    guard let item = pickCase(["registered", "inspected", "appealed"]) else {
      return try missing("inspect")
    }
    let user = choose(["marat", "raushan", "iza", "ainura", "temirlan", "ib", "dauren"]) {
      self.covers($0, .inspector, district: item.district, conservancy: item.conservancy)
    }
    let date = item.incident.adding(days: random.int(0...max(0, item.incident.days(to: today))))
    let protected = random.chance(percent: 4) ? "maybe" : random.pick(["yes", "yes", "no"])
    let items = item.items.map { "\($0.0)=\(random.int(max(1, $0.1 - 2)...$0.1))" }
    let valid =
      covers(user, .inspector, district: item.district, conservancy: item.conservancy)
      && ["registered", "inspected", "appealed"].contains(item.status) && protected != "maybe"
    try attempt(
      "\(user) inspects \(item.code) \(items)", valid ? .succeed : .refuse, touching: item
    ) {
      _ = try register.inspect(
        code: item.code, InspectionDraft(date: "\(date)", items: items, protected: protected),
        actor: actor(user))
      item.status = "inspected"
      item.inspectors.insert(user)
    }
  }

  func assess() throws {
    guard let item = pickCase(["inspected"]) else { return try missing("assess") }
    let assessor = { (user: String) in
      [Role.officer, .inspector, .committee].contains {
        self.covers(user, $0, district: item.district, conservancy: item.conservancy)
      }
    }
    let user = choose(userNames, validIf: assessor)
    let valid = assessor(user) && item.status == "inspected"
    try attempt("\(user) assesses \(item.code)", valid ? .succeed : .refuse, touching: item) {
      let assessment = try register.assess(code: item.code, actor: actor(user))
      item.status = assessment.outcome == .eligible ? "assessed" : "ineligible"
      item.amount = assessment.amountMinor
      item.votes = []
    }
  }

  func approve() throws {
    guard let item = pickCase(["assessed"]) else { return try missing("approve") }
    let user = choose([
      "aliya", "bolat", "chingiz", "zhanar", "zhomart", "emil", "farida", "asyl", "bai1", "bai2",
      "gulzat", "everywhere", "olzhas", "raushan", "yerlanc", "dauren", "tolkyn",
    ]) {
      self.ofPayingBody($0, .committee, item) && self.independent($0, item)
        && !item.votes.contains($0)
    }
    var expectation = Expectation.refuse
    if item.status == "assessed", ofPayingBody(user, .committee, item), independent(user, item),
      !item.votes.contains(user)
    {
      if item.votes.isEmpty {
        expectation = .succeed
      } else if let available = payer(item).flatMap(available) {
        expectation =
          item.amount <= available
          ? Expectation(success: true, refusals: ["out of date"])
          : Expectation(success: false, refusals: ["over-commit", "out of date"])
      } else {
        expectation = Expectation(
          success: false, refusals: ["has no budget", "never been credited", "out of date"])
      }
    }
    try attempt("\(user) approves \(item.code) (\(item.amount))", expectation, touching: item) {
      let result = try register.approve(code: item.code, actor: actor(user))
      item.votes.append(user)
      if result.approvedBy != item.votes {
        fail("approved by \(result.approvedBy), the model expects \(item.votes)")
      }
      guard result.reserved else { return }
      let account = payer(item)!
      if result.amountMinor != item.amount || item.amount > available(account)! {
        fail("reserved \(result.amountMinor) of \(available(account)!) available")
      }
      accounts[account]!.reserved += item.amount
      item.status = "approved"
      tally["reserved", default: 0] += 1
      checkHouseholdCap(item)
    }
  }

  /// What is approved or paid for the claimant in the incident's year never exceeds the cap:
  /// 1,000 MRP (kz-state) or 150,000 KGS (kg-buffer).
  func checkHouseholdCap(_ item: Case) {
    let total = cases.filter {
      $0.claimant.id == item.claimant.id && $0.incident.year == item.incident.year
        && $0.kz == item.kz && ["approved", "paid"].contains($0.status)
    }.reduce(0) { $0 + $1.amount }
    let cap = item.kz ? 1_000 * (item.incident.year >= 2026 ? 4_325 : 3_932) * 100 : 15_000_000
    if total > cap { fail("\(item.claimant.id) has \(total) approved, over the cap \(cap)") }
  }

  /// Releases an approved complaint's reservation in the model.
  func release(_ item: Case) {
    guard item.status == "approved" else { return }
    accounts[payer(item)!]!.reserved -= item.amount
    tally["released", default: 0] += 1
  }

  func reject() throws {
    guard let item = pickCase(["assessed", "approved"]) else { return try missing("reject") }
    let user = choose([
      "aliya", "bolat", "zhanar", "emil", "bai1", "everywhere", "olzhas", "dauren",
    ]) {
      self.ofPayingBody($0, .committee, item) && self.independent($0, item)
    }
    let text = reason()
    let valid =
      ["assessed", "approved"].contains(item.status) && ofPayingBody(user, .committee, item)
      && independent(user, item) && !text.trimmingSpaces.isEmpty
    try attempt(
      "\(user) rejects \(item.code) '\(text)'", valid ? .succeed : .refuse, touching: item
    ) {
      try register.reject(code: item.code, reason: text, actor: actor(user))
      release(item)
      item.status = "rejected"
    }
  }

  func appeal() throws {
    let statuses: Set = ["assessed", "ineligible", "rejected", "approved"]
    guard let item = pickCase(statuses) else { return try missing("appeal") }
    let user = choose(["dauren", "saule", "bakyt", "national", "tonofficer", "aliya", "marat"]) {
      self.covers($0, .officer, district: item.district, conservancy: item.conservancy)
    }
    let text = reason()
    let valid =
      statuses.contains(item.status)
      && covers(user, .officer, district: item.district, conservancy: item.conservancy)
      && !text.trimmingSpaces.isEmpty
    try attempt(
      "\(user) appeals \(item.code) '\(text)'", valid ? .succeed : .refuse, touching: item
    ) {
      try register.appeal(code: item.code, reason: text, actor: actor(user))
      release(item)
      item.status = "appealed"
    }
  }

  func pay() throws {
    guard let item = pickCase(["approved"]) else { return try missing("pay") }
    let user = choose(["tolkyn", "aigul", "ministry", "kubat", "nurbek", "chuytreasurer", "aliya"])
    {
      self.ofPayingBody($0, .treasurer, item)
    }
    var reference: String
    var fresh = true
    let roll = random.below(100)
    if roll < 10, !references.isEmpty {
      reference = random.pick(references)
      fresh = false
    } else if roll < 15 {
      reference = random.pick(["", "  ", String(repeating: "9", count: 65)])
      fresh = false
    } else {
      referenceCounter += 1
      reference = "BR-\(referenceCounter)"
    }
    let valid = item.status == "approved" && ofPayingBody(user, .treasurer, item) && fresh
    try attempt(
      "\(user) pays \(item.code) with '\(reference)'", valid ? .succeed : .refuse, touching: item
    ) {
      let payment = try register.pay(code: item.code, reference: reference, actor: actor(user))
      if payment.amountMinor != item.amount {
        fail("paid \(payment.amountMinor), approved \(item.amount)")
      }
      let account = payer(item)!
      accounts[account]!.reserved -= item.amount
      accounts[account]!.paid += item.amount
      item.status = "paid"
      references.append(reference)
      tally["paid", default: 0] += 1
    }
  }

  /// An operation on a complaint that does not exist.
  func missing(_ operation: String) throws {
    let code = "KAZ-2026-9999"
    let user = random.pick(["aliya", "dauren", "tolkyn", "marat"])
    try attempt("\(user) tries to \(operation) \(code)", .refuse) {
      switch operation {
      case "inspect":
        _ = try register.inspect(
          code: code, InspectionDraft(date: "\(today)", items: ["hay=1"], protected: "yes"),
          actor: actor(user))
      case "assess": _ = try register.assess(code: code, actor: actor(user))
      case "approve": _ = try register.approve(code: code, actor: actor(user))
      case "reject": try register.reject(code: code, reason: "no", actor: actor(user))
      case "appeal": try register.appeal(code: code, reason: "no", actor: actor(user))
      default: _ = try register.pay(code: code, reference: "X-1", actor: actor(user))
      }
    }
  }
}
