import HWCCore
import HWCDomain
import HWCRules
import HWCStore
import HWCTestSupport
import Testing

@testable import HWCRegister

/// Re-inspection draws recomputed from the register, the approval gate, and `reinspect`.
@Suite struct ReinspectionTests {
  /// Monday 2026-06-22 00:00 in Asia/Oral (UTC+5), written out by hand: the boundary whose
  /// chain head seeds the draws of assessments recorded that week.
  static let boundary = "2026-06-21T19:00:00Z"

  /// The money fixture (built on Monday 2026-06-15) with a second Kaztalov inspector and a
  /// budget, its clock then moved to Monday 2026-06-22: what it assesses is drawn with the
  /// chain head of the week before. `rate` (e.g. "1": every draw sampled) is set from the
  /// start of 2026 first, when given.
  func fixture(rate: String? = nil) throws -> Fixture {
    let fixture = try Fixture.money()
    try fixture.addUsers([("olzhas", ["inspector@Kaztalov"])])
    try fixture.allocate("5000000")
    if let rate {
      _ = try fixture.register.setPolicy(
        scheme: "kz-state", key: "reinspect_rate", value: rate, from: "2026-01-01",
        actor: fixture.actor("admin"), retroactiveReason: "every draw sampled in this test")
    }
    fixture.register.clock = .fixed("2026-06-22T09:30:00Z")
    return fixture
  }

