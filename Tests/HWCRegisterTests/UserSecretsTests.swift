import HWCCore
import HWCDomain
import HWCStore
import HWCTestSupport
import Testing

@testable import HWCRegister

/// Users' secrets in the register: the stored format, the audited state (status, roles and a
/// digest of the secret) and the entries' origin, and registers made before migration 0008.
@Suite struct UserSecretsTests {
  @Test func aPassphraseIsStoredAsSaltedPBKDF2WithItsIterationCount() throws {
    let hash = SecretHash(passphrase: "a long passphrase", iterations: 1_000)
    let parts = hash.stored.split(separator: "$")
    #expect(parts.count == 4)
    #expect(parts[0] == "pbkdf2-sha256")
    #expect(parts[1] == "1000")
    #expect(parts[2].count == 32)
    #expect(parts[3].count == 64)
    let read = try #require(SecretHash(stored: hash.stored))
    #expect(read == hash)
    #expect(read.matches("a long passphrase"))
    #expect(!read.matches("a long passphrasE"))
    #expect(SecretHash(passphrase: "a long passphrase", iterations: 1_000).salt != hash.salt)
    #expect(SecretHash.standardIterations >= 50_000)
  }

  @Test func aSecretHashReplacedBehindHWCsBackIsDetected() throws {
    let fixture = try Fixture()
    let admin = try fixture.actor("admin")
    _ = try fixture.register.addUser(
      name: "aliya", roles: ["committee@Kaztalov"], passphrase: "aliya's passphrase",
      actor: admin)
    #expect(try fixture.register.verifyAudit().problem == nil)
    let forged = SecretHash(passphrase: "someone else's", iterations: 16).stored
    try Tamper.register(
      at: fixture.path, "UPDATE app_user SET secret = '\(forged)' WHERE name = 'aliya'")
    let problem = try #require(
      try Register.open(path: fixture.path, clock: Fixture.clock).verifyAudit().problem)
    #expect(problem.contains("user:aliya does not match its last audit entry"), "\(problem)")
  }

  @Test func aLockOrADisableWrittenBehindHWCsBackIsDetected() throws {
    let fixture = try Fixture()
    try Tamper.register(at: fixture.path, "UPDATE app_user SET locked = 1 WHERE name = 'dauren'")
    let problem = try #require(
      try Register.open(path: fixture.path, clock: Fixture.clock).verifyAudit().problem)
    #expect(problem.contains("user:dauren"))
  }

  @Test func entriesRecordTheirOriginAndItsHashCoversIt() throws {
    let fixture = try Fixture()
    fixture.register.origin = AuditOrigin(osUser: "aigerim", host: "kaz-office-1")
    let admin = try fixture.actor("admin")
    try fixture.register.disableUser(name: "saule", reason: "on leave", actor: admin)
    let entry = try #require(try fixture.register.auditLog(actor: "admin", limit: 1).first)
    #expect(entry.action == "disable")
    #expect(entry.osUser == "aigerim" && entry.host == "kaz-office-1")
    #expect(try fixture.register.verifyAudit().problem == nil)
    try Tamper.register(
      at: fixture.path,
      """
      UPDATE audit_command SET host = 'elsewhere'
      WHERE id = (SELECT command_id FROM audit_entry WHERE id = \(entry.id))
      """)
    let problem = try Register.open(path: fixture.path, clock: Fixture.clock).verifyAudit().problem
    #expect(problem?.contains("audit entry #\(entry.id)") == true, "\(problem ?? "none")")
  }

  @Test func theLastActiveAdministratorCannotBeDisabledOrLoseTheRole() throws {
    let fixture = try Fixture()
    let admin = try fixture.actor("admin")
    #expect(throws: DomainError.self) {
      try fixture.register.disableUser(name: "admin", reason: "oops", actor: admin)
    }
    #expect(throws: DomainError.self) {
      try fixture.register.revokeRole(name: "admin", role: "admin", actor: admin)
    }
    try fixture.register.revokeRole(name: "dauren", role: "officer@Kaztalov", actor: admin)
    #expect(try fixture.actor("dauren").roles.isEmpty)
    #expect(throws: DomainError.self) {
      try fixture.register.revokeRole(name: "dauren", role: "officer@Kaztalov", actor: admin)
    }
    #expect(throws: DomainError.self) {
      try fixture.register.disableUser(name: "dauren", reason: "x", actor: fixture.actor("saule"))
    }
    #expect(try fixture.register.verifyAudit().problem == nil)
  }

  /// A register whose users and their entries were written before migration 0008 (with and
  /// without a national ID) still verifies after it.
  @Test func usersLoggedBeforeMigration0008StillVerify() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("old.sqlite")
    let db = try LegacyRegister.make(at: path)
    try Schema.migrate(db, path: path, clock: Fixture.clock)
    let register = try Register.open(path: path, clock: Fixture.clock)
    #expect(try register.verifyAudit().problem == nil)
    #expect(try register.users().map(\.status) == ["must set passphrase", "must set passphrase"])
    // `hwc init --admin aigerim` on it gives the administrator a setup code, audited.
    let (upgraded, result) = try Register.initialize(
      path: path, admin: "aigerim", setupCode: true, clock: Fixture.clock)
    #expect(result.setupCode != nil)
    #expect(try upgraded.verifyAudit().problem == nil)
  }
}
