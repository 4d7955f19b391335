import HWCStore
import HWCTestSupport
import Testing

@testable import HWCRegister

/// `hwc check` names every way the schema differs from what hwc's migrations made, and
/// `hwc audit verify` trusts no view of a register whose schema differs (issue #11).
@Suite struct SchemaCheckTests {
  /// A register with a complaint, `sql` run on its file through a raw connection as `sqlite3`
  /// would (nothing restored afterwards), then opened again.
  func tampered(_ sql: String) throws -> Register {
    let fixture = try Fixture()
    _ = try fixture.register.registerComplaint(fixture.draft(), actor: fixture.actor("dauren"))
    let raw = try Database(path: fixture.path, create: false)
    try raw.execute(sql)
    return try Register.open(path: fixture.path, clock: Fixture.clock)
  }

  /// The `schema` item of `hwc check`, which comes first.
  func schemaItem(_ register: Register) throws -> Register.CheckItem {
    let first = try #require(try register.check().first)
    #expect(first.name == "schema")
    return first
  }

  @Test func aFreshRegisterHasTheMigrationsSchema() throws {
    let fixture = try Fixture()
    _ = try fixture.register.registerComplaint(fixture.draft(), actor: fixture.actor("dauren"))
    #expect(try Schema.migrator.schemaDifferences(fixture.register.db) == [])
    let items = try fixture.register.check()
    #expect(items.map(\.name) == ["schema", "integrity", "foreign keys", "audit chain", "ledger"])
    #expect(items.allSatisfy { $0.problem == nil }, "\(items)")
    #expect(try fixture.register.verifyAudit().problem == nil)
  }

  static let changes: [(sql: String, named: String)] = [
    (
      "DROP TRIGGER ledger_entry_no_delete",
      "trigger ledger_entry_no_delete is missing (hwc's migrations create it)"
    ),
    (
      """
      DROP TRIGGER audit_entry_no_update;
      CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry BEGIN SELECT 1; END
      """,
      "trigger audit_entry_no_update differs from what migration 0009_audit_digests.sql created"
    ),
    ("CREATE TABLE notes (x TEXT)", "table notes is not made by hwc's migrations"),
    (
      "CREATE INDEX complaint_status ON complaint(status)",
      "index complaint_status is not made by hwc's migrations"
    ),
    (
      "DROP INDEX complaint_event_at",
      "index complaint_event_at is missing (hwc's migrations create it)"
    ),
    (
      "ALTER TABLE complaint ADD COLUMN paid_to TEXT",
      "table complaint differs from what migration 0001_foundation.sql created"
    ),
    (
      "ALTER TABLE app_user ADD COLUMN note TEXT",
      "table app_user differs from what migration 0001_foundation.sql created and migration "
        + "0008_user_secrets.sql last changed"
    ),
    (
      "CREATE VIEW audit_state_policy AS SELECT 1 AS state",
      "view audit_state_policy is not made by hwc's migrations (migration 0009_audit_digests.sql dropped it)"
    ),
  ]

  @Test(arguments: changes)
  func aChangedSchemaIsNamedByCheckAndAuditVerify(sql: String, named: String) throws {
    let register = try tampered(sql)
    #expect(try schemaItem(register).problem == named)
    #expect(
      try register.verifyAudit().problem
        == "schema: \(named); the records were not compared with the log")
  }

  @Test func noViewOrTriggerInTheFileTakesPartInTheAuditedState() throws {
    let fixture = try Fixture()
    _ = try fixture.register.registerComplaint(fixture.draft(), actor: fixture.actor("dauren"))
    let raw = try Database(path: fixture.path, create: false)
    // The states are computed by hwc's code: the file holds no view at all.
    #expect(try raw.scalar(Int.self, "SELECT count(*) FROM sqlite_schema WHERE type = 'view'") == 0)
    // An edit is named whatever the file's triggers do (the guards are restored by Tamper).
    try Tamper.register(
      at: fixture.path, "UPDATE complaint SET status = 'approved' WHERE code = 'KAZ-2026-0001'")
    let register = try Register.open(path: fixture.path, clock: Fixture.clock)
    #expect(try schemaItem(register).problem == nil)
    #expect(
      try register.verifyAudit().problem?.hasPrefix("complaint:KAZ-2026-0001 does not match")
        == true)
  }

  @Test func everyDifferenceIsNamedAndAuditVerifyCountsTheRest() throws {
    let register = try tampered(
      "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; CREATE TABLE t (x)")
    #expect(
      try schemaItem(register).problem
        == "trigger audit_log_no_update is missing (hwc's migrations create it); "
        + "trigger audit_log_no_delete is missing (hwc's migrations create it); "
        + "table t is not made by hwc's migrations")
    #expect(
      try register.verifyAudit().problem
        == "schema: trigger audit_log_no_update is missing (hwc's migrations create it) "
        + "(and 2 more; hwc check names them); the records were not compared with the log")
  }

  @Test func aBrokenChainIsNamedBeforeTheSchema() throws {
    let fixture = try Fixture()
    let third = try fixture.sealed + 3
    let raw = try Database(path: fixture.path, create: false)
    try raw.execute(
      """
      DROP TRIGGER audit_entry_no_update;
      UPDATE audit_entry SET action = 'edited' WHERE id = \(third)
      """)
    let register = try Register.open(path: fixture.path, clock: Fixture.clock)
    #expect(
      try register.verifyAudit().problem
        == "audit entry #\(third) (user:saule) was altered: its hash does not match")
    #expect(try schemaItem(register).problem?.hasPrefix("trigger audit_entry_no_update") == true)
  }

  @Test func aTamperingThatRestoresTheGuardsLeavesTheSchemaAsMade() throws {
    let fixture = try Fixture()
    let third = try fixture.sealed + 3
    try Tamper.register(
      at: fixture.path, "UPDATE audit_entry SET action = 'edited' WHERE id = \(third)")
    let register = try Register.open(path: fixture.path, clock: Fixture.clock)
    #expect(try schemaItem(register).problem == nil)
    #expect(try register.verifyAudit().problem?.hasPrefix("audit entry #\(third) ") == true)
  }

  @Test func anOlderRegisterIsComparedWithTheMigrationsItApplied() throws {
    let directory = TemporaryDirectory()
    let db = try Database(path: directory.file("old.sqlite"))
    let older = Array(Schema.migrations.prefix(3))
    try Migrator(migrations: older).migrate(db)
    #expect(try Schema.migrator.schemaDifferences(db) == [])
    try db.execute("DROP VIEW audit_state_user")
    #expect(
      try Schema.migrator.schemaDifferences(db) == [
        "view audit_state_user is missing (hwc's migrations create it)"
      ])
  }
}
