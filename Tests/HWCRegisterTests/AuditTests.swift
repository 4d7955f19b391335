import HWCCore
import HWCDomain
import HWCStore
import HWCTestSupport
import Testing

@testable import HWCRegister

@Suite struct AuditTests {
  /// A register with a complaint, and a raw connection that bypasses hwc, as `sqlite3` would.
  func tampered(_ sql: String) throws -> Register.AuditVerification {
    let fixture = try Fixture()
    _ = try fixture.register.registerComplaint(fixture.draft(), actor: fixture.actor("dauren"))
    #expect(try fixture.register.verifyAudit().problem == nil)
    try Tamper.register(at: fixture.path, sql)
    return try Register.open(path: fixture.path, clock: Fixture.clock).verifyAudit()
  }

  @Test func everyMutationIsLoggedWithActorCommandAndState() throws {
    let fixture = try Fixture()
    fixture.register.command = "hwc complaint register"
    _ = try fixture.register.registerComplaint(fixture.draft(), actor: fixture.actor("dauren"))
    let entries = try fixture.register.auditLog()
    #expect(entries.map(\.entity).prefix(2) == ["user:admin", "user:dauren"])
    let last = try #require(entries.last)
    #expect(last.entity == "complaint:KAZ-2026-0001")
    #expect(last.actor == "dauren")
    #expect(last.command == "hwc complaint register")
    #expect(last.action == "create")
    #expect(last.before == nil)
    #expect(last.after?.contains(#""status":"registered""#) == true)
    #expect(last.at == "2026-06-15T09:30:00Z")
    let one = try fixture.register.auditLog(entity: "complaint:KAZ-2026-0001")
    #expect(one.count == 1)
  }

  @Test func anUntouchedRegisterVerifies() throws {
    let fixture = try Fixture()
    _ = try fixture.register.registerComplaint(fixture.draft(), actor: fixture.actor("dauren"))
    let result = try fixture.register.verifyAudit()
    #expect(result.problem == nil)
    #expect(result.entries == 8)
    #expect(result.rows == 8)
  }

  @Test func editingALoggedEntryIsDetected() throws {
    let result = try tampered("UPDATE audit_log SET actor = 'saule' WHERE id = 3")
    #expect(result.problem == "audit entry #3 (user:saule) was altered: its hash does not match")
  }

  @Test func rewritingAnEntryAndItsHashIsDetectedByTheNext() throws {
    let result = try tampered(
      "UPDATE audit_log SET hash = '\(String(repeating: "a", count: 64))' WHERE id = 2")
    #expect(result.problem?.hasPrefix("audit entry #2") == true)
  }

  @Test func deletingAnEntryIsDetected() throws {
    let result = try tampered("DELETE FROM audit_log WHERE id = 4")
    #expect(result.problem == "audit entry #4 is missing (the next entry is #5)")
  }

  @Test func editingAComplaintIsDetected() throws {
    let result = try tampered("UPDATE complaint SET status = 'approved'")
    #expect(
      result.problem
        == "complaint:KAZ-2026-0001 does not match its last audit entry #8: it was edited outside hwc"
    )
  }

  @Test func editingAClaimedQuantityIsDetected() throws {
    let result = try tampered("UPDATE complaint_item SET quantity_centi = 9900")
    #expect(result.problem?.hasPrefix("complaint:KAZ-2026-0001 does not match") == true)
  }

  @Test func aRowAddedOutsideHwcIsDetected() throws {
    let result = try tampered("INSERT INTO app_user(name, created_at) VALUES ('mallory', 'x')")
    #expect(result.problem == "user:mallory has no audit entry: it was added outside hwc")
  }

  @Test func grantingARoleOutsideHwcIsDetected() throws {
    let result = try tampered(
      "INSERT INTO user_role(user_id, role) SELECT id, 'treasurer' FROM app_user WHERE name = 'dauren'"
    )
    #expect(result.problem?.hasPrefix("user:dauren does not match") == true)
  }

  @Test func theHashCoversEveryFieldAndTheChain() {
    let entry = AuditLog.Entry(
      id: 1, at: "t", actor: "a", command: "c", entity: "e", action: "create", before: nil,
      after: "{}")
    let base = AuditLog.hash(previous: AuditLog.genesis, entry)
    var changed = entry
    changed.before = ""
    #expect(AuditLog.hash(previous: AuditLog.genesis, changed) != base)
    changed = entry
    changed.actor = "b"
    #expect(AuditLog.hash(previous: AuditLog.genesis, changed) != base)
    #expect(AuditLog.hash(previous: String(repeating: "1", count: 64), entry) != base)
    #expect(base.count == 64)
  }
}
