import HWCCore
import HWCStore
import HWCTestSupport
import Testing

@testable import HWCRegister

/// Upgrading a register made before migration 0010 (corrections and the kz-state yak rates):
/// the audit is checked before it, although the correction table it creates is not there yet,
/// and the yak rates it seeds get creation entries made by `hwc`.
@Suite struct CorrectionUpgradeTests {
  @Test func aRegisterMadeBeforeMigration0010IsUpgradedAndItsSeedsAreAudited() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("old.sqlite")
    let db = try Database(path: path)
    let seal = AuditSeal(db: db, path: path, origin: nil, clock: Fixture.clock)
    _ = try Migrator(migrations: Schema.migrations.filter { $0.number <= 9 })
      .migrate(db, before: seal.checkBefore, after: seal.sealAfter)
    #expect(
      try db.scalar(Int.self, "SELECT count(*) FROM sqlite_master WHERE name = 'correction'") == 0)
    let (register, result) = try Register.initialize(
      path: path, admin: "aigerim", clock: Fixture.clock)
    #expect(result.applied.contains("0010_corrections.sql"))
    #expect(try register.verifyAudit().problem == nil)
    let seeded = try register.auditLog().filter { $0.command == "migration 0010_corrections.sql" }
    #expect(
      Set(seeded.map(\.entity))
        == [
          "policy:kz-state:rate.yak.adult@2023-01-01", "policy:kz-state:rate.yak.young@2023-01-01",
        ])
    #expect(seeded.allSatisfy { $0.actor == "hwc" && $0.action == "create" })
  }
}
