import HWCCore
import HWCDomain
import HWCRules
import HWCStore
import Testing

@testable import HWCRegister

/// `assess --pending` reads the claimants' committed amounts and heads in bulk: every complaint
/// gets the household cap and the buffer heads the rules give it one by one (SPEC §5).
extension Fixture {
  /// Registers Asel's snow-leopard loss of `items` in Shamshy as Bakyt and inspects it as Ainura
  /// (the same items, protected) on `inspectedOn`; returns its code.
  func bufferComplaint(items: [String], inspectedOn: String) throws -> String {
    let code = try register.registerComplaint(
      draft {
        $0.nationalID = Fixture.asel
        $0.district = "Chuy"
        $0.conservancy = "Shamshy"
        $0.species = "snow_leopard"
        $0.items = items
      }, actor: actor("bakyt")
    ).complaint.code
    _ = try register.inspect(
      code: code, InspectionDraft(date: inspectedOn, items: items, protected: "yes"),
      actor: actor("ainura"))
    return code
  }
}

@Suite struct AssessPendingTests {
  /// Registers a complaint (Yerlan's wolf loss, changed by `change`) and inspects it as Marat
  /// with the complaint's items; it is left inspected, not assessed. Returns its code.
  func inspectedOnly(
    _ fixture: Fixture, inspectedOn: String = "2026-06-10",
    _ change: (inout ComplaintDraft) -> Void
  ) throws -> String {
    let draft = fixture.draft(change)
    let code = try fixture.register.registerComplaint(draft, actor: fixture.actor("dauren"))
      .complaint.code
    _ = try fixture.register.inspect(
      code: code, InspectionDraft(date: inspectedOn, items: draft.items, protected: "yes"),
      actor: fixture.actor("marat"))
    return code
  }

  func amount(_ fixture: Fixture, _ code: String) throws -> Int? {
    try fixture.register.latestAssessment(code: code)?.amountMinor
  }

  @Test func aClaimantWithComplaintsInSeveralYearsGetsWhatIsLeftOfEachYearsCap() throws {
    let fixture = try Fixture.money()
    try fixture.withoutReinspection()
    try fixture.allocate("20000000")
    try fixture.allocate("20000000", year: "2025")
    let decisions = DecisionTests()
    try decisions.addGulnara(fixture)
    // Committed for Yerlan: 50 adult sheep in 2026 (600 MRP × 4,325 = 2,595,000 KZT, approved)
    // and in 2025 (600 MRP × 3,932 = 2,359,200 KZT, approved and paid).
    try decisions.approved(fixture, try fixture.assessed { $0.items = ["sheep_goat.adult=50"] })
    let paid = try fixture.assessed(inspectedOn: "2026-01-03") {
      $0.incidentDate = "2025-12-30"
      $0.reportedDate = "2025-12-31"
      $0.items = ["sheep_goat.adult=50"]
    }
    try decisions.approved(fixture, paid)
    _ = try fixture.register.pay(code: paid, reference: "HALYK-1", actor: fixture.actor("tolkyn"))
    // Approved, then rejected: 10 sheep in 2026 that no longer count.
    let rejected = try fixture.assessed { $0.items = ["sheep_goat.adult=10"] }
    try decisions.approved(fixture, rejected)
    try fixture.register.reject(
      code: rejected, reason: "no carcass", actor: fixture.actor("chingiz"))

    let thisYear = try inspectedOnly(fixture) { $0.items = ["sheep_goat.adult=50"] }
    let lastYear = try inspectedOnly(fixture, inspectedOn: "2026-01-03") {
      $0.incidentDate = "2025-12-28"
      $0.reportedDate = "2025-12-29"
      $0.items = ["sheep_goat.adult=50"]
    }
    let earlier = try inspectedOnly(fixture, inspectedOn: "2024-03-12") {
      $0.incidentDate = "2024-03-10"
      $0.reportedDate = "2024-03-11"
      $0.items = ["sheep_goat.adult=10"]
    }
    let gulnara = try inspectedOnly(fixture) {
      $0.nationalID = Fixture.gulnara
      $0.items = ["sheep_goat.adult=50"]
    }
    let small = try inspectedOnly(fixture) { $0.items = ["sheep_goat.adult=10"] }

    var errors: [String] = []
    let summary = try fixture.register.assessPending(actor: fixture.actor("dauren"), batch: 2) {
      errors.append($0)
    }
    #expect(errors.isEmpty)
    #expect(summary.assessed == 5)
    #expect(summary.eligible == 5)
    // 2026: cap 1,000 MRP × 4,325 = 4,325,000; 2,595,000 approved leaves 1,730,000 KZT.
    #expect(try amount(fixture, thisYear) == 173_000_000)
    // 2025: cap 3,932,000 − 2,359,200 paid = 1,572,800 KZT.
    #expect(try amount(fixture, lastYear) == 157_280_000)
    // 2024: nothing committed; 120 MRP × 3,692 = 443,040 KZT in full.
    #expect(try amount(fixture, earlier) == 44_304_000)
    // Another claimant is not reduced: 600 MRP × 4,325 = 2,595,000 KZT.
    #expect(try amount(fixture, gulnara) == 259_500_000)
    // Assessed in the same run, not approved: the 2026 remainder is not cut by it.
    #expect(try amount(fixture, small) == 51_900_000)
    let explanation = try #require(try fixture.register.latestAssessment(code: thisYear))
    #expect(
      explanation.explanationLines.contains {
        $0.contains("already approved 2,595,000 KZT; remaining 1,730,000 KZT")
      })
    #expect(try fixture.register.verifyAudit().problem == nil)
  }

  @Test func aBufferClaimCountsOnlyTheHeadsAlreadyCompensatedInTheSeason() throws {
    // Asel: 10 sheep insured for 2026; 3 adult sheep assessed at 16,800 KGS, then approved.
    let (fixture, first) = try DecisionTests().bufferLoss(donation: "20000")
    _ = try fixture.register.approve(code: first, actor: fixture.actor("emil"))
    _ = try fixture.register.approve(code: first, actor: fixture.actor("farida"))
    let code = try fixture.bufferComplaint(items: ["sheep_goat.adult=8"], inspectedOn: "2026-06-05")

    let summary = try fixture.register.assessPending(actor: fixture.actor("bakyt")) { _ in }
    #expect(summary.assessed == 1)
    // 10 insured − 3 compensated = 7 payable of 8: 7 × 7,000 KGS × 80% = 39,200 KGS.
    let stored = try #require(try fixture.register.latestAssessment(code: code))
    #expect(stored.amountMinor == 3_920_000)
    #expect(stored.assessment.lines.map(\.quantityCenti) == [700])
    #expect(stored.assessment.lines.first?.note.contains("3 already compensated") == true)
    // Cap 150,000 KGS − 16,800 approved = 133,200 KGS left: not reached.
    #expect(stored.explanationLines.contains { $0.contains("remaining 133,200 KGS") })
  }
}
