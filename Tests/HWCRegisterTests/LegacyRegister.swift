import HWCStore
import HWCTestSupport
import Testing

@testable import HWCRegister

/// A register as hwc made it before migration 0008: two users (one with a national ID) and their
/// legacy audit entries, hashed as hwc hashed them then.
enum LegacyRegister {
  static func make(at path: String) throws -> Database {
    let db = try Database(path: path)
    _ = try Migrator(migrations: Schema.migrations.filter { $0.number < 8 }).migrate(db)
    try db.execute(
      """
      INSERT INTO app_user(id, name, created_at) VALUES (1, 'aigerim', '2026-01-01T00:00:00Z');
      INSERT INTO user_role(user_id, role) VALUES (1, 'admin');
      INSERT INTO app_user(id, name, created_at, national_id)
        VALUES (2, 'aliya', '2026-01-01T00:00:00Z', '880512300411');
      INSERT INTO user_role(user_id, role, district_id)
        SELECT 2, 'committee', id FROM district WHERE code = 'KAZ';
      """)
    // Entries as hwc wrote them then: no origin columns.
    var previous = LegacyAuditLog.genesis
    for id in [1, 2] {
      guard let (entity, state) = try LegacyAuditLog.state(db, view: "audit_state_user", id: id)
      else { preconditionFailure("user \(id) has no legacy state") }
      let entry = LegacyAuditLog.Entry(
        id: id, at: "2026-01-01T00:00:00Z", actor: "aigerim", command: "hwc user add",
        entity: entity, action: "create", before: nil, after: state)
      let hash = LegacyAuditLog.hash(previous: previous, entry)
      try db.run(
        """
        INSERT INTO audit_log(id, at, actor, command, entity, action, after, prev_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        with: [
          id, entry.at, entry.actor, entry.command,
          entity, "create", state, previous, hash,
        ])
      previous = hash
    }
    return db
  }
}

/// Upgrading a register made before migration 0009: its legacy chain and rows are checked first,
/// then every entity gets a baseline entry made by `hwc` in the same transaction.
@Suite struct AuditUpgradeTests {
  @Test func anUpgradeRecordsABaselineForEveryEntityAndKeepsTheOldEntries() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("old.sqlite")
    _ = try LegacyRegister.make(at: path)
    let (register, result) = try Register.initialize(
      path: path, admin: "aigerim", clock: Fixture.clock)
    #expect(result.applied.contains("0009_audit_digests.sql"))
    let verification = try register.verifyAudit()
    #expect(verification.problem == nil)
    let entries = try register.auditLog()
    // The two legacy entries stay first, hashed as they were; the chain continues from them.
    #expect(entries.prefix(2).map(\.entity) == ["user:aigerim", "user:aliya"])
    #expect(entries.prefix(2).allSatisfy { $0.after != nil && $0.hash.count == 64 })
    #expect(entries[2].id == 3)
    let baseline = entries.filter { $0.command == "migration 0009_audit_digests.sql" }
    #expect(baseline.allSatisfy { $0.actor == "hwc" })
    // Later migrations' seeds (the yak rates of 0010) get their own creation entries.
    let seeded = entries.filter {
      $0.actor == "hwc" && $0.command.hasPrefix("migration ") && $0.action == "create"
        && $0.command != "migration 0009_audit_digests.sql"
    }
    #expect(baseline.count + seeded.count == verification.rows)
    #expect(Set(baseline.map(\.entity)).isSuperset(of: ["user:aigerim", "reference:district"]))
  }

  @Test func aRegisterEditedOutsideHwcIsNotUpgradedAndIsLeftAsItWas() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("old.sqlite")
    let db = try LegacyRegister.make(at: path)
    // Aliya made treasurer with another tool: the legacy views showed it; a baseline must not.
    try db.execute("UPDATE user_role SET role = 'treasurer' WHERE user_id = 2")
    let applied = try db.scalar(Int.self, "SELECT count(*) FROM schema_migration")
    #expect {
      _ = try Register.initialize(path: path, admin: "aigerim", clock: Fixture.clock)
    } throws: { error in
      guard case RegisterError.upgradeRefused(_, let problem) = error else { return false }
      return problem.hasPrefix("user:aliya does not match its last audit entry #2")
        && "\(error)".hasSuffix("restore it from a backup that verifies, then run 'hwc init' again")
    }
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM schema_migration") == applied)
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM app_user") == 2)
  }
}
