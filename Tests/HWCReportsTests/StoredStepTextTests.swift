import HWCReports
import HWCRules
import Testing

@testable import HWCRegister

/// Explanation steps stored without their English text (issue #12): with the step renderer
/// installed, as `hwc` installs it, a step whose text it rebuilds exactly is stored empty and
/// read back rebuilt; the audit still verifies.
@Suite struct StoredStepTextTests {
  /// Texts of an assessment's steps as stored in the register (in its `explanation` value).
  func storedTexts(_ register: Register, assessment id: Int) throws -> [String] {
    let stored = try register.db.prepare("SELECT explanation FROM assessment WHERE id = ?")
      .first(with: [id]) { $0.blob("explanation") }
    let bytes = try #require(stored)
    return try #require(ExplanationCodec.decode(bytes)).map(\.text)
  }

  /// Stores `assessment` again for complaint `code`, audited like any assessment; its new id.
  func storeAgain(_ assessment: Assessment, code: String, in register: Register) throws -> Int {
    let complaint = try register.header(code: code)
    return try register.db.transaction {
      let set = try register.assessments.policySet(for: assessment)
      if set.created { try register.auditCreated("policyset", id: set.id, actor: "admin") }
      let id = try register.assessments.insert(
        assessment, complaintID: complaint.id, inspectionID: nil, actorID: 1,
        at: "2026-07-01T09:00:00Z", policySetID: set.id)
      try register.auditCreated("assessment", id: id, actor: "admin")
      return id
    }
  }

  @Test func aStepTheRendererRebuildsIsStoredWithoutItsTextAndReadsAsComputed() throws {
    let copy = try DocumentFixture.copy()
    let register = copy.register
    register.explanationText = StoredStepText.rebuild
    // An ineligible kz-state assessment, an eligible one, and a kg-buffer one.
    for code in ["KAZ-2026-0002", "KAZ-2026-0005", "CHU-2026-0002"] {
      let computed = try #require(try register.latestAssessment(code: code)).assessment
      #expect(!computed.explanation.isEmpty)
      let id = try storeAgain(computed, code: code, in: register)
      let texts = try storedTexts(register, assessment: id)
      #expect(texts.count == computed.explanation.count && texts.allSatisfy(\.isEmpty), "\(code)")
      let stored = try #require(try register.latestAssessment(code: code))
      #expect(stored.id == id)
      #expect(stored.assessment.explanation == computed.explanation, "\(code)")
    }
    #expect(try register.verifyAudit().problem == nil)
  }

  @Test func withoutTheRendererStepsKeepTheirText() throws {
    let copy = try DocumentFixture.copy()
    let register = copy.register
    let computed = try #require(try register.latestAssessment(code: "KAZ-2026-0005")).assessment
    let id = try storeAgain(computed, code: "KAZ-2026-0005", in: register)
    #expect(try storedTexts(register, assessment: id) == computed.explanation.map(\.text))
  }
}
