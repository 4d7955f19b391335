import HWCCore
import HWCDomain
import HWCStore
import HWCTestSupport
import Testing

@testable import HWCRegister

@Suite struct AuditTests {
  /// A register with a complaint, and a raw connection that bypasses hwc, as `sqlite3` would.
  func tampered(_ sql: (_ sealed: Int) -> String) throws -> Register.AuditVerification {
    let fixture = try Fixture()
    let sealed = try fixture.sealed
    _ = try fixture.register.registerComplaint(fixture.draft(), actor: fixture.actor("dauren"))
    #expect(try fixture.register.verifyAudit().problem == nil)
    try Tamper.register(at: fixture.path, sql(sealed))
    return try Register.open(path: fixture.path, clock: Fixture.clock).verifyAudit()
  }

  @Test func everyMutationIsLoggedWithActorCommandAndState() throws {
    let fixture = try Fixture()
    fixture.register.command = "hwc complaint register"
    _ = try fixture.register.registerComplaint(fixture.draft(), actor: fixture.actor("dauren"))
    let entries = try fixture.register.auditLog().filter { $0.actor != "hwc" }
    #expect(entries.map(\.entity).prefix(2) == ["user:admin", "user:dauren"])
    let last = try #require(entries.last)
    #expect(last.entity == "complaint:KAZ-2026-0001")
    #expect(last.actor == "dauren")
    #expect(last.command == "hwc complaint register")
    #expect(last.action == "create")
    // A creation records the digest of the state the row holds; a change, what changed.
    #expect(last.change == "complaint:KAZ-2026-0001" && last.before == nil && last.after == nil)
    #expect(last.digest?.count == 64)
    #expect(last.at == "2026-06-15T09:30:00Z")
    let one = try fixture.register.auditLog(entity: "complaint:KAZ-2026-0001")
    #expect(one.count == 1)
  }

  @Test func anUntouchedRegisterVerifies() throws {
    let fixture = try Fixture()
    _ = try fixture.register.registerComplaint(fixture.draft(), actor: fixture.actor("dauren"))
    let result = try fixture.register.verifyAudit()
    #expect(result.problem == nil)
    #expect(result.entries == (try fixture.sealed) + 8)
    // Every entity: the 8 the fixture made (6 users, a claimant, the complaint), the 52 policy
    // values (the 2 yak rates by migration 0010, the 6 re-inspection values by 0017) and the 7
    // reference tables the migrations seeded.
    #expect(result.rows == 8 + 52 + 7)
  }

  @Test func editingALoggedEntryIsDetected() throws {
    var entry = 0
    let result = try tampered {
      entry = $0 + 3
      return "UPDATE audit_entry SET action = 'edited' WHERE id = \(entry)"
    }
    #expect(
      result.problem == "audit entry #\(entry) (user:saule) was altered: its hash does not match")
  }

  @Test func rewritingAnEntryAndItsHashIsDetectedByTheNext() throws {
    var entry = 0
    let result = try tampered {
      entry = $0 + 2
      return "UPDATE audit_entry SET hash = zeroblob(32) WHERE id = \(entry)"
    }
    #expect(result.problem?.hasPrefix("audit entry #\(entry) ") == true)
  }

  @Test func deletingAnEntryIsDetected() throws {
    var entry = 0
    let result = try tampered {
      entry = $0 + 4
      return "DELETE FROM audit_entry WHERE id = \(entry)"
    }
    #expect(result.problem == "audit entry #\(entry) is missing (the next entry is #\(entry + 1))")
  }

  @Test func editingAComplaintIsDetected() throws {
    var sealed = 0
    let result = try tampered {
      sealed = $0
      return "UPDATE complaint SET status = 'approved'"
    }
    #expect(
      result.problem
        == "complaint:KAZ-2026-0001 does not match its last audit entry #\(sealed + 8): "
        + "it was edited outside hwc")
  }

  @Test func editingAClaimedQuantityIsDetected() throws {
    let result = try tampered { _ in "UPDATE complaint_item SET quantity_centi = 9900" }
    #expect(result.problem?.hasPrefix("complaint:KAZ-2026-0001 does not match") == true)
  }

  @Test func aRowAddedOutsideHwcIsDetected() throws {
    let result = try tampered { _ in
      "INSERT INTO app_user(name, created_at) VALUES ('mallory', 'x')"
    }
    #expect(result.problem == "user:mallory has no audit entry: it was added outside hwc")
  }

  @Test func grantingARoleOutsideHwcIsDetected() throws {
    let result = try tampered { _ in
      "INSERT INTO user_role(user_id, role) SELECT id, 'treasurer' FROM app_user WHERE name = 'dauren'"
    }
    #expect(result.problem?.hasPrefix("user:dauren does not match") == true)
  }

  @Test func theHashCoversEveryFieldTheCommandAndTheChain() {
    let entry = AuditLog.Entry(
      id: 1, kind: 3, row: 7, action: "create", change: nil,
      digest: [UInt8](repeating: 5, count: 32))
    let command = AuditLog.Command(
      at: "t", actor: "a", command: "c", osUser: nil, host: nil)
    let base = AuditLog.hash(previous: AuditLog.genesis, command: command.hash, entry)
    var changed = entry
    changed.change = ""
    #expect(AuditLog.hash(previous: AuditLog.genesis, command: command.hash, changed) != base)
    changed = entry
    changed.row = 8
    #expect(AuditLog.hash(previous: AuditLog.genesis, command: command.hash, changed) != base)
    changed = entry
    changed.digest = nil
    #expect(AuditLog.hash(previous: AuditLog.genesis, command: command.hash, changed) != base)
    var other = command
    other.actor = "b"
    #expect(AuditLog.hash(previous: AuditLog.genesis, command: other.hash, entry) != base)
    other = command
    other.host = "h"
    #expect(AuditLog.hash(previous: AuditLog.genesis, command: other.hash, entry) != base)
    let previous = [UInt8](repeating: 1, count: 32)
    #expect(AuditLog.hash(previous: previous, command: command.hash, entry) != base)
    #expect(base.count == 32)
  }

}
