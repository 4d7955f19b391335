import HWCCore
import HWCDomain
import HWCRules
import HWCStore
import Testing

@testable import HWCRegister

/// The register gathers the right facts, stores what the engine decides, and moves the complaint.
@Suite struct AssessTests {
  func inspected(
    _ change: (inout ComplaintDraft) -> Void = { _ in }, items: [String] = ["sheep_goat.adult=3"],
    protected: String = "yes"
  ) throws -> Fixture {
    let fixture = try Fixture()
    _ = try fixture.register.addUser(
      name: "aliya", roles: ["committee@Kaztalov"], actor: fixture.actor("admin"))
    _ = try fixture.register.registerComplaint(
      fixture.draft(change), actor: fixture.actor("dauren"))
    _ = try fixture.register.inspect(
      code: "KAZ-2026-0001",
      InspectionDraft(date: "2026-06-10", items: items, protected: protected),
      actor: fixture.actor("marat"))
    return fixture
  }

  @Test func anEligibleAssessmentIsStoredWithItsLinesPolicyAndExplanation() throws {
    let fixture = try inspected()
    let assessment = try fixture.register.assess(
      code: "KAZ-2026-0001", actor: fixture.actor("aliya"))
    // 3 × 12 MRP × 4,325 KZT (MRP from 2026-01-01) = 155,700 KZT.
    #expect(assessment.outcome == .eligible)
    #expect(assessment.amountMinor == 15_570_000)
    let stored = try #require(try fixture.register.latestAssessment(code: "KAZ-2026-0001"))
    #expect(stored.amountMinor == 15_570_000)
    #expect(stored.assessment.lines.map(\.amountMinor) == [15_570_000])
    // Read back exactly as the engine computed it: lines, policy values, explanation structure.
    #expect(stored.assessment == assessment)
    #expect(stored.policyLines.contains("mrp = 4325 (from 2026-01-01)"))
    #expect(stored.explanationLines.contains { $0.contains("3 × sheep_goat.adult × 12 MRP") })
    #expect(stored.assessment.payer == "Kaztalov budget 2026")
    #expect(try fixture.register.complaint(code: "KAZ-2026-0001").status == "assessed")
    #expect(try fixture.register.verifyAudit().problem == nil)
  }

  @Test func theVerifiedQuantityNotTheClaimedOneIsPaid() throws {
    let fixture = try inspected(items: ["sheep_goat.adult=1"])
    let assessment = try fixture.register.assess(
      code: "KAZ-2026-0001", actor: fixture.actor("aliya"))
    #expect(assessment.amountMinor == 5_190_000)  // 1 × 12 × 4,325
  }

  @Test func anIneligibleAssessmentMovesTheComplaintToIneligibleWithTheReason() throws {
    // Reported 4 days after the incident: the predation limit is 3.
    let fixture = try inspected { $0.reportedDate = "2026-06-05" }
    let assessment = try fixture.register.assess(
      code: "KAZ-2026-0001", actor: fixture.actor("aliya"))
    #expect(assessment.outcome == .ineligible)
    #expect(assessment.amountMinor == 0)
    let complaint = try fixture.register.complaint(code: "KAZ-2026-0001")
    #expect(complaint.status == "ineligible")
    #expect(complaint.events.last?.reason == assessment.reason)
  }

