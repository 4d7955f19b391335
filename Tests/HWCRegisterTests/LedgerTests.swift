import HWCCore
import HWCDomain
import HWCStore
import Testing

@testable import HWCRegister

/// The people who move money, and helpers shared by the ledger and decision tests.
extension Fixture {
  /// The fixture's cast plus treasurers and committee members of districts and conservancies,
  /// an inspector of Shamshy, and Asel as a member of the Shamshy conservancy.
  static func money() throws -> Fixture {
    let fixture = try Fixture()
    try fixture.addUsers([
      ("tolkyn", ["treasurer@Kaztalov"]), ("aigul", ["treasurer@Zhanibek"]),
      ("ministry", ["treasurer"]), ("kubat", ["treasurer@Shamshy"]),
      ("nurbek", ["treasurer@Baiboosun"]), ("chuytreasurer", ["treasurer@Chuy"]),
      ("aliya", ["committee@Kaztalov"]), ("bolat", ["committee@Kaztalov"]),
      ("chingiz", ["committee@Kaztalov"]), ("zhanar", ["committee@Zhanibek"]),
      ("ainura", ["inspector@Shamshy"]), ("emil", ["committee@Shamshy"]),
      ("farida", ["committee@Shamshy"]), ("gulzat", ["committee@Chuy"]),
    ])
    _ = try fixture.register.addClaimant(
      ClaimantDraft(
        name: "Asel Toktogulova", nationalID: Fixture.asel, district: "Chuy",
        conservancy: "Shamshy"), actor: fixture.actor("bakyt"))
    return fixture
  }

  /// Adds users with their roles, as the administrator.
  func addUsers(_ users: [(String, [String])]) throws {
    for (name, roles) in users {
      _ = try register.addUser(name: name, roles: roles, actor: actor("admin"))
    }
  }

  /// Row counts of the ledger, the approvals, the assessments and inspections, and of every
  /// table `counts()` covers (the audit log among them): what a refused command must not touch.
  func ledgerCounts() throws -> [String: Int] {
    var result = try counts()
    for table in [
      "ledger_account", "ledger_transfer", "ledger_entry", "approval", "assessment", "inspection",
      "herd_insurance",
    ] {
      result[table] = try register.db.scalar(Int.self, "SELECT count(*) FROM \(table)") ?? 0
    }
    return result
  }

  /// Runs `body`, which must throw a `DomainError` whose sentence contains `message`, and
  /// records an issue when it changed any row count.
  func expectRefusal(
    _ message: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
  ) throws {
    let before = try ledgerCounts()
    var thrown: (any Error)?
    do { try body() } catch { thrown = error }
    let text = (thrown as? DomainError)?.description
    let got = thrown.map { "\($0)" } ?? "success"
    #expect(
      text?.contains(message) == true, "expected a refusal containing \"\(message)\", got \(got)",
      sourceLocation: sourceLocation)
    #expect(try ledgerCounts() == before, "a refused command wrote", sourceLocation: sourceLocation)
    #expect(try register.ledgerProblems() == [], sourceLocation: sourceLocation)
  }

  /// Registers Yerlan's wolf complaint (or a changed one), inspects it as Marat and assesses it
  /// as Dauren; returns its code.
  @discardableResult
  func assessed(
    items: [String]? = nil, protected: String = "yes", inspectedOn: String = "2026-06-10",
    _ change: (inout ComplaintDraft) -> Void = { _ in }
  ) throws -> String {
    var draft = self.draft(change)
    let code = try register.registerComplaint(draft, actor: actor("dauren")).complaint.code
    draft = self.draft(change)
    _ = try register.inspect(
      code: code,
      InspectionDraft(date: inspectedOn, items: items ?? draft.items, protected: protected),
      actor: actor("marat"))
    _ = try register.assess(code: code, actor: actor("dauren"))
    return code
  }

  /// A district's budget, which must exist.
  func budget(_ district: String = "Kaztalov", _ year: String = "2026") throws -> Balances {
    try #require(try register.budget(district: district, year: year))
  }

  /// Allocates `amount` (whole tenge) to Kaztalov's budget as Tolkyn.
  func allocate(_ amount: String, year: String = "2026") throws {
    _ = try register.allocateBudget(
      district: "Kaztalov", year: year, amount: amount, actor: actor("tolkyn"))
  }
}

