import HWCCore
import HWCDomain
import HWCStore
import HWCTestSupport
import Testing

@testable import HWCRegister

/// The audited state is the whole register (issue #11): reference data, policy seeded by
/// migrations, complaint events and flags included, computed by hwc's code. Each edit below
/// passed `audit verify` and `check` before migration 0009.
@Suite struct AuditCoverageTests {
  /// A register with an inspected complaint (an event) flagged as a near duplicate of another.
  func register() throws -> Fixture {
    let fixture = try Fixture()
    let dauren = try fixture.actor("dauren")
    _ = try fixture.register.registerComplaint(fixture.draft(), actor: dauren)
    _ = try fixture.register.registerComplaint(
      fixture.draft { $0.incidentDate = "2026-05-30" }, actor: dauren)
    _ = try fixture.register.inspect(
      code: "KAZ-2026-0001",
      InspectionDraft(date: "2026-06-10", items: ["sheep_goat.adult=3"], protected: "yes"),
      actor: fixture.actor("marat"))
    #expect(try fixture.register.verifyAudit().problem == nil)
    return fixture
  }

  /// `sql` run on the file as `sqlite3` would (guard triggers restored), then `audit verify` and
  /// `check`'s audit item, which must agree.
  func problem(after sql: String, in fixture: Fixture) throws -> String? {
    try Tamper.register(at: fixture.path, sql)
    let register = try Register.open(path: fixture.path, clock: Fixture.clock)
    let verified = try register.verifyAudit().problem
    let checked = try register.check().first { $0.name == "audit chain" }?.problem
    #expect(checked == verified)
    return verified
  }

  static let edits: [(sql: String, named: String)] = [
    // The MRP ×10 made an assessment 943,680 KZT instead of 94,368 (seeded by migration 0003).
    (
      "UPDATE policy_value SET value_centi = value_centi * 10 WHERE key = 'mrp'",
      "policy:kz-state:mrp@"
    ),
    ("UPDATE district SET name_en = 'Elsewhere' WHERE code = 'KAZ'", "reference:district"),
    ("UPDATE conservancy SET district_id = 1", "reference:conservancy"),
    ("UPDATE item SET name_en = 'straw' WHERE code = 'hay'", "reference:item"),
    ("DELETE FROM damage_item WHERE item = 'hay'", "reference:damage_item"),
    ("UPDATE species SET name_ru = 'x'", "reference:species"),
    (
      "UPDATE complaint_event SET actor_id = (SELECT id FROM app_user WHERE name = 'saule')",
      "complaint:KAZ-2026-0001"
    ),
    ("DELETE FROM complaint_event", "complaint:KAZ-2026-0001"),
    ("UPDATE complaint_flag SET detail = 'nothing to see'", "complaint:KAZ-2026-0002"),
    ("DELETE FROM complaint_flag", "complaint:KAZ-2026-0002"),
    ("UPDATE herd_declaration SET heads = heads * 10", "claimant:88********11"),
    ("UPDATE user_role SET district_id = NULL WHERE role = 'officer'", "user:dauren"),
    ("UPDATE inspection_item SET quantity_centi = 900", "inspection:1"),
  ]

  @Test(arguments: edits)
  func anEditTheOldViewsDidNotCoverIsNamed(sql: String, named: String) throws {
    let fixture = try register()
    let problem = try #require(try problem(after: sql, in: fixture))
    #expect(problem.hasPrefix(named), "\(problem)")
    #expect(problem.contains("outside hwc"), "\(problem)")
  }

  @Test func aPolicyValueAddedOutsideHwcIsNamed() throws {
    let fixture = try register()
    let problem = try problem(
      after: """
        INSERT INTO policy_value(scheme, key, value_centi, effective_from, set_at, set_by)
        VALUES ('kz-state', 'mrp', 1, '2026-01-02', 'x', 'migration')
        """, in: fixture)
    #expect(
      problem == "policy:kz-state:mrp@2026-01-02 has no audit entry: it was added outside hwc")
  }

  @Test func aRemovedRowIsNamedByItsKindAndNumber() throws {
    let fixture = try register()
    let problem = try problem(
      after: "DELETE FROM inspection_item; DELETE FROM inspection", in: fixture)
    #expect(problem?.hasPrefix("inspection:1 was removed outside hwc") == true, "\(problem ?? "")")
  }

  /// Every table of the schema is audited or named as outside the audit with a reason, so a new
  /// table cannot be left out silently.
  @Test func everyTableIsAuditedOrExplicitlyLeftOut() throws {
    let fixture = try Fixture()
    let tables = try fixture.register.db.prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).map { $0.text("name") }
    let audited = Set(
      AuditedKind.all.flatMap { [$0.table] + $0.children.map(\.table) })
    for table in tables {
      #expect(
        audited.contains(table) != AuditedKind.unaudited.contains(table),
        "\(table) must be audited or left out, not both or neither")
    }
  }

  @Test func aChangeRecordsWhatChangedAndNeverASecret() throws {
    let fixture = try register()
    let entries = try fixture.register.auditLog(entity: "complaint:KAZ-2026-0001")
    #expect(entries.map(\.action) == ["create", "inspected"])
    let change = try #require(entries.last?.change)
    #expect(change.contains(#""status":["registered","inspected"]"#), "\(change)")
    #expect(change.contains(#""complaint_event":{"+":[["inspected","registered","inspected","#))
    _ = try fixture.register.resetUser(name: "dauren", actor: fixture.actor("admin"))
    let reset = try #require(fixture.register.auditLog(entity: "user:dauren").last)
    let text = try #require(reset.change)
    #expect(text.contains(#""setup_code":"changed""#), "\(text)")
    #expect(!text.contains("pbkdf2"), "\(text)")
  }

  @Test func aBackupVerifiesLikeItsOriginal() throws {
    let fixture = try register()
    let copy = fixture.directory.file("copy.sqlite")
    _ = try fixture.register.backup(to: copy)
    let register = try Register.open(path: copy, clock: Fixture.clock, readOnly: true)
    let result = try register.verifyAudit()
    #expect(result.problem == nil)
    #expect(result.rows == (try fixture.register.verifyAudit().rows))
  }
}
