import HWCCore
import HWCDomain
import HWCStore
import HWCTestSupport
import Testing

@testable import HWCRegister

@Suite struct RegisterTests {
  @Test func initOnAFreshFileAppliesEveryMigrationAndCreatesTheAdmin() throws {
    let directory = TemporaryDirectory()
    let (register, result) = try Register.initialize(
      path: directory.file("r.sqlite"), admin: "aigerim", clock: Fixture.clock)
    #expect(result.created)
    #expect(result.applied == Schema.migrations.map(\.name))
    #expect(result.admin == "aigerim")
    #expect(try register.actor(named: "aigerim").has(.admin))
    #expect(register.reference.districts.count == 9)
    #expect(register.reference.conservancies.map(\.name.en) == ["Shamshy", "Baiboosun"])
    #expect(register.reference.species.count == 6)
    #expect(register.reference.allowedItems["livestock_predation"]?.count == 10)
    #expect(register.reference.district(named: "Жанибекский")?.code == "ZHA")
  }

  @Test func initOnAnExistingRegisterChangesNothing() throws {
    let fixture = try Fixture()
    let before = try fixture.counts()
    let (_, result) = try Register.initialize(
      path: fixture.path, admin: "other", clock: Fixture.clock)
    #expect(!result.created)
    #expect(result.applied.isEmpty)
    #expect(result.admin == nil)
    #expect(try fixture.counts() == before)
  }

  @Test func openingAMissingRegisterIsRefused() {
    #expect(throws: RegisterError.missing(path: "/tmp/hwc-no-such-register.sqlite")) {
      _ = try Register.open(path: "/tmp/hwc-no-such-register.sqlite")
    }
  }

  @Test func openingARegisterWithAnEditedMigrationIsRefused() throws {
    let fixture = try Fixture()
    try fixture.register.db.run(
      "UPDATE schema_migration SET checksum = 'x' WHERE name = '0001_foundation.sql'")
    #expect(throws: MigrationError.edited(name: "0001_foundation.sql")) {
      _ = try Register.open(path: fixture.path)
    }
  }

  @Test func openingARegisterFromANewerHwcIsRefused() throws {
    let fixture = try Fixture()
    try fixture.register.db.run(
      "INSERT INTO schema_migration(name, checksum) VALUES ('9999_future.sql', 'x')")
    #expect(throws: MigrationError.newerDatabase(name: "9999_future.sql")) {
      _ = try Register.open(path: fixture.path)
    }
  }

  // MARK: users and permissions

  @Test func adminAddsUsersWithScopedRoles() throws {
    let fixture = try Fixture()
    let user = try fixture.register.addUser(
      name: "aliya", roles: ["committee@Kaztalov", "committee@Shamshy", "analyst"],
      actor: fixture.actor("admin"))
    #expect(user.roles == ["committee@Kaztalov", "committee@Shamshy", "analyst"])
    let actor = try fixture.actor("aliya")
    #expect(actor.has(.committee, districtID: 1))
    #expect(!actor.has(.committee, districtID: 2))
    #expect(actor.has(.committee, districtID: 7, conservancyID: 1))
  }

  @Test(arguments: [
    ("dauren", "x", ["officer"], "dauren may not add users: that needs the admin role"),
    ("admin", "dauren", ["officer"], "user 'dauren' already exists"),
    ("admin", "bad name", ["officer"], "--name: 'bad name' is not a user name"),
    ("admin", "x", [] as [String], "--role: at least one --role is required"),
    ("admin", "x", ["officer@Atlantis"], "--role: 'Atlantis' is neither"),
  ])
  func userAddRefusalsWriteNothing(actor: String, name: String, roles: [String], message: String)
    throws
  {
    let fixture = try Fixture()
    let before = try fixture.counts()
    #expect {
      _ = try fixture.register.addUser(name: name, roles: roles, actor: fixture.actor(actor))
    } throws: { error in
      (error as? DomainError)?.description.hasPrefix(message) == true
    }
    #expect(try fixture.counts() == before)
  }

  @Test func anUnknownOrMissingActorIsRefused() throws {
    let fixture = try Fixture()
    #expect(throws: DomainError.invalid(field: .actor, "there is no user 'ghost'")) {
      _ = try fixture.register.actor(named: "ghost")
    }
    #expect(throws: DomainError.self) { _ = try fixture.register.actor(named: nil) }
  }

  // MARK: claimants

  @Test func claimantIsStoredWithItsHerdAndShownMasked() throws {
    let fixture = try Fixture()
    let record = try fixture.register.claimant(nationalID: Fixture.yerlan)
    #expect(record.maskedID == "88********11")
    #expect(record.herd.map(\.livestockClass) == ["cattle", "sheep_goat"])
    #expect(record.herd.map(\.heads) == [3, 20])
    #expect(!record.json.text().contains(Fixture.yerlan))
  }

  @Test(arguments: [
    (
      "dauren", ClaimantDraft(name: "A", nationalID: "880512300412", district: "Kaztalov"),
      "--id: The last digit"
    ),
    (
      "dauren", ClaimantDraft(name: "A", nationalID: Fixture.asel, district: "Kaztalov"),
      "--id: A Kazakh IIN has 12 digits"
    ),
    (
      "dauren", ClaimantDraft(name: "", nationalID: Fixture.gulnara, district: "Kaztalov"),
      "--name: is required"
    ),
    (
      "dauren", ClaimantDraft(name: "A", nationalID: Fixture.gulnara, district: "Mars"),
      "--district: 'Mars' is not a district"
    ),
    (
      "dauren",
      ClaimantDraft(
        name: "A", nationalID: Fixture.gulnara, district: "Kaztalov", herd: ["sheep=3"]),
      "--herd: 'sheep=3' is not CLASS=HEADS"
    ),
    (
      "dauren",
      ClaimantDraft(
        name: "A", nationalID: Fixture.gulnara, district: "Kaztalov", herd: ["cattle=-3"]),
      "--herd: cattle heads '-3'"
    ),
    (
      "dauren",
      ClaimantDraft(
        name: "A", nationalID: Fixture.gulnara, district: "Kaztalov", conservancy: "Shamshy"),
      "--conservancy: Shamshy is not in Kaztalov"
    ),
    (
      "dauren", ClaimantDraft(name: "A", nationalID: Fixture.yerlan, district: "Kaztalov"),
      "a claimant with national ID 88********11 is already registered"
    ),
    (
      "saule", ClaimantDraft(name: "A", nationalID: Fixture.gulnara, district: "Kaztalov"),
      "saule may not add claimants in Kaztalov"
    ),
    (
      "admin", ClaimantDraft(name: "A", nationalID: Fixture.gulnara, district: "Kaztalov"),
      "admin may not add claimants"
    ),
  ])
  func claimantRefusalsNameTheFieldAndWriteNothing(
    actor: String, draft: ClaimantDraft, message: String
  ) throws {
    let fixture = try Fixture()
    let before = try fixture.counts()
    #expect {
      _ = try fixture.register.addClaimant(draft, actor: fixture.actor(actor))
    } throws: { error in
      let text = (error as? DomainError)?.description ?? ""
      return text.hasPrefix(message) && !text.contains(draft.nationalID)
    }
    #expect(try fixture.counts() == before)
  }

  @Test func kyrgyzClaimantIsCheckedAsAPIN() throws {
    let fixture = try Fixture()
    let record = try fixture.register.addClaimant(
      ClaimantDraft(
        name: "Asel", nationalID: Fixture.asel, district: "Chuy", conservancy: "Shamshy"),
      actor: fixture.actor("bakyt"))
    #expect(record.conservancy == "Shamshy")
  }
}