/// Budgets, funds and premiums: what each credits, what the balances show, and what is refused.
@Suite struct LedgerTests {
  @Test func anAllocationCreditsTheDistrictBudgetOfTheYearFromTheMinistry() throws {
    let fixture = try Fixture.money()
    let (transfer, balances) = try fixture.register.allocateBudget(
      district: "Kaztalov", year: "2026", amount: "1500000", actor: fixture.actor("tolkyn"))
    #expect(
      balances
        == Balances(
          account: "budget:KAZ:2026", currency: "KZT", credited: 150_000_000, reserved: 0,
          paid: 0, available: 150_000_000))
    let entries = try fixture.register.db.prepare(
      """
      SELECT a.code, e.amount_minor FROM ledger_entry e JOIN ledger_account a ON a.id = e.account_id
      WHERE e.transfer_id = ? ORDER BY e.id
      """
    ).map(with: [transfer]) { "\($0.text("code")) \($0.int("amount_minor"))" }
    #expect(entries == ["source:ministry:KZT -150000000", "budget:KAZ:2026 150000000"])
    #expect(
      try fixture.register.db.scalar(
        String.self,
        "SELECT kind FROM ledger_transfer WHERE id = ?",
        with: [
          transfer
        ]) == "allocation")
    #expect(try fixture.register.ledgerProblems() == [])
    #expect(try fixture.register.verifyAudit().problem == nil)
  }

  @Test func allocationsAddUpInExactMinorUnitsAndEachYearHasItsOwnBudget() throws {
    let fixture = try Fixture.money()
    try fixture.allocate("100000")
    try fixture.allocate("2500.5")
    try fixture.allocate("0.07")
    _ = try fixture.register.allocateBudget(
      district: "Kaztalov", year: "2027", amount: "9", actor: fixture.actor("ministry"))
    #expect(try fixture.budget().credited == 10_250_057)
    #expect(try fixture.budget().available == 10_250_057)
    #expect(try fixture.budget("Kaztalov", "2027").available == 900)
    #expect(try fixture.register.budget(district: "Kaztalov", year: "2025") == nil)
    #expect(try fixture.register.budget(district: "Zhanibek", year: "2026") == nil)
    // The ministry's source account holds the opposite of everything allocated.
    #expect(
      try fixture.register.db.scalar(
        Int.self,
        "SELECT balance_minor FROM ledger_account WHERE code = 'source:ministry:KZT'")
        == -10_250_957)
    #expect(try fixture.register.ledgerProblems() == [])
  }

  @Test func aContributionCreditsTheConservancyFundInSom() throws {
    let fixture = try Fixture.money()
    let (_, donor) = try fixture.register.contributeToFund(
      conservancy: "Shamshy", amount: "20000", source: "donor", actor: fixture.actor("kubat"))
    #expect(
      donor
        == Balances(
          account: "fund:Shamshy", currency: "KGS", credited: 2_000_000, reserved: 0, paid: 0,
          available: 2_000_000))
    _ = try fixture.register.contributeToFund(
      conservancy: "Shamshy", amount: "150.25", source: " state ", actor: fixture.actor("kubat"))
    #expect(try fixture.register.fund(conservancy: "Shamshy")?.available == 2_015_025)
    #expect(try fixture.register.fund(conservancy: "Baiboosun") == nil)
    #expect(
      try fixture.register.db.prepare(
        "SELECT code, balance_minor FROM ledger_account WHERE kind = 'source' ORDER BY code"
      ).map { "\($0.text("code")) \($0.int("balance_minor"))" } == [
        "source:donor:KGS -2000000", "source:state:KGS -15025",
      ])
    #expect(try fixture.register.ledgerProblems() == [])
  }

  @Test func insuringHeadsCreditsThePremiumToTheFundAsAPremiumTransfer() throws {
    let fixture = try Fixture.money()
    let (insurance, premium) = try fixture.register.insureHerd(
      nationalID: Fixture.asel, season: "2026", livestockClass: "sheep_goat", heads: "10",
      actor: fixture.actor("bakyt"))
    #expect(premium == 70_000)  // 10 heads × 70 KGS
    _ = try fixture.register.insureHerd(
      nationalID: Fixture.asel, season: "2026", livestockClass: "cattle", heads: "2",
      actor: fixture.actor("bakyt"))
    let fund = try #require(try fixture.register.fund(conservancy: "Shamshy"))
    #expect(fund.credited == 70_000 + 90_000)  // and 2 × 450 KGS
    #expect(fund.available == 160_000)
    #expect(fund.reserved == 0 && fund.paid == 0)
    let premiums = try fixture.register.db.prepare(
      "SELECT insurance_id FROM ledger_transfer WHERE kind = 'premium' ORDER BY id"
    ).map { $0.optionalInt("insurance_id") }
    #expect(premiums == [insurance, insurance + 1])
    #expect(try fixture.register.ledgerProblems() == [])
  }

  @Test func balancesShowAllocatedReservedPaidAndAvailable() throws {
    let fixture = try Fixture.money()
    try fixture.allocate("400000")
    let first = try fixture.assessed()
    let second = try fixture.assessed { $0.items = ["sheep_goat.adult=1"] }
    for code in [first, second] {
      _ = try fixture.register.approve(code: code, actor: fixture.actor("aliya"))
      _ = try fixture.register.approve(code: code, actor: fixture.actor("bolat"))
    }
    _ = try fixture.register.pay(code: first, reference: "KZ-1", actor: fixture.actor("tolkyn"))
    // 155,700 KZT paid and 51,900 KZT reserved out of 400,000 KZT.
    #expect(
      try fixture.budget()
        == Balances(
          account: "budget:KAZ:2026", currency: "KZT", credited: 40_000_000,
          reserved: 5_190_000, paid: 15_570_000, available: 19_240_000))
    #expect(try fixture.register.ledgerProblems() == [])
  }

  /// Allocations that are refused: actor, district, year, amount, and what the message says.
  static let allocationRefusals: [(String, String, String, String, String)] = [
    ("dauren", "Kaztalov", "2026", "1000", "dauren may not allocate budgets in Kaztalov"),
    ("admin", "Kaztalov", "2026", "1000", "admin may not allocate budgets"),
    ("aigul", "Kaztalov", "2026", "1000", "that needs the treasurer role"),
    ("aliya", "Kaztalov", "2026", "1000", "aliya may not allocate budgets"),
    ("kubat", "Kaztalov", "2026", "1000", "kubat may not allocate budgets"),
    ("tolkyn", "Kaztalov", "2026", "0", "--amount: must be more than zero"),
    ("tolkyn", "Kaztalov", "2026", "0.00", "--amount: must be more than zero"),
    ("tolkyn", "Kaztalov", "2026", "-5", "--amount: '-5' must not be negative"),
    ("tolkyn", "Kaztalov", "2026", "1.234", "--amount: '1.234' has more than two decimals"),
    ("tolkyn", "Kaztalov", "2026", "abc", "--amount: 'abc' is not a number"),
    ("tolkyn", "Kaztalov", "2026", "", "--amount: '' is not a number"),
    ("tolkyn", "Kaztalov", "2026", "1,000", "--amount: '1,000' is not a number"),
    ("tolkyn", "Kaztalov", "2026", "1e6", "--amount: '1e6' is not a number"),
    (
      "tolkyn", "Kaztalov", "2026", "10000000000000000",
      "--amount: '10000000000000000' is too large"
    ),
    ("ministry", "Chuy", "2026", "1000", "--district: Chuy is in Kyrgyzstan"),
    ("ministry", "Ton", "2026", "1000", "--district: Ton is in Kyrgyzstan"),
    ("ministry", "Atlantis", "2026", "1000", "--district: 'Atlantis' is not a district"),
    ("ministry", "Shamshy", "2026", "1000", "--district: 'Shamshy' is not a district"),
    ("tolkyn", "Kaztalov", "26", "1000", "--year: '26' is not a year (YYYY)"),
    ("tolkyn", "Kaztalov", "1999", "1000", "--year: '1999' is not a year"),
    ("tolkyn", "Kaztalov", "2101", "1000", "--year: '2101' is not a year"),
    ("tolkyn", "Kaztalov", "next", "1000", "--year: 'next' is not a year"),
  ]

  @Test(arguments: allocationRefusals)
  func aRefusedAllocationNamesTheProblemAndWritesNothing(
    actor: String, district: String, year: String, amount: String, message: String
  ) throws {
    let fixture = try Fixture.money()
    try fixture.allocate("1000")
    try fixture.expectRefusal(message) {
      _ = try fixture.register.allocateBudget(
        district: district, year: year, amount: amount, actor: fixture.actor(actor))
    }
    #expect(try fixture.budget().available == 100_000)
  }

  /// Contributions that are refused: actor, conservancy, amount, source, and the message.
  static let contributionRefusals: [(String, String, String, String, String)] = [
    ("bakyt", "Shamshy", "1000", "donor", "bakyt may not record fund contributions in Shamshy"),
    ("admin", "Shamshy", "1000", "donor", "admin may not record fund contributions"),
    ("emil", "Shamshy", "1000", "donor", "that needs the treasurer role"),
    ("nurbek", "Shamshy", "1000", "donor", "nurbek may not record fund contributions in Shamshy"),
    ("tolkyn", "Shamshy", "1000", "donor", "tolkyn may not record fund contributions"),
    ("kubat", "Baiboosun", "1000", "donor", "kubat may not record fund contributions"),
    (
      "chuytreasurer", "Shamshy", "1000", "donor",
      "that needs the treasurer role of the Shamshy conservancy"
    ),
    ("kubat", "Shamshy", "1000", "bank", "--source: 'bank' is not premium, donor or state"),
    ("kubat", "Shamshy", "1000", "", "--source: '' is not premium, donor or state"),
    ("kubat", "Shamshy", "1000", "ministry", "--source: 'ministry' is not premium"),
    ("kubat", "Shamshy", "0", "donor", "--amount: must be more than zero"),
    ("kubat", "Shamshy", "-5", "donor", "--amount: '-5' must not be negative"),
    ("kubat", "Shamshy", "1.234", "donor", "--amount: '1.234' has more than two decimals"),
    ("kubat", "Shamshy", "abc", "donor", "--amount: 'abc' is not a number"),
    ("kubat", "Atlantis", "1000", "donor", "--conservancy: 'Atlantis' is not a conservancy"),
    ("kubat", "Chuy", "1000", "donor", "--conservancy: 'Chuy' is not a conservancy"),
  ]

  @Test(arguments: contributionRefusals)
  func aRefusedContributionNamesTheProblemAndWritesNothing(
    actor: String, conservancy: String, amount: String, source: String, message: String
  ) throws {
    let fixture = try Fixture.money()
    try fixture.expectRefusal(message) {
      _ = try fixture.register.contributeToFund(
        conservancy: conservancy, amount: amount, source: source, actor: fixture.actor(actor))
    }
    #expect(try fixture.register.fund(conservancy: "Shamshy") == nil)
    #expect(try fixture.register.fund(conservancy: "Baiboosun") == nil)
  }

  @Test func showingABudgetOrFundRefusesUnknownPlacesAndBadYears() throws {
    let fixture = try Fixture.money()
    try fixture.expectRefusal("--district: 'Atlantis' is not a district") {
      _ = try fixture.register.budget(district: "Atlantis", year: "2026")
    }
    try fixture.expectRefusal("--year: '20x6' is not a year") {
      _ = try fixture.register.budget(district: "Kaztalov", year: "20x6")
    }
    try fixture.expectRefusal("--conservancy: 'Atlantis' is not a conservancy") {
      _ = try fixture.register.fund(conservancy: "Atlantis")
    }
    // Looking opens no account.
    #expect(try fixture.register.budget(district: "Kaztalov", year: "2026") == nil)
    #expect(try fixture.register.db.scalar(Int.self, "SELECT count(*) FROM ledger_account") == 0)
  }

  @Test func anAllocationThatWouldOverflowTheBalanceIsRefusedAndWritesNothing() throws {
    let fixture = try Fixture.money()
    // The largest amount typed is 10^15 units; 92 of them reach the 64-bit limit of a balance.
    let largest = "1000000000000000"
    for _ in 0..<92 { try fixture.allocate(largest) }
    let before = try fixture.ledgerCounts()
    #expect(throws: (any Error).self) { try fixture.allocate(largest) }
    #expect(try fixture.ledgerCounts() == before)
    #expect(try fixture.budget().available == 92 * 100_000_000_000_000_000)
    #expect(try fixture.register.ledgerProblems() == [])
  }
}
