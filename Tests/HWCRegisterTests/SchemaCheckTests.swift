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
      DROP TRIGGER audit_log_no_update;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT 1; END
      """,
      "trigger audit_log_no_update differs from what migration 0001_foundation.sql created"
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
      "DROP VIEW audit_state_policy; CREATE TABLE audit_state_policy (entity TEXT, state TEXT)",
      "audit_state_policy is a table, but hwc's migrations make it a view"
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

  @Test func aViewRedefinedToHideAnEditIsNamedAndTheEditNoLongerPasses() throws {
    let fixture = try Fixture()
    _ = try fixture.register.registerComplaint(fixture.draft(), actor: fixture.actor("dauren"))
    let raw = try Database(path: fixture.path, create: false)
    let view = try #require(
      try raw.scalar(
        String.self,
        "SELECT sql FROM sqlite_schema WHERE type = 'view' AND name = 'audit_state_complaint'"))
    let hiding = view.replacing(
      "'status', c.status",
      with: "'status', iif(c.code = 'KAZ-2026-0001', 'registered', c.status)")
    #expect(hiding != view)
    // The edit, and a view that shows the complaint as the log last recorded it.
    try raw.execute(
      """
      UPDATE complaint SET status = 'approved' WHERE code = 'KAZ-2026-0001';
      DROP VIEW audit_state_complaint;
      \(hiding)
      """)
    let logged = try raw.scalar(
      String.self,
      "SELECT after FROM audit_log WHERE entity = 'complaint:KAZ-2026-0001' ORDER BY id DESC")
    #expect(try raw.scalar(String.self, "SELECT state FROM audit_state_complaint") == logged)

    let register = try Register.open(path: fixture.path, clock: Fixture.clock)
    let named = "view audit_state_complaint differs from what migration 0001_foundation.sql created"
    #expect(try schemaItem(register).problem == named)
    #expect(
      try register.verifyAudit().problem
        == "schema: \(named); the records were not compared with the log")
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
    let register = try tampered(
      "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'saule' WHERE id = 3")
    #expect(
      try register.verifyAudit().problem
        == "audit entry #3 (user:saule) was altered: its hash does not match")
    #expect(try schemaItem(register).problem?.hasPrefix("trigger audit_log_no_update") == true)
  }

  @Test func aTamperingThatRestoresTheGuardsLeavesTheSchemaAsMade() throws {
    let fixture = try Fixture()
    try Tamper.register(at: fixture.path, "UPDATE audit_log SET actor = 'saule' WHERE id = 3")
    let register = try Register.open(path: fixture.path, clock: Fixture.clock)
    #expect(try schemaItem(register).problem == nil)
    #expect(try register.verifyAudit().problem?.hasPrefix("audit entry #3") == true)
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
