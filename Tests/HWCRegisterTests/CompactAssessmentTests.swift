import HWCCore
import HWCDomain
import HWCStore
import HWCTestSupport
import Testing

@testable import HWCRegister

/// The compact assessment of migration 0018 — explanation in one value, policy values in a set
/// stored once, a transition's entry naming its event row — stays under the audit: an edit of
/// any of them made with another tool is named by `audit verify`, and `audit log` prints a
/// transition's change as it always did.
@Suite struct CompactAssessmentTests {
  /// A register with complaint KAZ-2026-0001 inspected and assessed.
  func assessed() throws -> Fixture {
    let fixture = try AssessTests().inspected()
    _ = try fixture.register.assess(code: "KAZ-2026-0001", actor: fixture.actor("aliya"))
    #expect(try fixture.register.verifyAudit().problem == nil)
    return fixture
  }

  static let edits: [(sql: String, named: String)] = [
    ("UPDATE assessment SET explanation = zeroblob(4)", "assessment:1"),
    ("UPDATE assessment SET policy_set_id = NULL", "assessment:1"),
    ("UPDATE policy_set_value SET value_centi = value_centi * 10", "policyset:1"),
    ("UPDATE policy_set SET fingerprint = 'kz-state|'", "policyset:1"),
    ("UPDATE complaint_event SET actor_id = 1 WHERE kind = 'assessed'", "complaint:KAZ-2026-0001"),
  ]

  @Test(arguments: edits)
  func anEditOfTheCompactRowsIsNamed(sql: String, named: String) throws {
    let fixture = try assessed()
    try Tamper.register(at: fixture.path, sql)
    let register = try Register.open(path: fixture.path, clock: Fixture.clock)
    let problem = try #require(try register.verifyAudit().problem)
    #expect(problem.hasPrefix(named), "\(problem)")
  }

  @Test func aTransitionStoresItsEventRowByIdAndPrintsItWhole() throws {
    let fixture = try assessed()
    let stored = try fixture.register.db.prepare(
      "SELECT change FROM audit_entry WHERE kind = 3 AND action = 'assessed'"
    ).first { $0.text("change") }
    let eventID = try fixture.register.db.scalar(
      Int.self, "SELECT id FROM complaint_event WHERE kind = 'assessed'")
    #expect(stored == "@event:\(try #require(eventID))")
    let entry = try #require(
      try fixture.register.auditLog(entity: "complaint:KAZ-2026-0001").last)
    let change = try #require(entry.change)
    #expect(change.hasPrefix(#"{"status":["inspected","assessed"],"complaint_event":{"+":[["#))
    #expect(change.contains(#"["assessed","inspected","assessed","#), "\(change)")
  }
}
