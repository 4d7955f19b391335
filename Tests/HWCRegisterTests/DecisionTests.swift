import HWCCore
import HWCDomain
import HWCRules
import HWCStore
import Testing

@testable import HWCRegister

/// Approvals, rejections, payments and appeals: who may decide, when, and what money moves.
@Suite struct DecisionTests {
  /// The money fixture with `budget` KZT in Kaztalov's 2026 budget and Yerlan's complaint
  /// (3 adult sheep, protected) assessed at 155,700 KZT.
  func assessed(budget: String = "200000") throws -> (Fixture, String) {
    let fixture = try Fixture.money()
    try fixture.allocate(budget)
    return (fixture, try fixture.assessed())
  }

  /// Approves `code` by Aliya and Bolat: the second approval reserves the money.
  func approved(_ fixture: Fixture, _ code: String) throws {
    _ = try fixture.register.approve(code: code, actor: fixture.actor("aliya"))
    _ = try fixture.register.approve(code: code, actor: fixture.actor("bolat"))
  }

  func status(_ fixture: Fixture, _ code: String) throws -> String {
    try fixture.register.complaint(code: code).status
  }

  /// Each transfer of a complaint as `kind account amount` lines, with `reverses` when set.
  func transfers(_ fixture: Fixture, _ code: String) throws -> [String] {
    try fixture.register.db.prepare(
      """
      SELECT t.kind, coalesce(t.reverses_id, 0) AS reverses_id, a.code, e.amount_minor
      FROM ledger_transfer t JOIN complaint c ON c.id = t.complaint_id
      JOIN ledger_entry e ON e.transfer_id = t.id JOIN ledger_account a ON a.id = e.account_id
      WHERE c.code = ? ORDER BY t.id, e.id
      """
    ).map(with: [code]) {
      "\($0.text("kind"))\($0.int("reverses_id") == 0 ? "" : " of #\($0.int("reverses_id"))") \($0.text("code")) \($0.int("amount_minor"))"
    }
  }

  // MARK: approval