  @Test func onlyAnInspectedComplaintIsAssessedAndOnlyByARoleInScope() throws {
    let fixture = try Fixture()
    _ = try fixture.register.registerComplaint(fixture.draft(), actor: fixture.actor("dauren"))
    let before = try fixture.counts()
    #expect {
      _ = try fixture.register.assess(code: "KAZ-2026-0001", actor: fixture.actor("dauren"))
    } throws: { ($0 as? DomainError)?.description.contains("record an inspection first") == true }
    #expect {
      _ = try fixture.register.assess(code: "KAZ-2026-0001", actor: fixture.actor("saule"))
    } throws: { ($0 as? DomainError)?.description.hasPrefix("saule may not assess") == true }
    #expect(try fixture.counts() == before)
  }

  @Test func reAssessingTheSameFactsAfterALaterPolicyValueGivesTheSameResult() throws {
    let fixture = try inspected()
    let first = try fixture.register.assess(code: "KAZ-2026-0001", actor: fixture.actor("aliya"))
    _ = try fixture.register.setPolicy(
      scheme: "kz-state", key: "mrp", value: "5000", from: "2026-06-14",
      actor: fixture.actor("admin"), retroactiveReason: "a later value")
    // Assess the same facts again, as after an appeal and an identical re-inspection.
    let input = try #require(
      try fixture.register.assessmentInput(fixture.register.header(code: "KAZ-2026-0001")))
    let again = try RulesEngine.assess(input, policy: fixture.register.policy())
    #expect(again.amountMinor == first.amountMinor)
  }

  @Test func pendingAssessesEveryInspectedComplaint() throws {
    let fixture = try inspected()
    _ = try fixture.register.registerComplaint(
      fixture.draft {
        $0.incidentDate = "2026-03-01"
        $0.reportedDate = "2026-03-02"
      },
      actor: fixture.actor("dauren"))
    var errors: [String] = []
    let summary = try fixture.register.assessPending(actor: fixture.actor("aliya")) {
      errors.append($0)
    }
    #expect(summary.assessed == 1)
    #expect(summary.eligible == 1)
    #expect(errors.isEmpty)
    #expect(try fixture.register.complaints(status: "inspected").isEmpty)
    #expect(try fixture.register.complaints(status: "registered").count == 1)
  }

  @Test func aRefusalAfterAPartialWriteInPendingLeavesNothingOfThatComplaintWhileOthersGoOn()
    throws
  {
    let fixture = try inspected()
    for incident in ["2026-05-20", "2026-05-25"] {
      let code = try fixture.register.registerComplaint(
        fixture.draft {
          $0.incidentDate = incident
          $0.reportedDate = incident
        }, actor: fixture.actor("dauren")
      ).complaint.code
      _ = try fixture.register.inspect(
        code: code,
        InspectionDraft(date: "2026-06-10", items: ["sheep_goat.adult=1"], protected: "yes"),
        actor: fixture.actor("marat"))
    }
    let faulted = "KAZ-2026-0002"
    let faultedID = try fixture.register.header(code: faulted).id
    let db = fixture.register.db
    let auditOfFaulted = "SELECT count(*) FROM audit_entry WHERE kind = 3 AND row = ?"
    let entriesBefore = try db.scalar(Int.self, auditOfFaulted, with: [faultedID]) ?? 0
    let auditBefore = try db.scalar(Int.self, "SELECT count(*) FROM audit_entry") ?? 0
    let setsBefore = try db.scalar(Int.self, "SELECT count(*) FROM policy_set") ?? 0
    // Refuse KAZ-2026-0002 after its assessment row and lines are written, before its audit
    // entry and status change.
    let assessmentsOfFaulted = "SELECT count(*) FROM assessment WHERE complaint_id = ?"
    let linesOfFaulted = """
      SELECT count(*) FROM assessment_line l JOIN assessment a ON a.id = l.assessment_id
      WHERE a.complaint_id = ?
      """
    var partialWrite: (assessments: Int, lines: Int)?
    fixture.register.faultAfterAssessmentRow = { code in
      guard code == faulted else { return }
      partialWrite = (
        try db.scalar(Int.self, assessmentsOfFaulted, with: [faultedID]) ?? 0,
        try db.scalar(Int.self, linesOfFaulted, with: [faultedID]) ?? 0
      )
      throw DomainError.conflict("\(code) refused after a partial write (test)")
    }
    var errors: [String] = []
    let summary = try fixture.register.assessPending(actor: fixture.actor("aliya")) {
      errors.append($0)
    }

    #expect(partialWrite?.assessments == 1)
    #expect(partialWrite?.lines == 1)
    #expect(summary.assessed == 2)
    #expect(summary.failed == 1)
    #expect(errors == ["\(faulted): \(faulted) refused after a partial write (test)"])
    #expect(try fixture.register.complaint(code: "KAZ-2026-0001").status == "assessed")
    #expect(try fixture.register.complaint(code: "KAZ-2026-0003").status == "assessed")
    #expect(try fixture.register.complaint(code: faulted).status == "inspected")
    #expect(try db.scalar(Int.self, assessmentsOfFaulted, with: [faultedID]) == 0)
    #expect(try db.scalar(Int.self, linesOfFaulted, with: [faultedID]) == 0)
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM assessment") == 2)
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM assessment_line") == 2)
    // No audit entry for it: neither its assessment nor a status change.
    #expect(try db.scalar(Int.self, auditOfFaulted, with: [faultedID]) == entriesBefore)
    #expect(
      try db.scalar(
        Int.self,
        """
        SELECT count(*) FROM audit_entry
        WHERE kind = 9 AND row IN (SELECT id FROM assessment WHERE complaint_id = ?)
        """, with: [faultedID]) == 0)
    // The two assessed: an assessment created and a complaint moved, each; and the policy sets
    // they used, each created once (migration 0018).
    let sets = (try db.scalar(Int.self, "SELECT count(*) FROM policy_set") ?? 0) - setsBefore
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM audit_entry") == auditBefore + 4 + sets)
    #expect(try fixture.register.verifyAudit().problem == nil)
    #expect(try fixture.register.ledgerProblems().isEmpty)

    // Once the refusal is gone, the complaint is assessed like the others.
    fixture.register.faultAfterAssessmentRow = nil
    let again = try fixture.register.assessPending(actor: fixture.actor("aliya")) { _ in }
    #expect(again.assessed == 1)
    #expect(try fixture.register.complaint(code: faulted).status == "assessed")
    #expect(try fixture.register.verifyAudit().problem == nil)
  }

  @Test func aKyrgyzLossOutsideAConservancyIsNotCovered() throws {
    let fixture = try Fixture()
    let admin = try fixture.actor("admin")
    _ = try fixture.register.addUser(
      name: "kg", roles: ["officer@Chuy", "inspector@Chuy"], actor: admin)
    let kg = try fixture.actor("kg")
    _ = try fixture.register.addClaimant(
      ClaimantDraft(name: "Asel", nationalID: Fixture.asel, district: "Chuy"), actor: kg)
    _ = try fixture.register.registerComplaint(
      fixture.draft {
        $0.nationalID = Fixture.asel
        $0.district = "Chuy"
      }, actor: kg)
    _ = try fixture.register.inspect(
      code: "CHU-2026-0001",
      InspectionDraft(date: "2026-06-03", items: ["sheep_goat.adult=1"], protected: "yes"),
      actor: kg)
    let assessment = try fixture.register.assess(code: "CHU-2026-0001", actor: kg)
    #expect(assessment.outcome == .ineligible)
    #expect(assessment.reason?.hasPrefix("not covered") == true)
  }

  @Test func aBufferClaimUsesInsuredHeadsIncidentsAndTheConservancyFund() throws {
    let fixture = try Fixture()
    let admin = try fixture.actor("admin")
    _ = try fixture.register.addUser(
      name: "ainura", roles: ["inspector@Shamshy", "committee@Shamshy"], actor: admin)
    let bakyt = try fixture.actor("bakyt")
    _ = try fixture.register.addClaimant(
      ClaimantDraft(
        name: "Asel", nationalID: Fixture.asel, district: "Chuy", conservancy: "Shamshy"),
      actor: bakyt)
    _ = try fixture.register.insureHerd(
      nationalID: Fixture.asel, season: "2026", livestockClass: "sheep_goat", heads: "2",
      actor: bakyt)
    let code = try fixture.bufferComplaint(items: ["sheep_goat.adult=3"], inspectedOn: "2026-06-03")
    let assessment = try fixture.register.assess(code: code, actor: fixture.actor("ainura"))
    // 2 of 3 heads insured: 2 × 7,000 KGS × 80% = 11,200 KGS.
    #expect(assessment.outcome == .eligible)
    #expect(assessment.amountMinor == 1_120_000)
    #expect(assessment.payer == "Shamshy buffer fund")
  }
}