  /// The draw computed here from raw rows: the seed is the last entry of the last command
  /// before the boundary, the score SHA-256(seed ‖ id)'s first 8 bytes over 2^64.
  func recomputed(_ fixture: Fixture, _ code: String) throws -> (Int, String, Double) {
    let seed = try #require(
      try fixture.register.db.prepare(
        """
        SELECT e.id, e.hash FROM audit_entry e JOIN audit_command c ON c.id = e.command_id
        WHERE c.at < ? ORDER BY c.at DESC, c.id DESC, e.id DESC LIMIT 1
        """
      ).first(with: [ReinspectionTests.boundary]) { ($0.int("id"), $0.blob("hash")) })
    let digest = SHA256.hash(seed.1 + Array(code.utf8))
    var score: UInt64 = 0
    for byte in digest.prefix(8) { score = score << 8 + UInt64(byte) }
    return (seed.0, SHA256.hex(seed.1), Double(score) / 18_446_744_073_709_551_616.0)
  }

  @Test func aDrawIsRecomputedFromTheRegisterAloneAndAgreesWithARawRecomputation() throws {
    let fixture = try fixture()
    let code = try fixture.assessed()
    let draws = try fixture.register.reinspectionDraws()
    #expect(draws.count == 1)
    let draw = try #require(draws.first)
    let (position, hash, score) = try recomputed(fixture, code)
    #expect(position > 0)
    #expect(draw.complaint == code)
    #expect(draw.assessedOn == CalendarDate("2026-06-22"))
    #expect(draw.seedPosition == position)
    #expect(draw.seedHash == hash)
    #expect(draw.score == score)
    #expect(draw.rateCenti == 5)
    #expect(draw.sampled == (score < 0.05))
    // A second register opened on the same file computes the same draws.
    let other = try Register.open(path: fixture.path)
    #expect(try other.reinspectionDraws() == draws)
  }

  @Test func laterEntriesLeaveTheDrawAloneAndAnEditedEarlierEntryChangesIt() throws {
    let fixture = try fixture()
    let code = try fixture.assessed()
    let before = try fixture.register.reinspectionDraws()
    try fixture.addUsers([("yerzhan", ["officer@Kaztalov"])])
    try fixture.assessed { $0.items = ["sheep_goat.adult=1"] }
    #expect(try fixture.register.reinspectionDraws().first == before.first)

    let seed = try #require(before.first?.seedPosition)
    try Tamper.register(
      at: fixture.path, "UPDATE audit_entry SET change = 'edited' WHERE id = \(seed - 2)")
    try Tamper.rewriteChain(at: fixture.path, from: seed - 2)
    let after = try #require(try fixture.register.reinspectionDraws().first)
    #expect(after.complaint == code)
    #expect(after.seedPosition == seed)
    #expect(after.seedHash != before.first?.seedHash)
    #expect(after.score != before.first?.score)
    #expect(after.seedHash == (try recomputed(fixture, code)).1)
  }

  @Test func aSelectedComplaintIsNotApprovedWithoutAReinspectionByAnotherInspector() throws {
    let fixture = try fixture(rate: "1")
    let code = try fixture.assessed()
    let draw = try #require(try fixture.register.reinspectionDraws().first)
    #expect(draw.sampled && draw.required && !draw.honoured)
    let head = try fixture.register.auditAnchor()
    try fixture.expectRefusal(
      "\(code) was selected for re-inspection (draw of 2026-06-22, seed entry "
        + "\(draw.seedPosition):\(draw.seedHash.prefix(16))…) and has none by another inspector: "
        + "record one with hwc reinspect"
    ) { _ = try fixture.register.approve(code: code, actor: fixture.actor("aliya")) }
    #expect(try fixture.register.auditAnchor() == head)

    // The inspector whose inspection the assessment used may not re-inspect it.
    try fixture.expectRefusal("reinspect_other_inspector = 1 asks for a re-inspection by another") {
      _ = try fixture.register.reinspect(
        code: code,
        InspectionDraft(date: "2026-06-20", items: ["sheep_goat.adult=2"], protected: "yes"),
        actor: fixture.actor("marat"))
    }
    #expect(try fixture.register.auditAnchor() == head)
  }

  /// 3 adult sheep at 12 MRP of 4,325 KZT are 155,700 KZT; 2 are 103,800 KZT.
  @Test func aReinspectionThatFindsLessReassessesWithTheExactNewAmount() throws {
    let fixture = try fixture(rate: "1")
    let code = try fixture.assessed()
    let assessments = try fixture.register.db.scalar(Int.self, "SELECT count(*) FROM assessment")
    let result = try fixture.register.reinspect(
      code: code,
      InspectionDraft(date: "2026-06-20", items: ["sheep_goat.adult=2"], protected: "yes"),
      actor: fixture.actor("olzhas"))
    #expect(result.foundLess)
    #expect(result.amountBefore == 15_570_000)
    #expect(result.amountAfter == 10_380_000)
    #expect(
      try fixture.register.db.scalar(Int.self, "SELECT count(*) FROM assessment")
        == (assessments ?? 0) + 1)
    #expect(try fixture.register.latestAssessment(code: code)?.assessment.amountMinor == 10_380_000)
    #expect(try fixture.register.complaint(code: code).status == "assessed")
    let draws = try fixture.register.reinspectionDraws()
    #expect(draws.count == 2)
    #expect(draws.allSatisfy { $0.required && $0.honoured })
    #expect(
      draws.first?.reinspection
        == ReinspectionDraw.Reinspection(
          inspectionID: result.inspectionID, date: CalendarDate("2026-06-20")!,
          inspector: "olzhas", amountBefore: 15_570_000, amountAfter: 10_380_000, foundLess: true))
    _ = try fixture.register.approve(code: code, actor: fixture.actor("aliya"))
    let approved = try fixture.register.approve(code: code, actor: fixture.actor("bolat"))
    #expect(approved.reserved)
    #expect(approved.amountMinor == 10_380_000)
    #expect(try fixture.register.verifyAudit().problem == nil)
  }

  /// Two adult cattle at 70 MRP are 605,500 KZT, above 100 MRP (432,500 KZT): a re-inspection
  /// is required though the rate is 0, and one that confirms the counts lets it be approved.
  @Test func anAmountAboveTheThresholdRequiresAReinspectionEvenWhenNotSampled() throws {
    let fixture = try fixture(rate: "0")
    let code = try fixture.assessed(items: ["cattle.adult=2"]) {
      $0.items = ["cattle.adult=2"]
    }
    let draw = try #require(try fixture.register.reinspectionDraws().first)
    #expect(!draw.sampled)
    #expect(draw.aboveThreshold)
    #expect(draw.thresholdMinor == 43_250_000)
    try fixture.expectRefusal(
      "\(code) is assessed at 605,500 KZT, at or above the re-inspection threshold of "
        + "432,500 KZT and has none by another inspector"
    ) { _ = try fixture.register.approve(code: code, actor: fixture.actor("aliya")) }
    let result = try fixture.register.reinspect(
      code: code, InspectionDraft(date: "2026-06-21", items: ["cattle.adult=2"], protected: "yes"),
      actor: fixture.actor("olzhas"))
    #expect(!result.foundLess)
    #expect(result.amountAfter == result.amountBefore)
    #expect(try fixture.register.reinspectionDraws().count == 1)
    _ = try fixture.register.approve(code: code, actor: fixture.actor("aliya"))
    #expect(try fixture.register.approve(code: code, actor: fixture.actor("bolat")).reserved)
  }

  /// A re-inspection is of an assessed complaint only.
  @Test func aComplaintNotAssessedIsNotReinspected() throws {
    let fixture = try fixture()
    let code = try fixture.register.registerComplaint(
      fixture.draft(), actor: fixture.actor("dauren")
    )
    .complaint.code
    try fixture.expectRefusal("a re-inspection is recorded while it is assessed") {
      _ = try fixture.register.reinspect(
        code: code,
        InspectionDraft(date: "2026-06-20", items: ["sheep_goat.adult=2"], protected: "yes"),
        actor: fixture.actor("olzhas"))
    }
  }
}

extension Fixture {
  /// For tests that are not about re-inspection: from 2024 on, no draw samples
  /// (reinspect_rate 0) and no amount reaches the threshold (1,000,000 MRP; 100,000,000 KGS),
  /// set by the administrator as retroactive policy values.
  func withoutReinspection() throws {
    for (scheme, threshold) in [("kz-state", "1000000"), ("kg-buffer", "100000000")] {
      for (key, value) in [("reinspect_rate", "0"), ("reinspect_threshold", threshold)] {
        _ = try register.setPolicy(
          scheme: scheme, key: key, value: value, from: "2024-01-01", actor: actor("admin"),
          retroactiveReason: "a test that is not about re-inspection")
      }
    }
  }
}
