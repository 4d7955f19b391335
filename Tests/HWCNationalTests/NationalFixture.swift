import HWCCore
import HWCNational
import HWCTestSupport

@testable import HWCRegister

/// A temporary folder for a national register, with cheap passphrases and a fixed clock.
final class NationalFixture {
  let directory = TemporaryDirectory(prefix: "hwc-national-test")
  static let clock = Clock.fixed("2026-11-02T10:00:00Z")
  static let origin = AuditOrigin(osUser: "analyst", host: "ministry")
  static let passphrase = "ministry passphrase, for tests"

  /// Passphrases cost a few rounds here, as in the other suites' fixtures.
  private static let cheapSecrets: Void = { SecretHash.iterationsForNewSecrets = 16 }()

  init() { _ = NationalFixture.cheapSecrets }

  /// The national register's folder (not made until `initialize`).
  var folder: String { directory.file("national") }

  /// Creates the national register with administrator `admin` and opens it.
  @discardableResult
  func initialize(admin: String = "admin") throws -> NationalRegister {
    _ = try NationalRegister.initialize(
      folder: folder, admin: admin, passphrase: NationalFixture.passphrase,
      origin: NationalFixture.origin, clock: NationalFixture.clock)
    return try NationalRegister.open(folder: folder, clock: NationalFixture.clock)
  }
}
