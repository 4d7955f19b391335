import HWCReports
import HWCRules
import Testing

@testable import HWCRegister

/// Explanation steps stored without their English text (issue #12): with the step renderer
/// installed, as `hwc` installs it, a step whose text it rebuilds exactly is stored empty and
/// read back rebuilt; the audit still verifies.
@Suite struct StoredStepTextTests {
  /// Texts of an assessment's steps as stored in the register.
  func storedTexts(_ register: Register, assessment id: Int) throws -> [String] {
    try register.db.prepare(
      "SELECT text FROM assessment_step WHERE assessment_id = ? ORDER BY position"
    ).map(with: [id]) { $0.text("text") }
  }

  /// Stores `assessment` again for complaint `code`, audited like any assessment; its new id.
  func storeAgain(_ assessment: Assessment, code: String, in register: Register) throws -> Int {
    let complaint = try register.header(code: code)
    return try register.db.transaction {
      let id = try register.assessments.insert(
        assessment, complaintID: complaint.id, inspectionID: nil, actorID: 1,
        at: "2026-07-01T09:00:00Z")
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
      #expect(try storedTexts(register, assessment: id).allSatisfy(\.isEmpty), "\(code)")
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