  @Test func theFirstApprovalIsAVoteAndTheSecondDistinctMemberReservesTheAmount() throws {
    let (fixture, code) = try assessed()
    let before = try fixture.ledgerCounts()
    let first = try fixture.register.approve(code: code, actor: fixture.actor("aliya"))
    #expect(first.reserved == false)
    #expect(first.approvedBy == ["aliya"])
    #expect(first.amountMinor == 15_570_000)
    #expect(first.balances == nil)
    #expect(try status(fixture, code) == "assessed")
    #expect(try fixture.register.complaint(code: code).events.last?.kind == "approval")
    #expect(try fixture.ledgerCounts()["ledger_transfer"] == before["ledger_transfer"])
    #expect(try fixture.budget().available == 20_000_000)

    let second = try fixture.register.approve(code: code, actor: fixture.actor("bolat"))
    #expect(second.reserved)
    #expect(second.approvedBy == ["aliya", "bolat"])
    #expect(
      second.balances
        == Balances(
          account: "budget:KAZ:2026", currency: "KZT", credited: 20_000_000,
          reserved: 15_570_000, paid: 0, available: 4_430_000))
    #expect(try fixture.budget() == second.balances)
    #expect(try status(fixture, code) == "approved")
    #expect(try fixture.register.complaint(code: code).events.last?.kind == "approved")
    #expect(
      try transfers(fixture, code) == [
        "reservation budget:KAZ:2026 -15570000",
        "reservation payable:budget:KAZ:2026 15570000",
      ])
    #expect(try fixture.register.ledgerProblems() == [])
    #expect(try fixture.register.verifyAudit().problem == nil)
  }

  @Test func theSameMemberApprovingTwiceIsRefused() throws {
    let (fixture, code) = try assessed()
    _ = try fixture.register.approve(code: code, actor: fixture.actor("aliya"))
    try fixture.expectRefusal("aliya has already approved \(code); a second, different") {
      _ = try fixture.register.approve(code: code, actor: fixture.actor("aliya"))
    }
    #expect(try status(fixture, code) == "assessed")
  }

  /// Users who hold no committee role of Kaztalov district, and how each is refused.
  static let notTheCommission: [(String, String)] = [
    ("dauren", "dauren may not approve KAZ-2026-0001: that needs the committee role of Kaztalov"),
    ("admin", "admin may not approve KAZ-2026-0001"),
    ("tolkyn", "tolkyn may not approve KAZ-2026-0001"),
    ("marat", "marat may not approve KAZ-2026-0001"),
    ("zhanar", "zhanar may not approve KAZ-2026-0001: that needs the committee role"),
    ("emil", "emil may not approve KAZ-2026-0001"),
  ]

  @Test(arguments: notTheCommission)
  func onlyACommitteeMemberOfThePayingDistrictApproves(user: String, message: String) throws {
    let (fixture, code) = try assessed()
    try fixture.expectRefusal(message) {
      _ = try fixture.register.approve(code: code, actor: fixture.actor(user))
    }
    // Also as the second, reserving approval.
    _ = try fixture.register.approve(code: code, actor: fixture.actor("aliya"))
    try fixture.expectRefusal(message) {
      _ = try fixture.register.approve(code: code, actor: fixture.actor(user))
    }
    #expect(try fixture.budget().reserved == 0)
  }

  @Test func theRegistrarTheInspectorAndTheClaimantMayNotApproveOrReject() throws {
    let fixture = try Fixture.money()
    try fixture.allocate("200000")
    try fixture.addUsers([
      ("olzhas", ["officer@Kaztalov", "committee@Kaztalov"]),
      ("raushan", ["inspector@Kaztalov", "committee@Kaztalov"]),
    ])
    _ = try fixture.register.addUser(
      name: "yerlan", roles: ["committee@Kaztalov"], nationalID: Fixture.yerlan,
      actor: fixture.actor("admin"))
    let code = try fixture.register.registerComplaint(
      fixture.draft(), actor: fixture.actor("olzhas")
    ).complaint.code
    _ = try fixture.register.inspect(
      code: code,
      InspectionDraft(date: "2026-06-10", items: ["sheep_goat.adult=3"], protected: "yes"),
      actor: fixture.actor("raushan"))
    _ = try fixture.register.assess(code: code, actor: fixture.actor("dauren"))
    // Each user, and what ties them to the complaint.
    let ties = [
      ("olzhas", "registered"), ("raushan", "inspected"), ("yerlan", "is the claimant of"),
    ]
    for (user, tie) in ties {
      try fixture.expectRefusal("\(user) \(tie) \(code) and may not approve it") {
        _ = try fixture.register.approve(code: code, actor: fixture.actor(user))
      }
    }
    _ = try fixture.register.approve(code: code, actor: fixture.actor("aliya"))
    for (user, tie) in ties {
      try fixture.expectRefusal("\(user) \(tie) \(code) and may not approve it") {
        _ = try fixture.register.approve(code: code, actor: fixture.actor(user))
      }
      try fixture.expectRefusal("\(user) \(tie) \(code) and may not reject it") {
        try fixture.register.reject(code: code, reason: "not a wolf", actor: fixture.actor(user))
      }
    }
    let result = try fixture.register.approve(code: code, actor: fixture.actor("bolat"))
    #expect(result.reserved)
    #expect(result.approvedBy == ["aliya", "bolat"])
  }

  @Test func aUserWhoIsAnotherClaimantMayApprove() throws {
    let (fixture, code) = try assessed()
    _ = try fixture.register.addUser(
      name: "gulnara", roles: ["committee@Kaztalov"], nationalID: Fixture.gulnara,
      actor: fixture.actor("admin"))
    _ = try fixture.register.approve(code: code, actor: fixture.actor("gulnara"))
    #expect(try fixture.register.approve(code: code, actor: fixture.actor("aliya")).reserved)
  }

  @Test func onlyAnAssessedEligibleComplaintIsApproved() throws {
    let fixture = try Fixture.money()
    try fixture.allocate("1000000")
    let registered = try fixture.register.registerComplaint(
      fixture.draft(), actor: fixture.actor("dauren")
    ).complaint.code
    try fixture.expectRefusal("\(registered) cannot be approved: it must be assessed first") {
      _ = try fixture.register.approve(code: registered, actor: fixture.actor("aliya"))
    }
    _ = try fixture.register.inspect(
      code: registered,
      InspectionDraft(date: "2026-06-10", items: ["sheep_goat.adult=3"], protected: "yes"),
      actor: fixture.actor("marat"))
    try fixture.expectRefusal("\(registered) cannot be approved: it must be assessed first") {
      _ = try fixture.register.approve(code: registered, actor: fixture.actor("aliya"))
    }
    // Reported four days after a predation: ineligible.
    let late = try fixture.assessed { $0.reportedDate = "2026-06-05" }
    #expect(try status(fixture, late) == "ineligible")
    try fixture.expectRefusal("\(late) cannot be approved: the rules found it ineligible") {
      _ = try fixture.register.approve(code: late, actor: fixture.actor("aliya"))
    }
    let rejected = try fixture.assessed()
    try fixture.register.reject(code: rejected, reason: "no carcass", actor: fixture.actor("aliya"))
    try fixture.expectRefusal("\(rejected) cannot be approved: it was rejected") {
      _ = try fixture.register.approve(code: rejected, actor: fixture.actor("bolat"))
    }
    let approved = try fixture.assessed()
    try self.approved(fixture, approved)
    try fixture.expectRefusal("\(approved) cannot be approved: it is already approved") {
      _ = try fixture.register.approve(code: approved, actor: fixture.actor("chingiz"))
    }
    _ = try fixture.register.pay(code: approved, reference: "P-1", actor: fixture.actor("tolkyn"))
    try fixture.expectRefusal("\(approved) cannot be approved: it is already paid") {
      _ = try fixture.register.approve(code: approved, actor: fixture.actor("chingiz"))
    }
    let appealed = try fixture.assessed()
    try fixture.register.appeal(
      code: appealed, reason: "more sheep", actor: fixture.actor("dauren"))
    try fixture.expectRefusal("\(appealed) cannot be approved: it must be assessed first") {
      _ = try fixture.register.approve(code: appealed, actor: fixture.actor("aliya"))
    }
    try fixture.expectRefusal("there is no complaint") {
      _ = try fixture.register.approve(code: "KAZ-2026-0999", actor: fixture.actor("aliya"))
    }
  }

  @Test func theReservingApprovalNeedsABudgetForTheYearOfTheIncident() throws {
    let fixture = try Fixture.money()
    try fixture.allocate("500000", year: "2025")
    try fixture.allocate("500000", year: "2027")
    let code = try fixture.assessed()
    _ = try fixture.register.approve(code: code, actor: fixture.actor("aliya"))
    try fixture.expectRefusal("Kaztalov has no budget for 2026, the year of the incident") {
      _ = try fixture.register.approve(code: code, actor: fixture.actor("bolat"))
    }
    try fixture.allocate("500000")
    #expect(try fixture.register.approve(code: code, actor: fixture.actor("bolat")).reserved)
    #expect(try fixture.budget("Kaztalov", "2025").available == 50_000_000)
    #expect(try fixture.budget("Kaztalov", "2027").available == 50_000_000)
  }

  @Test func anIncidentOfLastYearIsReservedFromLastYearsBudget() throws {
    let fixture = try Fixture.money()
    try fixture.allocate("500000")
    try fixture.allocate("200000", year: "2025")
    let code = try fixture.assessed(inspectedOn: "2026-01-05") {
      $0.incidentDate = "2025-12-30"
      $0.reportedDate = "2025-12-31"
    }
    try approved(fixture, code)
    // 3 × 12 MRP × 3,932 KZT (MRP of 2025) = 141,552 KZT.
    #expect(try fixture.budget("Kaztalov", "2025").reserved == 14_155_200)
    #expect(try fixture.budget("Kaztalov", "2025").available == 5_844_800)
    #expect(try fixture.budget().available == 50_000_000)
    #expect(try fixture.register.ledgerProblems() == [])
  }

  @Test func anApprovalThatWouldOverCommitTheBudgetIsRefusedWithBothFigures() throws {
    let (fixture, code) = try assessed(budget: "100000")
    _ = try fixture.register.approve(code: code, actor: fixture.actor("aliya"))
    try fixture.expectRefusal(
      "approving \(code) would over-commit budget:KAZ:2026: requested 155,700 KZT, "
        + "available 100,000 KZT"
    ) {
      _ = try fixture.register.approve(code: code, actor: fixture.actor("bolat"))
    }
    #expect(try status(fixture, code) == "assessed")
    // Exactly enough is enough: the budget may be used to the last tiyn.
    try fixture.allocate("55700")
    #expect(try fixture.register.approve(code: code, actor: fixture.actor("bolat")).reserved)
    #expect(try fixture.budget().available == 0)
    let next = try fixture.assessed { $0.items = ["sheep_goat.adult=1"] }
    _ = try fixture.register.approve(code: next, actor: fixture.actor("aliya"))
    try fixture.expectRefusal("requested 51,900 KZT, available 0 KZT") {
      _ = try fixture.register.approve(code: next, actor: fixture.actor("chingiz"))
    }
    try fixture.allocate("51899.99")
    try fixture.expectRefusal("requested 51,900 KZT, available 51,899.99 KZT") {
      _ = try fixture.register.approve(code: next, actor: fixture.actor("chingiz"))
    }
  }

  // MARK: rejection

  @Test(arguments: ["", "   ", String(repeating: "x", count: 2001)])
  func aRejectionNeedsAReason(reason: String) throws {
    let (fixture, code) = try assessed()
    try fixture.expectRefusal("--reason: is required") {
      try fixture.register.reject(code: code, reason: reason, actor: fixture.actor("aliya"))
    }
    #expect(try status(fixture, code) == "assessed")
  }

  @Test func rejectingAnAssessedComplaintRecordsTheReasonAndMovesNoMoney() throws {
    let (fixture, code) = try assessed()
    _ = try fixture.register.approve(code: code, actor: fixture.actor("aliya"))
    let before = try fixture.ledgerCounts()
    try fixture.register.reject(
      code: code, reason: "the carcasses were not found", actor: fixture.actor("chingiz"))
    let complaint = try fixture.register.complaint(code: code)
    #expect(complaint.status == "rejected")
    #expect(complaint.events.last?.reason == "the carcasses were not found")
    #expect(complaint.events.last?.actor == "chingiz")
    #expect(try fixture.ledgerCounts()["ledger_transfer"] == before["ledger_transfer"])
    #expect(try fixture.budget().available == 20_000_000)
  }

  @Test func rejectingAnApprovedComplaintReleasesItsReservationByAReversingTransfer() throws {
    let (fixture, code) = try assessed()
    try approved(fixture, code)
    try fixture.register.reject(
      code: code, reason: "a dog, not a wolf", actor: fixture.actor("chingiz"))
    #expect(try status(fixture, code) == "rejected")
    let reservation = try #require(
      try fixture.register.db.scalar(
        Int.self, "SELECT id FROM ledger_transfer WHERE kind = 'reservation'"))
    #expect(
      try transfers(fixture, code) == [
        "reservation budget:KAZ:2026 -15570000",
        "reservation payable:budget:KAZ:2026 15570000",
        "release of #\(reservation) budget:KAZ:2026 15570000",
        "release of #\(reservation) payable:budget:KAZ:2026 -15570000",
      ])
    #expect(
      try fixture.register.db.scalar(
        String.self, "SELECT memo FROM ledger_transfer WHERE kind = 'release'")
        == "rejected: a dog, not a wolf")
    #expect(
      try fixture.budget()
        == Balances(
          account: "budget:KAZ:2026", currency: "KZT", credited: 20_000_000, reserved: 0, paid: 0,
          available: 20_000_000))
    try fixture.expectRefusal("\(code) cannot be paid: it was rejected") {
      _ = try fixture.register.pay(code: code, reference: "B-1", actor: fixture.actor("tolkyn"))
    }
    #expect(try fixture.register.ledgerProblems() == [])
  }

  @Test func rejectionIsRefusedOutsideTheCommissionAndForUndecidableComplaints() throws {
    let (fixture, code) = try assessed()
    for user in ["dauren", "tolkyn", "zhanar", "admin", "emil"] {
      try fixture.expectRefusal("\(user) may not reject \(code)") {
        try fixture.register.reject(code: code, reason: "no", actor: fixture.actor(user))
      }
    }
    let registered = try fixture.register.registerComplaint(
      fixture.draft(), actor: fixture.actor("dauren")
    ).complaint.code
    try fixture.expectRefusal("\(registered) cannot be rejected: it must be assessed first") {
      try fixture.register.reject(code: registered, reason: "no", actor: fixture.actor("aliya"))
    }
    try approved(fixture, code)
    _ = try fixture.register.pay(code: code, reference: "B-1", actor: fixture.actor("tolkyn"))
    try fixture.expectRefusal("\(code) cannot be rejected: it is already paid") {
      try fixture.register.reject(code: code, reason: "no", actor: fixture.actor("chingiz"))
    }
    let rejected = try fixture.assessed()
    try fixture.register.reject(code: rejected, reason: "no", actor: fixture.actor("aliya"))
    try fixture.expectRefusal("\(rejected) cannot be rejected: it was rejected") {
      try fixture.register.reject(code: rejected, reason: "again", actor: fixture.actor("bolat"))
    }
  }

  // MARK: payment

  @Test func theTreasurerOfThePayingBodyPaysAnApprovedComplaintOnce() throws {
    let (fixture, code) = try assessed()
    try approved(fixture, code)
    let payment = try fixture.register.pay(
      code: code, reference: " KZB-2026-0001 ", actor: fixture.actor("tolkyn"))
    #expect(payment.amountMinor == 15_570_000)
    #expect(payment.currency == "KZT")
    #expect(
      try fixture.budget()
        == Balances(
          account: "budget:KAZ:2026", currency: "KZT", credited: 20_000_000, reserved: 0,
          paid: 15_570_000, available: 4_430_000))
    let complaint = try fixture.register.complaint(code: code)
    #expect(complaint.status == "paid")
    #expect(complaint.events.last?.reason == "bank reference KZB-2026-0001")
    #expect(
      try transfers(fixture, code).suffix(2) == [
        "payment payable:budget:KAZ:2026 -15570000", "payment paid:budget:KAZ:2026 15570000",
      ])
    #expect(
      try fixture.register.db.scalar(
        String.self,
        "SELECT reference FROM ledger_transfer WHERE id = ?", with: [payment.transfer])
        == "KZB-2026-0001")
    for reference in ["KZB-2026-0001", "KZB-2026-0002"] {
      try fixture.expectRefusal("\(code) cannot be paid: it is already paid") {
        _ = try fixture.register.pay(
          code: code, reference: reference, actor: fixture.actor("tolkyn"))
      }
    }
    #expect(try fixture.register.ledgerProblems() == [])
    #expect(try fixture.register.verifyAudit().problem == nil)
  }

  @Test(arguments: ["aigul", "aliya", "dauren", "admin", "kubat", "chuytreasurer"])
  func onlyATreasurerOfThePayingDistrictPays(user: String) throws {
    let (fixture, code) = try assessed()
    try approved(fixture, code)
    try fixture.expectRefusal("\(user) may not pay \(code): that needs the treasurer role") {
      _ = try fixture.register.pay(code: code, reference: "B-1", actor: fixture.actor(user))
    }
    #expect(try status(fixture, code) == "approved")
    // A treasurer valid everywhere may pay.
    _ = try fixture.register.pay(code: code, reference: "B-1", actor: fixture.actor("ministry"))
    #expect(try status(fixture, code) == "paid")
  }

  @Test func aComplaintWithoutTwoApprovalsIsNotPaid() throws {
    let (fixture, code) = try assessed()
    try fixture.expectRefusal("\(code) cannot be paid") {
      _ = try fixture.register.pay(code: code, reference: "B-1", actor: fixture.actor("tolkyn"))
    }
    _ = try fixture.register.approve(code: code, actor: fixture.actor("aliya"))
    try fixture.expectRefusal("\(code) cannot be paid") {
      _ = try fixture.register.pay(code: code, reference: "B-1", actor: fixture.actor("tolkyn"))
    }
    let registered = try fixture.register.registerComplaint(
      fixture.draft(), actor: fixture.actor("dauren")
    ).complaint.code
    try fixture.expectRefusal("\(registered) cannot be paid: it must be assessed first") {
      _ = try fixture.register.pay(
        code: registered, reference: "B-1", actor: fixture.actor("tolkyn"))
    }
  }

  @Test func aBankReferenceThatAlreadyPaidAnotherComplaintIsRefused() throws {
    let (fixture, first) = try assessed(budget: "400000")
    let second = try fixture.assessed()
    try approved(fixture, first)
    try approved(fixture, second)
    _ = try fixture.register.pay(code: first, reference: "B-77", actor: fixture.actor("tolkyn"))
    for reference in ["B-77", "  B-77 "] {
      try fixture.expectRefusal("--ref: B-77 already paid \(first); each payment has its own") {
        _ = try fixture.register.pay(
          code: second, reference: reference, actor: fixture.actor("tolkyn"))
      }
    }
    #expect(try status(fixture, second) == "approved")
    _ = try fixture.register.pay(code: second, reference: "B-78", actor: fixture.actor("tolkyn"))
    #expect(try fixture.budget().paid == 31_140_000)
  }

  @Test(arguments: ["", "   ", String(repeating: "7", count: 65)])
  func aPaymentNeedsABankReference(reference: String) throws {
    let (fixture, code) = try assessed()
    try approved(fixture, code)
    try fixture.expectRefusal("--ref: the bank reference is required") {
      _ = try fixture.register.pay(code: code, reference: reference, actor: fixture.actor("tolkyn"))
    }
    #expect(try status(fixture, code) == "approved")
  }

  // MARK: appeal

  /// How a complaint reaches each status an appeal reopens.
  enum Decided: String, CaseIterable, Sendable {
    case assessed, ineligible, rejected, approved
  }

  @Test(arguments: Decided.allCases)
  func anOfficerAppealsADecidedComplaintAndAReservationIsReleased(decided: Decided) throws {
    let fixture = try Fixture.money()
    try fixture.allocate("200000")
    let code = try fixture.assessed {
      if decided == .ineligible { $0.reportedDate = "2026-06-09" }
    }
    switch decided {
    case .assessed, .ineligible: break
    case .rejected:
      try fixture.register.reject(code: code, reason: "no", actor: fixture.actor("aliya"))
    case .approved: try approved(fixture, code)
    }
    #expect(try status(fixture, code) == decided.rawValue)
    try fixture.register.appeal(
      code: code, reason: "the herder brings witnesses", actor: fixture.actor("dauren"))
    let complaint = try fixture.register.complaint(code: code)
    #expect(complaint.status == "appealed")
    #expect(complaint.events.last?.reason == "the herder brings witnesses")
    #expect(try fixture.budget().available == 20_000_000)
    #expect(try fixture.budget().reserved == 0)
    let releases =
      try fixture.register.db.scalar(
        Int.self,
        "SELECT count(*) FROM ledger_transfer WHERE kind = 'release'") ?? 0
    #expect(releases == (decided == .approved ? 1 : 0))
    #expect(try fixture.register.ledgerProblems() == [])
  }

  @Test func onlyAnOfficerOfTheComplaintsPlaceAppeals() throws {
    let (fixture, code) = try assessed()
    for user in ["marat", "aliya", "tolkyn", "admin", "saule", "bakyt"] {
      try fixture.expectRefusal("\(user) may not record appeals in Kaztalov") {
        try fixture.register.appeal(code: code, reason: "witnesses", actor: fixture.actor(user))
      }
    }
    try fixture.expectRefusal("--reason: is required") {
      try fixture.register.appeal(code: code, reason: " ", actor: fixture.actor("dauren"))
    }
    try fixture.register.appeal(code: code, reason: "witnesses", actor: fixture.actor("national"))
    #expect(try status(fixture, code) == "appealed")
  }

  @Test func aPaidUndecidedOrAlreadyAppealedComplaintIsNotAppealed() throws {
    let (fixture, code) = try assessed()
    try approved(fixture, code)
    _ = try fixture.register.pay(code: code, reference: "B-1", actor: fixture.actor("tolkyn"))
    try fixture.expectRefusal("\(code) cannot be appealed: it is paid") {
      try fixture.register.appeal(code: code, reason: "more", actor: fixture.actor("dauren"))
    }
    let registered = try fixture.register.registerComplaint(
      fixture.draft(), actor: fixture.actor("dauren")
    ).complaint.code
    try fixture.expectRefusal("nothing has been decided yet (it is registered)") {
      try fixture.register.appeal(code: registered, reason: "more", actor: fixture.actor("dauren"))
    }
    _ = try fixture.register.inspect(
      code: registered,
      InspectionDraft(date: "2026-06-10", items: ["sheep_goat.adult=3"], protected: "yes"),
      actor: fixture.actor("marat"))
    try fixture.expectRefusal("nothing has been decided yet (it is inspected)") {
      try fixture.register.appeal(code: registered, reason: "more", actor: fixture.actor("dauren"))
    }
    let appealed = try fixture.assessed()
    try fixture.register.appeal(code: appealed, reason: "more", actor: fixture.actor("dauren"))
    try fixture.expectRefusal("\(appealed) cannot be appealed: it is already under appeal") {
      try fixture.register.appeal(code: appealed, reason: "more", actor: fixture.actor("dauren"))
    }
  }

  @Test func afterAnAppealTheComplaintIsReassessedAndNeedsTwoNewApprovals() throws {
    let (fixture, code) = try assessed(budget: "300000")
    try approved(fixture, code)
    try fixture.register.appeal(
      code: code, reason: "five sheep were killed, not three", actor: fixture.actor("dauren"))
    try fixture.expectRefusal("\(code) cannot be approved: it must be assessed first") {
      _ = try fixture.register.approve(code: code, actor: fixture.actor("chingiz"))
    }
    _ = try fixture.register.inspect(
      code: code,
      InspectionDraft(date: "2026-06-12", items: ["sheep_goat.adult=5"], protected: "yes"),
      actor: fixture.actor("marat"))
    let again = try fixture.register.assess(code: code, actor: fixture.actor("dauren"))
    #expect(again.amountMinor == 25_950_000)  // 5 × 12 × 4,325 KZT
    // Aliya and Bolat approved the old assessment; their votes do not carry over.
    let first = try fixture.register.approve(code: code, actor: fixture.actor("aliya"))
    #expect(first.reserved == false)
    #expect(first.approvedBy == ["aliya"])
    let second = try fixture.register.approve(code: code, actor: fixture.actor("bolat"))
    #expect(second.reserved)
    #expect(second.amountMinor == 25_950_000)
    #expect(try fixture.budget().reserved == 25_950_000)
    #expect(try fixture.budget().available == 4_050_000)
    #expect(
      try fixture.register.db.prepare("SELECT kind FROM ledger_transfer WHERE complaint_id = 1")
        .map { $0.text("kind") } == ["reservation", "release", "reservation"])
    #expect(try fixture.register.db.scalar(Int.self, "SELECT count(*) FROM approval") == 4)
    #expect(try fixture.register.ledgerProblems() == [])
  }

  @Test func aVoteForAnAssessmentThatWasAppealedDoesNotCountForTheNextOne() throws {
    let (fixture, code) = try assessed()
    _ = try fixture.register.approve(code: code, actor: fixture.actor("aliya"))
    try fixture.register.appeal(code: code, reason: "recount", actor: fixture.actor("dauren"))
    _ = try fixture.register.inspect(
      code: code,
      InspectionDraft(date: "2026-06-12", items: ["sheep_goat.adult=3"], protected: "yes"),
      actor: fixture.actor("marat"))
    _ = try fixture.register.assess(code: code, actor: fixture.actor("dauren"))
    let bolat = try fixture.register.approve(code: code, actor: fixture.actor("bolat"))
    #expect(bolat.reserved == false)
    #expect(bolat.approvedBy == ["bolat"])
    let aliya = try fixture.register.approve(code: code, actor: fixture.actor("aliya"))
    #expect(aliya.reserved)
    #expect(aliya.approvedBy == ["bolat", "aliya"])
  }

  // MARK: household cap

  /// Adds Gulnara as a second claimant of Kaztalov.
  func addGulnara(_ fixture: Fixture) throws {
    _ = try fixture.register.addClaimant(
      ClaimantDraft(name: "Gulnara Sadykova", nationalID: Fixture.gulnara, district: "Kaztalov"),
      actor: fixture.actor("dauren"))
  }

  @Test func amountsApprovedForTheClaimantInTheYearReduceALaterAssessmentToTheCap() throws {
    let fixture = try Fixture.money()
    try fixture.withoutReinspection()
    try fixture.allocate("20000000")
    try fixture.allocate("20000000", year: "2025")
    try addGulnara(fixture)
    // 50 adult sheep: 600 MRP × 4,325 KZT = 2,595,000 KZT; the cap is 1,000 MRP = 4,325,000 KZT.
    let first = try fixture.assessed { $0.items = ["sheep_goat.adult=50"] }
    try approved(fixture, first)
    let second = try fixture.assessed { $0.items = ["sheep_goat.adult=50"] }
    let capped = try #require(try fixture.register.latestAssessment(code: second))
    #expect(capped.amountMinor == 173_000_000)  // 4,325,000 − 2,595,000 KZT
    #expect(capped.explanationLines.contains { $0.hasPrefix("cap:") })
    // Another claimant, and the same claimant in another year, are not reduced.
    let other = try fixture.assessed {
      $0.nationalID = Fixture.gulnara
      $0.items = ["sheep_goat.adult=50"]
    }
    #expect(try fixture.register.latestAssessment(code: other)?.amountMinor == 259_500_000)
    let lastYear = try fixture.assessed(inspectedOn: "2026-01-03") {
      $0.incidentDate = "2025-12-30"
      $0.reportedDate = "2025-12-31"
      $0.items = ["sheep_goat.adult=50"]
    }
    #expect(try fixture.register.latestAssessment(code: lastYear)?.amountMinor == 235_920_000)
    try approved(fixture, second)
    // The cap is reached: nothing more is paid for 2026.
    let third = try fixture.assessed { $0.items = ["sheep_goat.adult=1"] }
    #expect(try status(fixture, third) == "ineligible")
    #expect(try fixture.register.latestAssessment(code: third)?.amountMinor == 0)
    #expect(try fixture.budget().reserved == 259_500_000 + 173_000_000)
    #expect(try fixture.register.ledgerProblems() == [])
  }

  @Test func anApprovalWhoseAssessmentIsOutOfDateIsRefused() throws {
    let fixture = try Fixture.money()
    try fixture.withoutReinspection()
    try fixture.allocate("20000000")
    let first = try fixture.assessed { $0.items = ["sheep_goat.adult=50"] }
    let second = try fixture.assessed { $0.items = ["sheep_goat.adult=50"] }
    _ = try fixture.register.approve(code: second, actor: fixture.actor("aliya"))
    try approved(fixture, first)
    try fixture.expectRefusal(
      "the assessment of \(second) is out of date: with what has been approved since, it would "
        + "now be 1,730,000 KZT instead of 2,595,000 KZT; appeal it to re-assess"
    ) {
      _ = try fixture.register.approve(code: second, actor: fixture.actor("bolat"))
    }
    #expect(try status(fixture, second) == "assessed")
    try fixture.register.appeal(code: second, reason: "re-assess", actor: fixture.actor("dauren"))
    _ = try fixture.register.inspect(
      code: second,
      InspectionDraft(date: "2026-06-12", items: ["sheep_goat.adult=50"], protected: "yes"),
      actor: fixture.actor("marat"))
    #expect(
      try fixture.register.assess(code: second, actor: fixture.actor("dauren")).amountMinor
        == 173_000_000)
    try approved(fixture, second)
    #expect(try fixture.budget().reserved == 259_500_000 + 173_000_000)
    #expect(try fixture.register.ledgerProblems() == [])
  }

  @Test func anAssessmentMadeOutOfDateByARejectionIsAlsoRefused() throws {
    let fixture = try Fixture.money()
    try fixture.withoutReinspection()
    try fixture.allocate("20000000")
    let first = try fixture.assessed { $0.items = ["sheep_goat.adult=50"] }
    try approved(fixture, first)
    let second = try fixture.assessed { $0.items = ["sheep_goat.adult=50"] }
    _ = try fixture.register.approve(code: second, actor: fixture.actor("aliya"))
    try fixture.register.reject(code: first, reason: "no carcass", actor: fixture.actor("chingiz"))
    // With the first rejected, the second would now be paid in full: its capped amount is stale.
    try fixture.expectRefusal("it would now be 2,595,000 KZT instead of 1,730,000 KZT") {
      _ = try fixture.register.approve(code: second, actor: fixture.actor("bolat"))
    }
  }

  // MARK: kg-buffer

  /// Asel's snow-leopard loss of 3 adult sheep in Shamshy, 10 sheep insured (700 KGS premium),
  /// inspected by Ainura and assessed by Bakyt: 3 × 7,000 KGS × 80% = 16,800 KGS.
  func bufferLoss(donation: String?) throws -> (Fixture, String) {
    let fixture = try Fixture.money()
    _ = try fixture.register.insureHerd(
      nationalID: Fixture.asel, season: "2026", livestockClass: "sheep_goat", heads: "10",
      actor: fixture.actor("bakyt"))
    if let donation {
      _ = try fixture.register.contributeToFund(
        conservancy: "Shamshy", amount: donation, source: "donor", actor: fixture.actor("kubat"))
    }
    let code = try fixture.bufferComplaint(items: ["sheep_goat.adult=3"], inspectedOn: "2026-06-03")
    let assessment = try fixture.register.assess(code: code, actor: fixture.actor("bakyt"))
    #expect(assessment.amountMinor == 1_680_000)
    return (fixture, code)
  }

  @Test func aBufferLossIsApprovedByTheConservancyCommitteeAndPaidFromTheFund() throws {
    let (fixture, code) = try bufferLoss(donation: "20000")
    #expect(try fixture.register.fund(conservancy: "Shamshy")?.available == 2_070_000)
    for user in ["gulzat", "aliya", "bakyt", "kubat"] {
      try fixture.expectRefusal("\(user) may not approve \(code)") {
        _ = try fixture.register.approve(code: code, actor: fixture.actor(user))
      }
    }
    try fixture.expectRefusal("the committee role of the Shamshy conservancy, which pays it") {
      _ = try fixture.register.approve(code: code, actor: fixture.actor("gulzat"))
    }
    _ = try fixture.register.approve(code: code, actor: fixture.actor("emil"))
    let result = try fixture.register.approve(code: code, actor: fixture.actor("farida"))
    #expect(result.reserved)
    #expect(result.currency == "KGS")
    #expect(
      result.balances
        == Balances(
          account: "fund:Shamshy", currency: "KGS", credited: 2_070_000, reserved: 1_680_000,
          paid: 0, available: 390_000))
    for user in ["chuytreasurer", "nurbek", "tolkyn"] {
      try fixture.expectRefusal("\(user) may not pay \(code)") {
        _ = try fixture.register.pay(code: code, reference: "KG-1", actor: fixture.actor(user))
      }
    }
    let payment = try fixture.register.pay(
      code: code, reference: "KG-1", actor: fixture.actor("kubat"))
    #expect(payment.amountMinor == 1_680_000)
    #expect(payment.currency == "KGS")
    #expect(
      try fixture.register.fund(conservancy: "Shamshy")
        == Balances(
          account: "fund:Shamshy", currency: "KGS", credited: 2_070_000, reserved: 0,
          paid: 1_680_000, available: 390_000))
    #expect(try fixture.register.ledgerProblems() == [])
    #expect(try fixture.register.verifyAudit().problem == nil)
  }

  @Test func aBufferLossLargerThanTheFundIsRefusedWithBothFigures() throws {
    let (fixture, code) = try bufferLoss(donation: nil)
    _ = try fixture.register.approve(code: code, actor: fixture.actor("emil"))
    try fixture.expectRefusal(
      "approving \(code) would over-commit fund:Shamshy: requested 16,800 KGS, available 700 KGS"
    ) {
      _ = try fixture.register.approve(code: code, actor: fixture.actor("farida"))
    }
    // Premiums credited later make room.
    _ = try fixture.register.insureHerd(
      nationalID: Fixture.asel, season: "2026", livestockClass: "horse", heads: "27",
      actor: fixture.actor("bakyt"))  // 27 × 600 KGS = 16,200 KGS
    #expect(try fixture.register.approve(code: code, actor: fixture.actor("farida")).reserved)
    #expect(try fixture.register.fund(conservancy: "Shamshy")?.available == 10_000)
  }
}
